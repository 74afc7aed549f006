package langcheck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// The rules' Run functions: each reads the languages declared for the
// file (rule.File.Declared, with their sources) and its text through the
// Pass, and its thresholds through the Pass's typed accessors.

// runTagInvalid checks (G001) the tag declared inside the file. The
// manifest's tags are checked with the delivery, at their manifest lines;
// file names only yield tags that parse; --lang is refused when invalid.
func runTagInvalid(p *rule.Pass) {
	for _, d := range p.File.Declared {
		if d.Source != rule.DeclaredByFile {
			continue
		}
		if _, prob := CheckTag(d.Tag); prob != nil {
			p.ReportMilder(rule.Finding{Message: "language declared inside the file: " + prob.Message}, severityOf(prob.Severity))
		}
	}
}

// runManifestTags checks (G001) the language tags a delivery's manifests
// declare, at their manifest lines: once per manifest, tag and file.
func runManifestTags(p *rule.DeliveryPass) {
	seen := map[string]bool{}
	for i := range p.Delivery.Model.Files {
		f := &p.Delivery.Model.Files[i]
		key := f.Manifest + "\x00" + f.Language + "\x00" + f.Path
		if strings.TrimSpace(f.Language) == "" || seen[key] {
			continue
		}
		seen[key] = true
		if _, prob := CheckTag(f.Language); prob != nil {
			p.ReportMilder(rule.Finding{File: p.Delivery.Path(f.Manifest), Line: f.Line, Message: f.Path + ": " + prob.Message},
				severityOf(prob.Severity))
		}
	}
}

// runTagConflict compares (G004) what the name, the manifest and the file
// itself declare; --lang is the user's choice, not a declaration.
func runTagConflict(p *rule.Pass) {
	// Two declarations are needed to disagree: most files have only
	// their name's, and Conflict would parse it and sort it for nothing.
	n := 0
	for _, d := range p.File.Declared {
		if d.Source != rule.DeclaredByFlag {
			n++
		}
	}
	if n < 2 {
		return
	}
	sources := map[string]string{}
	for _, d := range p.File.Declared {
		if d.Source != rule.DeclaredByFlag {
			sources[d.Source] = d.Tag
		}
	}
	if prob := Conflict(sources); prob != nil {
		p.ReportMilder(rule.Finding{Message: prob.Message}, severityOf(prob.Severity))
	}
}

// runUndeclared reports (G005) a file whose language was identified from
// its text because nothing declares one.
func runUndeclared(p *rule.Pass) {
	if p.File.LanguageSource != rule.LanguageFromContent {
		return
	}
	p.Report(rule.Finding{Actual: p.File.Language, Source: p.Source("min_confidence"),
		Message: fmt.Sprintf("the file declares no language (not in --lang, its name, a manifest or the file itself); %s, so it was checked as %s",
			p.File.LanguageEvidence, describe(p.File.Language))})
}

// runContentMismatch checks (G002) that the text is in the file's language.
// A language identified from the text (G005) is not a declaration it
// could contradict.
func runContentMismatch(p *rule.Pass) {
	if p.File.Language == "" || len(p.Doc.Cues) == 0 || p.File.LanguageSource == rule.LanguageFromContent {
		return
	}
	opt := MismatchOptionsFrom(p.Int("min_letters"), p.Float("min_confidence"), p.Int("min_script_letters"))
	var tally *Tally
	if WalkTally != nil {
		tally = WalkTally(p)
	}
	if m := detectMismatch(p.File.Language, judgedLines(p, tally), tally, opt); m != nil {
		p.Report(mismatchFinding(m, p.Source("min_confidence")))
	}
}

// runChineseScriptMismatch checks (G003) a Chinese file's script.
func runChineseScriptMismatch(p *rule.Pass) {
	if p.File.Language == "" || len(p.Doc.Cues) == 0 || p.File.LanguageSource == rule.LanguageFromContent {
		return
	}
	want := declaredFacts(p.File.Language).chinese
	if want == "" {
		return
	}
	opt := ScriptOptionsFrom(p.Int("min_script_chars"), p.Float("min_other_script_share"))
	if m := ScriptMismatch(p.File.Language, documentScript(p.Doc, want), opt); m != nil {
		p.Report(mismatchFinding(m, p.Source("min_other_script_share")))
	}
}

func mismatchFinding(m *Mismatch, source string) rule.Finding {
	return rule.Finding{Message: m.Message, Expected: m.Declared, Actual: m.Detected, Source: source}
}

// severityOf reads a Problem's severity hint.
func severityOf(hint string) rule.Severity {
	s, err := rule.ParseSeverity(hint)
	if err != nil {
		return rule.Error
	}
	return s
}

type textLinesKey struct{}

// TextLines are the displayed lines of the pass's document (comments
// left out), computed once per file for every language rule, into a slice
// the worker's File keeps from file to file (rule.Pass.Scratch).
func TextLines(p *rule.Pass) []string {
	return p.Memo(textLinesKey{}, func() any {
		kept := p.Scratch(textLinesKey{}, func() any { return new(keptLines) }).(*keptLines)
		kept.lines = appendDocumentLines(kept.lines[:0], p.Doc)
		return kept.lines
	}).([]string)
}

type judgedLinesKey struct{}

// judgedLines are G002's lines: with a tally of them from the line facts,
// which counts them, read from the cues only as far as the verdict needs
// (textLines), into memory the worker keeps like TextLines'; else all of
// them (TextLines).
func judgedLines(p *rule.Pass, tally *Tally) *textLines {
	if tally == nil {
		return allLines(TextLines(p))
	}
	kept := p.Scratch(judgedLinesKey{}, func() any { return new(keptLines) }).(*keptLines)
	r := &cueLines{doc: p.Doc}
	return &textLines{n: len(tally.lines), read: kept.lines[:0], more: func(read []string, to int) []string {
		kept.lines = r.appendTo(read, to)
		return kept.lines
	}}
}

// keptLines is TextLines' scratch, and judgedLines'.
type keptLines struct{ lines []string }

// maxKeptLines is the most lines a worker's keptLines keeps for the next
// file (512 KB): a rare huge file should not pin its size in every worker.
const maxKeptLines = 1 << 15

// ReleaseScratch lets go of the file's text (rule.ScratchReleaser): the
// strings point into the file's data.
func (k *keptLines) ReleaseScratch() {
	if cap(k.lines) > maxKeptLines {
		k.lines = nil
		return
	}
	// Only the lines this file filled hold strings: those of earlier
	// files were cleared when each was done.
	clear(k.lines)
	k.lines = k.lines[:0]
}

// DocumentLines are the displayed lines of a document's cues.
func DocumentLines(doc *cue.Document) []string { return appendDocumentLines(nil, doc) }

// appendDocumentLines appends the displayed lines of doc's cues to out.
func appendDocumentLines(out []string, doc *cue.Document) []string {
	n := 0
	for i := range doc.Cues {
		if !doc.Cues[i].Comment {
			n += len(doc.Cues[i].Lines)
		}
	}
	out = slices.Grow(out, n)
	for i := range doc.Cues {
		if doc.Cues[i].Comment {
			continue
		}
		for _, l := range doc.Cues[i].Lines {
			out = append(out, l.Text)
		}
	}
	return out
}
