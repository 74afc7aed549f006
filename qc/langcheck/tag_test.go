package langcheck

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/lang"
)

func TestCheckTag(t *testing.T) {
	cases := []struct {
		in        string
		canonical string // "" for errors
		severity  string // "" for no problem
		mention   string // a word the message must contain
	}{
		// Valid tags as platforms use them: silent.
		{"fr", "fr", "", ""},
		{"pt-BR", "pt-BR", "", ""},
		{"es-419", "es-419", "", ""},
		{"zh-Hant-TW", "zh-Hant-TW", "", ""},
		{"zh-Hans", "zh-Hans", "", ""},
		{"cmn-Hans", "cmn-Hans", "", ""},
		{"yue", "yue", "", ""},
		{"sr-Latn", "sr-Latn", "", ""},
		{"de-DE-1996", "de-DE-1996", "", ""},
		{"en-US-u-ca-gregory", "en-US-u-ca-gregory", "", ""},
		{"fil", "fil", "", ""},
		{"tl", "fil", "", ""}, // Tagalog is current in the IANA registry; CLDR folds it into fil
		{"en-x-sdh", "en-x-sdh", "", ""},
		{"  fr-CA ", "fr-CA", "", ""},
		// Deprecated codes: the right language, so a warning naming the fix.
		{"iw", "he", SeverityWarning, `the code for Hebrew is "he"`},
		{"in", "id", SeverityWarning, `"id"`},
		{"ji", "yi", SeverityWarning, `"yi"`},
		{"jw", "jv", SeverityWarning, `"jv"`},
		{"mo", "ro-MD", SeverityWarning, `"ro"`},
		{"iw-IL", "he-IL", SeverityWarning, `"he-IL"`},
		{"sh", "sr-Latn", SeverityWarning, "deprecated"},
		// Underscore form: accepted, warned.
		{"pt_BR", "pt-BR", SeverityWarning, `"_"`},
		{"zh_Hant_TW", "zh-Hant-TW", SeverityWarning, `"_"`},
		{"iw_IL", "he-IL", SeverityWarning, "deprecated"},
		// Other canonicalisations.
		{"en-UK", "en-GB", SeverityWarning, `"en-GB"`},
		{"de-DD", "de-DE", SeverityWarning, `"de-DE"`},
		{"zh-yue", "yue", SeverityWarning, `"yue"`},
		{"i-klingon", "tlh", SeverityWarning, `"tlh"`},
		{"es-LA", "es-LA", SeverityWarning, "es-419"},
		{"en-ZZ", "en-ZZ", SeverityWarning, "private use"},
		{"kr", "kr", SeverityWarning, "ko"},
		{"se", "se", SeverityWarning, "sv"},
		{"und", "und", SeverityWarning, "undetermined"},
		{"zxx", "zxx", SeverityWarning, "no linguistic content"},
		// Case only: an info.
		{"EN", "en", SeverityInfo, "case"},
		{"nl-nl", "nl-NL", SeverityInfo, "case"},
		{"zh-hant-tw", "zh-Hant-TW", SeverityInfo, "case"},
		{"en-Latn", "en-Latn", SeverityInfo, "only script"},
		// Errors.
		{"english", "", SeverityError, "well-formed"},
		{"en US", "", SeverityError, "well-formed"},
		{"en--US", "", SeverityError, "well-formed"},
		{"e", "", SeverityError, "well-formed"},
		{"x-klingon", "", SeverityError, "private-use"},
		{"qaa", "", SeverityError, "reserved for local use"},
		{"qtz-x-foo", "", SeverityError, "reserved for local use"},
		{"xx", "", SeverityError, `"xx"`},
		{"jp", "", SeverityError, `"ja"`},
		{"cn", "", SeverityError, `"zh"`},
		{"cz-CZ", "", SeverityError, `"cs"`},
		{"en-EN", "", SeverityError, `"EN"`},
		{"fr-Abcd", "", SeverityError, `"Abcd"`},
		{"sl-rozaj-rozaj", "", SeverityError, "twice"},
		{"en-a-bbb-a-ccc", "", SeverityError, "twice"},
		{"en-toolongsubtag", "", SeverityError, "well-formed"},
	}
	for _, c := range cases {
		got, p := CheckTag(c.in)
		if got != c.canonical {
			t.Errorf("CheckTag(%q) canonical = %q, want %q", c.in, got, c.canonical)
		}
		switch {
		case c.severity == "" && p != nil:
			t.Errorf("CheckTag(%q) = %+v, want no problem", c.in, *p)
		case c.severity != "" && p == nil:
			t.Errorf("CheckTag(%q): no problem, want a %s", c.in, c.severity)
		case p != nil:
			if p.Severity != c.severity || p.Rule != "G001" {
				t.Errorf("CheckTag(%q) = %s %s, want G001 %s (%s)", c.in, p.Rule, p.Severity, c.severity, p.Message)
			}
			if !strings.Contains(p.Message, c.mention) {
				t.Errorf("CheckTag(%q) message %q does not mention %q", c.in, p.Message, c.mention)
			}
		}
	}
}

// Empty declares nothing: not G001's business.
func TestCheckTagEmpty(t *testing.T) {
	for _, in := range []string{"", "  "} {
		if got, p := CheckTag(in); got != "" || p != nil {
			t.Errorf("CheckTag(%q) = %q, %v", in, got, p)
		}
	}
}

// Every tag CheckTag accepts canonicalises the way qc/lang (which the file
// name reader uses) does, so the two never disagree about a file.
func TestCheckTagAgreesWithLang(t *testing.T) {
	for _, in := range []string{"fr", "pt_BR", "iw", "zh-hant-tw", "EN", "cmn-Hans", "en-UK", "tl", "mo", "sh", "zh-yue"} {
		got, p := CheckTag(in)
		if p != nil && p.Severity == SeverityError {
			t.Fatalf("CheckTag(%q): %s", in, p.Message)
		}
		want, _, err := lang.Canonical(in)
		if err != nil || got != want {
			t.Errorf("CheckTag(%q) = %q, lang.Canonical = %q (%v)", in, got, want, err)
		}
	}
}
