package waiver

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

var names = map[string]string{
	"T002": "cue-overlap", "T004": "cue-too-long", "T005": "reading-speed-too-high", "E000": "parse-error",
}

// finding is a finding on cue c of file starting at ms milliseconds.
func finding(code, file string, c int, ms int64) rule.Finding {
	return rule.Finding{Rule: code, Name: names[code], Severity: rule.Error, File: file, Line: 4*c - 2, Cue: c,
		Start:   rule.TC(cue.Time(ms) * cue.Millisecond),
		Message: fmt.Sprintf("problem %s on cue %d", code, c)}
}

func fs(f ...rule.Finding) []rule.Finding { return f }

func fingerprintOf(f rule.Finding) string { return rule.Fingerprint(&f) }

// day is noon on a date in UTC: the injected clock.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

// waivedIdx lists which findings got a waiver.
func waivedIdx(w []*rule.Waiver) []int {
	var out []int
	for i, x := range w {
		if x != nil {
			out = append(out, i)
		}
	}
	return out
}

// TestMatching pins what each condition selects, one waiver at a time,
// against the same findings.
func TestMatching(t *testing.T) {
	findings := fs(
		finding("T005", "S01E03/show.fr.srt", 12, 12*60_000+3_500), // 0
		finding("T005", "S01E03/show.en.srt", 12, 12*60_000+3_500), // 1
		finding("T005", "deliv/S01E03/show.fr.srt", 3, 60_000),     // 2
		finding("T004", "S01E03/show.fr.srt", 12, 12*60_000+3_500), // 3
		finding("T005", "S01E04/sub/deep/x.fr.srt", 7, 13*60_000),  // 4
		finding("T005", `S01E05\win.fr.srt`, 1, 12*60_000+59_999),  // 5
	)
	noStart := finding("E000", "S01E03/show.fr.srt", 12, 0)
	noStart.Start = nil
	findings = append(findings, noStart) // 6

	cases := []struct {
		name, cond string
		want       []int
	}{
		{"rule code", "rule: T004", []int{3}},
		{"rule name", "rule: reading-speed-too-high", []int{0, 1, 2, 4, 5}},
		{"rule code is exact", "rule: t004", nil},
		{"glob in a directory", "rule: T005\n    file: \"S01E03/*.fr.srt\"", []int{0, 2}},
		{"glob matches the path's end", "rule: T005\n    file: \"*.en.srt\"", []int{1}},
		{"glob star stays in one segment", "rule: T005\n    file: \"S01E04/*.fr.srt\"", nil},
		{"double star any depth", "rule: T005\n    file: \"S01E04/**/*.fr.srt\"", []int{4}},
		{"double star zero depth", "rule: T005\n    file: \"S01E03/**/show.fr.srt\"", []int{0, 2}},
		{"leading double star", "rule: T005\n    file: \"**/deliv/**\"", []int{2}},
		{"windows path", "rule: T005\n    file: \"S01E05/*.srt\"", []int{5}},
		{"whole path", "rule: T005\n    file: deliv/S01E03/show.fr.srt", []int{2}},
		{"cue index", "rule: T005\n    cue: 12", []int{0, 1}},
		{"timecode", "rule: T005\n    at: \"00:12:03.500\"", []int{0, 1}},
		{"timecode comma", "rule: T005\n    at: \"00:12:03,5\"", []int{0, 1}},
		{"timecode is exact", "rule: T005\n    at: \"00:12:03.501\"", nil},
		{"range inclusive", "rule: T005\n    at: \"00:12:00-00:13:00\"", []int{0, 1, 4, 5}},
		{"range excludes", "rule: T005\n    at: \"00:12:03.501 - 00:12:59.998\"", nil},
		{"no start never matches at", "rule: E000\n    at: \"00:00:00-99:00:00\"", nil},
		{"no start matches without at", "rule: E000", []int{6}},
		{"fingerprint", "fingerprint: " + fingerprintOf(findings[2]), []int{2}},
		{"fingerprint and rule both hold", "rule: T004\n    fingerprint: " + fingerprintOf(findings[2]), nil},
		{"all conditions", "rule: T005\n    file: \"*.fr.srt\"\n    cue: 12\n    at: \"00:12:03.500\"", []int{0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, _ := mustLoad(t, "waivers:\n  - "+c.cond+"\n    reason: test\n")
			waived, notes := s.Apply(findings, day(2026, 1, 1))
			if got := waivedIdx(waived); !reflect.DeepEqual(got, c.want) {
				t.Errorf("waived %v, want %v", got, c.want)
			}
			if (len(c.want) == 0) != (len(notes) == 1) {
				t.Errorf("notes %v for %d waived", notes, len(c.want))
			}
		})
	}
}

