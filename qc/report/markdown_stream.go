package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

// The Markdown digest fits a comment (GitHubCommentLimit), so of a run it
// needs only counts, the worst files' rows and the sections of the files
// that can still fit, worst first. writeMarkdownStream keeps just those as
// the parts arrive: memory is bounded by the comment's size, not by the
// findings.

// mdTailRoom is the most the closing note takes; sections leave room for it.
const mdTailRoom = 600

// mdDigest is what the Markdown keeps of a run while it streams.
type mdDigest struct {
	counts      digestCounts // per-rule rows, files with findings
	files       int          // files shown (clean ones too)
	hidden      int          // findings below minSeverity
	problems    int          // problems the shown findings stand for
	minSeverity rule.Severity
	failOnLabel string
	worstRows   []mdRanked // at most worstFilesShownMarkdown rows, worst first
	// sections are the files' sections that may still be shown, worst
	// first: a prefix of the worst order whose sizes fit the budget.
	// Files only ever move down the order as others arrive, so a section
	// that no longer fits never will again.
	sections    []mdRanked
	sectionSize int  // of sections
	full        bool // some section was dropped: a file ranked after the last can be skipped
}

// mdRanked is a rendered piece of a file, with what ranks the file and
// how many problems its section accounts for.
type mdRanked struct {
	rule.Counts
	text     string
	problems int
}

// rankOf is where a file of counts c goes in a worst-first list: after
// every file at least as bad (a stable sort's order, ties in report order).
func rankOf(list []mdRanked, c rule.Counts) int {
	for i := range list {
		if worseFile(c, list[i].Counts) {
			return i
		}
	}
	return len(list)
}

func (d *mdDigest) add(sp *shownPart, limit, budget int) {
	d.files++
	d.hidden += sp.hidden
	if len(sp.findings) == 0 {
		return
	}
	d.counts.add(sp.path, sp.counts, sp.findings)
	n := problemsIn(sp.findings)
	d.problems += n
	fv := fileView{File: File{Path: sp.path}, Known: sp.file != nil, Findings: sp.findings, Counts: sp.counts, Failed: sp.failed}
	if sp.file != nil {
		fv.File = *sp.file
	}
	if at := rankOf(d.worstRows, sp.counts); at < worstFilesShownMarkdown {
		d.worstRows = slices.Insert(d.worstRows, at, mdRanked{Counts: sp.counts, text: markdownWorstRow(&fv)})
		d.worstRows = d.worstRows[:min(len(d.worstRows), worstFilesShownMarkdown)]
	}
	at := rankOf(d.sections, sp.counts)
	if d.full && at == len(d.sections) {
		return // ranked after a section that already does not fit
	}
	sec := mdRanked{Counts: sp.counts, text: markdownFileSection(&fv, limit), problems: n}
	d.sections = slices.Insert(d.sections, at, sec)
	d.sectionSize += len(sec.text)
	for len(d.sections) > 0 && d.sectionSize+mdTailRoom > budget {
		last := len(d.sections) - 1
		d.sectionSize -= len(d.sections[last].text)
		d.sections[last] = mdRanked{}
		d.sections = d.sections[:last]
		d.full = true
	}
}

// writeMarkdownStream is the Markdown digest of a stream (see Markdown).
func writeMarkdownStream(w io.Writer, s *Stream, o MarkdownOptions) error {
	s = recordsFirst(s)
	limit := o.MaxRows
	if limit <= 0 {
		limit = DefaultMaxRows
	}
	budget := o.MaxChars
	if budget <= 0 {
		budget = GitHubCommentLimit
	}
	fails := failsFunc(s.FailOn)
	d := mdDigest{minSeverity: o.MinSeverity, failOnLabel: failOnLabel(s.FailOn)}
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		if sp, ok := showPart(p, o.MinSeverity, fails); ok {
			d.add(&sp, limit, budget)
		} else {
			d.hidden += sp.hidden
		}
	}
	t, err := s.Tail()
	if err != nil {
		return err
	}
	var doc strings.Builder
	writeMarkdownHead(&doc, &d, s.Tool, &t.Summary)
	shownFiles, shownProblems := 0, 0
	var sections strings.Builder
	for _, sec := range d.sections {
		if doc.Len()+sections.Len()+len(sec.text)+mdTailRoom > budget {
			break
		}
		sections.WriteString(sec.text)
		shownFiles++
		shownProblems += sec.problems
	}
	withFindings := d.counts.withFindings
	if withFindings > 0 {
		doc.WriteString("\n### First findings\n")
		doc.WriteString(sections.String())
	}
	if rest := withFindings - shownFiles; rest > 0 {
		fmt.Fprintf(&doc, "\n_%s with %s not listed here, to fit a comment: the full report has them._\n",
			count(rest, "more file", "more files"), count(d.problems-shownProblems, "finding", "findings"))
	}
	_, err = io.WriteString(w, doc.String())
	return err
}

// failOnLabel is a fail-on threshold as shown to people ("none" when
// nothing fails).
func failOnLabel(failOn string) string {
	sev, none := parseFailOn(failOn)
	if none {
		return "none"
	}
	return sev.String()
}
