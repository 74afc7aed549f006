package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestAppendJSONStringMatchesEncodingJSON puts every byte value at every
// position of a 19-byte text (so in each lane of the eight-byte blocks the
// fast path skips, and in the tail) and compares with encoding/json.
func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	var texts []string
	base := "reading speed 21.3c"
	for c := range 256 {
		for at := range len(base) {
			texts = append(texts, base[:at]+string([]byte{byte(c)})+base[at+1:])
		}
	}
	texts = append(texts, "", "plain ascii text of some length, no escapes at all.",
		"\u2028 and \u2029 inside", "Ünïcödé — “quoted” 日本語のテキスト", "tab\there\nnew line \"q\" \\ end",
		strings.Repeat("a", 64)+"\x7f"+strings.Repeat("b", 7)+"\xff", "\xe2\x80\xa8", "\xe2\x80")
	// Every two-byte prefix after a lead byte, and three-byte sequences
	// around the edges of the continuation range and U+2028/U+2029, each
	// also cut short by the end of the text.
	edges := []byte{0x00, 0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xa7, 0xa8, 0xa9, 0xaa, 0xbf, 0xc0, 0xff}
	for lead := 0xC0; lead <= 0xFF; lead++ {
		for second := range 256 {
			texts = append(texts, "ab"+string([]byte{byte(lead), byte(second)}), string([]byte{byte(lead), byte(second)})+"z")
			if lead >= 0xE0 && lead <= 0xEF && (second < 0x7f || second > 0xc0 || second&7 == 0 || second >= 0x9f && second <= 0xa0) {
				continue
			}
			for _, third := range edges {
				texts = append(texts, "x"+string([]byte{byte(lead), byte(second), third})+"y")
			}
		}
	}
	for _, s := range texts {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := appendJSONString([]byte("x"), s)
		if string(got) != "x"+strings.TrimSuffix(want.String(), "\n") {
			t.Fatalf("%q: got %s, want %s", s, got[1:], want.String())
		}
	}
}

func BenchmarkAppendJSONString(b *testing.B) {
	// The strings of a reading-speed finding in the dense run's report.
	texts := []string{"T005", "warning", "/tmp/dense/Batch0001_S01E01.ko.srt", "10",
		"reading speed 21.6 characters/s (22.5 characters in 1.043 s) is over the limit of 12",
		"≤ 12 cps", "21.6 cps"}
	var n int
	for _, s := range texts {
		n += len(s)
	}
	b.SetBytes(int64(n))
	buf := make([]byte, 0, 1024)
	for b.Loop() {
		buf = buf[:0]
		for _, s := range texts {
			buf = appendJSONString(buf, s)
		}
	}
}
