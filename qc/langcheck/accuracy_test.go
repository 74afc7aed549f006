package langcheck

import (
	"fmt"
	"strings"
	"testing"
)

// TestAccuracyByLength is the measurement behind the min_letters default.
// Every window of consecutive lines of every test text is checked twice
// with the identifier allowed on any length (MinLetters 1): declared as
// its own language (any report is a false one) and declared as an
// unrelated language of the same script (a report is a true one). The
// table shows how both rates depend on the amount of running text; with
// the default options no correctly declared window may be reported.
func TestAccuracyByLength(t *testing.T) {
	if testing.Short() {
		t.Skip("measurement")
	}
	wrong := map[string]string{"en": "fr", "fr": "de", "de": "en", "es": "it", "pt": "en", "it": "es", "tr": "en",
		"vi": "fr", "id": "en", "ru": "sr", "uk": "ru", "ar": "fa", "he": "yi", "hi": "ne", "sv": "de", "da": "en", "nb": "en",
		"hr": "pl", "ca": "en"}
	type row struct{ n, falsePos, falseFar, caught, swapped int }
	rows := map[int]*row{}
	texts := allTexts()
	// raw asks the identifier on any amount of text, close relatives too;
	// far does the same but keeps the close-relatives rule (1,000 letters).
	raw := MismatchOptions{MinLetters: 1, MinScriptLetters: 1, CloseFactor: 1}
	far := MismatchOptions{MinLetters: 1, MinScriptLetters: 1, CloseFactor: 1000}
	for _, k := range sortedKeys(texts) {
		lang := langOf(k)
		ls := lines(texts[k])
		for size := 1; size <= len(ls); size++ {
			for start := 0; start < len(ls); start += 2 {
				var w []string
				for i := range size {
					w = append(w, ls[(start+i)%len(ls)])
				}
				st := measure(w)
				b := min(st.runningLetters()/100*100, 500)
				r := rows[b]
				if r == nil {
					r = &row{}
					rows[b] = r
				}
				r.n++
				if DetectMismatch(lang, w, raw) != nil {
					r.falsePos++
				}
				if DetectMismatch(lang, w, far) != nil {
					r.falseFar++
				}
				if m := DetectMismatch(lang, w, MismatchOptions{}); m != nil {
					t.Errorf("%s window %d+%d (%d letters) declared %s: %s", k, start, size, st.runningLetters(), lang, m.Message)
				}
				if other, ok := wrong[lang]; ok {
					r.swapped++
					if DetectMismatch(other, w, raw) != nil {
						r.caught++
					}
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString("\n| running letters | windows | false reports, any language | false reports, close relatives excepted | wrong declarations caught |\n|---|---|---|---|---|\n")
	for _, k := range sortedKeys(rowsByLabel(rows)) {
		r := rowsByLabel(rows)[k]
		fmt.Fprintf(&b, "| %s | %d | %d (%.1f%%) | %d (%.1f%%) | %d of %d (%.0f%%) |\n", k[2:], r.n, r.falsePos, pct(r.falsePos, r.n),
			r.falseFar, pct(r.falseFar, r.n), r.caught, r.swapped, pct(r.caught, r.swapped))
	}
	t.Log(b.String())
}

func rowsByLabel[R any](rows map[int]*R) map[string]*R {
	out := map[string]*R{}
	for lo, r := range rows {
		label := fmt.Sprintf("%d–%d", lo, lo+99)
		if lo == 500 {
			label = "500+"
		}
		out[fmt.Sprintf("%d:%s", lo/100, label)] = r
	}
	return out
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
