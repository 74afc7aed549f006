package pack

import "fmt"

// Layer is a level of the configuration stack, lowest first.
type Layer int

const (
	LayerDefaults Layer = iota
	LayerPlatform
	LayerLanguage
	LayerTerritory
	// LayerCaptions is caption practice (CEA-608: 4 rows of 32 columns)
	// replacing subtitle limits, for files that are captions: chosen by
	// format (SCC) or the variant "captions". Above the content packs,
	// below what the user sets.
	LayerCaptions
	LayerProject
	LayerFlags
)

var layerNames = [...]string{"defaults", "platform", "language", "territory", "captions", "project", "flags"}

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
	"captions":  {LayerCaptions, "captions"},
}

// CaptionsVariant is the variant that applies the captions layer.
const CaptionsVariant = "captions"

// captionFormats are the formats whose files are always captions.
var captionFormats = map[string]bool{"scc": true}

// FormatVariants returns the variants a file's format calls for (a
// reader's cue.Document.Format): "captions" for SCC.
func FormatVariants(format string) []string {
	if captionFormats[format] {
		return []string{CaptionsVariant}
	}
	return nil
}
