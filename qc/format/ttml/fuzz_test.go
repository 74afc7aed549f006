package ttml

import (
	"os"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// FuzzRead checks that no input panics, hangs or breaks the model's
// invariants (1-based indexes and lines, offsets inside the text, spans
// inside their line, non-negative times, diagnostics with a known rule
// code and a cue index in range), read as plain TTML and as an .itt file
// (which turns on the iTT rules and negative div offsets).
func FuzzRead(f *testing.F) {
	f.Add(cleanIMSC11)
	f.Add(cleanITT)
	f.Add(cleanTTML1)
	for _, s := range []string{
		doc(`ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001" ttp:tickRate="10000000"`,
			`<styling><style xml:id="s" tts:fontStyle="italic"/></styling><layout><region xml:id="r" begin="1s" end="9s"/></layout>`,
			`<div timeContainer="seq"><p begin="00:00:01:02" dur="3t" style="s" region="r">a <span tts:fontWeight="bold">b</span><br/>c</p><p dur="2f">d</p></div>`),
		doc(`ttp:timeBase="smpte" ttp:dropMode="dropNTSC" ttp:frameRate="30"`, ``, `<div><p begin="00:01:00:02" end="00:10:00:00" xml:space="preserve"> x
y </p></div>`),
		`<tt xmlns="http://www.w3.org/2006/10/ttaf1" xml:lang="en"><body><div><p begin="1.5s" end="2s">legacy</p></div></body></tt>`,
		`<tt><body><p begin="0s">untimed end</p></body></tt>`,
	} {
		f.Add(s)
	}
	if dir := corpusDirIfPresent(f); dir != "" {
		for _, rel := range []string{
			"ttml/w3c-ttml1-tests/validation/valid/ttml1-valid-all-timing.xml",
			"ttml/w3c-imsc-tests/imsc1/timing/MediaSeqTiming005.ttml",
			"ttml/w3c-imsc-tests/imsc1_1/ruby/ruby001.ttml",
			"ttml/ttconv/lwsp_default.ttml",
			"ttml/androidx-media/inherit_begin_from_div.xml",
			"ttml/subtitlesparserv2/ttml-smpte-frameMultiplier.ttml",
			"ttml/skynav-ttv-imsc11/invalid/imsc11-invld-region-not-in-root-container.xml",
			"ttml/skynav-ttv-imsc11/invalid/imsc11-invld-extent-length-unit-em.xml",
			"ttml/go-astisub/example-in-merging-style.ttml",
		} {
			if b, err := os.ReadFile(dir + "/" + rel); err == nil {
				f.Add(string(b))
			}
		}
	}
	codes := map[string]bool{"": true}
	for _, r := range Rules {
		codes[r.Code] = true
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkDocument(t, src, Read(src), codes)
		checkDocument(t, src, ReadNamed("fuzz.itt", src), codes)
	})
}

func checkDocument(t *testing.T, src string, d *cue.Document, codes map[string]bool) {
	if d == nil || d.Format != "ttml" {
		t.Fatal("no document")
	}
	for i, c := range d.Cues {
		if c.Index != i+1 || c.Line < 1 || c.Offset < 0 || c.Offset > int64(len(src)) {
			t.Fatalf("cue %d: index %d line %d offset %d", i, c.Index, c.Line, c.Offset)
		}
		if c.Start < 0 || c.End < 0 {
			t.Fatalf("cue %d: negative time %d-%d", i, c.Start, c.End)
		}
		if !strings.Contains(src, c.Raw) {
			t.Fatalf("cue %d: Raw is not from the source", i)
		}
		for _, l := range c.Lines {
			for _, s := range l.Spans {
				if s.Start < 0 || s.End > len(l.Text) || s.Start >= s.End {
					t.Fatalf("cue %d: span %+v outside %q", i, s, l.Text)
				}
			}
		}
	}
	for _, g := range d.Diagnostics {
		if g.Line < 1 || g.Message == "" || !codes[g.Rule] || g.Cue < 0 || g.Cue > len(d.Cues) {
			t.Fatalf("diagnostic %+v", g)
		}
	}
}

// corpusDirIfPresent is testcorpus.Dir without the skip: the fuzz target
// keeps its inline seeds when the corpus is absent.
func corpusDirIfPresent(f *testing.F) string {
	root := testcorpus.RepoRoot(f) + "/../shared/corpus"
	if st, err := os.Stat(root); err == nil && st.IsDir() {
		return root
	}
	return ""
}

// FuzzTimeExpression drives the time parser with arbitrary expressions and
// parameters: it must never panic, and every accepted time must lie in
// [0, maxTime] so that timing arithmetic cannot overflow.
func FuzzTimeExpression(f *testing.F) {
	for _, s := range []string{"01:02:03:20.1", "00:00:00.0416666666666666666666", "6.7t", "5.6f", "1193046:28:15", "99999999999999999999.9999999999999999h", "0H", "00:10:00:00"} {
		f.Add(s, uint32(30), uint32(1000), uint32(1001), uint32(2), uint64(10_000_000), uint8(1), uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, fr, mulNum, mulDen, sub uint32, tick uint64, base, drop uint8) {
		p := defaultParams()
		if fr > 0 && fr <= maxRate {
			p.frameRate, p.frameRateSet = int64(fr), true
		}
		if mulNum > 0 && mulNum <= maxRate && mulDen > 0 && mulDen <= maxRate {
			p.mulNum, p.mulDen = int64(mulNum), int64(mulDen)
		}
		if sub > 0 && sub <= maxRate {
			p.subFrameRate = int64(sub)
		}
		if tick > 0 && tick <= maxTickRate {
			p.tickNum, p.tickDen, p.tickRateSet = int64(tick), 1, true
		}
		p.base, p.drop = timeBase(base%3), dropMode(drop%3)
		p.settle()
		v, _, why := p.parseTime(s)
		if why == "" && (v < 0 || v > maxTime) {
			t.Fatalf("%q accepted as %d", s, v)
		}
	})
}
