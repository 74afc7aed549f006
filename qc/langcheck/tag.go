package langcheck

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// deprecatedBases are the ISO 639 codes that were withdrawn in favour of
// others but still turn up in subtitle deliveries (old Java locales write
// iw, in and ji to this day).
var deprecatedBases = map[string]string{"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "sh": "sr-Latn"}

// countryAsLanguage are country codes people write where a language code
// belongs. Those that are not languages at all are errors; kr and se are
// real languages (Kanuri, Northern Sami), so for them the hint is a warning.
var countryAsLanguage = map[string]struct {
	want  string
	valid bool
}{
	"jp": {"ja", false}, "cn": {"zh", false}, "cz": {"cs", false}, "dk": {"da", false},
	"gr": {"el", false}, "ua": {"uk", false}, "vn": {"vi", false}, "ge": {"ka", false},
	"al": {"sq", false}, "rs": {"sr", false}, "si": {"sl", false}, "kr": {"ko", true}, "se": {"sv", true},
}

// specialBases are ISO 639 codes that name no language.
var specialBases = map[string]string{
	"und": "und means the language is undetermined",
	"mul": "mul means several languages",
	"mis": "mis means a language without a code",
	"zxx": "zxx means no linguistic content",
}

// CheckTag checks a declared language tag (G001) and returns its canonical
// BCP-47 form. It accepts what golang.org/x/text/language accepts, except:
// tags that are private use only ("x-klingon") or whose primary language is
// private use (qaa–qtz), duplicated variants ("sl-rozaj-rozaj", which x/text
// silently repairs) and unknown subtags ("jp", "en-EN"). Deprecated codes
// (iw, in, ji, jw, mo, sh), legacy region codes (UK, BU, DD), "_" separators
// and other non-canonical spellings are accepted with a warning that names
// the canonical form; a difference of letter case alone is an info.
//
// An empty tag is not checked: it declares nothing, and whether a language
// must be declared is another rule's business. canonical is "" when the
// problem is an error.
func CheckTag(raw string) (canonical string, problem *Problem) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", nil
	}
	var notes problems
	if strings.ContainsRune(s, '_') {
		notes.add(SeverityWarning, fmt.Sprintf("%q separates subtags with \"_\"; BCP-47 uses \"-\"", s))
		s = strings.ReplaceAll(s, "_", "-")
	}
	if msg := extraWellFormed(s); msg != "" {
		return "", tagError(fmt.Sprintf("%q is not a valid BCP-47 tag: %s", raw, msg))
	}
	t, err := language.Parse(s)
	if err != nil {
		return "", tagError(parseErrorMessage(raw, s, err))
	}
	first := strings.ToLower(strings.SplitN(s, "-", 2)[0])
	base, _ := t.Base()
	switch {
	case first == "x":
		return "", tagError(fmt.Sprintf("%q is a private-use tag: it names no language a platform knows", raw))
	case base.IsPrivateUse():
		return "", tagError(fmt.Sprintf("%q uses %s, an ISO 639 code reserved for local use (qaa–qtz): it names no language a platform knows", raw, base))
	}
	canonical = t.String()
	if hint, ok := countryAsLanguage[first]; ok && hint.valid {
		notes.add(SeverityWarning, fmt.Sprintf("%q is %s; if %s was meant, the code is %s",
			first, languageName(base.String()), languageName(hint.want), hint.want))
	}
	if why, ok := specialBases[first]; ok {
		notes.add(SeverityWarning, fmt.Sprintf("%q is not a language: %s; declare the language of the subtitles", raw, why))
	}
	if region, rc := t.Region(); rc == language.Exact {
		switch {
		case region.IsPrivateUse():
			notes.add(SeverityWarning, fmt.Sprintf("region %s in %q is reserved for private use", region, raw))
		case region.String() == "LA" && base.String() == "es":
			notes.add(SeverityWarning, "es-LA is Spanish as used in Laos; Latin American Spanish is es-419")
		}
	}
	lowerIn := strings.ToLower(s)
	switch {
	case deprecatedBases[first] != "":
		want := deprecatedBases[first]
		msg := fmt.Sprintf("%q is deprecated: the code for %s is %q", first, languageName(want), want)
		if canonical != want {
			msg += fmt.Sprintf(" (the whole tag: %q)", canonical)
		}
		notes.add(SeverityWarning, msg)
	case lowerIn != strings.ToLower(canonical) && !renamedSilently(first):
		notes.add(SeverityWarning, fmt.Sprintf("%q is written %q in canonical form", s, canonical))
	case s != canonical && lowerIn == strings.ToLower(canonical):
		notes.add(SeverityInfo, fmt.Sprintf("%q is written %q in canonical form (BCP-47 tags ignore case; %s is the usual spelling)", s, canonical, canonical))
	}
	if sc, sconf := t.Script(); sconf == language.Exact {
		if sup, err := language.SuppressScript.Canonicalize(t); err == nil && sup != t {
			notes.add(SeverityInfo, fmt.Sprintf("%s is the only script %s is usually written in: %q says no more than %q",
				sc, languageName(base.String()), canonical, sup))
		}
	}
	return canonical, notes.problem("G001")
}

