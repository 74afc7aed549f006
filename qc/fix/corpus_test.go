package fix

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/textenc"
)

// TestCorpusDifferential fixes every subtitle file of the shared corpus
// (default packs, no declared rate: as a user runs it) and checks each
// corrected copy independently: no rule has more findings than on the
// original (so no new E000), the findings fix reports as remaining are the
// ones check finds, and the copy differs from the original only where
// fixes write (digits of times, whitespace, the encoding and the BOM as
// text; TCI/TCO bytes and text fields of TTI blocks in EBU STL); and fixing the copies again
// changes nothing.
func TestCorpusDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run")
	}
	inputs := testcorpus.Inputs(t)
	var paths []string
	for _, in := range inputs {
		paths = append(paths, in.Path)
	}
	opts := options(t, paths...)
	opts.Engine.FrameRate, opts.Engine.FrameRateSource = cue.FrameRate{}, ""
	res := fixOne(t, opts)
	remaining := map[string]int{}
	for _, f := range res.Remaining {
		remaining[f.File+" "+f.Rule]++
	}
	changed := 0
	for i := range res.Files {
		f := &res.Files[i]
		if !f.Changed() {
			continue
		}
		changed++
		before, after := count(check(t, opts, f.Path, f.Original)), count(check(t, opts, f.Path, f.Fixed))
		for code, n := range after {
			if n > before[code] {
				t.Errorf("%s: %s has %d findings after fixing, %d before", f.Path, code, n, before[code])
			}
			if opts.Rules[code] && remaining[f.Path+" "+code] != n {
				t.Errorf("%s: fix reports %d %s remaining, check finds %d", f.Path, remaining[f.Path+" "+code], code, n)
			}
		}
		if why := outsideEdits(f.Original, f.Fixed); why != "" {
			t.Errorf("%s: %s", f.Path, why)
		}
	}
	if changed == 0 {
		t.Fatal("the corpus run fixed nothing")
	}
	// Idempotence: fixing the corrected copies changes nothing.
	dir := t.TempDir()
	var copies []string
	for i := range res.Files {
		f := &res.Files[i]
		if !f.Changed() {
			continue
		}
		rel, err := filepath.Rel(testcorpus.Dir(t), f.Path)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Fixed, 0o644); err != nil {
			t.Fatal(err)
		}
		copies = append(copies, p)
	}
	again := opts
	again.Engine.Paths = copies
	if res2 := fixOne(t, again); len(res2.Changes) != 0 {
		t.Errorf("fixing the corrected copies changed them again: %d edits, first %+v", len(res2.Changes), res2.Changes[0])
	}
	for _, code := range []string{"T004", "T006", "L004", "E002"} {
		if res.After[code] >= res.Before[code] {
			t.Errorf("%s: %d findings before fixing, %d after", code, res.Before[code], res.After[code])
		}
	}
	t.Logf("%d of %d files changed; before %v; after %v", changed, len(res.Files), res.Before, res.After)
}

// outsideEdits says how the copy differs where no fix writes ("" if it
// does not).
func outsideEdits(orig, fixed []byte) string {
	if isSTL(orig) {
		if len(orig) != len(fixed) {
			return "EBU STL copy has another size"
		}
		for i := range orig {
			if at := (i - 1024) % 128; orig[i] != fixed[i] && (i < 1024 || at < 5 || at > 12 && at < 16) {
				return "EBU STL copy differs outside the TCI/TCO bytes and text fields"
			}
		}
		return ""
	}
	a, b := textenc.Decode(orig), textenc.Decode(fixed)
	if mask(a.Text) != mask(b.Text) {
		return "copy differs in more than time digits and whitespace"
	}
	return ""
}

func isSTL(b []byte) bool {
	return len(b) >= 11 && string(b[3:6]) == "STL"
}

// mask keeps what no fix may change: the characters of the text, as a
// sorted multiset (T007 moves whole cues, L001/L002 move line breaks),
// without whitespace, digits, '.', ',', ':', '-' or '>' (times and their
// spelling change: E000's SRT normalisation, a time without milliseconds), a byte-order mark, or closing tags (L005 adds
// and deletes them). The text rules' fixes write the characters textFixed
// folds: marks they add, collapse or swap, spaces, invisible characters,
// italic tags, and homoglyphs, which count as their Latin letter.
// A character reference to one of those characters counts as it: a fix
// may replace or delete the reference whole (WebVTT's &lrm;); any other
// reference must stay as written.
func mask(s string) string {
	s = reference.ReplaceAllStringFunc(s, func(ref string) string {
		if r := []rune(html.UnescapeString(ref)); len(r) == 1 {
			if _, ok := textFixed(r[0]); ok {
				return string(r)
			}
		}
		return ref
	})
	s = closingTag.ReplaceAllString(s, "")
	s = italicTag.ReplaceAllString(s, "")
	var kept []rune
	for _, r := range s {
		switch {
		case r == ' ', r == '\t', r == '\r', r == '\n', r == '.', r == ',', r == ':', r == '-', r == '>', r == '\ufeff', r >= '0' && r <= '9':
			continue
		}
		if to, ok := textFixed(r); ok {
			if to == 0 {
				continue
			}
			r = to
		}
		kept = append(kept, r)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i] < kept[j] })
	return string(kept)
}

var (
	closingTag = regexp.MustCompile(`</[A-Za-z][A-Za-z0-9_-]*>`)
	italicTag  = regexp.MustCompile(`<[iI]>|\{\\i[01]\}`)
	reference  = regexp.MustCompile(`&#?[A-Za-z0-9]+;`)
)

// textFixed folds a character the text fixes write or delete: to 0 when
// fixes change how many there are, to the Latin letter for a homoglyph.
func textFixed(r rune) (rune, bool) {
	if strings.ContainsRune("…⋯!?;？！：،؟()[]{}–—‐\u00a0\u202f\u00ad\u200b\u2028\u2029\u200e\u200f\u061c", r) ||
		(r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
		return 0, true
	}
	if l, ok := checks.LatinHomoglyph(r); ok {
		return l, true
	}
	return 0, false
}
