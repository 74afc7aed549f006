package gen

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

func TestEpisodeIsDeterministic(t *testing.T) {
	for _, f := range Formats {
		o := EpisodeOptions{Seed: 42, Format: f, Language: "fr"}
		if slices.Contains(DefectFormats, f) {
			o.Defects = CueDefects{Overlap: 1, TooFast: 2}
		}
		a, b := EpisodeBytes(o), EpisodeBytes(o)
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Fatalf("%s: same options gave different output (%d vs %d bytes)", f, len(a), len(b))
		}
		var w bytes.Buffer
		if err := Episode(&w, o); err != nil || !bytes.Equal(w.Bytes(), a) {
			t.Fatalf("%s: Episode and EpisodeBytes disagree (%v)", f, err)
		}
		o2 := o
		o2.Seed = 43
		if bytes.Equal(EpisodeBytes(o2), a) {
			t.Errorf("%s: seeds 42 and 43 gave the same file", f)
		}
		o3 := o
		o3.Name = "other/file.srt"
		if bytes.Equal(EpisodeBytes(o3), a) {
			t.Errorf("%s: different names gave the same file", f)
		}
	}
}

// Every language in every format reads back with the product's readers
// without a single diagnostic, with exactly the cues asked for, and with
// the shape a real 45-minute episode has.
func TestEpisodeReadsBackClean(t *testing.T) {
	fm := newFraming(DefaultFrameRate)
	twoFrames := DefaultFrameRate.Frames(2)
	for _, lang := range Languages() {
		lim := limitsFor(t, lang)
		for _, f := range DefectFormats { // the others: TestNewFormatsMatchTheSRTEpisode
			o := EpisodeOptions{Seed: 7, Format: f, Language: lang}
			data := EpisodeBytes(o)
			if data == nil {
				t.Fatalf("%s/%s: no output", lang, f)
			}
			doc := readAny(f, data)
			for _, d := range doc.Diagnostics {
				t.Errorf("%s/%s: line %d: %s", lang, f, d.Line, d.Message)
			}
			if len(doc.Cues) != 700 {
				t.Fatalf("%s/%s: %d cues, want 700", lang, f, len(doc.Cues))
			}
			if got := judge(doc, lim); got != (CueDefects{}) {
				t.Errorf("%s/%s: a clean episode breaks the %s limits: %+v", lang, f, lang, got)
			}
			var italic, dialogue, twoLine, closed, open int
			for i := range doc.Cues {
				c := &doc.Cues[i]
				if d := c.Duration(); d < cue.Second || d > 6*cue.Second {
					t.Errorf("%s/%s: cue %d lasts %v", lang, f, c.Index, d)
				}
				if len(c.Lines) == 0 || len(c.Lines) > 2 {
					t.Errorf("%s/%s: cue %d has %d lines", lang, f, c.Index, len(c.Lines))
				}
				if len(c.Lines) == 2 {
					twoLine++
				}
				if len(c.Lines) > 0 && c.Lines[0].Italic() {
					italic++
				}
				if strings.HasPrefix(c.Raw, "- ") || strings.HasPrefix(c.Raw, "－") {
					dialogue++
				}
				for _, edge := range []cue.Time{c.Start, c.End} {
					if _, off := DefaultFrameRate.FrameAt(edge); off > cue.Millisecond/2 || off < -cue.Millisecond/2 {
						t.Fatalf("%s/%s: cue %d: %v is off-frame by %v", lang, f, c.Index, edge, off)
					}
				}
				if i == 0 {
					continue
				}
				// Gaps are closed to two frames or longer than half a
				// second (Netflix chaining), never in between.
				switch gap := c.Start - doc.Cues[i-1].End; {
				case gap >= twoFrames-cue.Millisecond && gap <= twoFrames+cue.Millisecond:
					closed++
				case gap > cue.Second/2:
					open++
				default:
					t.Errorf("%s/%s: gap of %v before cue %d", lang, f, gap, c.Index)
				}
			}
			end := doc.Cues[len(doc.Cues)-1].End
			if end > cue.FromSeconds(fm.secs(fm.round(45*60))) || end < 40*cue.Minute {
				t.Errorf("%s/%s: last cue ends at %v, want within and near the 45-minute programme", lang, f, end)
			}
			// Languages whose guide forbids italics (X011) have none.
			if (italic == 0) != lookupNoItalics(lang) || twoLine < 50 || closed < 200 || open < 100 {
				t.Errorf("%s/%s: unrealistic mix: %d italic, %d dialogue, %d two-line, %d closed gaps, %d open gaps",
					lang, f, italic, dialogue, twoLine, closed, open)
			}
		}
	}
}

// Seeded cue defects raise exactly the counts asked for, and nothing else,
// when judged with the rule packs' limits.
func TestSeededCueDefects(t *testing.T) {
	want := CueDefects{Overlap: 3, TooShort: 2, TooFast: 4, LineTooLong: 1}
	for _, lang := range Languages() {
		lim := limitsFor(t, lang)
		for _, f := range DefectFormats {
			for seed := uint64(1); seed <= 3; seed++ {
				data := EpisodeBytes(EpisodeOptions{Seed: seed, Format: f, Language: lang, Cues: 300, Defects: want})
				doc := readAny(f, data)
				if len(doc.Diagnostics) > 0 || len(doc.Cues) != 300 {
					t.Fatalf("%s/%s: %d cues, %d diagnostics", lang, f, len(doc.Cues), len(doc.Diagnostics))
				}
				if got := judge(doc, lim); got != want {
					t.Errorf("%s/%s seed %d: judged %+v, seeded %+v", lang, f, seed, got, want)
				}
			}
		}
	}
}

