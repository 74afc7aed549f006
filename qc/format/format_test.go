package format

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Sniff names a format from content alone, whatever the file is called.
func TestSniff(t *testing.T) {
	stlHead := "850STL25.01" + strings.Repeat(" ", 1013)
	cases := []struct {
		name string
		head string // raw bytes; the decoded text is the same unless text is set
		text string
		want string
	}{
		{"srt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", "", "srt"},
		{"srt with dots and no counter", "\n\n00:00:01.000 --> 00:00:02.000\nHi\n", "", "srt"},
		{"srt after a BOM", "\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n", "", "srt"},
		{"webvtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "", "webvtt"},
		{"scc", "Scenarist_SCC V1.0\n\n00:00:01:00\t9420\n", "", "scc"},
		{"ssa, any case", "[script info]\nScriptType: v4.00+\n", "", "ssa"},
		{"ttml", `<?xml version="1.0"?><!-- c --><tt xmlns="http://www.w3.org/ns/ttml"/>`, "", "ttml"},
		{"prefixed ttml", `<tt:tt xmlns:tt="http://www.w3.org/ns/ttml"/>`, "", "ttml"},
		{"youtube xml", `<?xml version="1.0"?><transcript><text start="1">Hi</text></transcript>`, "", "youtube-timedtext"},
		{"other xml", `<?xml version="1.0"?><MediaManifest/>`, "", ""},
		{"mpl2", "[10][20]Hello\n", "", "mpl2"},
		{"stl", stlHead, "", "stl"},
		// A bad code page number does not hide a GSI block: the STL reader says the header is invalid.
		{"stl: bad code page", "ABCSTL25.01" + strings.Repeat(" ", 1013), "", "stl"},
		{"plain text", "Hello there\nGeneral Kenobi\n", "", ""},
		{"empty", "", "", ""},
		{"decoded text decides", "\xff\xfe1\x00", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", "srt"},
	}
	for _, c := range cases {
		text := c.text
		if text == "" {
			text = c.head
		}
		if got := Sniff([]byte(c.head), text); got != c.want {
			t.Errorf("%s: Sniff = %q, want %q", c.name, got, c.want)
		}
	}
}

// Names suggest a format; .xml and .txt only say "look inside".
func TestByExtAndAmbiguous(t *testing.T) {
	cases := []struct {
		path      string
		want      string
		ambiguous bool
		candidate bool
	}{
		{"a/show.en.SRT", "srt", false, true},
		{"show.webvtt", "webvtt", false, true},
		{"show.dfxp", "ttml", false, true},
		{"show.itt", "ttml", false, true},
		{"show.xml", "ttml", true, true},
		{"notes.txt", "", true, true},
		{"show.ssa", "ssa", false, true},
		{"show.stl", "stl", false, true},
		{"show.scc", "scc", false, true},
		{"video.mxf", "", false, false},
		{"README", "", false, false},
	}
	for _, c := range cases {
		got := ""
		if f := ByExt(c.path); f != nil {
			got = f.Name
		}
		if got != c.want || Ambiguous(c.path) != c.ambiguous || Candidate(c.path) != c.candidate {
			t.Errorf("%s: ByExt %q Ambiguous %v Candidate %v, want %q %v %v",
				c.path, got, Ambiguous(c.path), Candidate(c.path), c.want, c.ambiguous, c.candidate)
		}
	}
	for _, f := range formats {
		if ByName(f.Name) != f {
			t.Errorf("ByName(%q) is not that format", f.Name)
		}
	}
	if ByName("mpl2") != nil {
		t.Error("mpl2 is recognised, not read: ByName must not offer a reader")
	}
}

// Every clean rule fixture is recognised from its content as the format
// its name says: sniffing and naming agree on real files.
func TestSniffAgreesWithNamesOnFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "rules", "ok", "*"))
	if len(files) == 0 {
		t.Skip("fixtures not found")
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := Sniff(data, string(data)), ByExt(p).Name; got != want {
			t.Errorf("%s: sniffed %q, named %q", p, got, want)
		}
	}
}
