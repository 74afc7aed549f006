package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// writeHTMLStream is the HTML page of a report that arrives file by file.
// The page's counts and tables come before its findings data and are only
// known at the end, so the data's rows (nearly all of it) are encoded as
// they arrive into a spool file; what stays in memory is a record per file
// and the data's string table. At the end the page is rendered with a
// marker where the data goes, and the rows are copied in at the marker.
func writeHTMLStream(w io.Writer, s *Stream, o HTMLOptions) (err error) {
	s = recordsFirst(s)
	rows, err := newSpool("exportqc-html-*.spool")
	if err != nil {
		return fmt.Errorf("html: spool for the findings: %w", err)
	}
	defer rows.close(&err)
	b := newHTMLBuilder(s, o, bufio.NewWriterSize(rows.f, 64<<10))
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		if err := b.add(p); err != nil {
			return fmt.Errorf("html: spool: %w", err)
		}
	}
	t, err := s.Tail()
	if err != nil {
		return err
	}
	if err := b.rows.Flush(); err != nil {
		return fmt.Errorf("html: spool: %w", err)
	}
	// The page goes out as the template renders it; the rows are copied
	// in where the marker is.
	bw := bufio.NewWriterSize(w, 64<<10)
	mw := &markerWriter{w: bw, marker: []byte(htmlDataMarker), at: func() error { return b.writeData(bw, rows) }}
	if err := htmlTemplate().Execute(mw, b.page(t)); err != nil {
		return err
	}
	if err := mw.close(); err != nil {
		return err
	}
	if !mw.found && b.total > 0 {
		return fmt.Errorf("html: the page template has no place for the findings")
	}
	return bw.Flush()
}

// markerWriter passes what is written on to w, calling at in place of the
// first occurrence of marker (which may arrive split over writes).
type markerWriter struct {
	w       io.Writer
	marker  []byte
	at      func() error
	found   bool
	pending []byte // the end of what was written that may start the marker
}

func (m *markerWriter) Write(p []byte) (int, error) {
	if m.found {
		return m.w.Write(p)
	}
	buf := append(m.pending, p...)
	if i := bytes.Index(buf, m.marker); i >= 0 {
		m.found, m.pending = true, nil
		if _, err := m.w.Write(buf[:i]); err != nil {
			return 0, err
		}
		if err := m.at(); err != nil {
			return 0, err
		}
		_, err := m.w.Write(buf[i+len(m.marker):])
		return len(p), err
	}
	keep := min(len(buf), len(m.marker)-1)
	if _, err := m.w.Write(buf[:len(buf)-keep]); err != nil {
		return 0, err
	}
	m.pending = append(m.pending[:0:0], buf[len(buf)-keep:]...)
	return len(p), nil
}

// close writes what was held back in case it started the marker.
func (m *markerWriter) close() error {
	_, err := m.w.Write(m.pending)
	m.pending = nil
	return err
}

// htmlDataMarker stands for the findings data in the rendered page. Text
// from a report can never render as it: the template escapes '<' in
// every context but the page's own CSS, JS and data.
const htmlDataMarker = "<exportqc-findings-data/>"

// htmlBuilder collects the page's counts and tables as parts arrive, and
// spools the data's rows.
type htmlBuilder struct {
	o         HTMLOptions
	s         *Stream
	fails     func(rule.Severity) bool
	counts    digestCounts
	total     int // findings shown
	hidden    int
	bySev     [3]int
	byRule    map[string]int
	summaries map[string]string
	// extras are the rules only findings name, each with its first
	// finding in report order (whose name the page shows).
	extras map[string]rule.Finding
	known  map[string]bool
	files  []htmlFile

	// The data, as htmlData: the rows go to the spool.
	strs     []string
	strIdx   map[string]int
	rules    [][3]int
	ruleIdx  map[string]int
	fileData [][4]int64
	rows     *bufio.Writer
	nRows    int
}

func newHTMLBuilder(s *Stream, o HTMLOptions, rows *bufio.Writer) *htmlBuilder {
	b := &htmlBuilder{o: o, s: s, fails: failsFunc(s.FailOn), byRule: map[string]int{},
		summaries: map[string]string{}, known: map[string]bool{}, extras: map[string]rule.Finding{},
		strs: []string{""}, strIdx: map[string]int{"": 0}, ruleIdx: map[string]int{}, rows: rows}
	for _, ri := range s.Rules {
		if !b.known[ri.Code] {
			b.known[ri.Code] = true
			b.summaries[ri.Code] = ri.Summary
		}
	}
	return b
}

// str returns s's index in the report's table of strings, adding a copy
// of it if new: a finding's texts share memory with the other texts of
// its file (or of its worker's earlier files), which one kept string
// would keep whole to the end of the run.
func (b *htmlBuilder) str(s string) int {
	if k, ok := b.strIdx[s]; ok {
		return k
	}
	k := len(b.strs)
	s = strings.Clone(s)
	b.strs = append(b.strs, s)
	b.strIdx[s] = k
	return k
}

