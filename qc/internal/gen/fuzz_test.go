package gen

import (
	"bytes"
	"testing"
)

// FuzzEpisode: whatever the options, generation either refuses with an
// error or writes a file that reads back cleanly with exactly the cues and
// seeded defects asked for. It never panics.
func FuzzEpisode(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint8(0), uint16(700), uint16(45), uint8(0), uint8(0), uint8(0), uint8(0), false)
	f.Add(uint64(7), uint8(9), uint8(2), uint16(40), uint16(3), uint8(2), uint8(1), uint8(3), uint8(1), true)
	f.Add(uint64(99), uint8(11), uint8(1), uint16(12), uint16(1), uint8(1), uint8(1), uint8(1), uint8(1), false)
	f.Fuzz(func(t *testing.T, seed uint64, lang, format uint8, cues, minutes uint16, ov, short, fast, long uint8, crlf bool) {
		tags := Languages()
		o := EpisodeOptions{
			Seed: seed, Language: tags[int(lang)%len(tags)], Format: Formats[int(format)%len(Formats)],
			Cues: int(cues % 1200), Minutes: float64(minutes%180) + 0.5, CRLF: crlf,
			Defects: CueDefects{Overlap: int(ov % 8), TooShort: int(short % 8), TooFast: int(fast % 8), LineTooLong: int(long % 8)},
		}
		var b bytes.Buffer
		if err := Episode(&b, o); err != nil {
			// Refusing is right only when the request is infeasible;
			// with room for every cue at its longest, it is a bug.
			n := max(o.Cues, 1)
			roomy := float64(n)*6.5+75 <= o.Minutes*60 && o.Defects.Total()*3 <= n-2
			if roomy && o.Cues >= 0 {
				t.Fatalf("%+v refused: %v", o, err)
			}
			return
		}
		data := b.Bytes()
		doc := readAny(o.Format, data)
		want := o.Cues
		if want == 0 {
			want = 700
		}
		if len(doc.Diagnostics) > 0 || len(doc.Cues) != want {
			t.Fatalf("%+v: %d cues, diagnostics %v", o, len(doc.Cues), doc.Diagnostics)
		}
		if got := judge(doc, limitsFor(t, o.Language)); got != o.Defects {
			t.Fatalf("%+v: judged %+v", o, got)
		}
	})
}
