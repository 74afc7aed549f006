package pack

import "fmt"

// Layer is a level of the configuration stack, lowest first.
type Layer int

const (
	LayerDefaults Layer = iota
	LayerPlatform
	LayerLanguage
	LayerTerritory
	LayerProject
	LayerFlags
)

var layerNames = [...]string{"defaults", "platform", "language", "territory", "project", "flags"}

// String is the name used in pack files, rule.Setting.Layer and explain output.
func (l Layer) String() string {
	if l < 0 || int(l) >= len(layerNames) {
		return fmt.Sprintf("layer(%d)", int(l))
	}
	return layerNames[l]
}

// packLayers are the layers a pack file may declare, with the folder (under
// the packs root) its files must sit in; defaults.yaml sits at the root.
var packLayers = map[string]struct {
	layer Layer
	dir   string
}{
	"defaults":  {LayerDefaults, "."},
	"platform":  {LayerPlatform, "platforms"},
	"language":  {LayerLanguage, "languages"},
	"territory": {LayerTerritory, "territories"},
}
