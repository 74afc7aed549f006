package textenc

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

var knownEncodings = map[string]bool{
	UTF8: true, UTF16LE: true, UTF16BE: true, UTF32LE: true, UTF32BE: true,
	GB18030: true, Big5: true, Windows1250: true, Windows1251: true, Windows1252: true, Windows1256: true,
}

// fuzzSeedFiles are corpus inputs covering each decoding path.
var fuzzSeedFiles = []string{
	"srt/androidx-media/typical_utf16le.srt",
	"srt/pysrt/bom-utf-32-be.srt",
	"srt/aspasia/gbk.srt",
	"srt/subtitleedit/auto_detect_windows-1250.srt",
	"srt/subtitleedit/auto_detect_windows-1251.srt",
	"srt/subtitlesparser/Salvage.SRT",
	"srt/pysrt/capability_tester.srt",
}

// FuzzDecode: any bytes decode without panicking into valid UTF-8 with a
// known encoding name and sane counters; ASCII and valid UTF-8 come back
// unchanged.
func FuzzDecode(f *testing.F) {
	// The corpus is optional for seeding; testcorpus.Dir would skip the
	// whole target when it is absent, so look next to the repository root.
	corpus := filepath.Join(testcorpus.RepoRoot(f), "..", "shared", "corpus")
	for _, rel := range fuzzSeedFiles {
		if data, err := os.ReadFile(filepath.Join(corpus, rel)); err == nil {
			if len(data) > 4096 {
				data = data[:4096]
			}
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "a", "\xEF\xBB", "\xEF\xBB\xBF", "\xFF\xFE", "\xFF\xFE\x00", "\xFF\xFE\x00\x00\x01",
		"\x00\x00\xFE\xFF\x00\x11\x00\x00", "\xFE\xFF\xD8\x3D", "a\x00b\x00c", "\x00a\x00b\x00",
		"caf\xE9", "\x84\x31\xA4\x37", "\x81\x30\x81", "\xA4\x40\xA4", "\xC4\xE3\xBA\xC3",
		"\xF0\x9F\x8E\xAC", "\xF0\x9F\x8E", "\xE9\x74\xE9", "\xD9\xE4\x20\xC7\xE1",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := Decode(data)
		if !utf8.ValidString(r.Text) {
			t.Fatalf("Text is not valid UTF-8 for %q (%s)", data, r.Encoding)
		}
		if !knownEncodings[r.Encoding] {
			t.Fatalf("unknown encoding name %q", r.Encoding)
		}
		if r.Invalid < 0 || r.Invalid > len(data) {
			t.Fatalf("Invalid = %d for %d input bytes", r.Invalid, len(data))
		}
		if !(r.Confidence >= 0 && r.Confidence <= 1) {
			t.Fatalf("Confidence = %v", r.Confidence)
		}
		if r.ASCII && (r.Encoding != UTF8 || r.Text != string(data)) {
			t.Fatalf("ASCII input changed: %q -> %q", data, r.Text)
		}
		if r.Encoding == UTF8 && !r.BOM && utf8.Valid(data) && r.Text != string(data) {
			t.Fatalf("valid UTF-8 changed: %q -> %q", data, r.Text)
		}
		if r.Encoding == UTF8 && !r.BOM && !utf8.Valid(data) && r.Invalid == 0 {
			t.Fatalf("invalid UTF-8 %q decoded as UTF-8 with no invalid bytes", data)
		}
	})
}
