package pack

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/rules"
)

// Load parses and validates the packs embedded from the rules/ folder: from
// their compiled form when it matches them and the registry, else from
// the YAML.
func Load(registry []*rule.Rule) (*Library, error) {
	if lib := loadCompiled(rules.FS, registry); lib != nil {
		return lib, nil
	}
	return LoadFS(rules.FS, registry)
}

// LoadFS parses and validates every *.yaml pack in fsys: defaults.yaml at the
// root, platforms/, languages/ and territories/. Every problem found is
// reported (joined, sorted by file and line), not just the first.
func LoadFS(fsys fs.FS, registry []*rule.Rule) (*Library, error) {
	reg, err := newRegistry(registry)
	if err != nil {
		return nil, err
	}
	var probs problems
	type packFile struct {
		path  string
		data  []byte
		pack  *Pack
		probs problems
	}
	var files []*packFile
	err = fs.WalkDir(fsys, ".", func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.IsDir() {
			return nil
		}
		switch path.Ext(p) {
		case ".yaml":
		case ".yml":
			probs.add(p, 0, "pack files end in .yaml")
			return nil
		default:
			return nil // README.md and friends
		}
		if !knownDir(path.Dir(p)) {
			probs.add(p, 0, "packs live in defaults.yaml, platforms/, languages/, territories/ or captions/")
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files = append(files, &packFile{path: p, data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pack: reading packs: %w", err)
	}
	// Files decode independently (the registry is only read), so every run
	// spreads its start-up decoding over the cores; the results are taken
	// in walk order, so packs and problems do not depend on scheduling.
	parallel(len(files), func(i int) {
		f := files[i]
		f.pack = decodeFile(f.path, f.data, reg, &f.probs)
	})
	var packs []*Pack
	for _, f := range files {
		probs = append(probs, f.probs...)
		if f.pack != nil {
			packs = append(packs, f.pack)
		}
	}
	lib := newLibrary(reg, packs, &probs)
	if err := probs.err(); err != nil {
		return nil, err
	}
	return lib, nil
}

// parallel calls do(i) for every i below n, on up to GOMAXPROCS
// goroutines, and returns when all have returned.
func parallel(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(i)
			}
		}()
	}
	wg.Wait()
}

func knownDir(dir string) bool {
	for _, l := range packLayers {
		if l.dir == dir {
			return true
		}
	}
	return false
}

// newLibrary indexes the decoded packs and checks what no single file can:
// unique ids and tags, complete defaults, and variants that survive layering.
func newLibrary(reg *registry, packs []*Pack, probs *problems) *Library {
	slices.SortFunc(packs, func(a, b *Pack) int {
		if a.Layer != b.Layer {
			return int(a.Layer - b.Layer)
		}
		return strings.Compare(a.ID, b.ID)
	})
	lib := &Library{
		reg:         reg,
		byID:        make(map[layerID]*Pack),
		languageTag: make(map[string]*Pack),
		territory:   make(map[string]*Pack),
		variants:    make(map[string]bool),
	}
	for _, p := range packs {
		key := layerID{p.Layer, strings.ToLower(p.ID)}
		if other, dup := lib.byID[key]; dup {
			probs.add(p.File, 0, "pack id %q is already used by %s", p.ID, other.File)
			continue
		}
		if p.Layer == LayerPlatform && strings.EqualFold(p.ID, NoProfile) {
			probs.add(p.File, 0, "%q is reserved: it selects no platform profile", NoProfile)
			continue
		}
		lib.byID[key] = p
		lib.packs = append(lib.packs, p)
		switch p.Layer {
		case LayerDefaults:
			if lib.defaults != nil {
				probs.add(p.File, 0, "a second defaults pack (%s is the first)", lib.defaults.File)
			}
			lib.defaults = p
		case LayerCaptions:
			if lib.captions != nil {
				probs.add(p.File, 0, "a second captions pack (%s is the first)", lib.captions.File)
			}
			lib.captions = p
			lib.variants[CaptionsVariant] = true
		case LayerLanguage, LayerTerritory:
			index := lib.languageTag
			if p.Layer == LayerTerritory {
				index = lib.territory
			}
			for _, tag := range p.AppliesTo {
				if other := index[tag]; other != nil {
					probs.add(p.File, 0, "applies_to: %s is already served by %s", tag, other.File)
					continue
				}
				index[tag] = p
			}
		}
		for _, q := range append([]*Pack{p}, p.Sections...) {
			for _, v := range q.Variants {
				for _, part := range v.Parts {
					lib.variants[part] = true
				}
			}
		}
	}
	if lib.defaults == nil {
		probs.add("defaults.yaml", 0, "missing: the defaults pack gives every rule parameter a value")
	} else {
		checkDefaults(lib.defaults, reg, probs)
	}
	// Language sections of territory packs are territory-layer packs for
	// the shadowing check: their base values must not hide a lower pack's
	// variants either.
	all := slices.Clone(lib.packs)
	for _, p := range lib.packs {
		all = append(all, p.Sections...)
	}
	checkVariantShadowing(all, probs)
	return lib
}

// checkDefaults makes sure every parameter of every registered rule has a
// built-in value, so a Pass never meets an unset parameter.
func checkDefaults(def *Pack, reg *registry, probs *problems) {
	for _, r := range reg.rules {
		rs := def.Rules[r.Code]
		for _, spec := range r.Params {
			if rs == nil || !hasParam(rs, spec.Name) {
				probs.add(def.File, 0, "%s: parameter %s has no default value", r.ID(), spec.Name)
			}
		}
	}
}

func hasParam(rs *RuleSettings, name string) bool {
	if rs == nil {
		return false
	}
	_, ok := rs.Params[name]
	return ok
}

// checkVariantShadowing rejects a pack that sets a parameter in its base rules
// when a lower-layer pack sets that parameter in a variant the higher pack
// does not define: the higher base value would silently replace the lower
// variant's (e.g. a language pack's adult 17 cps would beat the platform's
// children 13 cps for a children's title).
func checkVariantShadowing(packs []*Pack, probs *problems) {
	for _, low := range packs {
		for _, vname := range sortedKeys(low.Variants) {
			v := low.Variants[vname]
			for _, code := range sortedKeys(v.Rules) {
				for _, param := range sortedKeys(v.Rules[code].Params) {
					for _, high := range packs {
						if high.Layer <= low.Layer {
							continue
						}
						base := high.Rules[code]
						if !hasParam(base, param) {
							continue
						}
						if hv := high.Variants[vname]; hv != nil && hasParam(hv.Rules[code], param) {
							continue
						}
						probs.add(high.File, base.Params[param].Line,
							"%s.%s is set here but not in variant %q, which %s sets: add variants: {%s: {rules: {%s: {params: {%s: ...}}}}}",
							code, param, vname, low.File, vname, code, param)
					}
				}
			}
		}
	}
}
