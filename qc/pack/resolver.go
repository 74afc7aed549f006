package pack

import (
	"strings"
	"sync"
)

// Resolver caches Resolve results for a run over many files; safe for
// concurrent use. Files whose tags select the same language pack (en-US,
// en-GB) share one Effective, which callers must not modify. Overrides are
// keyed by identity: build them once per run.
type Resolver struct {
	lib   *Library
	mu    sync.Mutex
	langs map[string]*Pack // raw tag → language pack (nil: none)
	cache map[planKey]*Effective
}

// NewResolver returns an empty cache over l.
func (l *Library) NewResolver() *Resolver {
	return &Resolver{lib: l, langs: make(map[string]*Pack), cache: make(map[planKey]*Effective)}
}

// Resolve is Library.Resolve, cached.
func (r *Resolver) Resolve(req Request) (*Effective, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	lang, seen := r.langs[req.Language]
	if !seen {
		var err error
		if lang, err = r.lib.LanguagePack(req.Language); err != nil {
			return nil, err
		}
		r.langs[req.Language] = lang
	}
	pl, err := r.lib.plan(req, lang)
	if err != nil {
		return nil, err
	}
	key := pl.key()
	if e := r.cache[key]; e != nil {
		return e, nil
	}
	e, err := r.lib.build(pl)
	if err != nil {
		return nil, err
	}
	r.cache[key] = e
	return e, nil
}

// planKey identifies a plan; Overrides are compared by identity.
type planKey struct {
	profile, language, territories, variants string
	project, flags                           *Overrides
}

func (pl *plan) key() planKey {
	k := planKey{variants: strings.Join(pl.variants, ","), project: pl.project, flags: pl.flags}
	if pl.profile != nil {
		k.profile = pl.profile.ID
	}
	if pl.language != nil {
		k.language = pl.language.ID
	}
	ids := make([]string, len(pl.territories))
	for i, t := range pl.territories {
		ids[i] = t.ID
		if sec := pl.sections[i]; sec != nil {
			ids[i] = sec.ID
		}
	}
	k.territories = strings.Join(ids, ",")
	return k
}
