package pack

import (
	"container/list"
	"strings"
	"sync"
)

// Resolver caches Resolve results for a run over many files; safe for
// concurrent use. Files whose tags select the same language pack (en-US,
// en-GB) share one Effective, which callers must not modify. Overrides are
// keyed by identity: build them once per run.
//
// The cache keeps the most recently used ResolverCacheSize results. An
// audit meets a new territory list with almost every delivery (hundreds of
// lists, times the languages), and an Effective is tens of kilobytes: an
// unbounded cache made the audit's memory grow with its deliveries. Work
// proceeds delivery by delivery, so the configurations in use at any time
// are few and a small cache still answers nearly every call.
type Resolver struct {
	lib   *Library
	mu    sync.Mutex
	langs map[string]*Pack // raw tag → language pack (nil: none)
	cache map[planKey]*list.Element
	lru   list.List // of *cached, most recently used first
	size  int
}

type cached struct {
	key planKey
	e   *Effective
}

// ResolverCacheSize is how many resolved configurations a Resolver keeps.
const ResolverCacheSize = 256

// NewResolver returns an empty cache over l.
func (l *Library) NewResolver() *Resolver {
	return &Resolver{lib: l, langs: make(map[string]*Pack), cache: make(map[planKey]*list.Element), size: ResolverCacheSize}
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
	if el := r.cache[key]; el != nil {
		r.lru.MoveToFront(el)
		return el.Value.(*cached).e, nil
	}
	e, err := r.lib.build(pl)
	if err != nil {
		return nil, err
	}
	r.cache[key] = r.lru.PushFront(&cached{key: key, e: e})
	if r.lru.Len() > r.size {
		old := r.lru.Remove(r.lru.Back()).(*cached)
		delete(r.cache, old.key)
	}
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
