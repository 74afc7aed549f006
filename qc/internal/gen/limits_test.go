package gen

import (
	"io/fs"
	"strconv"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/scc"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/format/ssa"
	"github.com/exportqc/exportqc/qc/format/stl"
	"github.com/exportqc/exportqc/qc/format/ttml"
	"github.com/exportqc/exportqc/qc/format/webvtt"
	"github.com/exportqc/exportqc/qc/textcount"
	"github.com/exportqc/exportqc/rules"
	"go.yaml.in/yaml/v3"
)

// packLimits are the Netflix limits for one language as the shipped rule
// packs state them: the tests judge generated files against these, not
// against the generator's own table.
type packLimits struct {
	maxChars, maxCPS, halfWidth float64
	minDuration                 cue.Time
}

type packDoc struct {
	Rules map[string]struct {
		Params map[string]struct {
			Value string `yaml:"value"`
		} `yaml:"params"`
	} `yaml:"rules"`
}

func readPack(t testing.TB, path string) packDoc {
	t.Helper()
	data, err := fs.ReadFile(rules.FS, path)
	if err != nil {
		return packDoc{}
	}
	var d packDoc
	if err := yaml.Unmarshal(data, &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

func limitsFor(t testing.TB, tag string) packLimits {
	t.Helper()
	l := packLimits{halfWidth: 1, minDuration: cue.FromRatio(5, 6)}
	for _, p := range []packDoc{readPack(t, "platforms/netflix.yaml"), readPack(t, "languages/"+tag+".yaml")} {
		set := func(rule, param string, dst *float64) {
			if v := p.Rules[rule].Params[param].Value; v != "" {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatalf("%s.%s = %q", rule, param, v)
				}
				*dst = f
			}
		}
		set("L001", "max_chars", &l.maxChars)
		set("T005", "max_cps", &l.maxCPS)
		set("T005", "half_width_weight", &l.halfWidth)
	}
	if l.maxChars == 0 || l.maxCPS == 0 {
		t.Fatalf("%s: no limits found in the packs", tag)
	}
	return l
}

func TestLanguageTableMatchesRulePacks(t *testing.T) {
	for _, l := range languages {
		p := limitsFor(t, l.Tag)
		if l.MaxChars != p.maxChars || l.MaxCPS != p.maxCPS || l.HalfWidth != p.halfWidth {
			t.Errorf("%s: generator has %v chars, %v cps, weight %v; packs say %v, %v, %v",
				l.Tag, l.MaxChars, l.MaxCPS, l.HalfWidth, p.maxChars, p.maxCPS, p.halfWidth)
		}
	}
}

// readAny parses a generated file with the product's reader for its format.
func readAny(format string, data []byte) *cue.Document {
	switch format {
	case "vtt":
		return webvtt.Read(string(data))
	case "ttml":
		return ttml.Read(string(data))
	case "stl":
		return stl.Read(data)
	case "ass":
		return ssa.Read(string(data))
	case "scc":
		return scc.Read(string(data))
	}
	return srt.Read(string(data))
}

// judge counts, independently of the generator, the cues a QC run under
// the Netflix limits would flag for each seeded kind.
func judge(doc *cue.Document, lim packLimits) CueDefects {
	var d CueDefects
	var latestEnd cue.Time = -1
	for i := range doc.Cues {
		c := &doc.Cues[i]
		if latestEnd >= 0 && c.Start < latestEnd {
			d.Overlap++
		}
		latestEnd = max(latestEnd, c.End)
		dur := c.Duration()
		if dur < lim.minDuration-cue.Millisecond {
			d.TooShort++
		}
		var chars float64
		for _, line := range c.Lines {
			n := textcount.Count(line.Text, lim.halfWidth)
			chars += n
			if n > lim.maxChars {
				d.LineTooLong++ // L001 reports each line
			}
		}
		if dur > 0 && chars/dur.Seconds() > lim.maxCPS {
			d.TooFast++
		}
	}
	return d
}

type territoryDoc struct {
	Requires []struct {
		Language string   `yaml:"language"`
		Accepts  []string `yaml:"accepts"`
	} `yaml:"requires"`
}

// A seeded missing language raises exactly one D001 only if the territory
// the generator declares for it requires that language and no other (SG,
// requiring English and Chinese, would double-count a missing English).
func TestTerritoriesRequireExactlyTheirLanguage(t *testing.T) {
	for _, l := range languages {
		if l.Territory == "" {
			continue
		}
		data, err := fs.ReadFile(rules.FS, "territories/"+l.Territory+".yaml")
		if err != nil {
			t.Errorf("%s: no territory pack %s: %v", l.Tag, l.Territory, err)
			continue
		}
		var d territoryDoc
		if err := yaml.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		if len(d.Requires) != 1 || d.Requires[0].Language != l.Tag {
			t.Errorf("%s: territory %s requires %+v, want exactly %s", l.Tag, l.Territory, d.Requires, l.Tag)
			continue
		}
		subtitles := len(d.Requires[0].Accepts) == 0
		for _, k := range d.Requires[0].Accepts {
			subtitles = subtitles || k == "subtitles"
		}
		if !subtitles {
			t.Errorf("%s: territory %s does not accept plain subtitles", l.Tag, l.Territory)
		}
	}
	// Two languages sharing a territory would also double-count.
	seen := map[string]string{}
	for _, l := range languages {
		if other, dup := seen[l.Territory]; dup && l.Territory != "" {
			t.Errorf("%s and %s both declare territory %s", other, l.Tag, l.Territory)
		}
		seen[l.Territory] = l.Tag
	}
}