// One waiver may cover many findings; all carry the same record, no note.
func TestOneWaiverManyFindings(t *testing.T) {
	s, p := mustLoad(t, "waivers:\n  - rule: T005\n    reason: lyrics\n")
	in := fs(finding("T005", "a.srt", 1, 0), finding("T005", "a.srt", 2, 2000), finding("T005", "b.srt", 9, 9000))
	waived, notes := s.Apply(in, day(2026, 1, 1))
	if len(waivedIdx(waived)) != 3 || len(notes) != 0 {
		t.Fatalf("waived %v notes %v", waivedIdx(waived), notes)
	}
	for _, w := range waived {
		if w.Source != p+":2" || w.Reason != "lyrics" {
			t.Errorf("record %+v", *w)
		}
	}
}

// Two waivers matching one finding: the first in file order waives it. A
// later waiver that waives something else is used; one that only ever
// matched findings already taken is W001 and names the waiver that took them.
// overlapping are three T005 waivers: the first and second each take
// findings, the third matches only what the second already took.
const overlapping = `waivers:
  - rule: T005
    cue: 1
    reason: first
  - rule: T005
    reason: second, broader
  - rule: T005
    file: a.srt
    reason: third, shadowed by the second
`

func TestOverlappingWaivers(t *testing.T) {
	s, p := mustLoad(t, overlapping)
	in := fs(finding("T005", "a.srt", 1, 0), finding("T005", "a.srt", 2, 2000))
	waived, notes := s.Apply(in, day(2026, 1, 1))
	if waived[0] == nil || waived[0].Reason != "first" {
		t.Errorf("finding 0 waived by %+v, want the first waiver", waived[0])
	}
	if waived[1] == nil || waived[1].Reason != "second, broader" {
		t.Errorf("finding 1 waived by %+v, want the second waiver", waived[1])
	}
	if len(notes) != 1 {
		t.Fatalf("notes %v, want one W001 for the third waiver", notes)
	}
	n := notes[0]
	if n.Rule != "W001" || n.Name != "waiver-unused" || n.File != p || n.Line != 7 ||
		!strings.Contains(n.Message, "the waivers on lines 2, 5") {
		t.Errorf("note %+v", n)
	}
}

// Expiry by the injected clock: the expiry date is the last day a waiver
// applies. Expired, it waives nothing and is W002 (once, never also W001).
func TestExpiry(t *testing.T) {
	src := "waivers:\n  - rule: T005\n    reason: r\n    expires: 2027-03-31\n"
	in := fs(finding("T005", "a.srt", 1, 0), finding("T005", "a.srt", 2, 2000))
	cases := []struct {
		name    string
		now     time.Time
		expired bool
	}{
		{"before", day(2027, 3, 30), false},
		{"on the day, morning", time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC), false},
		{"on the day, evening", time.Date(2027, 3, 31, 23, 59, 59, 0, time.UTC), false},
		{"day after", time.Date(2027, 4, 1, 0, 0, 0, 0, time.UTC), true},
		{"year after", day(2028, 1, 1), true},
		// 1 April 01:00 in Paris is still 31 March in UTC: the clock's
		// own calendar decides.
		{"local calendar", time.Date(2027, 4, 1, 1, 0, 0, 0, time.FixedZone("CEST", 2*3600)), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, p := mustLoad(t, src)
			waived, notes := s.Apply(in, c.now)
			if c.expired {
				if len(waivedIdx(waived)) != 0 {
					t.Errorf("expired waiver still waived %v", waivedIdx(waived))
				}
				if len(notes) != 1 || notes[0].Rule != "W002" || notes[0].Name != "waiver-expired" ||
					notes[0].File != p || notes[0].Line != 2 || !strings.Contains(notes[0].Message, "2027-03-31") {
					t.Errorf("notes %+v, want one W002 naming the date", notes)
				}
				return
			}
			if len(waivedIdx(waived)) != 2 || len(notes) != 0 {
				t.Errorf("waived %v notes %v, want both waived and no notes", waivedIdx(waived), notes)
			}
		})
	}
}

// An expired waiver that matches nothing is still just W002; an unused
// live one is W001; notes come in waiver-file order.
func TestNotesInLineOrder(t *testing.T) {
	s, p := mustLoad(t, `waivers:
  - rule: T002
    reason: nothing overlaps any more
  - rule: T005
    reason: used
  - rule: T004
    reason: old
    expires: 2020-01-01
  - rule: E000
    reason: also unused
`)
	waived, notes := s.Apply(fs(finding("T005", "a.srt", 1, 0)), day(2026, 1, 1))
	if len(waivedIdx(waived)) != 1 {
		t.Errorf("waived %v", waivedIdx(waived))
	}
	var got []string
	for _, n := range notes {
		if n.File != p || n.Severity != rule.Warning {
			t.Errorf("note %+v", n)
		}
		got = append(got, fmt.Sprintf("%s@%d", n.Rule, n.Line))
	}
	if want := []string{"W001@2", "W002@6", "W001@9"}; !reflect.DeepEqual(got, want) {
		t.Errorf("notes %v, want %v", got, want)
	}
}

