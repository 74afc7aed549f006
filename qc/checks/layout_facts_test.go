package checks

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// L001 passes a file without walking it when the line facts show no line
// longer in bytes than the limit, and a cue without reading it when none
// of its lines is. Its findings must be those of a run that reads every
// line (factsOff): on files of short lines, of one long text line, of one
// long blank line (a cue of spaces is no text cue, but L001 counts its
// line), and of a long comment (never counted).
func TestLineTooLongSameWithScannedFacts(t *testing.T) {
	lib, err := pack.Load(All())
	if err != nil {
		t.Fatal(err)
	}
	run := func(lang string, doc *cue.Document, facts bool) []string {
		eff, err := lib.Resolve(pack.Request{Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		cfg := *eff.Config("L001")
		cfg.Enabled = true
		var got []string
		p := rule.NewPass(LineTooLong, &rule.File{Path: "x.srt", Language: lang}, doc, &cfg, func(f rule.Finding) {
			got = append(got, fmt.Sprintf("%d %s", f.Line, f.Message))
		})
		factsOff = !facts
		defer func() { factsOff = false }()
		p.Run()
		return got
	}
	r := rand.New(rand.NewPCG(9, 4))
	found := 0
	for i := range 60 {
		doc := randomDoc(r, 1+r.IntN(30))
		for k := range doc.Cues {
			c := &doc.Cues[k]
			for j := range c.Lines {
				if r.IntN(3) > 0 {
					c.Lines[j].Text = strings.Repeat("a", r.IntN(30)) // short enough for most lines
				}
			}
		}
		switch long := strings.Repeat("x", 60); i % 4 {
		case 3:
			doc.Cues = append(doc.Cues, cue.Cue{Index: 99, Comment: true, Lines: []cue.Line{{Text: long}}})
		case 1:
			doc.Cues[0].Lines = append(doc.Cues[0].Lines, cue.Line{Text: long})
		case 2:
			doc.Cues = append(doc.Cues, cue.Cue{Index: 99, Lines: []cue.Line{{Text: strings.Repeat(" ", 60)}}})
		}
		for _, lang := range []string{"en", "ja", "ko"} {
			with, without := run(lang, doc, true), run(lang, doc, false)
			if !slices.Equal(with, without) {
				t.Fatalf("doc %d, %s: with the line facts %q, reading every line %q", i, lang, with, without)
			}
			found += len(with)
		}
	}
	if found == 0 {
		t.Fatal("L001 found nothing: the comparison shows nothing")
	}
}
