package langcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// tagSeeds are tags seen in deliveries and the pitfalls of the reference
// notes.
var tagSeeds = []string{"fr", "pt_BR", "zh-Hant-TW", "iw", "in-ID", "en-UK", "es-LA", "es-419", "cmn-Hans", "yue-HK",
	"x-klingon", "qaa", "sl-rozaj-rozaj", "en-a-bbb-a-ccc", "i-klingon", "zh-min-nan", "EN", "und", "jp", "en--US",
	"de-DE-u-co-phonebk", "sr-Latn-RS", "en-x-sdh", "zh_hans", "", " ", "-", "a-b", "ar-001", "en-US-POSIX"}

// corpusTags adds the xml:lang values of a few corpus TTML files.
func corpusTags(f *testing.F) []string {
	dir := corpusDirOrEmpty(f)
	if dir == "" {
		return nil
	}
	var out []string
	paths, _ := filepath.Glob(filepath.Join(dir, "ttml", "w3c-imsc-tests", "imsc1", "*", "*.ttml"))
	for i, p := range paths {
		if i >= 40 {
			break
		}
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s := string(data)
		if j := strings.Index(s, `xml:lang="`); j >= 0 {
			if k := strings.IndexByte(s[j+10:], '"'); k >= 0 {
				out = append(out, s[j+10:j+10+k])
			}
		}
	}
	return out
}

// FuzzCheckTag: CheckTag never panics; what it accepts is a tag x/text
// parses, canonical forms are fixed points, a tag agrees with its own
// canonical form, and agreement is symmetric.
func FuzzCheckTag(f *testing.F) {
	for _, s := range append(tagSeeds, corpusTags(f)...) {
		f.Add(s, "fr-CA")
	}
	f.Fuzz(func(t *testing.T, raw, other string) {
		canon, p := CheckTag(raw)
		if p != nil && (p.Rule != "G001" || p.Message == "" || rank(p.Severity) == 0) {
			t.Fatalf("CheckTag(%q): malformed problem %+v", raw, *p)
		}
		if p != nil && p.Severity == SeverityError {
			if canon != "" {
				t.Fatalf("CheckTag(%q) = %q with an error", raw, canon)
			}
		} else if strings.TrimSpace(raw) != "" {
			if canon == "" {
				t.Fatalf("CheckTag(%q): no canonical form and no error", raw)
			}
			if _, err := language.Parse(canon); err != nil {
				t.Fatalf("CheckTag(%q) = %q, which does not parse: %v", raw, canon, err)
			}
			if again, _ := CheckTag(canon); again != canon {
				t.Fatalf("CheckTag(%q) = %q, but CheckTag(%q) = %q", raw, canon, canon, again)
			}
			if !Agree(raw, canon) {
				t.Fatalf("%q does not agree with its canonical form %q", raw, canon)
			}
		}
		if Agree(raw, other) != Agree(other, raw) {
			t.Fatalf("Agree(%q, %q) is not symmetric", raw, other)
		}
		if c := Conflict(map[string]string{"filename": raw, "manifest": other}); c != nil && Agree(raw, other) {
			t.Fatalf("Conflict reported for agreeing %q, %q: %s", raw, other, c.Message)
		}
	})
}

// FuzzLanguageContent: the content checks never panic on any text or
// declaration, and what they report is well-formed.
func FuzzLanguageContent(f *testing.F) {
	for _, k := range []string{"fr", "ja", "zh-Hant", "ar"} {
		f.Add("de", scene[k])
	}
	f.Add("zh-Hans", scene["zh-Hant"])
	f.Add("ja", "\xff\xfe\x00 漢字\n")
	if dir := corpusDirOrEmpty(f); dir != "" {
		for _, p := range []string{"srt/subtitleedit/auto_detect_Danish.srt", "vtt/mozilla-vtt.js/cuetext-languages/multiple_languages.vtt", "vtt/mozilla-vtt.js/cuetext-languages/junk_characters.vtt"} {
			if data, err := os.ReadFile(filepath.Join(dir, p)); err == nil {
				f.Add("en", string(data))
			}
		}
	}
	f.Fuzz(func(t *testing.T, declared, text string) {
		ls := strings.Split(text, "\n")
		if m := DetectMismatch(declared, ls, MismatchOptions{MinLetters: 20, MinScriptLetters: 5}); m != nil {
			if m.Rule != "G002" || m.Declared == "" || m.Detected == "" || m.Message == "" ||
				m.Letters <= 0 || !(m.Confidence > 0 && m.Confidence <= 1) || !utf8.ValidString(m.Message) {
				t.Fatalf("malformed mismatch %+v", *m)
			}
		}
		st := ChineseScript(ls)
		if st.DistinctSimplified > st.Simplified || st.DistinctTraditional > st.Traditional ||
			len(st.SimplifiedExamples) > maxExamples || len(st.TraditionalExamples) > maxExamples {
			t.Fatalf("inconsistent stats %+v", st)
		}
		if m := ScriptMismatch(declared, st, ScriptOptions{}); m != nil {
			if m.Rule != "G003" || len(m.Examples) == 0 || !(m.Confidence >= 0.2 && m.Confidence <= 1) {
				t.Fatalf("malformed script mismatch %+v", *m)
			}
		}
	})
}
