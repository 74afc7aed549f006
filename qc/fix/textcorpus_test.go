package fix

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/textenc"
)

// TestCorpusTextFixesKeepMarkup runs the text rules' fixes on the corpus's
// TTML, SSA/ASS and EBU STL files as English and as French (so that the
// French spacing fixes insert and replace, the English ones delete), and
// checks each corrected copy: its markup is the original's, tag for tag
// (TTML tags and comments; SSA override blocks, escapes and the fields
// before the text; STL bytes outside the text fields and the text fields'
// control codes); read again, it has the same cues, times, lines and
// styled spans, and each line's text is the original's but for the
// characters text fixes write; and no rule has more findings than before.
func TestCorpusTextFixesKeepMarkup(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run")
	}
	var paths []string
	for _, in := range testcorpus.Inputs(t, "ttml", "ass", "stl") {
		paths = append(paths, in.Path)
	}
	for _, lang := range []string{"en", "fr"} {
		opts := options(t, paths...)
		opts.Engine.FrameRate, opts.Engine.FrameRateSource = cue.FrameRate{}, ""
		opts.Engine.Language = lang
		opts.Rules = map[string]bool{}
		for c := range Fixable {
			if c[0] == 'X' {
				opts.Rules[c] = true
			}
		}
		res := fixOne(t, opts)
		perRule := map[string]int{}
		for _, c := range res.Changes {
			perRule[c.Rule]++
		}
		changed := 0
		for i := range res.Files {
			f := &res.Files[i]
			if !f.Changed() {
				continue
			}
			changed++
			if why := markupDiffers(f.Original, f.Fixed); why != "" {
				t.Errorf("%s (%s): %s", f.Path, lang, why)
			}
			if why := cuesDiffer(f.Path, f.Original, f.Fixed); why != "" {
				t.Errorf("%s (%s): %s", f.Path, lang, why)
			}
			before, after := count(check(t, opts, f.Path, f.Original)), count(check(t, opts, f.Path, f.Fixed))
			for code, n := range after {
				if n > before[code] {
					t.Errorf("%s (%s): %s has %d findings after fixing, %d before", f.Path, lang, code, n, before[code])
				}
			}
		}
		t.Logf("as %s: %d edits in %d files: %v; %d findings declined with a reason", lang, len(res.Changes), changed, perRule, len(res.NotFixed))
	}
}

var (
	xmlMarkup = regexp.MustCompile(`<[^>]*>`)
	ssaMarkup = regexp.MustCompile(`\{[^}]*\}|\\[A-Za-z]`)
	lineEnd   = regexp.MustCompile(`\r\n|\r|\n`)
)

// markupDiffers says how the copy's markup differs from the original's
// ("" when it does not).
func markupDiffers(orig, fixed []byte) string {
	if isSTL(orig) {
		if len(orig) != len(fixed) {
			return "EBU STL copy has another size"
		}
		for i := range orig {
			if at := (i - 1024) % 128; orig[i] != fixed[i] && (i < 1024 || at < 16) {
				return "EBU STL copy differs outside the text fields"
			}
		}
		var a, b []byte
		for i := 1024; i < len(orig); i++ {
			if at := (i - 1024) % 128; at >= 16 && (orig[i] < 0x20 || orig[i] >= 0x80 && orig[i] <= 0x8A) {
				a = append(a, orig[i])
			}
			if at := (i - 1024) % 128; at >= 16 && (fixed[i] < 0x20 || fixed[i] >= 0x80 && fixed[i] <= 0x8A) {
				b = append(b, fixed[i])
			}
		}
		if string(a) != string(b) {
			return "the text fields' control codes differ"
		}
		return ""
	}
	a, b := textenc.Decode(orig).Text, textenc.Decode(fixed).Text
	if strings.Contains(a, "[Events]") {
		al, bl := lineEnd.Split(a, -1), lineEnd.Split(b, -1)
		if len(al) != len(bl) {
			return "the copy has another number of lines"
		}
		for i := range al {
			if !strings.HasPrefix(al[i], "Dialogue:") {
				if al[i] != bl[i] {
					return "a line other than a Dialogue line changed: " + al[i]
				}
				continue
			}
			if !slices.Equal(ssaMarkup.FindAllString(al[i], -1), ssaMarkup.FindAllString(bl[i], -1)) {
				return "override blocks or escapes changed: " + al[i]
			}
			if n := strings.Count(al[i], ","); n < 9 || strings.Count(bl[i], ",") < 9 {
				continue
			}
			if fields(al[i]) != fields(bl[i]) {
				return "fields before the text changed: " + al[i]
			}
		}
		return ""
	}
	if !slices.Equal(xmlMarkup.FindAllString(a, -1), xmlMarkup.FindAllString(b, -1)) {
		return "the XML markup changed"
	}
	return ""
}

// fields is a Dialogue line up to its ninth comma (the fields before Text).
func fields(line string) string {
	n := 0
	for i := range line {
		if line[i] == ',' {
			if n++; n == 9 {
				return line[:i]
			}
		}
	}
	return line
}

// cuesDiffer reads both versions and says how their cues differ other than
// in the characters text fixes write ("" when they do not).
func cuesDiffer(path string, orig, fixed []byte) string {
	read := func(data []byte) *cue.Document {
		f := format.ByExt(path)
		if f == nil {
			f = format.ByName(format.Sniff(data, textenc.Decode(data).Text))
		}
		return f.Read(path, data, textenc.Decode(data).Text)
	}
	a, b := read(orig), read(fixed)
	if len(a.Cues) != len(b.Cues) {
		return "another number of cues"
	}
	for i := range a.Cues {
		x, y := &a.Cues[i], &b.Cues[i]
		if x.Start != y.Start || x.End != y.End || len(x.Lines) != len(y.Lines) {
			return "cue " + x.ID + " has other times or lines"
		}
		for k := range x.Lines {
			if fold(x.Lines[k].Text) != fold(y.Lines[k].Text) || len(x.Lines[k].Spans) != len(y.Lines[k].Spans) {
				return "cue " + x.ID + " line: " + x.Lines[k].Text + " → " + y.Lines[k].Text
			}
		}
	}
	return ""
}

// fold drops what the text fixes write (spaces, full stops and the marks
// textFixed folds) and writes homoglyphs as their Latin twin.
func fold(s string) string {
	var out []rune
	for _, r := range s {
		if r == ' ' || r == '.' {
			continue
		}
		if to, ok := textFixed(r); ok {
			if to == 0 {
				continue
			}
			r = to
		}
		out = append(out, r)
	}
	return string(out)
}
