package gen

import (
	"io/fs"
	"testing"

	"github.com/exportqc/exportqc/rules"
	"go.yaml.in/yaml/v3"
)

// The generator writes clean files, so its text conventions are the
// language packs' text rules: the dialogue dash (X005 style), italics
// (X011 enabled) and the words a line may not end with (X015 words).
func TestTextConventionsMatchPacks(t *testing.T) {
	for _, l := range languages {
		data, err := fs.ReadFile(rules.FS, "languages/"+l.Tag+".yaml")
		if err != nil {
			t.Fatalf("%s: %v", l.Tag, err)
		}
		var d struct {
			Rules map[string]struct {
				Enabled *bool `yaml:"enabled"`
				Params  map[string]struct {
					Value string `yaml:"value"`
				} `yaml:"params"`
			} `yaml:"rules"`
		}
		if err := yaml.Unmarshal(data, &d); err != nil {
			t.Fatalf("%s: %v", l.Tag, err)
		}
		switch style := d.Rules["X005"].Params["style"].Value; style {
		case "no-space":
			if l.Dash != "-" {
				t.Errorf("%s: dash %q, pack X005 style %s wants \"-\"", l.Tag, l.Dash, style)
			}
		case "space":
			if l.Dash != "- " {
				t.Errorf("%s: dash %q, pack X005 style %s wants \"- \"", l.Tag, l.Dash, style)
			}
		}
		if e := d.Rules["X011"].Enabled; (e != nil && *e) != l.NoItalics {
			t.Errorf("%s: NoItalics %v, pack X011 enabled %v", l.Tag, l.NoItalics, e != nil && *e)
		}
		if w := d.Rules["X015"].Params["words"].Value; w != l.WeakEnds {
			t.Errorf("%s: WeakEnds %q, pack X015 words %q", l.Tag, l.WeakEnds, w)
		}
	}
}
