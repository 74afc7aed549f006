package audit

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

func ep(n int, tracks ...string) Episode { return Episode{Number: n, Tracks: tracks} }

func find(code string, sev rule.Severity, file string) Finding {
	return Finding{Rule: code, Severity: sev, File: file, Message: code + " here", Fingerprint: code + file}
}

var testRules = []report.RuleInfo{
	{Code: "T005", Name: "reading-speed-too-high", Family: "timing", Severity: rule.Warning},
	{Code: "L001", Name: "line-too-long", Family: "layout", Severity: rule.Error},
	{Code: "D001", Name: "language-missing", Family: "delivery", Severity: rule.Error},
}

// syntheticAudit: two members; acme delivers the same programme twice
// (a redelivery of episode 2), bravo one film with a waived finding.
func syntheticAudit() *Audit {
	members := []Member{{Name: "bravo", DisplayName: "Bravo"}, {Name: "acme", DisplayName: "Acme"}, {Name: "idle", DisplayName: "Idle"}}
	dels := []Delivery{
		{Member: "acme", Path: "acme/river-2", Title: "The  River", Season: 1, Territories: []string{"FR"},
			Episodes: []Episode{ep(2, "en", "fr")}, Files: 2, Cues: 20, Passed: true,
			Coverage: []Coverage{{Territory: "FR", Required: []string{"fr", "fr:sdh"}, Delivered: []string{"fr"}, Slots: 2, Covered: 1}}},
		{Member: "acme", Path: "acme/river", Title: "The River", Season: 1, Territories: []string{"FR", "GB"},
			Episodes: []Episode{ep(1, "en", "fr", "fr:forced"), ep(2, "en", "fr:sdh"), ep(3, "de:forced")}, Files: 6, Cues: 60,
			Counts: rule.Counts{Errors: 2, Warnings: 1},
			Coverage: []Coverage{{Territory: "FR", Required: []string{"fr", "fr:sdh"}, Delivered: []string{"fr", "fr:sdh"}, Slots: 6, Covered: 2},
				{Territory: "GB", Required: []string{"en"}, Delivered: []string{"en"}, Slots: 3, Covered: 2}},
			Findings: []Finding{find("L001", rule.Error, "acme/river/a.srt"), find("D001", rule.Error, "acme/river/manifest.yaml"),
				find("T005", rule.Warning, "acme/river/a.srt")}},
		{Member: "bravo", Path: "bravo/film", Title: "Film", Territories: []string{"GB"},
			Episodes: []Episode{ep(0, "en")}, Files: 1, Cues: 5, Waived: 1, Passed: true,
			Coverage: []Coverage{{Territory: "GB", Required: []string{"en"}, Delivered: []string{"en"}, Slots: 1, Covered: 1}},
			Findings: []Finding{{Rule: "L001", Severity: rule.Error, File: "bravo/film/f.srt", Waived: &rule.Waiver{Reason: "ok"}}}},
	}
	return Assemble(Header{Tool: report.Tool{Name: "exportqc", Version: "t"}, FailOn: rule.Error, Rules: testRules}, members, dels, nil)
}

