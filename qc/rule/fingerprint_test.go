package rule

import (
	"regexp"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

func tcAt(ms int64) *Timecode { return TC(cue.Time(ms) * cue.Millisecond) }

// A cue inserted above moves every later cue's index and line, and changes
// the cue numbers that messages quote: none of that may change identity.
func TestFingerprintSurvivesCueInsertedAbove(t *testing.T) {
	before := Finding{Rule: "T002", Name: "cue-overlap", Severity: Error, File: "ep1/fr.srt",
		Line: 17, Cue: 5, Start: tcAt(12_003_500), End: tcAt(12_005_000),
		Message: "cue 5 starts 0.120s before cue 4 ends"}
	after := before
	after.Line, after.Cue = 21, 6
	after.Message = "cue 6 starts 0.120s before cue 5 ends"
	if Fingerprint(&before) != Fingerprint(&after) {
		t.Error("fingerprint changed when a cue was inserted above")
	}
}

// Each ingredient of identity changes the fingerprint.
func TestFingerprintDistinguishes(t *testing.T) {
	base := Finding{Rule: "T005", File: "a.srt", Start: tcAt(5000), Message: "reading speed 21.3 characters/s"}
	variants := map[string]func(*Finding){
		"rule":      func(f *Finding) { f.Rule = "T004" },
		"file":      func(f *Finding) { f.File = "b.srt" },
		"directory": func(f *Finding) { f.File = "x/a.srt" },
		"start":     func(f *Finding) { f.Start = tcAt(5001) },
		"no start":  func(f *Finding) { f.Start = nil },
		"words":     func(f *Finding) { f.Message = "reading speed 21.3 words/min" },
		"quoted":    func(f *Finding) { f.Message = `line 1 ends with a space: "a "` },
	}
	seen := map[string]string{Fingerprint(&base): "base"}
	for name, change := range variants {
		f := base
		change(&f)
		fp := Fingerprint(&f)
		if prev, dup := seen[fp]; dup {
			t.Errorf("%s gives the same fingerprint as %s", name, prev)
		}
		seen[fp] = name
	}
}

// What deliberately does not change identity: measurements and thresholds
// in the message, the end time, severity, expected/actual, source, the
// spelling of the path.
func TestFingerprintIgnores(t *testing.T) {
	base := Finding{Rule: "T005", Name: "reading-speed-too-high", Severity: Warning, File: "ep1/a.srt",
		Line: 3, Cue: 1, Start: tcAt(5000), End: tcAt(7000),
		Message: "reading speed 21.3 characters/s (42 characters in 1.97s), more than 17"}
	same := map[string]func(*Finding){
		"measurement": func(f *Finding) { f.Message = "reading speed 19.05 characters/s (40 characters in 2.1s), more than 15" },
		"end":         func(f *Finding) { f.End = tcAt(7500) },
		"severity":    func(f *Finding) { f.Severity = Error },
		"name":        func(f *Finding) { f.Name = "" },
		"expected":    func(f *Finding) { f.Expected, f.Actual, f.Source = "≤ 17", "21.3", "Netflix FR" },
		"./ path":     func(f *Finding) { f.File = "./ep1/a.srt" },
		"windows":     func(f *Finding) { f.File = `ep1\a.srt` },
		"sub-ms":      func(f *Finding) { v := Timecode(cue.Time(*f.Start) + 3); f.Start = &v },
	}
	want := Fingerprint(&base)
	for name, change := range same {
		f := base
		change(&f)
		if got := Fingerprint(&f); got != want {
			t.Errorf("%s changed the fingerprint: %s, want %s", name, got, want)
		}
	}
}

func TestFingerprintForm(t *testing.T) {
	f := Finding{Rule: "E000", File: "a.srt", Message: "x"}
	if fp := Fingerprint(&f); !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(fp) {
		t.Errorf("fingerprint %q is not 16 lower-case hex digits", fp)
	}
	// A long message must not be truncated into a collision.
	a := Finding{Rule: "E000", File: "a.srt", Message: string(make([]byte, 300)) + "a"}
	b := a
	b.Message = string(make([]byte, 300)) + "b"
	if Fingerprint(&a) == Fingerprint(&b) {
		t.Error("messages differing after 300 bytes share a fingerprint")
	}
}

func TestMessageShape(t *testing.T) {
	for in, want := range map[string]string{
		"reading speed 21.3 characters/s":           "reading speed # characters/s",
		"cue starts at 00:12:03.500, before cue 12": "cue starts at #, before cue #",
		"gap of 2f (0.083s) after cue 4":            "gap of #f (#s) after cue #",
		"version 1.":                                "version #.",
		"1,5 s; a,b":                                "# s; a,b",
		"no digits":                                 "no digits",
		"":                                          "",
		"ü9ü":                                       "ü#ü",
	} {
		if got := MessageShape(in); got != want {
			t.Errorf("MessageShape(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkFingerprint(b *testing.B) {
	f := Finding{Rule: "T005", File: "delivery/S01E03/show.fr.srt", Start: tcAt(12_003_500),
		Message: "reading speed 21.3 characters/s (42 characters in 1.97s), more than 17"}
	b.ReportAllocs()
	for b.Loop() {
		Fingerprint(&f)
	}
}

// FuzzMessageShape: a shape has no digits left, shaping is idempotent, and
// text without digits is unchanged.
func FuzzMessageShape(f *testing.F) {
	for _, s := range []string{"reading speed 21.3 characters/s", "00:12:03.500", "1,5", "a.1.", "9", "x:9:y", "ü9ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		shape := MessageShape(msg)
		for i := 0; i < len(shape); i++ {
			if isDigit(shape[i]) {
				t.Fatalf("shape %q of %q keeps a digit", shape, msg)
			}
		}
		if again := MessageShape(shape); again != shape {
			t.Fatalf("shape of %q is %q, shaped again %q", msg, shape, again)
		}
		hasDigit := false
		for i := 0; i < len(msg); i++ {
			hasDigit = hasDigit || isDigit(msg[i])
		}
		if !hasDigit && shape != msg {
			t.Fatalf("%q has no digits but shaped to %q", msg, shape)
		}
	})
}
