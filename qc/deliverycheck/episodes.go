package deliverycheck

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/rule"
)

// maxGapFindings caps D006's findings on one delivery: a manifest
// declaring every other episode of thousands gets this many findings and a
// last one counting the rest, not one per gap.
const maxGapFindings = 50

// maxListed caps how many runs of episode numbers a message quotes.
const maxListed = 20

// episodes reports missing episode numbers (D006), one finding per run of
// consecutive missing numbers: every number from 1 to the stated count,
// or, without a count, every gap between the lowest and the highest number
// declared. Numbers below the lowest are not gaps: a delivery of episodes
// 5 and 6 alone is normal. The work is in the number of episodes declared,
// never in the stated count, which the manifest's author controls.
func (c *checker) episodes() {
	if c.d.Kind == delivery.KindIMF {
		// IMF "episodes" are compositions numbered by us, never gapped.
		return
	}
	count := c.d.EpisodeCount
	if limit, ok := c.maxEpisodeCount(); ok && int64(count) > limit {
		count = 0 // absurd (D009 says so when enabled): the gaps between declared numbers still count
	}
	numbers := make([]int, 0, len(c.d.Episodes))
	declared := map[int]*delivery.Episode{}
	for i := range c.d.Episodes {
		e := &c.d.Episodes[i]
		if declared[e.Number] == nil {
			declared[e.Number] = e
			numbers = append(numbers, e.Number)
		}
	}
	sort.Ints(numbers)
	if len(numbers) == 0 && count == 0 {
		return
	}
	lo, hi := 0, 0
	if len(numbers) > 0 {
		lo, hi = numbers[0], numbers[len(numbers)-1]
	}
	from, to := lo, hi
	countFile, countLine := "", 0
	if count > 0 {
		from, to = 1, count
		countFile, countLine = c.countLine()
	}
	have := ranges(numbers, maxListed)
	if have == "" {
		have = "none"
	}
	expected := fmt.Sprintf("episodes %d–%d", from, to)
	if from == to {
		expected = fmt.Sprintf("episode %d", from)
	}
	// The runs of missing numbers in [from, to], from the declared ones.
	var gaps [][2]int
	next := from
	for _, n := range numbers {
		if n > to {
			break
		}
		if n > next {
			gaps = append(gaps, [2]int{next, n - 1})
		}
		next = max(next, n+1)
	}
	if next <= to {
		gaps = append(gaps, [2]int{next, to})
	}
	for i, g := range gaps {
		if i == maxGapFindings {
			rest := 0
			for _, g := range gaps[i:] {
				rest += g[1] - g[0] + 1
			}
			c.add(rule.Finding{Rule: "D006", File: c.manifest(), Line: countLine, Expected: expected, Actual: "episodes " + have,
				Message: fmt.Sprintf("%d more gaps (%d episodes) are missing after episode %d; only the first %d gaps are reported",
					len(gaps)-i, rest, gaps[i-1][1], maxGapFindings)})
			break
		}
		what := fmt.Sprintf("episode %d is missing", g[0])
		if g[1] > g[0] {
			what = fmt.Sprintf("episodes %d–%d are missing (%d episodes)", g[0], g[1], g[1]-g[0]+1)
		}
		f := rule.Finding{Rule: "D006", File: countFile, Line: countLine, Expected: expected, Actual: "episodes " + have}
		if count > 0 {
			f.Message = fmt.Sprintf("%s: the manifest states %d episodes and declares %s", what, count, have)
		} else {
			f.Message = fmt.Sprintf("%s: a gap between episodes %d and %d (declared: %s)", what, lo, hi, have)
			// Point at the first episode after the gap.
			if e := declared[g[1]+1]; e != nil {
				f.File, f.Line = c.report(e.Manifest), e.Line
			}
		}
		if f.File == "" {
			f.File = c.manifest()
		}
		c.add(f)
	}
}

// ranges writes sorted distinct numbers as runs, "1–3, 5, 8–10", quoting
// at most limit runs and counting the rest.
func ranges(numbers []int, limit int) string {
	var b strings.Builder
	runs := 0
	for i := 0; i < len(numbers); {
		j := i
		for j+1 < len(numbers) && numbers[j+1] == numbers[j]+1 {
			j++
		}
		if runs == limit {
			fmt.Fprintf(&b, ", … (%d more episodes)", len(numbers)-i)
			break
		}
		if runs > 0 {
			b.WriteString(", ")
		}
		if j > i {
			fmt.Fprintf(&b, "%d–%d", numbers[i], numbers[j])
		} else {
			fmt.Fprint(&b, numbers[i])
		}
		runs++
		i = j + 1
	}
	return b.String()
}

// episodeCountTooLarge reports (D009) an episode_count over the pack's
// maximum: no delivery has that many episodes, and a rule looping to it
// would cost the run its memory.
func (c *checker) episodeCountTooLarge() {
	limit := c.p.Int(paramMaxEpisodeCount)
	if n := c.d.EpisodeCount; int64(n) > limit {
		file, line := c.countLine()
		c.add(rule.Finding{Rule: "D009", File: file, Line: line, Source: c.p.Source(paramMaxEpisodeCount),
			Message:  fmt.Sprintf("episode_count %d is over the %d episodes a delivery can hold (D009.%s); episodes are checked for gaps between the numbers declared", n, limit, paramMaxEpisodeCount),
			Expected: fmt.Sprintf("at most %d", limit), Actual: fmt.Sprint(n)})
	}
}

// maxEpisodeCount is D009's max_episode_count, the largest episode_count
// taken at its word, whether or not D009 itself runs: disabling the report
// of an absurd count must not make D006 judge the delivery by it. ok is
// false when the packs give no value.
func (c *checker) maxEpisodeCount() (limit int64, ok bool) {
	cfg := c.p.Delivery.Configs[codeManifestInvalid]
	if cfg == nil {
		return 0, false
	}
	if _, set := cfg.Params[paramMaxEpisodeCount]; !set {
		return 0, false
	}
	return c.p.SettingsOf(codeManifestInvalid).Int(paramMaxEpisodeCount), true
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