func TestSummariseCountingRules(t *testing.T) {
	a := syntheticAudit()
	if len(a.Members) != 3 || a.Members[0].Name != "acme" || a.Members[2].Name != "idle" {
		t.Fatalf("members not in name order: %+v", a.Members)
	}
	acme, bravo, idle := a.Members[0], a.Members[1], a.Members[2]
	// Titles differing in case/spacing are one programme; episode 2 was
	// delivered twice and counts once; a forced-only episode still counts.
	if acme.Deliveries != 2 || acme.Programmes != 1 || acme.Episodes != 3 || acme.Files != 8 || acme.Cues != 80 {
		t.Errorf("acme counts: %+v", acme)
	}
	if acme.PassedDeliveries != 1 || acme.FailedDeliveries != 1 || *acme.PassRate != 50 {
		t.Errorf("acme pass figures: %d/%d %v", acme.PassedDeliveries, acme.FailedDeliveries, acme.PassRate)
	}
	// Coverage sums slots over deliveries: FR 3/8, GB 2/3 → 5/11 = 45.5 %.
	if acme.Coverage == nil || *acme.Coverage != 45.5 {
		t.Errorf("acme coverage %v, want 45.5", acme.Coverage)
	}
	wantTerr := []Coverage{
		{Territory: "FR", Required: []string{"fr", "fr:sdh"}, Delivered: []string{"fr", "fr:sdh"}, Slots: 8, Covered: 3, Percent: percent(3, 8)},
		{Territory: "GB", Required: []string{"en"}, Delivered: []string{"en"}, Slots: 3, Covered: 2, Percent: percent(2, 3)},
	}
	if !reflect.DeepEqual(acme.Territories, wantTerr) {
		t.Errorf("acme territories\n got %+v\nwant %+v", acme.Territories, wantTerr)
	}
	// Forced narratives are not exports of a language: no "de" here.
	wantLang := []LanguageExport{{"en", 1, 2}, {"fr", 1, 2}}
	if !reflect.DeepEqual(acme.Languages, wantLang) {
		t.Errorf("acme languages %+v, want %+v", acme.Languages, wantLang)
	}
	wantTop := []RuleCount{{Rule: "D001", Name: "language-missing", Family: "delivery", Count: 1},
		{Rule: "L001", Name: "line-too-long", Family: "layout", Count: 1},
		{Rule: "T005", Name: "reading-speed-too-high", Family: "timing", Count: 1}}
	if !reflect.DeepEqual(acme.TopRules, wantTop) {
		t.Errorf("acme top rules %+v", acme.TopRules)
	}
	if !reflect.DeepEqual(acme.Families, map[string]int{"delivery": 1, "layout": 1, "timing": 1}) {
		t.Errorf("acme families %v", acme.Families)
	}
	// A waived finding counts as waived, not in rules or families.
	if bravo.Waived != 1 || len(bravo.TopRules) != 0 || len(bravo.Families) != 0 || bravo.Episodes != 1 {
		t.Errorf("bravo: %+v", bravo)
	}
	if idle.Deliveries != 0 || idle.PassRate != nil || idle.Coverage != nil {
		t.Errorf("idle: %+v", idle)
	}
	tot := a.Totals
	if tot.Members != 3 || tot.Deliveries != 3 || tot.Programmes != 2 || tot.Episodes != 4 || tot.PassedDeliveries != 2 {
		t.Errorf("totals: %+v", tot)
	}
	if !reflect.DeepEqual(tot.Ranking, []string{"bravo", "acme", "idle"}) {
		t.Errorf("ranking %v", tot.Ranking)
	}
	gb := tot.Territories[1]
	if gb.Territory != "GB" || gb.Programmes != 2 || gb.Episodes != 4 || gb.Slots != 4 || gb.Covered != 3 {
		t.Errorf("GB export: %+v", gb)
	}
	if a.Passed {
		t.Error("an audit with a failed delivery passed")
	}
}

func TestPercentRounding(t *testing.T) {
	for _, c := range []struct {
		part, whole int
		want        string
	}{{1, 3, "33.3"}, {2, 3, "66.7"}, {1, 8, "12.5"}, {1, 16, "6.3"}, {0, 5, "0.0"}, {5, 5, "100.0"}, {999, 1000, "99.9"}, {9999, 10000, "100.0"}} {
		b, _ := percent(c.part, c.whole).MarshalJSON()
		if string(b) != c.want {
			t.Errorf("%d/%d = %s, want %s", c.part, c.whole, b, c.want)
		}
	}
	if percent(1, 0) != nil {
		t.Error("a rate of nothing is not nil")
	}
}

func TestJSONRoundTrip(t *testing.T) {
	a := syntheticAudit()
	var first bytes.Buffer
	if err := JSON(&first, a); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var second bytes.Buffer
	if err := JSON(&second, back); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Error("JSON → Decode → JSON changed the bytes")
	}
	// Re-aggregating the decoded deliveries gives the same audit: what
	// merge relies on.
	again := Assemble(Header{Tool: back.Tool, FailOn: rule.Error, Plan: back.Plan, Rules: back.Rules},
		memberList(back), back.Deliveries, back.Notes)
	var third bytes.Buffer
	if err := JSON(&third, again); err != nil {
		t.Fatal(err)
	}
	if first.String() != third.String() {
		t.Error("re-aggregating decoded deliveries changed the audit")
	}
	if _, err := Decode(bytes.NewReader(bytes.Replace(first.Bytes(), []byte(`"plan"`), []byte(`"plan_x"`), 1))); err == nil {
		t.Error("an unknown field was accepted")
	}
}