// add takes one part: its file's record and its findings' rows.
func (b *htmlBuilder) add(p Part) error {
	sp, ok := showPart(p, b.o.MinSeverity, b.fails)
	b.hidden += sp.hidden
	if !ok {
		return nil
	}
	i := len(b.files)
	fv := fileView{File: File{Path: sp.path}, Known: sp.file != nil, Findings: sp.findings, Counts: sp.counts, Failed: sp.failed}
	if sp.file != nil {
		fv.File = *sp.file
	}
	hf := htmlFile{
		Anchor:   "file-" + strconv.Itoa(i+1),
		Path:     displayPath(fv.Path),
		Verdict:  passLabel(!fv.Failed),
		Errors:   fv.Errors,
		Warnings: fv.Warnings,
		Infos:    fv.Infos,
		Findings: len(fv.Findings),
	}
	if fv.Known {
		hf.Format, hf.Language, hf.Cues = fv.Format, fv.Language, strconv.Itoa(fv.Cues)
		hf.Meta = htmlMeta(&fv.File)
	}
	b.files = append(b.files, hf)
	b.fileData = append(b.fileData, [4]int64{int64(len(fv.Findings)), timelineEnd(&fv), msOf(fv.FirstCue), msOf(fv.LastCue)})
	if len(sp.findings) > 0 {
		b.counts.add(sp.path, sp.counts, sp.findings)
	}
	for j := range sp.findings {
		f := &sp.findings[j]
		b.total++
		b.bySev[sevIndex(f.Severity)] += 1 + f.More
		b.byRule[f.Rule] += 1 + f.More
		if !b.known[f.Rule] {
			if first, ok := b.extras[f.Rule]; !ok || rule.Less(f, &first) {
				b.extras[f.Rule] = *f
			}
		}
		k, ok := b.ruleIdx[f.Rule]
		if !ok {
			k = len(b.rules)
			b.ruleIdx[f.Rule] = k
			b.rules = append(b.rules, [3]int{b.str(f.Rule), b.str(f.Name), b.str(b.summaries[f.Rule])})
		}
		// One row as the whole page's json.Marshal writes it (HTML
		// characters escaped, so nothing can close the script element).
		row, err := json.Marshal([]any{i, k, sevIndex(f.Severity), f.Line, f.Cue, msOf(f.Start), msOf(f.End),
			f.Message, b.str(f.Expected), b.str(f.Actual), b.str(f.Source), b.str(waivedText(f.Waived))})
		if err != nil {
			return err
		}
		if b.nRows > 0 {
			b.rows.WriteByte(',')
		}
		b.nRows++
		if _, err := b.rows.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// page is the template's data once the run is done, with the marker for
// the findings data.
func (b *htmlBuilder) page(t Tail) *htmlPage {
	p := &htmlPage{
		Tool:       b.s.Tool,
		Summary:    t.Summary,
		Verdict:    passLabel(t.Summary.Passed),
		FailOn:     failOnLabel(b.s.FailOn),
		Total:      b.total,
		Hidden:     b.hidden,
		MinSev:     b.o.MinSeverity.String(),
		CSS:        template.CSS(htmlCSS),
		JS:         template.JS(htmlJS),
		Data:       template.JS(htmlDataMarker),
		Deliveries: t.Deliveries,
		Files:      b.files,
	}
	for _, s := range []rule.Severity{rule.Error, rule.Warning, rule.Info} {
		p.Severities = append(p.Severities, htmlOption{Value: s.String(), Label: s.String(), Count: b.bySev[sevIndex(s)]})
	}
	// Every rule the report knows, in its order, then the rules only
	// findings name, by code (as view.ruleList).
	var rules []RuleInfo
	seen := map[string]bool{}
	for _, ri := range b.s.Rules {
		if !seen[ri.Code] {
			seen[ri.Code] = true
			rules = append(rules, ri)
		}
	}
	extras := make([]RuleInfo, 0, len(b.extras))
	for _, f := range b.extras {
		extras = append(extras, RuleInfo{Code: f.Rule, Name: f.Name, Severity: f.Severity})
	}
	slices.SortFunc(extras, func(a, b RuleInfo) int { return strings.Compare(a.Code, b.Code) })
	for _, ri := range append(rules, extras...) {
		if n := b.byRule[ri.Code]; n > 0 {
			p.Rules = append(p.Rules, htmlOption{Value: ri.Code, Label: ruleID(ri.Code, ri.Name), Count: n})
		}
		p.RuleDocs = append(p.RuleDocs, htmlRuleDoc{
			Code: ri.Code, Name: ri.Name, Family: ri.Family, Severity: ri.Severity.String(),
			Summary: ri.Summary, Doc: ri.Doc, Help: HelpURI(ri.Code),
		})
	}
	for _, st := range b.counts.ruleStats() {
		p.RuleStats = append(p.RuleStats, htmlRuleStat{Code: st.Code, Name: st.Name, Severity: st.Severity.String(),
			Summary: b.summaries[st.Code], Count: st.Count, Files: st.Files})
	}
	return p
}

// writeData writes the findings data, htmlData's JSON, with the rows
// copied from the spool.
func (b *htmlBuilder) writeData(bw *bufio.Writer, rows *spool) error {
	part := func(key string, v any) error {
		j, err := json.Marshal(v)
		if err != nil {
			return err
		}
		bw.WriteString(key)
		bw.Write(j)
		return nil
	}
	for _, kv := range []struct {
		key string
		v   any
	}{{`{"s":`, b.strs}, {`,"r":`, b.rules}, {`,"f":`, b.fileData}} {
		if err := part(kv.key, kv.v); err != nil {
			return err
		}
	}
	bw.WriteString(`,"x":`)
	if b.nRows == 0 {
		bw.WriteString("null") // what json.Marshal writes for no rows
	} else {
		bw.WriteByte('[')
		if err := rows.copyInto(bw); err != nil {
			return err
		}
		bw.WriteByte(']')
	}
	bw.WriteByte('}')
	return nil
}

// msOf is a timecode in milliseconds, -1 when unknown.
func msOf(t *rule.Timecode) int64 {
	if t == nil {
		return -1
	}
	return cue.Time(*t).Milliseconds()
}
