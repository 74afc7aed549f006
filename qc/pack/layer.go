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

// formatVariants are the variants a format calls for: SCC files are
// captions, and their grid is checked by the SCC reader's own rules
// (variant "scc" of the captions pack turns off what they duplicate).
var formatVariants = map[string][]string{"scc": {CaptionsVariant, "scc"}}

// FormatVariants returns the variants a file's format calls for (a
// reader's cue.Document.Format); nil for most formats.
func FormatVariants(format string) []string { return formatVariants[format] }
