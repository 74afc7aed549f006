package pack

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// LanguagePack returns the language pack serving tag, or nil when none does
// (no tag, "und", a well-formed but unknown or unserved language). An
// ill-formed tag is an error.
func (l *Library) LanguagePack(tag string) (*Pack, error) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return nil, nil
	}
	t, err := language.Parse(tag)
	if err != nil {
		var ve language.ValueError
		if errors.As(err, &ve) {
			return nil, nil // well-formed, unknown subtag (e.g. "xx"): no language layer
		}
		return nil, fmt.Errorf("language %q: %v", tag, err)
	}
	for _, c := range languageCandidates(t) {
		if p := l.languageTag[c]; p != nil {
			return p, nil
		}
	}
	return nil, nil
}

// languageCandidates lists, most specific first, the tags a pack may list to
// serve t: t itself, its CLDR parents (es-MX → es-419; zh-TW → zh-Hant), its
// likely-script forms (zh-CN → zh-Hans-CN → zh-Hans) and the bare language.
// The bare language comes last so that a script or regional pack is preferred
// over it: zh-CN's CLDR parent is zh, but zh-Hans is the closer match.
func languageCandidates(t language.Tag) []string {
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
		// Only an explicit region is kept: "pt" is not "pt-BR" because Brazil
		// is Portuguese's most likely region.
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
	return append(out, bare)
}
