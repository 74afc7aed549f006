package fix

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The text rules' fixes leave alone what needs a person: each file here
// has findings of the rule named, and fixing it must change nothing.
func TestTextFixesLeaveAlone(t *testing.T) {
	srt := func(lines ...string) string {
		var b strings.Builder
		for i, l := range lines {
			b.WriteString(strconv.Itoa(i+1) + "\n00:00:" + strconv.Itoa(10+3*i) + ",000 --> 00:00:" + strconv.Itoa(12+3*i) + ",000\n" + l + "\n\n")
		}
		return b.String()
	}
	cases := []struct{ name, rule, body string }{
		{"dots.en.srt", "X010", srt("Wait.. what")},                                           // ".." may be a mistyped ellipsis
		{"mixed.es.srt", "X010", srt("¿Qué?!")},                                               // which of ?! was meant
		{"lost.en.srt", "X010", srt("?? ????")},                                               // one '?' per character an earlier conversion lost
		{"lost2.en.srt", "X006", srt("?? ????")},                                              // the space separates lost words
		{"spaced.en.srt", "X006", srt("Why do you ... ?")},                                    // the mark does not end a word
		{"nested.en.sdh.srt", "X013", srt("(whispering (softly)) Go.")},                       // nested brackets
		{"unclosed.en.sdh.srt", "X013", srt("(whispering (softly) Go.")},                      // which bracket is missing
		{"unclosed2.en.sdh.srt", "X013", srt("(sighs) Fine. (laughs")},                        // the line's ( ) do not pair up
		{"dots.zh-Hans.srt", "X020", srt("等等。。。")},                                            // a typed ellipsis, not three full stops
		{"alone.zh-Hans.srt", "X020", srt("好吧\n。")},                                           // the line would be left empty
		{"style.zh-Hans.srt", "X020", srt(zhHouseStyle()...)},                                 // the file's own style, reported once
		{"joiner.en.srt", "X002", srt("a\u200db")},                                            // a joiner selects letter forms
		{"c1.en.srt", "X002", srt("it\u0092s")},                                               // a character lost by decoding
		{"bidi.ar.srt", "X002", srt("\u202bمرحبا\u202c")},                                     // bidi controls in right-to-left text
		{"tie.en.srt", "X003", srt("да and дa")},                                              // one letter of each script: which is wrong?
		{"across.en.ttml", "X004", ttmlP(`Wait.<span tts:fontStyle="italic">..</span> what`)}, // the dots lie on both sides of a tag
		{"run.en.ttml", "X006", ttmlP(`Stop <span tts:fontStyle="italic"> !</span>`)},         // the space stands for white space on both sides of a tag
		{"cdata.en.ttml", "X004", ttmlP(`<![CDATA[Wait...]]> what`)},                          // CDATA is not mapped
		{"refspace.en.ttml", "X006", ttmlP(`Stop&#32;!`)},                                     // a space written as a reference

	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := fixWithRule(t, filepath.Join(dir, c.name), c.body, c.rule)
			if res.Before[c.rule] == 0 {
				t.Fatalf("no %s finding to leave alone: %v", c.rule, res.Before)
			}
			if f := res.Files[0]; f.Changed() {
				var d strings.Builder
				_ = Unified(&d, "original", "fixed", f.Original, f.Fixed)
				t.Errorf("%s changed the file:\n%s", c.rule, d.String())
			}
		})
	}
}

