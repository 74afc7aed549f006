package fix

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cueList turns fuzz bytes into an SRT or WebVTT file: each 4 bytes are a
// cue (gap or overlap to the previous start, duration, a text shape), so
// the fuzzer explores short gaps, overlaps, short and long cues, off-frame
// times and stray spaces.
func cueList(data []byte, vtt bool) string {
	var b strings.Builder
	if vtt {
		b.WriteString("WEBVTT\n\n")
	}
	t := 1000 // ms
	texts := []string{"Hello there.", " Leading space.", "Trailing space. ", "Two  spaces.", "<i>Italic.</i>", "Line one.\nLine two."}
	for i := 0; i+4 <= len(data) && i < 4*200; i += 4 {
		t += int(data[i])*7 - 300 // -300 ms to +1485 ms from the previous start
		if t < 0 {
			t = 0
		}
		d := int(data[i+1])*40 + int(data[i+2])%40 // up to ~10 s, not on frames
		text := texts[int(data[i+3])%len(texts)]
		if !vtt {
			fmt.Fprintf(&b, "%d\n", i/4+1)
		}
		sep := ","
		if vtt {
			sep = "."
		}
		fmt.Fprintf(&b, "%s --> %s\n%s\n\n", stamp(t, sep), stamp(t+d, sep), text)
	}
	return b.String()
}

func stamp(ms int, sep string) string {
	return fmt.Sprintf("%02d:%02d:%02d%s%03d", ms/3600000, ms/60000%60, ms/1000%60, sep, ms%1000)
}

// FuzzFix: random cue lists → fix → re-check. The copy never has more
// findings of any rule than the original, differs only in time digits and
// whitespace, and fixing it again changes nothing more than the first run
// left to do.
func FuzzFix(f *testing.F) {
	f.Add([]byte{40, 50, 0, 0, 44, 50, 1, 1, 10, 1, 2, 2}, false)              // overlaps, short cues
	f.Add([]byte{150, 60, 3, 3, 144, 250, 9, 4, 143, 20, 5, 5}, true)          // gaps, a long cue
	f.Add([]byte{43, 55, 7, 0, 43, 55, 7, 1, 43, 55, 7, 2, 0, 0, 0, 3}, false) // zero durations
	f.Fuzz(func(t *testing.T, data []byte, vtt bool) {
		name := "fuzz.en.srt"
		if vtt {
			name = "fuzz.en.vtt"
		}
		p := filepath.Join(t.TempDir(), name)
		src := cueList(data, vtt)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		opts := options(t, p)
		res := fixOne(t, opts)
		if len(res.Files) != 1 {
			t.Fatalf("%d files", len(res.Files))
		}
		fx := res.Files[0]
		before, after := count(check(t, opts, p, fx.Original)), count(check(t, opts, p, fx.Fixed))
		for code, n := range after {
			if n > before[code] {
				t.Errorf("%s: %d findings after fixing, %d before\n%s", code, n, before[code], src)
			}
		}
		if why := outsideEdits(fx.Original, fx.Fixed); why != "" {
			t.Errorf("%s\n%s", why, src)
		}
	})
}

// FuzzFixText: a cue whose text is whatever the fuzzer makes, in one of
// the language packs, as SRT or WebVTT (plain or SDH), fixed by every
// fixable rule. The copy never has more findings of any rule than the
// original, and fixing the copy again leaves no rule with more findings
// than the copy had: a text fix never makes work for another.
func FuzzFixText(f *testing.F) {
	f.Add([]byte("Hello...  there !"), uint8(0), uint8(0))
	f.Add([]byte("- Toмa?\n- Да..."), uint8(1), uint8(4))
	f.Add([]byte("<i>« Bonjour! »"), uint8(0), uint8(1))
	f.Add([]byte("(sighs) Fine.\n(DOOR SLAMS)"), uint8(2), uint8(0))
	f.Add([]byte("你好,世界..."), uint8(1), uint8(6))
	f.Add([]byte("¿Qué?? ¡Sí!!"), uint8(3), uint8(3))
	f.Add([]byte("It's  3 dogs , 10 cats ..."), uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, text []byte, format, language uint8) {
		languages := []string{"en", "fr", "de", "es", "ru", "tr", "zh-Hans", "ja", "ko", "ar", "he", "pt-BR"}
		lang := languages[int(language)%len(languages)]
		kind := ""
		if format/2%2 == 1 {
			kind = ".sdh"
		}
		name, body := "ep."+lang+kind+".srt", "1\n00:00:01,000 --> 00:00:04,000\n"+string(text)+"\n\n2\n00:00:05,000 --> 00:00:07,000\nOK.\n"
		if format%2 == 1 {
			name, body = "ep."+lang+kind+".vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"+string(text)+"\n\n00:00:05.000 --> 00:00:07.000\nOK.\n"
		}
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		opts := options(t, p)
		fx := fixOne(t, opts).Files[0]
		before, after := count(check(t, opts, p, fx.Original)), count(check(t, opts, p, fx.Fixed))
		for code, n := range after {
			if n > before[code] {
				t.Errorf("%s: %d findings after fixing, %d before\n%q\n→\n%q", code, n, before[code], fx.Original, fx.Fixed)
			}
		}
		if err := os.WriteFile(p, fx.Fixed, 0o644); err != nil {
			t.Fatal(err)
		}
		again := fixOne(t, opts).Files[0]
		for code, n := range count(check(t, opts, p, again.Fixed)) {
			if n > after[code] {
				t.Errorf("%s: %d findings after fixing the copy, %d in it\n%q\n→\n%q", code, n, after[code], fx.Fixed, again.Fixed)
			}
		}
	})
}