// Every interjection, dense pair and long line the defect builders can
// draw is usable: an unusable one would make some seeds fail to generate.
func TestDefectTextsFitEveryLanguage(t *testing.T) {
	fm := newFraming(DefaultFrameRate)
	for _, tag := range Languages() {
		l, _ := lookupLanguage(tag)
		for _, s := range l.shorts {
			if d := max(fm.round(0.5), fm.ceil(s.chars/(l.MaxCPS*0.9))); d > fm.floor(0.75) {
				t.Errorf("%s: interjection %q needs %d frames to be readable, too long for a too-short cue", tag, s.text, d)
			}
		}
		r := newRNG(1, tag)
		dur := fm.secs(fm.round(1.04))
		for i := 0; i < 300; i++ {
			if d := l.denseText(r, 1.4*l.MaxCPS*dur); d.chars/dur <= 1.2*l.MaxCPS || d.n != 2 {
				t.Fatalf("%s: dense text %q is not dense enough", tag, d.lines)
			}
			hi := min(l.MaxChars*1.6, 0.85*l.MaxCPS*6)
			if ln := l.longLine(r, l.MaxChars+1, hi); ln.chars <= l.MaxChars+1 || ln.chars > hi {
				t.Fatalf("%s: long line %q has %v characters, want (%v, %v]", tag, ln.lines[0], ln.chars, l.MaxChars+1, hi)
			}
		}
	}
}

func TestEpisodeOptionsAreChecked(t *testing.T) {
	bad := []EpisodeOptions{
		{Language: "xx"},
		{Format: "docx"},
		{Format: "scc", Language: "ja"},
		{Format: "stl", Language: "ru"},
		{Format: "stl", FrameRate: DefaultFrameRate},
		{Format: "scc", FrameRate: cue.FrameRate{Num: 25, Den: 1}},
		{Format: "ass", Defects: CueDefects{TooShort: 1}},
		{Cues: 2000, Minutes: 10},
		{Cues: -1},
		{Minutes: -5},
		{Cues: 20, Defects: CueDefects{TooShort: 10}},
	}
	for _, o := range bad {
		if err := Episode(&bytes.Buffer{}, o); err == nil {
			t.Errorf("%+v: accepted", o)
		}
		if EpisodeBytes(o) != nil {
			t.Errorf("%+v: EpisodeBytes returned output", o)
		}
	}
}

func TestEpisodeFrameRateAndLineEndings(t *testing.T) {
	data := EpisodeBytes(EpisodeOptions{Seed: 3, FrameRate: cue.FrameRate{Num: 25, Den: 1}, CRLF: true, Cues: 100})
	if bytes.Count(data, []byte("\r\n")) != bytes.Count(data, []byte("\n")) {
		t.Error("CRLF requested but some lines end in a bare LF")
	}
	doc := readAny("srt", data)
	if len(doc.Cues) != 100 || len(doc.Diagnostics) > 0 {
		t.Fatalf("%d cues, %v", len(doc.Cues), doc.Diagnostics)
	}
	fr := cue.FrameRate{Num: 25, Den: 1}
	for _, c := range doc.Cues {
		if _, off := fr.FrameAt(c.Start); off != 0 {
			t.Fatalf("cue %d starts off the 25 fps grid (%v)", c.Index, c.Start)
		}
	}
	ttmlDoc := readAny("ttml", EpisodeBytes(EpisodeOptions{Format: "ttml", FrameRate: fr, Cues: 50}))
	if ttmlDoc.FrameRate != fr {
		t.Errorf("TTML declares %v, want 25", ttmlDoc.FrameRate)
	}
}

func TestAlterationKeepsSizeAndChangesBytes(t *testing.T) {
	for _, lang := range Languages() {
		o, err := EpisodeOptions{Seed: 9, Language: lang, Cues: 50}.withDefaults()
		if err != nil {
			t.Fatal(err)
		}
		p, _, err := o.plan()
		if err != nil {
			t.Fatal(err)
		}
		p.chooseAlteration(newRNG(1, lang))
		if p.alterCue < 0 {
			t.Fatalf("%s: nothing to alter", lang)
		}
		var a, b bytes.Buffer
		p.write(&a, "srt", false, false, nil)
		p.write(&b, "srt", false, true, nil)
		if a.Len() != b.Len() || bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: altered copy is %d bytes vs %d, equal=%v", lang, b.Len(), a.Len(), bytes.Equal(a.Bytes(), b.Bytes()))
		}
		if doc := readAny("srt", b.Bytes()); len(doc.Diagnostics) > 0 || len(doc.Cues) != 50 {
			t.Errorf("%s: altered copy does not read cleanly", lang)
		}
	}
}

func BenchmarkEpisodeSRT(b *testing.B) {
	o := EpisodeOptions{Seed: 1}
	n := len(EpisodeBytes(o))
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var w bytes.Buffer
	for i := 0; i < b.N; i++ {
		w.Reset()
		o.Seed = uint64(i)
		if err := Episode(&w, o); err != nil {
			b.Fatal(err)
		}
	}
}

func lookupNoItalics(tag string) bool {
	l, err := lookupLanguage(tag)
	return err == nil && l.NoItalics
}
