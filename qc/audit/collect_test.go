package audit

import (
	"reflect"
	"testing"

	"github.com/exportqc/exportqc/qc/audit/auditrules"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

func req(lang, kind string, accepts ...string) territory.Requirement {
	return territory.Requirement{Language: lang, Kind: kind, Accepts: append([]string{kind}, accepts...)}
}

// testTerritories: FR wants French subtitles and SDH (captions accepted
// for SDH); CN wants Simplified Chinese, zh-CN being the same language.
func testTerritories(ts []string) ([]*territory.Territory, error) {
	var out []*territory.Territory
	for _, t := range ts {
		switch t {
		case "FR":
			out = append(out, &territory.Territory{ID: "FR", Requires: []territory.Requirement{
				req("fr", "subtitles"), req("fr", "sdh", "captions")}})
		case "CN":
			out = append(out, &territory.Territory{ID: "CN", Requires: []territory.Requirement{req("zh-Hans", "subtitles")},
				Classes: []territory.Class{{Name: "Simplified Chinese", Tags: []string{"zh-Hans", "zh-CN"}}}})
		}
	}
	return out, nil
}

// collectAll maps one engine report holding every delivery of sel, as
// the audit does part by part (see NewCollector), with the plan's rules
// at their defaults. Notes are findings outside every delivery and the
// waivers' own notes.
func collectAll(root string, sel []Planned, rep *report.Report, failOn rule.Severity, req Requirements, waive Waive) ([]Delivery, []Finding, error) {
	c := NewCollector(root, sel, failOn, req, waive)
	c.SetPlan(&rule.AuditPlan{Members: 1, Deliveries: len(sel)}, auditrules.Rules, nil)
	if err := c.Add(rep); err != nil {
		return nil, nil, err
	}
	return c.Finish(rep.Rules)
}

func TestCollect(t *testing.T) {
	// The engine reports paths under the root as given ("/data/audit").
	at := func(ms int) *rule.Timecode { return rule.TC(cue.Time(ms) * cue.Millisecond) }
	rep := &report.Report{
		Deliveries: []report.Delivery{
			{Path: "/data/audit/acme/river", Kind: "native", Title: "River", Season: 1, Territories: []string{"FR", "CN"},
				Episodes: []report.DeliveryEpisode{{Number: 1}, {Number: 2}, {Number: 3}}},
		},
		Files: []report.File{
			{Path: "/data/audit/acme/river/e1.fr.srt", Delivery: "/data/audit/acme/river", Kind: "subtitles", Episode: 1, Language: "fr", Cues: 10},
			{Path: "/data/audit/acme/river/e1.fr.scc", Delivery: "/data/audit/acme/river", Kind: "captions", Episode: 1, Language: "fr", Cues: 5},
			{Path: "/data/audit/acme/river/e2.fr.srt", Delivery: "/data/audit/acme/river", Kind: "subtitles", Episode: 2, Language: "fr-FR", Cues: 7},
			{Path: "/data/audit/acme/river/e2.zh.srt", Delivery: "/data/audit/acme/river", Kind: "subtitles", Episode: 2, Language: "zh-CN", Cues: 7},
			{Path: "/data/audit/acme/river/e3.fr.forced.srt", Delivery: "/data/audit/acme/river", Kind: "forced", Episode: 3, Language: "fr", Cues: 2},
			// A folder the engine did not take as a delivery (no manifest):
			// its files still belong to the planned delivery by path.
			{Path: "/data/audit/bravo/loose/a.en.srt", Language: "en", Cues: 3},
		},
		Findings: []rule.Finding{
			{Rule: "T005", Severity: rule.Warning, File: "/data/audit/acme/river/e1.fr.srt", Cue: 2, Start: at(4500), Message: "reading speed 21.0"},
			{Rule: "D001", Severity: rule.Error, File: "/data/audit/acme/river/manifest.yaml", Line: 9, Message: "episode 3 has no French subtitles"},
			{Rule: "L001", Severity: rule.Error, File: "/data/audit/bravo/loose/a.en.srt", Cue: 1, Start: at(1000), Message: "too long"},
			{Rule: "W001", Severity: rule.Warning, File: "/data/waivers.yaml", Line: 3, Message: "waiver matched no finding"},
		},
	}
	sel := []Planned{{Member: "acme", Path: "acme/river"}, {Member: "bravo", Path: "bravo/loose"}, {Member: "bravo", Path: "bravo/empty"}}
	dels, notes, err := collectAll("/data/audit/", sel, rep, rule.Error, testTerritories, nil)
	if err != nil {
		t.Fatal(err)
	}
	river, loose, empty := dels[0], dels[1], dels[2]
	if river.Kind != "native" || river.Title != "River" || river.Season != 1 || river.Files != 5 || river.Cues != 31 {
		t.Errorf("river record: %+v", river)
	}
	wantEp := []Episode{{1, []string{"fr", "fr:captions"}}, {2, []string{"fr-FR", "zh-CN"}}, {3, []string{"fr:forced"}}}
	if !reflect.DeepEqual(river.Episodes, wantEp) {
		t.Errorf("river episodes %+v, want %+v", river.Episodes, wantEp)
	}
	// CN: zh-CN is in the Simplified class, so episode 2 is covered (1/3).
	// FR: subtitles in episodes 1 and 2 (fr-FR meets fr), SDH in episode 1
	// through captions; the forced file of episode 3 meets nothing: 3/6.
	wantCov := []Coverage{
		{Territory: "CN", Required: []string{"zh-Hans"}, Delivered: []string{"zh-Hans"}, Slots: 3, Covered: 1, Percent: percent(1, 3)},
		{Territory: "FR", Required: []string{"fr", "fr:sdh"}, Delivered: []string{"fr", "fr:sdh"}, Slots: 6, Covered: 3, Percent: percent(3, 6)},
	}
	if !reflect.DeepEqual(river.Coverage, wantCov) {
		t.Errorf("river coverage\n got %+v\nwant %+v", river.Coverage, wantCov)
	}
	if river.Errors != 1 || river.Warnings != 1 || river.Passed || len(river.Findings) != 2 {
		t.Errorf("river findings: %d errors %d warnings passed=%v %+v", river.Errors, river.Warnings, river.Passed, river.Findings)
	}
	f := river.Findings[0] // report order: e1.fr.srt sorts before manifest.yaml
	if f.File != "acme/river/e1.fr.srt" || f.Start != "00:00:04.500" || f.Cue != 2 {
		t.Errorf("finding not made root-relative: %+v", f)
	}
	// The fingerprint is the root-relative finding's, so it does not
	// depend on where the tree was mounted.
	moved := rule.Finding{Rule: "T005", File: "acme/river/e1.fr.srt", Start: at(4500), Message: "reading speed 19.0"}
	if f.Fingerprint != rule.Fingerprint(&moved) {
		t.Errorf("fingerprint %s is not that of the root-relative finding", f.Fingerprint)
	}
	if loose.Files != 1 || loose.Errors != 1 || loose.Passed || len(loose.Episodes) != 1 || loose.Episodes[0].Number != 0 {
		t.Errorf("loose folder: %+v", loose)
	}
	// A delivery folder holding nothing to check fails (B004): checking
	// nothing is not a pass.
	if empty.Files != 0 || empty.Passed || empty.Errors != 1 || len(empty.Findings) != 1 ||
		empty.Findings[0].Rule != "B004" || empty.Findings[0].File != "bravo/empty" || len(empty.Coverage) != 0 {
		t.Errorf("empty delivery: %+v", empty)
	}
	if len(notes) != 1 || notes[0].Rule != "W001" || notes[0].File != "/data/waivers.yaml" {
		t.Errorf("notes %+v", notes)
	}
}

func TestCollectRootDot(t *testing.T) {
	rep := &report.Report{Files: []report.File{{Path: "acme/x/a.srt", Cues: 1}}}
	dels, _, _ := collectAll(".", []Planned{{Member: "acme", Path: "acme/x"}}, rep, rule.Error, nil, nil)
	if dels[0].Files != 1 {
		t.Error("paths under root \".\" were not matched")
	}
}
