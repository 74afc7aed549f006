package report

import (
	_ "embed"
	"encoding/json"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

var (
	//go:embed html.tmpl
	htmlSource string
	//go:embed html.css
	htmlCSS string
	//go:embed html.js
	htmlJS string

	htmlTemplate = template.Must(template.New("report").Parse(htmlSource))
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
	return func(w io.Writer, r *Report) error {
		p, err := newHTMLPage(r, o)
		if err != nil {
			return err
		}
		return htmlTemplate.Execute(w, p)
	}
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

func newHTMLPage(r *Report, o HTMLOptions) (*htmlPage, error) {
	v := newViewFrom(r, o.MinSeverity)
	p := &htmlPage{
		Tool:       r.Tool,
		Summary:    r.Summary,
		Verdict:    passLabel(r.Summary.Passed),
		FailOn:     v.failOnLabel(),
		Total:      len(v.findings),
		Hidden:     v.hidden,
		MinSev:     v.minSeverity.String(),
		CSS:        template.CSS(htmlCSS),
		JS:         template.JS(htmlJS),
		Deliveries: r.Deliveries,
	}
	var bySev [3]int
	byRule := make(map[string]int)
	for _, f := range v.findings {
		bySev[sevIndex(f.Severity)] += 1 + f.More
		byRule[f.Rule] += 1 + f.More
	}
	for _, s := range []rule.Severity{rule.Error, rule.Warning, rule.Info} {
		p.Severities = append(p.Severities, htmlOption{Value: s.String(), Label: s.String(), Count: bySev[sevIndex(s)]})
	}
	rules := v.ruleList()
	summaries := make(map[string]string, len(rules))
	for _, ri := range rules {
		if n := byRule[ri.Code]; n > 0 {
			p.Rules = append(p.Rules, htmlOption{Value: ri.Code, Label: ruleID(ri.Code, ri.Name), Count: n})
		}
		p.RuleDocs = append(p.RuleDocs, htmlRuleDoc{
			Code: ri.Code, Name: ri.Name, Family: ri.Family, Severity: ri.Severity.String(),
			Summary: ri.Summary, Doc: ri.Doc, Help: HelpURI(ri.Code),
		})
		summaries[ri.Code] = ri.Summary
	}
	for _, st := range v.ruleStats() {
		p.RuleStats = append(p.RuleStats, htmlRuleStat{Code: st.Code, Name: st.Name, Severity: st.Severity.String(),
			Summary: summaries[st.Code], Count: st.Count, Files: st.Files})
	}

	d := htmlData{Strs: []string{""}}
	strIdx := map[string]int{"": 0}
	str := func(s string) int {
		if k, ok := strIdx[s]; ok {
			return k
		}
		k := len(d.Strs)
		d.Strs = append(d.Strs, s)
		strIdx[s] = k
		return k
	}
	ruleIdx := map[string]int{}
	ms := func(t *rule.Timecode) int64 {
		if t == nil {
			return -1
		}
		return cue.Time(*t).Milliseconds()
	}
	for i := range v.files {
		fv := &v.files[i]
		hf := htmlFile{
			Anchor:   "file-" + strconv.Itoa(fv.Index),
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
		p.Files = append(p.Files, hf)
		d.Files = append(d.Files, [4]int64{int64(len(fv.Findings)), timelineEnd(fv), ms(fv.FirstCue), ms(fv.LastCue)})
		for j := range fv.Findings {
			f := &fv.Findings[j]
			k, ok := ruleIdx[f.Rule]
			if !ok {
				k = len(d.Rules)
				ruleIdx[f.Rule] = k
				d.Rules = append(d.Rules, [3]int{str(f.Rule), str(f.Name), str(summaries[f.Rule])})
			}
			d.Rows = append(d.Rows, []any{i, k, sevIndex(f.Severity), f.Line, f.Cue, ms(f.Start), ms(f.End),
				f.Message, str(f.Expected), str(f.Actual), str(f.Source), str(waivedText(f.Waived))})
		}
	}
	// json.Marshal escapes <, > and & as \u003c and so on, so nothing in the
	// data can close the script element or start markup.
	b, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	p.Data = template.JS(b)
	return p, nil
}

// htmlMeta lists what is known about a file, with where each guess came from.
func htmlMeta(f *File) []string {
	var m []string
	add := func(s string) {
		if s != "" {
			m = append(m, s)
		}
	}
	add(f.Format)
	enc := f.Encoding
	if f.BOM {
		enc += " with BOM"
	}
	add(strings.TrimSpace(enc))
	if f.Language != "" {
		add(withSource(f.Language, f.LanguageSource))
	} else {
		add("language unknown")
	}
	if f.FrameRate != "" {
		add(withSource(frameRateLabel(f.FrameRate), f.FrameRateSource))
	}
	add(plural(f.Cues, "cue", "cues"))
	if f.FirstCue != nil && f.LastCue != nil {
		add(timecode(f.FirstCue) + " – " + timecode(f.LastCue))
	}
	if f.Profile != "" {
		add("profile " + f.Profile)
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
