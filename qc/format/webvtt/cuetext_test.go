package webvtt

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// treeText returns the text of an html5lib-style tree dump (the WPT
// cue-text expectations): the text nodes in document order, leaving out
// those inside <rt>, which our display lines leave out by design (ruby
// annotations sit above the base text and do not count towards its length).
func treeText(tree string) string {
	var out strings.Builder
	type el struct {
		depth int
		rt    bool
	}
	var stack []el
	lines := strings.Split(tree, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "| ") {
			continue
		}
		body := l[2:]
		depth := len(body) - len(strings.TrimLeft(body, " "))
		body = body[depth:]
		for len(stack) > 0 && stack[len(stack)-1].depth >= depth {
			stack = stack[:len(stack)-1]
		}
		inRT := len(stack) > 0 && stack[len(stack)-1].rt
		switch {
		case strings.HasPrefix(body, "<?"): // timestamp
		case strings.HasPrefix(body, "<"):
			stack = append(stack, el{depth, inRT || body == "<rt>"})
		case strings.HasPrefix(body, `"`):
			text := body[1:]
			for !strings.HasSuffix(text, `"`) || text == "" {
				i++
				if i >= len(lines) {
					break
				}
				text += "\n" + lines[i]
			}
			if !inRT {
				out.WriteString(strings.TrimSuffix(text, `"`))
			}
		}
	}
	return out.String()
}

func TestTreeText(t *testing.T) {
	cases := map[string]string{
		"| \"a\"\n| <span>\n|   class=\"d\"\n|   \"b\"\n| \"c\"\n":   "abc",
		"| <ruby>\n|   \"test\"\n|   <rt>\n|     \"kan\"\n| \"x\"\n": "testx",
		"| \"text1\ntext2\"\n": "text1\ntext2",
		"| \"\"\"\n":           `"`,
	}
	for tree, want := range cases {
		if got := treeText(tree); got != want {
			t.Errorf("treeText(%q) = %q, want %q", tree, got, want)
		}
	}
}

// TestWPTCueTextParsing checks the display text of every WPT cue-text
// parsing case against the text of its expected DOM tree.
func TestWPTCueTextParsing(t *testing.T) {
	dir := testcorpus.Path(t, "vtt", "wpt-webvtt", "cue-text-parsing")
	files, _ := filepath.Glob(filepath.Join(dir, "*.vtt"))
	if len(files) == 0 {
		t.Fatal("no WPT cue-text tests found")
	}
	var passed, failed, skipped int
	for _, vtt := range files {
		name := strings.TrimSuffix(filepath.Base(vtt), ".vtt")
		data, err := os.ReadFile(vtt)
		if err != nil {
			t.Fatal(err)
		}
		js, err := os.ReadFile(strings.TrimSuffix(vtt, ".vtt") + ".expected.json")
		if err != nil {
			t.Fatal(err)
		}
		var cases []struct {
			Text         string `json:"text"`
			ExpectedTree string `json:"expectedTree"`
		}
		if err := json.Unmarshal(js, &cases); err != nil {
			t.Fatal(err)
		}
		doc := Read(string(data))
		// Case i is the cue timed 00:i.000 --> 00:i+1.000.
		byStart := map[cue.Time]*cue.Cue{}
		for k := range doc.Cues {
			byStart[doc.Cues[k].Start] = &doc.Cues[k]
		}
		for i, c := range cases {
			got, ok := byStart[cue.Time(i)*cue.Second]
			if !ok {
				skipped++
				t.Logf("%s case %d %q: no cue (the case's text breaks the cue block)", name, i, c.Text)
				continue
			}
			want := treeText(c.ExpectedTree)
			if text := got.Text(); text != want {
				failed++
				t.Errorf("%s case %d: cue text %q reads %q, want %q (tree %q)", name, i, got.Raw, text, want, c.ExpectedTree)
				continue
			}
			passed++
		}
	}
	t.Logf("WPT webvtt/cue-text-parsing (display text): %d passed, %d failed, %d skipped", passed, failed, skipped)
}