// renamedSilently lists codes that x/text canonicalises to another code
// although the IANA registry does not deprecate them: tl is Tagalog, which
// CLDR folds into fil (Filipino). Writing tl is not a mistake.
func renamedSilently(first string) bool { return first == "tl" }

func tagError(msg string) *Problem {
	return &Problem{Rule: "G001", Severity: SeverityError, Message: msg}
}

// parseErrorMessage explains why x/text rejected a tag.
func parseErrorMessage(raw, s string, err error) string {
	var ve language.ValueError
	if errors.As(err, &ve) {
		sub := ve.Subtag()
		msg := fmt.Sprintf("%q is not a valid BCP-47 tag: %q is not a registered subtag", raw, sub)
		if hint, ok := countryAsLanguage[strings.ToLower(sub)]; ok && strings.EqualFold(strings.SplitN(s, "-", 2)[0], sub) {
			msg += fmt.Sprintf(" (%s is a country code; the language code is %q, %s)", strings.ToUpper(sub), hint.want, languageName(hint.want))
		}
		return msg
	}
	return fmt.Sprintf("%q is not a well-formed BCP-47 tag (language[-script][-region][-variant], e.g. \"fr\", \"pt-BR\", \"zh-Hant\")", raw)
}

// extraWellFormed checks what RFC 5646 forbids and x/text tolerates: the
// same variant twice ("sl-rozaj-rozaj", RFC 5646 §2.2.5 item 5) and the same
// extension singleton twice ("en-a-bbb-a-ccc", §2.2.6 item 3).
func extraWellFormed(s string) string {
	parts := strings.Split(s, "-")
	var variants, singletons []string
	inExt := false
	for i, p := range parts {
		lp := strings.ToLower(p)
		if i == 0 {
			continue
		}
		if len(p) == 1 {
			if lp == "x" {
				return "" // everything after x- is private use
			}
			for _, o := range singletons {
				if o == lp {
					return fmt.Sprintf("extension %q appears twice", lp)
				}
			}
			singletons = append(singletons, lp)
			inExt = true
			continue
		}
		if inExt {
			continue
		}
		if len(p) >= 5 || len(p) == 4 && p[0] >= '0' && p[0] <= '9' {
			for _, o := range variants {
				if o == lp {
					return fmt.Sprintf("variant %q appears twice", lp)
				}
			}
			variants = append(variants, lp)
		}
	}
	return ""
}

// problems collects notes about one tag into a single Problem.
type problems struct {
	severity string
	msgs     []string
}

func (p *problems) add(sev, msg string) {
	if rank(sev) > rank(p.severity) {
		p.severity = sev
	}
	p.msgs = append(p.msgs, msg)
}

func (p *problems) problem(rule string) *Problem {
	if len(p.msgs) == 0 {
		return nil
	}
	return &Problem{Rule: rule, Severity: p.severity, Message: strings.Join(p.msgs, "; ")}
}

func rank(sev string) int {
	switch sev {
	case SeverityError:
		return 3
	case SeverityWarning:
		return 2
	case SeverityInfo:
		return 1
	}
	return 0
}
