package pack

import (
	"slices"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

// DefaultProfile is the platform profile used when a request names none.
const DefaultProfile = "netflix"

// NoProfile selects no platform layer: built-in defaults, then language and
// the layers above.
const NoProfile = "none"

// Library is every pack, parsed and validated against one rule registry.
// It is read-only after Load and safe for concurrent use.
type Library struct {
	reg         *registry
	packs       []*Pack           // by layer, then id
	byID        map[layerID]*Pack // ids are unique per layer: territory FR and language fr coexist
	defaults    *Pack
	languageTag map[string]*Pack // canonical BCP-47 tag → language pack
	territory   map[string]*Pack // territory code → territory pack
	captions    *Pack            // the captions layer, nil if none
	variants    map[string]bool  // every variant part some pack defines
}

// layerID keys packs by layer and lower-cased id.
type layerID struct {
	layer Layer
	id    string
}

// Pack returns the pack with this id (case-insensitive). Ids are unique
// within a layer only (territory FR, language fr): the lowest layer wins;
// PackIn asks for one layer.
func (l *Library) Pack(id string) (*Pack, bool) {
	for layer := LayerDefaults; layer <= LayerTerritory; layer++ {
		if p, ok := l.PackIn(layer, id); ok {
			return p, true
		}
	}
	return nil, false
}

// PackIn returns the pack of this layer with this id (case-insensitive).
func (l *Library) PackIn(layer Layer, id string) (*Pack, bool) {
	p, ok := l.byID[layerID{layer, strings.ToLower(strings.TrimSpace(id))}]
	return p, ok
}

// Packs returns every pack, lowest layer first, then by id.
func (l *Library) Packs() []*Pack { return slices.Clone(l.packs) }

// Profiles lists the platform pack ids, sorted.
func (l *Library) Profiles() []string { return l.ids(LayerPlatform) }

// Languages lists the language pack ids, sorted.
func (l *Library) Languages() []string { return l.ids(LayerLanguage) }

// Territories lists the territory pack ids, sorted.
func (l *Library) Territories() []string { return l.ids(LayerTerritory) }

// Variants lists the variant names packs define ("children", "sdh"), sorted.
func (l *Library) Variants() []string { return sortedKeys(l.variants) }

// Rules returns the registry the library was validated against.
func (l *Library) Rules() []*rule.Rule { return slices.Clone(l.reg.rules) }

// Rule finds a registered rule by code (any case) or name.
func (l *Library) Rule(codeOrName string) *rule.Rule { return l.reg.lookup(codeOrName) }

func (l *Library) ids(layer Layer) []string {
	var ids []string
	for _, p := range l.packs {
		if p.Layer == layer {
			ids = append(ids, p.ID)
		}
	}
	return ids // l.packs is sorted by id within a layer
}
