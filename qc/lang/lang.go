// Package lang is exportqc's one home for language tags: their canonical
// form, the fallback chain that picks a language pack or an equivalence
// class, English display names, and what a file name says about a
// subtitle's language and kind. Every other package (check, the delivery
// readers and inference, the packs, the territory and language rules)
// calls it, so that a tag means the same thing everywhere.
package lang

import (
	"strings"

	"golang.org/x/text/language"
)

// Parse reads a BCP-47 tag, trimming spaces and accepting "_" for "-" (a
// common spelling in file names and manifests: "pt_BR"). Tags are
// canonicalised the x/text default way: deprecated codes are replaced
// (iw → he, en-UK → en-GB); macrolanguages stay as written (cmn stays cmn:
// which tags count as one language is the equivalence classes' business).
func Parse(raw string) (language.Tag, error) {
	return language.Parse(strings.ReplaceAll(strings.TrimSpace(raw), "_", "-"))
}

// Canonical parses a BCP-47 tag and returns its canonical form: "en-us" →
// "en-US", "iw" → "he", "zh-cmn-Hans" → "cmn-Hans". Deprecated is true when
// the input used a deprecated or legacy code that canonicalisation
// replaced.
func Canonical(raw string) (tag string, deprecated bool, err error) {
	t, err := Parse(raw)
	if err != nil {
		return "", false, err
	}
	base := strings.ToLower(strings.SplitN(strings.ReplaceAll(strings.TrimSpace(raw), "_", "-"), "-", 2)[0])
	switch base {
	case "iw", "in", "ji", "jw", "mo":
		deprecated = true
	}
	return t.String(), deprecated, nil
}

// Normalize is Canonical for callers that only need the form and whether
// raw is a well-formed tag ("EN" → "en", "nl-nl" → "nl-NL"). An empty tag
// is not well formed.
func Normalize(raw string) (string, bool) { return normalized.get(raw, normalize) }

// normalize is Normalize without its memo.
func normalize(raw string) (string, bool) {
	if strings.TrimSpace(raw) == "" {
		return "", false
	}
	t, _, err := Canonical(raw)
	return t, err == nil
}

// Fallback lists, most specific first, the tags that can stand for tag
// when looking for a language pack or an equivalence class: the tag
// itself, its CLDR parents (es-MX → es-419; zh-TW → zh-Hant), its
// likely-script forms (zh-CN → zh-Hans-CN → zh-Hans) and, last, the bare
// language (pt_BR → pt-BR → … → pt). The bare language comes last so that
// a script or regional pack is preferred over it: zh-CN's CLDR parent is
// zh, but zh-Hans is the closer match. An ill-formed tag has none.
func Fallback(tag string) []string {
	t, err := Parse(tag)
	if err != nil {
		return nil
	}
	return FallbackOf(t)
}

// FallbackOf is Fallback for a parsed tag.
func FallbackOf(t language.Tag) []string {
	if t.IsRoot() {
		return nil
	}
	base, _ := t.Base()
	bare := base.String()
	var out []string
	add := func(tag language.Tag) {
		s := tag.String()
		if s == bare || s == "und" {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	for p := t; !p.IsRoot(); p = p.Parent() {
		add(p)
	}
	script, sconf := t.Script()
	region, rconf := t.Region()
	if sconf != language.No {
		// Only an explicit region is kept: "pt" is not "pt-BR" because
		// Brazil is Portuguese's most likely region.
		if rconf == language.Exact {
			if m, err := language.Compose(base, script, region); err == nil {
				for p := m; !p.IsRoot(); p = p.Parent() {
					add(p)
				}
			}
		}
		if m, err := language.Compose(base, script); err == nil {
			add(m)
		}
	}
	if bare == "und" {
		return out
	}
	return append(out, bare)
}