// ttmlP is a TTML document with one paragraph of the given content.
func ttmlP(content string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling"><body><div>
<p begin="00:00:01.000" end="00:00:03.000">` + content + `</p>
</div></body></tt>
`
}

// A file that leaves out the French space everywhere keeps its own style:
// X007 reports it once and offers no fix.
func TestFrenchHouseStyleNotFixed(t *testing.T) {
	var lines []string
	for i := 0; i < 12; i++ {
		lines = append(lines, "Vraiment"+[]string{"!", "?"}[i%2])
	}
	var b strings.Builder
	for i, l := range lines {
		b.WriteString(strconv.Itoa(i+1) + "\n00:00:" + strconv.Itoa(10+3*i) + ",000 --> 00:00:" + strconv.Itoa(12+3*i) + ",000\n" + l + "\n\n")
	}
	path := filepath.Join(t.TempDir(), "canada.fr.srt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := options(t, path)
	opts.Rules = map[string]bool{"X007": true}
	res := fixOne(t, opts)
	if res.Before["X007"] != 1 || res.Files[0].Changed() {
		t.Errorf("X007: %d findings before, changed %v; want 1 finding and no change", res.Before["X007"], res.Files[0].Changed())
	}
}

// zhHouseStyle is a Simplified Chinese file that punctuates every line:
// its own style, which X020 reports once and does not rewrite.
func zhHouseStyle() []string {
	var lines []string
	for i := 0; i < 12; i++ {
		lines = append(lines, "我们走吧，快点。")
	}
	return lines
}

// A TTML line's place is in the decoded text, which starts after the
// byte-order mark: the edit lands on the dots, not three bytes before them.
func TestTTMLTextFixAfterBOM(t *testing.T) {
	body := ttmlP("Wait... what")
	path := filepath.Join(t.TempDir(), "bom.en.ttml")
	if err := os.WriteFile(path, []byte("\uFEFF"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := options(t, path)
	opts.Rules = map[string]bool{"X004": true}
	res := fixOne(t, opts)
	want := "\uFEFF" + strings.Replace(body, "Wait...", "Wait…", 1)
	if got := string(res.Files[0].Fixed); got != want {
		t.Errorf("fixed copy:\n%s\nwant:\n%s", got, want)
	}
}

// SRT and WebVTT lines with character references are fixed through a map
// that reads each reference as one unit: the edit lands on the characters
// it means and the references stay as written; an edit that would cut
// one (or a line whose text the map cannot rebuild) is left alone.
func TestTextFixesThroughCharacterReferences(t *testing.T) {
	cases := []struct{ name, rule, body, want string }{
		{"amp.en.vtt", "X004", "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nWait... Tom &amp; Jerry\n",
			"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nWait… Tom &amp; Jerry\n"},
		{"italic.en.srt", "X004", "1\n00:00:01,000 --> 00:00:03,000\n<i>Caf&eacute; &amp; bar...</i>\n",
			"1\n00:00:01,000 --> 00:00:03,000\n<i>Caf&eacute; &amp; bar…</i>\n"},
		{"numeric.fr.vtt", "X007", "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nQuoi&#8239;? Tom &lt;3 Jerry!\n",
			"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nQuoi&#8239;? Tom &lt;3 Jerry\u00a0!\n"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := fixWithRule(t, filepath.Join(dir, c.name), c.body, c.rule)
			if got := string(res.Files[0].Fixed); got != c.want {
				t.Errorf("fixed copy:\n%q\nwant:\n%q", got, c.want)
			}
		})
	}
}

// An EBU STL text fix the block cannot hold is declined, and the fix log
// says why for each finding left; the changes made show as text.
func TestSTLTextDeclined(t *testing.T) {
	opts := options(t, "testdata/stl_text.en.stl")
	res := fixOne(t, opts)
	got := map[string]string{}
	for _, n := range res.NotFixed {
		got[n.Rule+" cue "+strconv.Itoa(n.Cue)] = n.Reason
	}
	want := map[string]string{
		"X004 cue 1": "EBU STL: code table 00 has no character for U+2026 HORIZONTAL ELLIPSIS",
		"X006 cue 5": "EBU STL: the subtitle spreads over extension blocks, whose text fields are not rewritten",
	}
	if len(got) != len(want) {
		t.Errorf("not fixed: %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: reason %q, want %q", k, got[k], v)
		}
	}
	// The change log shows the characters that changed, not the rest of
	// the field the insertion or deletion moved.
	var logged []string
	for _, c := range res.Changes {
		logged = append(logged, fmt.Sprintf("%s cue %d %q→%q", c.Rule, c.Cue, c.Before, c.After))
	}
	sort.Strings(logged)
	wantLog := []string{`X006 cue 1 " "→""`, `X006 cue 1 " "→""`, `X006 cue 2 " "→""`, `X006 cue 3 " "→""`,
		`X006 cue 4 " "→""`, `X010 cue 1 "!"→""`}
	if strings.Join(logged, "\n") != strings.Join(wantLog, "\n") {
		t.Errorf("change log:\n%s\nwant:\n%s", strings.Join(logged, "\n"), strings.Join(wantLog, "\n"))
	}
	var b strings.Builder
	if err := WriteSummary(&b, res, true); err != nil || !strings.Contains(b.String(), "1 X004 finding(s) not fixed: EBU STL: code table 00") {
		t.Errorf("summary does not give the reason:\n%s", b.String())
	}
}

// Empty guillemets "«»" take one space, not two: the space after « and
// the one before » are one place. Before, the two edits overlapped and
// the whole line's X007 fix was lost, "hier !" with it.
func TestFrenchEmptyGuillemetsOneSpace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quote.fr.srt")
	src := "1\n00:00:01,000 --> 00:00:03,000\nIl a dit «» hier!\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := options(t, path)
	opts.Rules = map[string]bool{"X007": true}
	res := fixOne(t, opts)
	want := strings.Replace(src, "«» hier!", "«\u00a0» hier\u00a0!", 1)
	if got := string(res.Files[0].Fixed); got != want {
		t.Errorf("fixed copy %q, want %q", got, want)
	}
}

// fixWithRule writes body to path and fixes it with one rule enabled and
// fixing.
func fixWithRule(t *testing.T, path, body, code string) *Result {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := enabling(t, []string{code}, path)
	opts.Rules = map[string]bool{code: true}
	return fixOne(t, opts)
}
