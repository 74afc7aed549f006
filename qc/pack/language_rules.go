package pack

import "sync"

// languageRules are the codes of the rules some language pack sets (or a
// variant of one, or a territory pack's language section): the rules whose
// configuration depends on a file's language. Identification of a file's
// language from its text is needed only when one of them is enabled.
func (l *Library) languageRules() map[string]bool {
	out := map[string]bool{}
	add := func(rules map[string]*RuleSettings) {
		for code := range rules {
			out[code] = true
		}
	}
	addPack := func(p *Pack) {
		add(p.Rules)
		for _, v := range p.Variants {
			add(v.Rules)
		}
	}
	for _, p := range l.packs {
		switch p.Layer {
		case LayerLanguage:
			addPack(p)
		case LayerTerritory:
			for _, s := range p.Sections {
				addPack(s)
			}
		}
	}
	return out
}

// languageRulesOnce caches languageRules per run resolver.
type languageRulesOnce struct {
	once  sync.Once
	codes map[string]bool
}

// NeedsLanguage reports whether a language pack sets rule code, so that the
// rule's configuration depends on the file's language (the engine's
// LanguageRules).
func (p *RunResolver) NeedsLanguage(code string) bool {
	p.lang.once.Do(func() { p.lang.codes = p.r.lib.languageRules() })
	return p.lang.codes[code]
}
