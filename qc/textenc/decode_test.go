package textenc

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/gen"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("test sentence %q does not encode: %v", s, err)
	}
	return b
}

// srt wraps a line in a one-cue SRT file, so detection also works with the
// ASCII scaffolding real files have around the text.
func srt(line string) string {
	return "1\r\n00:00:01,000 --> 00:00:04,000\r\n" + line + "\r\n\r\n"
}

// One subtitle's worth of text in each legacy code page Decode guesses
// among, encoded with x/text: each must be recognised and decoded back to
// the original text.
func TestLegacySentences(t *testing.T) {
	cases := []struct {
		lang, text string
		enc        encoding.Encoding
		want       string
	}{
		{"Russian", "Я не знаю, что ты хочешь от меня услышать. Давай поговорим завтра.", charmap.Windows1251, Windows1251},
		{"Ukrainian", "Ми повернемося додому ввечері, і я все тобі розповім.", charmap.Windows1251, Windows1251},
		{"Serbian", "Не знам шта желиш да чујеш од мене. Хајде да причамо сутра.", charmap.Windows1251, Windows1251},
		{"Polish", "Nie wiem, co chcesz ode mnie usłyszeć. Pójdźmy jutro na spacer, zanim zrobi się późno.", charmap.Windows1250, Windows1250},
		{"Czech", "Nevím, co ode mě chceš slyšet. Promluvíme si zítra, až se vrátíš domů.", charmap.Windows1250, Windows1250},
		{"Hungarian", "Nem tudom, mit akarsz hallani tőlem. Beszéljünk holnap, ha már nyugodtabb leszel.", charmap.Windows1250, Windows1250},
		{"Croatian", "Ne znam što želiš čuti od mene. Razgovarat ćemo sutra, kad se vratiš kući.", charmap.Windows1250, Windows1250},
		{"French", "Je ne sais pas ce que tu veux entendre. On en reparlera demain, d'accord ? C'était déjà trop tard.", charmap.Windows1252, Windows1252},
		{"Spanish", "¿Qué quieres que te diga? Mañana hablaremos, cuando estés más tranquila.", charmap.Windows1252, Windows1252},
		{"German", "Ich weiß nicht, was du von mir hören willst. Wir reden morgen darüber.", charmap.Windows1252, Windows1252},
		{"Portuguese", "Não sei o que você quer ouvir de mim. Falaremos amanhã, quando estiver mais calma.", charmap.Windows1252, Windows1252},
		{"Arabic", "لا أعرف ماذا تريد أن تسمع مني. سنتحدث غدا عندما تهدأ.", charmap.Windows1256, Windows1256},
		{"Chinese GBK", "我不知道你想听我说什么。我们明天再谈吧，等你冷静下来。", simplifiedchinese.GBK, GB18030},
		{"Chinese Big5", "我不知道你想聽我說什麼。我們明天再談吧，等你冷靜下來。", traditionalchinese.Big5, Big5},
	}
	for _, tc := range cases {
		for _, wrapped := range []bool{false, true} {
			text := tc.text
			if wrapped {
				text = srt(text)
			}
			got := Decode(encode(t, tc.enc, text))
			if got.Encoding != tc.want || !got.Guessed || got.BOM || got.ASCII {
				t.Errorf("%s (srt=%v): got %s guessed=%v bom=%v ascii=%v, want guessed %s",
					tc.lang, wrapped, got.Encoding, got.Guessed, got.BOM, got.ASCII, tc.want)
				continue
			}
			if got.Text != text {
				t.Errorf("%s (srt=%v): text %q, want %q", tc.lang, wrapped, got.Text, text)
			}
			if got.Invalid != 0 {
				t.Errorf("%s: Invalid = %d", tc.lang, got.Invalid)
			}
			if got.Confidence < 0.5 || got.Confidence > 1 {
				t.Errorf("%s: confidence %.2f for a clear sentence", tc.lang, got.Confidence)
			}
		}
	}
}

// A legacy file whose first 64 KiB are ASCII must still be guessed from the
// text that follows (the sample starts at the first non-ASCII byte).
func TestLegacyAfterLongASCIIPrefix(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 200<<10; i++ {
		b.WriteString(srt("OK."))
	}
	b.WriteString(srt("Я не знаю, что ты хочешь от меня услышать."))
	text := b.String()
	got := Decode(encode(t, charmap.Windows1251, text))
	if got.Encoding != Windows1251 || got.Text != text {
		t.Fatalf("got %s (text equal: %v), want windows-1251", got.Encoding, got.Text == text)
	}
}

// A large legacy file is decoded whole, not just the sampled part.
func TestLegacyLargeDecodedWhole(t *testing.T) {
	line := srt("Ich weiß nicht, was du von mir hören willst.")
	text := strings.Repeat(line, (300<<10)/len(line))
	got := Decode(encode(t, charmap.Windows1252, text))
	if got.Encoding != Windows1252 || got.Text != text {
		t.Fatalf("got %s, text equal: %v", got.Encoding, got.Text == text)
	}
}