// Apply reads the findings and leaves them alone; a nil or empty set
// waives nothing and says nothing.
func TestApplyLeavesFindingsAlone(t *testing.T) {
	in := fs(finding("T005", "a.srt", 1, 0))
	before := fmt.Sprintf("%+v", in)
	s, _ := mustLoad(t, "waivers:\n  - rule: T005\n    reason: r\n")
	s.Apply(in, day(2026, 1, 1))
	if after := fmt.Sprintf("%+v", in); after != before {
		t.Errorf("findings changed:\n%s\n%s", before, after)
	}
	var none *Set
	if w, n := none.Apply(in, day(2026, 1, 1)); w != nil || n != nil {
		t.Errorf("nil set: %v %v", w, n)
	}
}

func TestRulesDocumented(t *testing.T) {
	codes := map[string]bool{}
	for _, r := range Rules {
		if r.Family != "waiver" || r.DefaultSeverity != rule.Warning || r.Doc == "" || r.Summary == "" || r.Run != nil {
			t.Errorf("rule %s: %+v", r.Code, *r)
		}
		codes[r.Code+" "+r.Name] = true
	}
	if !codes["W001 waiver-unused"] || !codes["W002 waiver-expired"] {
		t.Errorf("rules %v", codes)
	}
}

func BenchmarkApply(b *testing.B) {
	var src strings.Builder
	src.WriteString("waivers:\n")
	for i := range 50 {
		fmt.Fprintf(&src, "  - rule: T005\n    file: \"ep%d/*.fr.srt\"\n    at: \"00:%02d:00-00:%02d:59\"\n    reason: r\n", i, i%60, i%60)
	}
	s, err := Parse("w.yaml", []byte(src.String()))
	if err != nil {
		b.Fatal(err)
	}
	in := make([]rule.Finding, 10_000)
	for i := range in {
		in[i] = finding("T005", fmt.Sprintf("ep%d/show.fr.srt", i%100), i, int64(i)*1000)
	}
	now := day(2026, 1, 1)
	b.ReportAllocs()
	for b.Loop() {
		s.Apply(in, now)
	}
}

func tcMS(ms int64) *rule.Timecode { return rule.TC(cue.Time(ms) * cue.Millisecond) }

// Applying in batches, in any order, decides every finding and gives the
// notes exactly as one Apply over all the findings: an audit hands its
// findings over delivery by delivery, in whatever order they finish.
func TestApplierBatchesEqualOneApply(t *testing.T) {
	s, _ := mustLoad(t, overlapping+`  - rule: T004
    reason: matches nothing
  - rule: T002
    file: b.srt
    reason: old
    expires: 2020-01-01
`)
	all := fs(finding("T005", "a.srt", 1, 0), finding("T005", "a.srt", 2, 2000),
		finding("T002", "b.srt", 3, 5000), finding("T005", "b.srt", 1, 0), finding("E000", "c.srt", 1, 0))
	now := day(2026, 1, 1)
	want, wantNotes := s.Apply(all, now)
	// Batches of one, last finding first.
	a := s.Applier(now)
	got := make([]*rule.Waiver, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		got[i] = a.Apply(all[i : i+1])[0]
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("batches waived %v, one Apply %v", waivedIdx(got), waivedIdx(want))
	}
	if notes := a.Notes(); !reflect.DeepEqual(notes, wantNotes) || len(notes) != 3 {
		t.Errorf("batch notes\n%v\nwant (3 notes)\n%v", notes, wantNotes)
	}
}

// The notes are settled once every waiver in force has waived a finding,
// and from then on are what Notes gives at the end, whatever comes after;
// an expired waiver does not hold them back, an unused one does.
func TestSettled(t *testing.T) {
	src := "waivers:\n  - rule: T005\n    reason: r\n  - rule: T002\n    reason: r\n" +
		"  - rule: T004\n    reason: r\n    expires: 2020-01-01\n"
	s, _ := mustLoad(t, src)
	a := s.Applier(day(2026, 11, 25))
	if a.Settled() {
		t.Fatal("settled before any finding, with two waivers in force")
	}
	a.Apply(fs(finding("T005", "a.srt", 1, 0)))
	if a.Settled() {
		t.Fatal("settled with the T002 waiver unused")
	}
	a.Apply(fs(finding("T002", "b.srt", 1, 0)))
	if !a.Settled() {
		t.Fatal("not settled once both waivers in force waived a finding")
	}
	early := a.Notes()
	a.Apply(fs(finding("T004", "c.srt", 1, 0), finding("T002", "c.srt", 2, 2000), finding("T005", "d.srt", 1, 0)))
	if late := a.Notes(); !reflect.DeepEqual(early, late) || len(late) != 1 || late[0].Rule != "W002" {
		t.Errorf("notes when settled %v, at the end %v; want the same single W002", early, late)
	}
	empty, _ := mustLoad(t, "waivers: []\n")
	if !empty.Applier(day(2026, 11, 25)).Settled() {
		t.Error("an empty waiver file is not settled")
	}
}
