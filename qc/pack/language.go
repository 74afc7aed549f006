package pack

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/exportqc/exportqc/qc/lang"
)

// LanguagePack returns the language pack serving tag, or nil when none does
// (no tag, "und", a well-formed but unknown or unserved language). An
// ill-formed tag is an error. Packs are tried along the tag's fallback
// chain (lang.Fallback): pt-BR before pt, zh-CN → zh-Hans.
func (l *Library) LanguagePack(tag string) (*Pack, error) {
	if strings.TrimSpace(tag) == "" {
		return nil, nil
	}
	t, err := lang.Parse(tag)
	if err != nil {
		var ve language.ValueError
		if errors.As(err, &ve) {
			return nil, nil // well-formed, unknown subtag (e.g. "xx"): no language layer
		}
		return nil, fmt.Errorf("language %q: %v", tag, err)
	}
	for _, c := range lang.FallbackOf(t) {
		if p := l.languageTag[c]; p != nil {
			return p, nil
		}
	}
	return nil, nil
}
