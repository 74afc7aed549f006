package territory

import (
	"strings"

	"golang.org/x/text/language"
)

// Canonical returns the canonical form of a BCP-47 tag ("zh-hant" →
// "zh-Hant", "pt_BR" → "pt-BR") and whether it is well formed.
// Macrolanguages stay as written (cmn-Hans is not folded into zh-Hans):
// equivalence is the classes' job, where a pack can see and cite it.
func Canonical(tag string) (string, bool) {
	tag = strings.ReplaceAll(strings.TrimSpace(tag), "_", "-")
	if tag == "" {
		return "", false
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "", false
	}
	return t.String(), true
}

// Candidates lists, most specific first, the tags that can stand for a
// file's language: the tag itself, its CLDR parents (es-MX → es-419,
// zh-TW → zh-Hant, en-GB → en-001), its script form when the script is
// known (zh-CN → zh-Hans) and, last, the bare language (fr-CA → fr).
// An ill-formed tag has no candidates.
func Candidates(tag string) []string {
	t, err := language.Parse(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	if err != nil || t.IsRoot() {
		return nil
	}
	var out []string
	add := func(s string) {
		if s == "" || s == "und" {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	base, _ := t.Base()
	for p := t; !p.IsRoot(); p = p.Parent() {
		if p.String() != base.String() {
			add(p.String())
		}
	}
	if script, conf := t.Script(); conf != language.No {
		if m, err := language.Compose(base, script); err == nil {
			add(m.String())
		}
	}
	add(base.String())
	return out
}

// ClassOf returns the class tag belongs to: for each of its candidates in
// turn, the first class listing it (the territory's own classes come before
// the built-in ones). Nil when no class claims any candidate.
func (t *Territory) ClassOf(tag string) *Class {
	for _, c := range Candidates(tag) {
		for i := range t.Classes {
			if t.Classes[i].Contains(c) {
				return &t.Classes[i]
			}
		}
	}
	return nil
}

// Satisfies reports whether a file whose language is actual meets a
// requirement for required, in this territory:
//
//   - the same tag always does;
//   - when either tag belongs to an equivalence class, they must belong to
//     the same one (zh-TW meets zh-Hant; zh-Hans never does; es-MX meets
//     es-419 but not es; fr-CA, in its own class, does not meet fr);
//   - otherwise a more specific form meets a less specific one (fr-FR and
//     fr-BE meet fr, ar-EG meets ar), never the reverse.
//
// A file without a language meets nothing.
func (t *Territory) Satisfies(required, actual string) bool {
	r, ok1 := Canonical(required)
	a, ok2 := Canonical(actual)
	if !ok1 || !ok2 {
		return false
	}
	if strings.EqualFold(r, a) {
		return true
	}
	cr, ca := t.ClassOf(r), t.ClassOf(a)
	if cr != nil || ca != nil {
		return cr == ca
	}
	for _, c := range Candidates(a) {
		if strings.EqualFold(c, r) {
			return true
		}
	}
	return false
}

// LanguageName is a tag's English display name ("fr" → "French",
// "es-419" → "Latin American Spanish"), or the tag itself when x/text has
// no name for it: messages say "French (fr)".
func LanguageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if n := displayName(t); n != "" {
		return n
	}
	return tag
}
