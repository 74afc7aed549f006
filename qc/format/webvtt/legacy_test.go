package webvtt

import (
	"os"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func byRule(doc *cue.Document, code string) []cue.Diagnostic {
	var out []cue.Diagnostic
	for _, d := range doc.Diagnostics {
		if d.Rule == code {
			out = append(out, d)
		}
	}
	return out
}

// Netflix's WebVTT export writes the draft spellings align:middle and
// position:50.00%,middle on every cue, and lines of spaces between blocks:
// one V001 warning for the file, no parse error (there were 501).
func TestNetflixLegacySettingsAreOneWarning(t *testing.T) {
	data, err := os.ReadFile(testcorpus.Path(t, "vtt", "webvtt-py", "netflix_chicas_del_cable.vtt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := Read(string(data))
	if n := len(byRule(doc, "")); n != 0 {
		t.Errorf("%d parse errors, want 0: %+v", n, byRule(doc, "")[:min(n, 3)])
	}
	v := byRule(doc, CodeLegacySetting)
	if len(v) != 1 {
		t.Fatalf("%d V001 findings, want 1: %+v", len(v), v)
	}
	for _, part := range []string{"1730 uses", "align:middle ×865 (now align:center)", "position:…,middle ×865 (now position:…,center)"} {
		if !strings.Contains(v[0].Message, part) {
			t.Errorf("V001 message %q lacks %q", v[0].Message, part)
		}
	}
	if v[0].Line != 20 {
		t.Errorf("V001 at line %d, want 20 (the first cue's timing line)", v[0].Line)
	}
	// The identifier after a line of spaces is the cue's, as its author meant.
	if len(doc.Cues) != 865 || doc.Cues[0].ID != "1" {
		t.Errorf("%d cues, first id %q", len(doc.Cues), doc.Cues[0].ID)
	}
}

func TestLegacySpellings(t *testing.T) {
	doc := Read("WEBVTT\nRegion: id=r width=40%\n\n" +
		"00:01.000 --> 00:02.000 align:middle line:0,middle region:r\na\n\n" +
		"00:03.000 --> 00:04.000 position:10%,start\nb\n\n" +
		"00:05.000 --> 00:06.000 position:90%,end align:sideways\nc\n")
	v := byRule(doc, CodeLegacySetting)
	if len(v) != 1 || v[0].Line != 2 {
		t.Fatalf("V001: %+v", v)
	}
	for _, part := range []string{"5 uses", `a "Region:" header line ×1 (now a REGION block)`, "align:middle ×1", "line:…,middle ×1 (now line:…,center)",
		"position:…,start ×1 (now position:…,line-left)", "position:…,end ×1 (now position:…,line-right)", "1 cues name a region"} {
		if !strings.Contains(v[0].Message, part) {
			t.Errorf("V001 message %q lacks %q", v[0].Message, part)
		}
	}
	// A setting that was never WebVTT stays a parse error; the legacy
	// region reference is not one.
	if e := byRule(doc, ""); len(e) != 1 || !strings.Contains(e[0].Message, "align:sideways") {
		t.Errorf("parse errors: %+v", e)
	}
}

func TestWhitespaceLinesBetweenBlocks(t *testing.T) {
	doc := Read("WEBVTT\n\n   \n\t\n\n  \n7\n00:01.000 --> 00:02.000\na\n \n\n \n00:03.000 --> 00:04.000\nb\n")
	if len(doc.Diagnostics) != 0 {
		t.Errorf("diagnostics: %+v", doc.Diagnostics)
	}
	// A line of spaces right before a timing line is the identifier " ";
	// inside a cue it is payload.
	if len(doc.Cues) != 2 || doc.Cues[0].ID != "7" || doc.Cues[0].Raw != "a\n " || doc.Cues[1].ID != " " {
		t.Errorf("cues: %+v", doc.Cues)
	}
	doc = Read("WEBVTT\n\n  \nstray\n\n00:01.000 --> 00:02.000\na\n")
	if d := byRule(doc, ""); len(d) != 1 || d[0].Line != 4 || !strings.Contains(d[0].Message, "stray") {
		t.Errorf("stray text after a line of spaces: %+v", d)
	}
}

// The line that counts unlisted problems names the cue where they start,
// so that reports (ordered by cue) print it after the listed ones, and it
// gives the total.
func TestUnlistedCountComesLast(t *testing.T) {
	var b strings.Builder
	b.WriteString("WEBVTT\n\nstray\n\n")
	for i := 0; i < 600; i++ {
		b.WriteString("00:01.000 --> 00:02.000 bogus\nx\n\n")
	}
	doc := Read(b.String())
	if len(doc.Diagnostics) != maxDiags+1 {
		t.Fatalf("%d diagnostics", len(doc.Diagnostics))
	}
	last := doc.Diagnostics[maxDiags]
	if last.Cue != maxDiags || !strings.Contains(last.Message, "101 more problems") || !strings.Contains(last.Message, "(601 in this file)") {
		t.Errorf("count line %+v", last)
	}
	for _, d := range doc.Diagnostics[:maxDiags] {
		if d.Cue > last.Cue || (d.Cue == last.Cue && d.Line >= last.Line) {
			t.Errorf("listed %+v sorts after the count line %+v", d, last)
		}
	}
}

// go-astisub writes the legacy "Region:" lines as a block after its STYLE
// block: they are legacy region definitions, not stray text, and cues that
// name them are counted with them.
func TestLegacyRegionBlockAfterStyle(t *testing.T) {
	doc := Read("WEBVTT\n\nSTYLE\n::cue(b) { color: red; }\n\nRegion: id=bill width=40%\nRegion: id=fred width=40%\n\n" +
		"00:01.000 --> 00:02.000 region:bill\na\n\n00:03.000 --> 00:04.000 region:fred\nb\n\nRegion: id=late\n")
	v := byRule(doc, CodeLegacySetting)
	if len(v) != 1 || v[0].Line != 6 || !strings.Contains(v[0].Message, `a "Region:" header line ×2`) ||
		!strings.Contains(v[0].Message, "2 cues name a region") {
		t.Errorf("V001: %+v", v)
	}
	// After the first cue a Region: line is stray text, as any other.
	if e := byRule(doc, ""); len(e) != 1 || e[0].Line != 15 {
		t.Errorf("parse errors: %+v", e)
	}
}

// A garbled signature after a line of spaces is still the one signature
// problem, not also text outside any cue (go-astisub's broken-1-in.vtt).
func TestGarbledSignatureAfterSpaces(t *testing.T) {
	doc := Read(" \nBROKENVTT\n\n00:01.000 --> 00:02.000\na\n")
	if len(doc.Diagnostics) != 1 || !strings.Contains(doc.Diagnostics[0].Message, "missing \"WEBVTT\" signature") || len(doc.Cues) != 1 {
		t.Errorf("%+v %+v", doc.Diagnostics, doc.Cues)
	}
}