func TestBOMs(t *testing.T) {
	const text = "1\n00:00:01,000 --> 00:00:02,000\nÇa va? 你好 🎬\n"
	u16 := func(big bool) []byte {
		var out []byte
		for _, u := range utf16.Encode([]rune(text)) {
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out
	}
	u32 := func(big bool) []byte {
		var out []byte
		for _, r := range text {
			if big {
				out = append(out, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
			} else {
				out = append(out, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
			}
		}
		return out
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"utf-8", append([]byte{0xEF, 0xBB, 0xBF}, text...), UTF8},
		{"utf-16le", append([]byte{0xFF, 0xFE}, u16(false)...), UTF16LE},
		{"utf-16be", append([]byte{0xFE, 0xFF}, u16(true)...), UTF16BE},
		{"utf-32le", append([]byte{0xFF, 0xFE, 0, 0}, u32(false)...), UTF32LE},
		{"utf-32be", append([]byte{0, 0, 0xFE, 0xFF}, u32(true)...), UTF32BE},
	}
	for _, tc := range cases {
		got := Decode(tc.data)
		if got.Encoding != tc.want || !got.BOM || got.Guessed || got.Confidence != 1 {
			t.Errorf("%s: got %+v", tc.name, got)
		}
		if got.Text != text {
			t.Errorf("%s: text %q, want %q (BOM must be removed)", tc.name, got.Text, text)
		}
		if got.Invalid != 0 {
			t.Errorf("%s: Invalid = %d", tc.name, got.Invalid)
		}
	}
}

func utf16Bytes(s string, big bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if big {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestUTF16WithoutBOM(t *testing.T) {
	text := srt("Where were you last night? Où étais-tu hier soir ?")
	for _, big := range []bool{false, true} {
		want := UTF16LE
		if big {
			want = UTF16BE
		}
		got := Decode(utf16Bytes(text, big))
		if got.Encoding != want || !got.Guessed || got.BOM {
			t.Errorf("%s without BOM: got %s guessed=%v bom=%v", want, got.Encoding, got.Guessed, got.BOM)
		}
		if got.Text != text || got.Invalid != 0 {
			t.Errorf("%s without BOM: text %q invalid %d", want, got.Text, got.Invalid)
		}
		if got.Confidence < 0.8 {
			t.Errorf("%s without BOM: confidence %.2f", want, got.Confidence)
		}
	}
}

func TestUTF16Damaged(t *testing.T) {
	text := srt("Hello there")
	// Odd byte count: the last code unit is cut in half.
	for _, bom := range [][]byte{nil, {0xFF, 0xFE}} {
		data := append(append([]byte{}, bom...), utf16Bytes(text, false)...)
		data = append(data, 'x') // half of a code unit
		got := Decode(data)
		if got.Encoding != UTF16LE || got.Invalid != 1 {
			t.Errorf("truncated UTF-16 (bom=%v): got %s invalid=%d, want UTF-16LE invalid=1", bom != nil, got.Encoding, got.Invalid)
		}
		if !strings.HasPrefix(got.Text, text) || !strings.HasSuffix(got.Text, "\uFFFD") {
			t.Errorf("truncated UTF-16: text %q", got.Text)
		}
	}
	// Unpaired surrogates: a lone high one mid-text and a lone low one.
	data := []byte{0xFF, 0xFE, 'a', 0, 0x3D, 0xD8, 'b', 0, 0x00, 0xDC, 'c', 0}
	got := Decode(data)
	if got.Text != "a\uFFFDb\uFFFDc" || got.Invalid != 4 {
		t.Errorf("unpaired surrogates: text %q invalid %d, want a�b�c and 4", got.Text, got.Invalid)
	}
	// A high surrogate as the very last unit.
	got = Decode([]byte{0xFE, 0xFF, 0, 'a', 0xD8, 0x3D})
	if got.Text != "a\uFFFD" || got.Invalid != 2 {
		t.Errorf("trailing high surrogate: text %q invalid %d", got.Text, got.Invalid)
	}
}

func TestUTF32Damaged(t *testing.T) {
	data := []byte{0xFF, 0xFE, 0, 0, 'a', 0, 0, 0, 0, 0, 0x11, 0, 0x00, 0xD8, 0, 0, 'b', 0}
	got := Decode(data)
	if got.Encoding != UTF32LE || got.Text != "a\uFFFD\uFFFD\uFFFD" || got.Invalid != 4+4+2 {
		t.Errorf("got %s %q invalid %d", got.Encoding, got.Text, got.Invalid)
	}
}

func TestUTF8(t *testing.T) {
	t.Run("ascii", func(t *testing.T) {
		got := Decode([]byte(srt("Hello")))
		if got.Encoding != UTF8 || !got.ASCII || got.Guessed || got.Confidence != 1 || got.Text != srt("Hello") {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("empty", func(t *testing.T) {
		got := Decode(nil)
		if got.Encoding != UTF8 || !got.ASCII || got.Text != "" {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("non-ascii", func(t *testing.T) {
		text := srt("Было уже поздно. 已经很晚了。")
		got := Decode([]byte(text))
		if got.Encoding != UTF8 || got.ASCII || got.Guessed || got.BOM || got.Text != text || got.Invalid != 0 {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("bom with bad bytes", func(t *testing.T) {
		got := Decode([]byte("\xEF\xBB\xBFca\xE9 \xFF\xFE ok"))
		if got.Encoding != UTF8 || !got.BOM || got.Invalid != 3 || got.Text != "ca\uFFFD \uFFFD\uFFFD ok" {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("damaged", func(t *testing.T) {
		// A long UTF-8 file with one corrupted byte stays UTF-8: reading it
		// as a code page would garble every other character.
		text := strings.Repeat(srt("Я не знаю, что ты хочешь от меня услышать."), 20)
		data := []byte(text)
		data[len(data)/2+1] = 0xFF
		got := Decode(data)
		if got.Encoding != UTF8 || got.Guessed || got.Invalid == 0 || got.Invalid > 2 {
			t.Errorf("got %s guessed=%v invalid=%d", got.Encoding, got.Guessed, got.Invalid)
		}
		if n := strings.Count(got.Text, "\uFFFD"); n != got.Invalid {
			t.Errorf("%d replacement characters for %d invalid bytes", n, got.Invalid)
		}
	})
}

// GBK text cut in the middle of a character: still GB18030, and the lone
// lead byte is counted as invalid, not dropped silently.
func TestGB18030TruncatedCharacter(t *testing.T) {
	data := encode(t, simplifiedchinese.GBK, "我们明天再谈吧，等你冷静下来。我不知道你想听我说什么")
	data = data[:len(data)-1]
	got := Decode(data)
	if got.Encoding != GB18030 || got.Invalid != 1 || !strings.HasSuffix(got.Text, "\uFFFD") {
		t.Errorf("got %s invalid=%d text %q", got.Encoding, got.Invalid, got.Text)
	}
}

// Invalid must count exactly the bytes the x/text decoder could not map,
// across its different ways of resynchronising after a bad byte.
func TestDBCSInvalidCount(t *testing.T) {
	good := encode(t, traditionalchinese.Big5, "我們明天再談吧，等你冷靜下來。我不知道你想聽我說什麼。")
	cases := []struct {
		name string
		bad  []byte
		want int
	}{
		{"trail below 0x40 keeps the trail", []byte{0xA4, 0x20}, 1},
		{"trail 0x80 drops both", []byte{0xA4, 0x80}, 2},
		{"lead 0x80", []byte{0x80}, 1},
		{"unmapped lead 0x81", []byte{0x81, 0x40}, 2},
	}
	for _, tc := range cases {
		data := append(append(append([]byte{}, good...), tc.bad...), good...)
		got := Decode(data)
		if got.Encoding != Big5 || got.Invalid != tc.want {
			t.Errorf("%s: got %s invalid=%d, want Big5 invalid=%d", tc.name, got.Encoding, got.Invalid, tc.want)
		}
	}
}

// Undefined code page bytes are replaced and counted.
func TestSingleByteUndefined(t *testing.T) {
	data := encode(t, charmap.Windows1252, srt("C'était déjà l'été, là-bas. Où es-tu allé ?"))
	data = append(data, 0x81) // undefined in windows-1252
	got := Decode(data)
	if got.Encoding != Windows1252 || got.Invalid != 1 || !strings.HasSuffix(got.Text, "\uFFFD") {
		t.Errorf("got %s invalid=%d", got.Encoding, got.Invalid)
	}
}

func TestDecodeValidUTF8IsNotCopiedTwice(t *testing.T) {
	data := bytes.Repeat([]byte("Déjà vu. "), 1000)
	allocs := testing.AllocsPerRun(20, func() { _ = Decode(data) })
	if allocs > 1 {
		t.Errorf("valid UTF-8 decode made %v allocations, want 1 (the string)", allocs)
	}
	if r := Decode(data); !utf8.ValidString(r.Text) || r.Encoding != UTF8 {
		t.Errorf("got %s", r.Encoding)
	}
}

var sinkResult Result

func BenchmarkDecode(b *testing.B) {
	french := strings.Repeat(srt("Je ne sais pas ce que tu veux entendre. C'était déjà trop tard."), 1500)
	win1252, _ := charmap.Windows1252.NewEncoder().String(french)
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(strings.Repeat(srt("我不知道你想听我说什么。我们明天再谈吧。"), 1500))
	cases := []struct {
		name string
		data []byte
	}{
		{"UTF-8", []byte(french)},
		{"windows-1252", []byte(win1252)},
		{"GBK", []byte(gbk)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sinkResult = Decode(c.data)
			}
		})
	}
}

// BenchmarkDecodeOwned is decoding as the engine does it for every file
// read: DecodeOwned, then the control survey of what decoding left (none
// of it for valid UTF-8), on the generated 700-cue SRT episode per script.
func BenchmarkDecodeOwned(b *testing.B) {
	for _, lang := range gen.Languages() {
		data := gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang})
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sinkResult = DecodeOwned(data)
				if ControlsAfter(sinkResult.Text, sinkResult.ControlFree) != nil {
					b.Fatal("controls in a generated episode")
				}
			}
		})
	}
}
