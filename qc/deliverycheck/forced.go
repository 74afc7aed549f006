package deliverycheck

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

// forced checks every forced-narrative file against the full subtitles of
// its language in the same episode (D008). Files are read again here, one
// forced file and its full counterparts at a time, and only times and
// normalised text of the full cues are kept: memory stays flat however
// large the delivery.
func (c *checker) forced() {
	if c.in.Load == nil {
		return
	}
	same := &territory.Territory{Classes: c.in.Classes}
	for _, u := range c.units() {
		for _, f := range u.files {
			if f.Kind != delivery.Forced || !c.readable(f.Path) {
				continue
			}
			var fulls []*delivery.File
			for _, g := range u.files {
				if g.Kind == delivery.Subtitles && c.readable(g.Path) && sameLanguage(same, f, g) {
					fulls = append(fulls, g)
				}
			}
			if len(fulls) == 0 {
				continue // no full subtitles in this language: D001's business, if a territory wants them
			}
			c.matchForced(f, fulls)
		}
	}
}

// readable reports whether the per-file pass read rel as subtitles.
func (c *checker) readable(rel string) bool {
	facts, ok := c.in.Files[rel]
	return ok && facts.Format != ""
}

func sameLanguage(t *territory.Territory, a, b *delivery.File) bool {
	la, lb := a.LanguageTag, b.LanguageTag
	if la == "" || lb == "" {
		return false
	}
	return t.Satisfies(la, lb) || t.Satisfies(lb, la)
}

// fullCue is what D008 keeps of a full-subtitle cue.
type fullCue struct {
	start, end cue.Time
	text       string // normalised
}

func (c *checker) matchForced(f *delivery.File, fulls []*delivery.File) {
	forcedDoc, err := c.in.Load(c.disk(f.Path))
	if err != nil {
		return // the per-file pass reported why it cannot be read
	}
	fr := cue.FrameRate{Num: 25, Den: 1}
	if !forcedDoc.FrameRate.IsZero() {
		fr = forcedDoc.FrameRate
	}
	tol := c.p.DurationAt("time_tolerance", fr)
	minSim := c.p.Float("min_similarity")
	var pool []fullCue
	var names []string
	for _, g := range fulls {
		doc, err := c.in.Load(c.disk(g.Path))
		if err != nil {
			continue
		}
		names = append(names, g.Path)
		for i := range doc.Cues {
			fc := &doc.Cues[i]
			if fc.Comment {
				continue
			}
			pool = append(pool, fullCue{start: fc.Start, end: fc.End, text: normalise(fc.Text())})
		}
	}
	if len(names) == 0 {
		return
	}
	sort.Slice(pool, func(i, j int) bool { return pool[i].start < pool[j].start })
	for i := range forcedDoc.Cues {
		fc := &forcedDoc.Cues[i]
		if fc.Comment {
			continue
		}
		want := normalise(fc.Text())
		if want == "" {
			continue // nothing to find (a music note, an empty event)
		}
		var union strings.Builder
		for _, p := range pool {
			if p.start > fc.End+tol {
				break
			}
			if p.end >= fc.Start-tol {
				union.WriteString(p.text)
			}
		}
		if containment(want, union.String()) >= minSim {
			continue
		}
		text := strings.ReplaceAll(fc.Text(), "\n", " ")
		c.add(rule.Finding{Rule: "D008", File: c.report(f.Path), Line: fc.Line, Cue: fc.Index,
			Start: rule.TC(fc.Start), End: rule.TC(fc.End), Source: c.p.Source("min_similarity"),
			Message: fmt.Sprintf("forced event %q (%s–%s) has no matching event in the full subtitles (%s)",
				text, tc(fc.Start), tc(fc.End), strings.Join(names, ", ")),
			Expected: fmt.Sprintf("a full-subtitle event within %s containing the text", secs(tol))})
	}
}

// normalise folds case and drops everything but letters, marks and digits,
// so "ENTRÉE INTERDITE !" and "Entrée interdite." compare equal and
// spacing or line breaks do not matter (nor do they in scripts written
// without spaces).
func normalise(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// containment is the share of want's character pairs (single characters
// for a one-character text) that occur in have, counted with multiplicity:
// 1 when want appears in have, falling as letters go missing or change.
func containment(want, have string) float64 {
	w, h := []rune(want), []rune(have)
	if len(w) == 0 {
		return 1
	}
	grams := func(rs []rune) map[[2]rune]int {
		m := map[[2]rune]int{}
		if len(w) == 1 {
			for _, r := range rs {
				m[[2]rune{r, 0}]++
			}
			return m
		}
		for i := 0; i+1 < len(rs); i++ {
			m[[2]rune{rs[i], rs[i+1]}]++
		}
		return m
	}
	gw, gh := grams(w), grams(h)
	total, found := 0, 0
	for g, n := range gw {
		total += n
		found += min(n, gh[g])
	}
	return float64(found) / float64(total)
}
