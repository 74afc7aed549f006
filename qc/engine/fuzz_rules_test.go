package engine

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/report"
)

// fuzzLanguages are the languages the packs carry text rules for.
var fuzzLanguages = []string{"en", "fr", "de", "es", "ru", "tr", "zh-Hans", "ja", "ko", "ar", "he", "hi", "th", "pt-BR", "es-419", "id", "it", "vi", "zh-Hant"}

// FuzzRulesOnAnyText: every rule, fixes asked for too, on a cue whose text
// is whatever the fuzzer makes (any script, markup, dashes, brackets,
// quotes, broken UTF-8), in each language pack, as SRT, WebVTT or TTML,
// plain or SDH, never fails inside a rule: the engine contains such a
// panic as an "internal error" finding, which is what this target looks
// for. Structure the text breaks is the readers' business (E000).
func FuzzRulesOnAnyText(f *testing.F) {
	f.Add([]byte("Hello..."), uint8(0), uint8(0))
	f.Add([]byte("- Toмa?\n- Да!"), uint8(1), uint8(4))
	f.Add([]byte("<i>« Bonjour ! »</i>"), uint8(0), uint8(1))
	f.Add([]byte("(sighs) ♪ la la ♪\n[DOOR SLAMS]"), uint8(3), uint8(0))
	f.Add([]byte("你好，世界。。。"), uint8(2), uint8(6))
	f.Add([]byte("¿Qué?! ¡Sí!! 1 2 3"), uint8(1), uint8(3))
	f.Add([]byte("\u202bمرحبا\u202c، كيف؟"), uint8(0), uint8(9))
	f.Add([]byte("kΩ μg Ωmega ΑΒΓ abc"), uint8(2), uint8(4))
	f.Add([]byte("\xff\xfe\x00a\u200b\u00a0 ..."), uint8(4), uint8(1))
	f.Fuzz(func(t *testing.T, text []byte, format, language uint8) {
		lang := fuzzLanguages[int(language)%len(fuzzLanguages)]
		kind := ""
		if format/3%2 == 1 {
			kind = ".sdh"
		}
		var name, body string
		switch format % 3 {
		case 0:
			name, body = "ep."+lang+kind+".srt", "1\n00:00:01,000 --> 00:00:04,000\n"+string(text)+"\n\n2\n00:00:04,500 --> 00:00:06,000\nOK\n"
		case 1:
			name, body = "ep."+lang+kind+".vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"+string(text)+"\n\n00:00:04.500 --> 00:00:06.000\nOK\n"
		default:
			lines := strings.Split(html.EscapeString(strings.ToValidUTF8(string(text), "\uFFFD")), "\n")
			name, body = "ep."+lang+kind+".ttml", `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="`+lang+`"><body><div>
<p begin="00:00:01.000" end="00:00:04.000">`+strings.Join(lines, "<br/>")+`</p>
</div></body></tt>
`
		}
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		opts := testOptions(t, p)
		opts.Jobs, opts.SuggestFixes = 1, true
		// A few lines of text are checked in milliseconds: one that takes
		// seconds is a rule looping or gone quadratic.
		var (
			rep  *report.Report
			err  error
			done = make(chan struct{})
		)
		go func() {
			defer close(done)
			rep, err = Run(context.Background(), opts)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: checking %d bytes of text took over 20 s:\n%q", name, len(text), text)
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range rep.Findings {
			if strings.Contains(fd.Message, "internal error") {
				t.Fatalf("%s: %s %s\n%q", name, fd.Rule, fd.Message, text)
			}
		}
	})
}
