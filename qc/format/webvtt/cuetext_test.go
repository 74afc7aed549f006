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
	text, _ := treeStyled(tree)
	return text
}

// treeStyled is treeText plus the style of each byte of the text, from the
// <i>, <b> and <u> elements around it.
func treeStyled(tree string) (string, []cue.Style) {
	var out strings.Builder
	var styles []cue.Style
	type el struct {
		depth int
		rt    bool
		style cue.Style
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
		var style cue.Style
		if len(stack) > 0 {
			style = stack[len(stack)-1].style
		}
		switch {
		case strings.HasPrefix(body, "<?"): // timestamp
		case strings.HasPrefix(body, "<"):
			own := map[string]cue.Style{"<i>": cue.Italic, "<b>": cue.Bold, "<u>": cue.Underline}[body]
			stack = append(stack, el{depth, inRT || body == "<rt>", style | own})
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
				text = strings.TrimSuffix(text, `"`)
				out.WriteString(text)
				for range len(text) {
					styles = append(styles, style)
				}
			}
		}
	}
	return out.String(), styles
}

// lineStyles gives the style of each byte of c.Text() from the spans.
func lineStyles(c *cue.Cue) []cue.Style {
	var out []cue.Style
	for i, l := range c.Lines {
		if i > 0 {
			out = append(out, 0) // the "\n" between lines
		}
		st := make([]cue.Style, len(l.Text))
		for _, s := range l.Spans {
			for k := s.Start; k < s.End; k++ {
				st[k] = s.Style
			}
		}
		out = append(out, st...)
	}
	return out
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
// parsing case against the text of its expected DOM tree, and the italic,
// bold and underline styling of each character against the <i>, <b> and
// <u> elements around it in the tree.
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
			want, wantStyles := treeStyled(c.ExpectedTree)
			if text := got.Text(); text != want {
				failed++
				t.Errorf("%s case %d: cue text %q reads %q, want %q (tree %q)", name, i, got.Raw, text, want, c.ExpectedTree)
				continue
			}
			gotStyles, styled := lineStyles(got), true
			for k := range wantStyles {
				if want[k] != '\n' && gotStyles[k] != wantStyles[k] {
					styled = false
					t.Errorf("%s case %d: %q byte %d styled %d, want %d (tree %q)", name, i, got.Raw, k, gotStyles[k], wantStyles[k], c.ExpectedTree)
					break
				}
			}
			if !styled {
				failed++
				continue
			}
			passed++
		}
	}
	t.Logf("WPT webvtt/cue-text-parsing (display text and styles): %d passed, %d failed, %d skipped", passed, failed, skipped)
}
