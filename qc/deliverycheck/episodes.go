package deliverycheck

import (
	"fmt"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/rule"
)

// episodes reports missing episode numbers (D006): every number from 1 to
// the stated count, or, without a count, every gap between the lowest and
// the highest number declared. Numbers below the lowest are not gaps: a
// delivery of episodes 5 and 6 alone is normal.
func (c *checker) episodes() {
	if c.d.Kind == delivery.KindIMF {
		// IMF "episodes" are compositions numbered by us, never gapped.
		return
	}
	declared := map[int]*delivery.Episode{}
	lo, hi := 0, 0
	for i := range c.d.Episodes {
		e := &c.d.Episodes[i]
		declared[e.Number] = e
		if lo == 0 || e.Number < lo {
			lo = e.Number
		}
		hi = max(hi, e.Number)
	}
	from, to := lo, hi
	countFile, countLine := "", 0
	if c.d.EpisodeCount > 0 {
		from, to = 1, c.d.EpisodeCount
		countFile, countLine = c.countLine()
	}
	if from == 0 {
		return
	}
	var numbers []string
	for _, e := range c.d.Episodes {
		numbers = append(numbers, fmt.Sprint(e.Number))
	}
	have := strings.Join(numbers, ", ")
	if have == "" {
		have = "none"
	}
	for n := from; n <= to; n++ {
		if declared[n] != nil {
			continue
		}
		f := rule.Finding{Rule: "D006", File: countFile, Line: countLine,
			Expected: fmt.Sprintf("episodes %d–%d", from, to), Actual: "episodes " + have}
		if c.d.EpisodeCount > 0 {
			f.Message = fmt.Sprintf("episode %d is missing: the manifest states %d episodes and declares %s", n, c.d.EpisodeCount, have)
		} else {
			f.Message = fmt.Sprintf("episode %d is missing: a gap between episodes %d and %d (declared: %s)", n, lo, hi, have)
			// Point at the first episode after the gap.
			for m := n + 1; m <= hi; m++ {
				if e := declared[m]; e != nil {
					f.File, f.Line = c.report(e.Manifest), e.Line
					break
				}
			}
		}
		if f.File == "" {
			f.File = c.manifest()
		}
		c.add(f)
	}
}

// countLine is where a native manifest states episode_count.
func (c *checker) countLine() (string, int) {
	return c.manifest(), ManifestKeyLine(c.d, "episode_count")
}

// ManifestKeyLine is the line of a top-level key of a native manifest
// (episode_count, territories), 0 when unknown. The model keeps values, not
// their lines, so the manifest's YAML is read again (native manifests are
// small).
func ManifestKeyLine(d *delivery.Delivery, key string) int {
	if d.Kind != delivery.KindNative || len(d.Manifests) == 0 {
		return 0
	}
	name := d.Manifests[0]
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(d.Root, filepath.FromSlash(name))
	}
	src, err := delivery.ReadFile(p)
	if err != nil {
		return 0
	}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return 0
	}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == key {
			return top.Content[i].Line
		}
	}
	return 0
}
