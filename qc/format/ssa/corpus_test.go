package ssa

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

type manifestEntry struct {
	Path     string `json:"path"`
	Format   string `json:"format"`
	Role     string `json:"role"`
	Encoding string `json:"encoding"`
}

func assManifest(t testing.TB) []manifestEntry {
	t.Helper()
	b, err := os.ReadFile(testcorpus.Path(t, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Files []manifestEntry `json:"files"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var out []manifestEntry
	for _, f := range m.Files {
		if f.Format == "ass" && f.Role == "data" {
			out = append(out, f)
		}
	}
	return out
}

// decodeForTest turns a corpus file into text the way the encoding layer
// would (that layer belongs elsewhere; this is just enough for the tests).
func decodeForTest(t testing.TB, e manifestEntry) string {
	t.Helper()
	b, err := os.ReadFile(testcorpus.Path(t, filepath.FromSlash(e.Path)))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case strings.HasPrefix(e.Encoding, "UTF-16LE"):
		b, err = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
	case strings.HasPrefix(e.Encoding, "UTF-16BE"):
		b, err = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
	case strings.HasPrefix(e.Encoding, "windows-1252"):
		b, err = charmap.Windows1252.NewDecoder().Bytes(b)
	}
	if err != nil {
		t.Fatalf("%s: %v", e.Path, err)
	}
	if !utf8.Valid(b) {
		t.Fatalf("%s (%s) did not decode to UTF-8", e.Path, e.Encoding)
	}
	return string(b)
}

// TestCorpus reads every ASS/SSA input of the shared corpus: no panic, a
// cue per Dialogue line the file really has, and the known defects of
// particular files reported where they are.
func TestCorpus(t *testing.T) {
	entries := assManifest(t)
	if len(entries) != 31 {
		t.Errorf("manifest lists %d ASS/SSA inputs, want 31", len(entries))
	}
	var table []string
	docs := map[string]*cue.Document{}
	for _, e := range entries {
		src := decodeForTest(t, e)
		doc := Read(src)
		docs[e.Path] = doc
		// Independent count: lines that start with "Dialogue:".
		dialogues := 0
		for _, l := range strings.Split(strings.ReplaceAll(src, "\r", "\n"), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "Dialogue:") {
				dialogues++
			}
		}
		byCode := map[string]int{}
		for _, d := range doc.Diagnostics {
			code := d.Rule
			if code == "" {
				code = "E000"
			}
			byCode[code]++
		}
		// Dialogue lines reported unreadable (E000 or A002 at the line).
		lost := 0
		for _, d := range doc.Diagnostics {
			if (d.Rule == "" || d.Rule == CodeFormatMismatch) && d.Line > 0 &&
				strings.HasPrefix(strings.TrimSpace(src[d.Offset:]), "Dialogue:") {
				lost++
			}
		}
		if len(doc.Cues) != dialogues-lost {
			t.Errorf("%s: %d cues for %d Dialogue lines (%d reported unreadable)", e.Path, len(doc.Cues), dialogues, lost)
		}
		for i, c := range doc.Cues {
			if c.Index != i+1 || c.Line < 1 || !strings.HasPrefix(strings.TrimSpace(src[c.Offset:]), "Dialogue:") {
				t.Errorf("%s: cue %d index %d line %d does not point at a Dialogue line", e.Path, i+1, c.Index, c.Line)
				break
			}
		}
		var diags []string
		for c, n := range byCode {
			diags = append(diags, fmt.Sprintf("%s×%d", c, n))
		}
		sort.Strings(diags)
		sample := ""
		if len(doc.Cues) > 0 {
			sample = fmt.Sprintf("%s %q", doc.Cues[0].Start, doc.Cues[0].Text())
		}
		table = append(table, fmt.Sprintf("%-64s %-4s %5d  %-28s %s", e.Path, doc.Profile, len(doc.Cues), strings.Join(diags, " "), sample))
	}
	t.Logf("%-64s %-4s %5s  %-28s %s\n%s", "file", "prof", "cues", "diagnostics", "first cue", strings.Join(table, "\n"))

	// Defects the corpus notes describe, found where they are.
	if d := docs["ass/subtitlesparser/zh-en_YYeTs_20140118-044614.ass"]; d != nil && countCode(d, CodeStyleUndefined) != 0 {
		t.Errorf("zh-en: \"*Default\" resolves to the renderer's Default: %v", filter(d, CodeStyleUndefined))
	}
	// SOURCES.md says railgun's Format line declares 19 fields for 23 Style
	// values; the stored file declares 23, so it must read cleanly.
	if d := docs["ass/javascriptsubtitlesoctopus/railgun_op.ass"]; d != nil && countCode(d, CodeFormatMismatch) != 0 {
		t.Errorf("railgun: %v", filter(d, CodeFormatMismatch))
	}
	if d := docs["ass/subtitlesparser/malformed/http_header_then_bom_20140117-211217.ass"]; d != nil {
		if countMessage(d, CodeInvalidLine, "byte-order mark") != 1 {
			t.Errorf("malformed: mid-file BOM not reported: %v", d.Diagnostics)
		}
	}
	for _, p := range []string{"ass/androidx-media/typical_utf16le.ass", "ass/androidx-media/typical_utf16be.ass"} {
		if d, typ := docs[p], docs["ass/androidx-media/typical.ass"]; d != nil && typ != nil && len(d.Cues) != len(typ.Cues) {
			t.Errorf("%s: %d cues, the UTF-8 original has %d", p, len(d.Cues), len(typ.Cues))
		}
	}
}

func countCode(doc *cue.Document, code string) int { return len(filter(doc, code)) }

func filter(doc *cue.Document, code string) []cue.Diagnostic {
	var out []cue.Diagnostic
	for _, d := range doc.Diagnostics {
		if d.Rule == code {
			out = append(out, d)
		}
	}
	return out
}

func countMessage(doc *cue.Document, code, part string) int {
	n := 0
	for _, d := range filter(doc, code) {
		if strings.Contains(d.Message, part) {
			n++
		}
	}
	return n
}

// TestAstisubExpected uses go-astisub's own expected re-serialisations of
// example-in.ssa (v4 and v4+) as an oracle: read back, they must give the
// same cues (times, text, styles) and their own profiles. The v4+ file
// writes Bold as 1, which renderers (and this reader) take as bold.
func TestAstisubExpected(t *testing.T) {
	read := func(rel string) *cue.Document {
		b, err := os.ReadFile(testcorpus.Path(t, "ass", "go-astisub", filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return Read(string(b))
	}
	in := read("example-in.ssa")
	for rel, profile := range map[string]string{"expected/example-out.ssa": "ssa", "expected/example-out-v4plus.ssa": "ass"} {
		out := read(rel)
		if out.Profile != profile || len(out.Cues) != len(in.Cues) || len(in.Cues) != 6 {
			t.Fatalf("%s: profile %q, %d cues; input has %d", rel, out.Profile, len(out.Cues), len(in.Cues))
		}
		for i := range in.Cues {
			a, b := in.Cues[i], out.Cues[i]
			if a.Start != b.Start || a.End != b.End || a.Text() != b.Text() || a.Settings != b.Settings ||
				fmt.Sprint(a.Lines) != fmt.Sprint(b.Lines) {
				t.Errorf("%s cue %d: %v-%v %q %v, input %v-%v %q %v", rel, i+1, b.Start, b.End, b.Text(), b.Lines, a.Start, a.End, a.Text(), a.Lines)
			}
		}
		if len(out.Diagnostics) != 0 {
			t.Errorf("%s: %v", rel, out.Diagnostics)
		}
	}
}
