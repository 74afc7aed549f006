package gen

import (
	"testing"
)

// A density draws each file's ratio between its format's deciles and
// seeds that many defects per cue, capped at what fits, spread over the
// four kinds; a format without deciles gets none.
func TestDensityDraw(t *testing.T) {
	d := &Density{Deciles: map[string][11]float64{"srt": {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 2}}}
	r := newRNG(1, "t")
	lo, hi, capped := 1<<30, 0, 0
	for range 2000 {
		c := d.draw(r, "srt", 300)
		n := c.Total()
		lo, hi = min(lo, n), max(hi, n)
		if n == 100 {
			capped++
		}
		if spread := max(c.Overlap, c.TooShort, c.TooFast, c.LineTooLong) - min(c.Overlap, c.TooShort, c.TooFast, c.LineTooLong); spread > 1 {
			t.Fatalf("defects not spread over the kinds: %+v", c)
		}
	}
	// 0.1 per cue for 90 % of files, up to the cap (300/3) in the top decile.
	if lo != 30 || hi != 100 || capped == 0 || capped > 200 {
		t.Errorf("drawn %d..%d defects, %d capped; want 30..100 with some capped in the top decile", lo, hi, capped)
	}
	if c := d.draw(r, "ttml", 300); c.Total() != 0 {
		t.Errorf("a format without deciles got %+v", c)
	}
}

// With the corpus density every file slot without another defect carries
// cue defects at the corpus's findings per cue, and the tree is otherwise
// the tree without it: the same files, the same delivery defects.
func TestAuditTreeCorpusDensity(t *testing.T) {
	o := AuditOptions{Members: 3, Episodes: 20, Languages: 3, Seed: 11, DefectRate: 0.35, Cues: 60}
	plainRoot, plain := smallTree(t, o)
	o.Density = CorpusDensity
	denseRoot, dense := smallTree(t, o)
	p, d := plain.Totals.Defects, dense.Totals.Defects
	if p.MissingLanguage != d.MissingLanguage || p.MissingFile != d.MissingFile || p.ChecksumMismatch != d.ChecksumMismatch ||
		p.SizeMismatch != d.SizeMismatch || p.EpisodeGap != d.EpisodeGap {
		t.Errorf("delivery defects changed with the density:\n%+v\n%+v", p, d)
	}
	pf, df := treeDigest(t, plainRoot), treeDigest(t, denseRoot)
	if len(pf) != len(df) {
		t.Errorf("%d files without the density, %d with it", len(pf), len(df))
	}
	for name := range pf {
		if _, ok := df[name]; !ok {
			t.Errorf("%s missing from the dense tree", name)
		}
	}
	// About 60 cues a file: the corpus's lowest ratio (0.285) seeds 17,
	// the cap 20 (21 for the longest episodes).
	files := dense.Totals.FilesOnDisk
	cue := d.Overlap + d.TooShort + d.TooFast + d.LineTooLong
	if cue < 15*(files-20) || cue > 21*files {
		t.Errorf("%d cue defects in %d files: not the corpus density", cue, files)
	}
	// What EXPECTED.json says is on disk.
	for path, r := range recount(t, denseRoot) {
		for _, m := range dense.Members {
			for _, de := range m.Deliveries {
				if de.Path == path && r.Defects != de.Defects {
					t.Errorf("%s: on disk %+v\nEXPECTED.json %+v", path, r.Defects, de.Defects)
				}
			}
		}
	}
}
