package report

import (
	_ "embed"
	"html/template"
	"io"
	"sync"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

var (
	//go:embed html.tmpl
	htmlSource string
	//go:embed html.css
	htmlCSS string
	//go:embed html.js
	htmlMainJS string
	// ReadHashJS defines readHash(), which the report's script and the
	// audit dashboard's both use to read their URL hash.
	//go:embed readhash.js
	ReadHashJS string
	htmlJS     = ReadHashJS + htmlMainJS

	// htmlTemplate is parsed on first use: a run that writes no HTML
	// report should not pay for parsing it at start-up.
	htmlTemplate = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("report").Parse(htmlSource))
	})
)

// HTML writes one self-contained page (inline CSS and JS, no network, a CSP
// that forbids loading anything). The summary, the findings per rule, the
// file list and the rule documentation are plain HTML and read without
// JavaScript; the findings themselves are embedded once, as compact JSON,
// and the script renders each file's rows when the file comes into view, a
// page at a time, with severity and rule filters. So a 50,000-finding
// report stays a few megabytes and opens at once. Every value goes through
// html/template escaping or JSON escaping of <, > and &.
func HTML(w io.Writer, r *Report) error { return HTMLWith(HTMLOptions{})(w, r) }

// HTMLOptions tunes the HTML writer.
type HTMLOptions struct {
	// MinSeverity hides findings below it.
	MinSeverity rule.Severity
}

// HTMLWith returns the HTML writer with options.
func HTMLWith(o HTMLOptions) Writer {
	return func(w io.Writer, r *Report) error { return writeHTMLStream(w, partsOf(r), o) }
}

type htmlPage struct {
	Tool       Tool
	Summary    Summary
	Verdict    string
	FailOn     string
	Total      int
	Hidden     int
	MinSev     string
	CSS        template.CSS
	JS         template.JS
	Data       template.JS
	Severities []htmlOption
	Rules      []htmlOption
	RuleStats  []htmlRuleStat
	Files      []htmlFile
	Deliveries []Delivery
	RuleDocs   []htmlRuleDoc
}

type htmlOption struct {
	Value, Label string
	Count        int
}

type htmlRuleStat struct {
	Code, Name, Severity, Summary string
	Count, Files                  int
}

type htmlFile struct {
	Anchor   string
	Path     string
	Format   string
	Language string
	Cues     string
	Meta     []string
	Verdict  string
	Errors   int
	Warnings int
	Infos    int
	Findings int
}

type htmlRuleDoc struct {
	Code, Name, Family, Severity, Summary, Doc, Help string
}

// htmlData is the findings as the page's script reads them: one array per
// finding, repeated strings (rule texts, expected/actual values, sources,
// waivers) stored once in Strs and referred to by index, times in
// milliseconds. Field order is the contract with html.js.
type htmlData struct {
	// Strs is the string table; index 0 is "".
	Strs []string `json:"s"`
	// Rules: [code, name, summary] as Strs indexes.
	Rules [][3]int `json:"r"`
	// Files: [findings, timeline end, first cue, last cue] with times in
	// ms (-1 unknown), in the order of the page's file sections.
	Files [][4]int64 `json:"f"`
	// Rows: [file, rule, severity (0 info, 1 warning, 2 error), line,
	// cue, start ms, end ms, message, expected, actual, source, waived],
	// strings as Strs indexes except the message, which rarely repeats.
	Rows [][]any `json:"x"`
}

// waivedText shows why a finding is accepted: "reason (waivers.yaml:3)".
func waivedText(w *rule.Waiver) string {
	if w == nil {
		return ""
	}
	t := w.Reason + " (" + w.Source
	if w.Expires != "" {
		t += ", until " + w.Expires
	}
	return t + ")"
}

// htmlMeta lists what is known about a file, with where each guess came
// from (the text digest's facts), and its cues' span and profile.
func htmlMeta(f *File) []string {
	m := append(fileFactList(f), plural(f.Cues, "cue", "cues"))
	if f.FirstCue != nil && f.LastCue != nil {
		m = append(m, timecode(f.FirstCue)+" – "+timecode(f.LastCue))
	}
	if f.Profile != "" {
		m = append(m, "profile "+f.Profile)
	}
	return m
}

func withSource(v, src string) string {
	if v == "" || src == "" {
		return v
	}
	return v + " (" + src + ")"
}

// timelineEnd is where a file's timeline strip ends, in ms: the last known
// time of the file or its findings; -1 when nothing has a time.
func timelineEnd(fv *fileView) int64 {
	var end cue.Time
	grow := func(t *rule.Timecode) {
		if t != nil && cue.Time(*t) > end {
			end = cue.Time(*t)
		}
	}
	grow(fv.LastCue)
	for j := range fv.Findings {
		grow(fv.Findings[j].Start)
		grow(fv.Findings[j].End)
	}
	if end <= 0 {
		return -1
	}
	return end.Milliseconds()
}
