package report

import (
	_ "embed"
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
// that forbids loading anything): summary, per-file sections with a timeline
// strip and a findings table, severity and rule filters. Every value goes
// through html/template escaping; without JavaScript the page still reads,
// only the filters do nothing.
func HTML(w io.Writer, r *Report) error { return HTMLWith(HTMLOptions{})(w, r) }

// HTMLOptions tunes the HTML writer.
type HTMLOptions struct {
	// MinSeverity hides findings below it.
	MinSeverity rule.Severity
}

// HTMLWith returns the HTML writer with options.
func HTMLWith(o HTMLOptions) Writer {
	return func(w io.Writer, r *Report) error {
		return htmlTemplate.Execute(w, newHTMLPage(r, o))
	}
}

type htmlPage struct {
	Tool       Tool
	Summary    Summary
	Verdict    string
	FailOn     string
	Total      int
	CSS        template.CSS
	JS         template.JS
	Severities []htmlOption
	Rules      []htmlOption
	Files      []htmlFile
	Deliveries []Delivery
	RuleDocs   []htmlRuleDoc
}

type htmlOption struct {
	Value, Label string
	Count        int
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
	Timeline *htmlTimeline
	Rows     []htmlRow
}

type htmlRow struct {
	ID, Severity, Rule, Name, Summary string
	Line, Cue, Start, End             string
	Message, Expected, Actual, Source string
	// Waived is the waiver's reason and source, "" when not waived.
	Waived string
}

type htmlTimeline struct {
	Start, End string // axis labels
	CueX, CueW string // span covered by cues, when known
	Ticks      []htmlTick
	Label      string
}

type htmlTick struct {
	X, W, Severity, Href, Title string
}

type htmlRuleDoc struct {
	Code, Name, Family, Severity, Summary, Doc, Help string
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

func newHTMLPage(r *Report, o HTMLOptions) *htmlPage {
	v := newViewFrom(r, o.MinSeverity)
	p := &htmlPage{
		Tool:       r.Tool,
		Summary:    r.Summary,
		Verdict:    passLabel(r.Summary.Passed),
		FailOn:     v.failOnLabel(),
		Total:      len(v.findings),
		CSS:        template.CSS(htmlCSS),
		JS:         template.JS(htmlJS),
		Deliveries: r.Deliveries,
	}
	var bySev [3]int
	byRule := make(map[string]int)
	for _, f := range v.findings {
		if f.Severity >= rule.Info && f.Severity <= rule.Error {
			bySev[f.Severity]++
		}
		byRule[f.Rule]++
	}
	for _, s := range []rule.Severity{rule.Error, rule.Warning, rule.Info} {
		p.Severities = append(p.Severities, htmlOption{Value: s.String(), Label: s.String(), Count: bySev[s]})
	}
	rules := v.ruleList()
	for _, ri := range rules {
		if n := byRule[ri.Code]; n > 0 {
			p.Rules = append(p.Rules, htmlOption{Value: ri.Code, Label: ruleID(ri.Code, ri.Name), Count: n})
		}
		p.RuleDocs = append(p.RuleDocs, htmlRuleDoc{
			Code: ri.Code, Name: ri.Name, Family: ri.Family, Severity: ri.Severity.String(),
			Summary: ri.Summary, Doc: ri.Doc, Help: HelpURI(ri.Code),
		})
	}
	summaries := make(map[string]string, len(rules))
	for _, ri := range rules {
		summaries[ri.Code] = ri.Summary
	}

	row := 0
	for i := range v.files {
		fv := &v.files[i]
		hf := htmlFile{
			Anchor:   "file-" + strconv.Itoa(fv.Index),
			Path:     displayPath(fv.Path),
			Verdict:  passLabel(!fv.Failed),
			Errors:   fv.Errors,
			Warnings: fv.Warnings,
			Infos:    fv.Infos,
		}
		if fv.Known {
			hf.Format, hf.Language, hf.Cues = fv.Format, fv.Language, strconv.Itoa(fv.Cues)
			hf.Meta = htmlMeta(&fv.File)
		}
		first := row + 1
		for j := range fv.Findings {
			f := &fv.Findings[j]
			row++
			hf.Rows = append(hf.Rows, htmlRow{
				ID: "f" + strconv.Itoa(row), Severity: f.Severity.String(),
				Rule: f.Rule, Name: f.Name, Summary: summaries[f.Rule],
				Line: positive(f.Line), Cue: positive(f.Cue),
				Start: timecode(f.Start), End: timecode(f.End),
				Message: f.Message, Expected: f.Expected, Actual: f.Actual, Source: f.Source,
				Waived: waivedText(f.Waived),
			})
		}
		hf.Timeline = htmlTimelineFor(fv, first)
		p.Files = append(p.Files, hf)
	}
	return p
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
	add(withSource(f.Language, f.LanguageSource))
	if f.FrameRate != "" {
		add(withSource(f.FrameRate+" fps", f.FrameRateSource))
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

// htmlTimelineFor lays the file's findings on a 0..1000 strip spanning the
// programme from 0 to the last known time, so clusters of problems show at a
// glance. Findings without a time are not drawn; no times, no strip.
func htmlTimelineFor(fv *fileView, firstRow int) *htmlTimeline {
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
		return nil
	}
	x := func(t cue.Time) float64 {
		v := float64(t) / float64(end) * 1000
		return min(max(v, 0), 1000)
	}
	tl := &htmlTimeline{Start: cue.Time(0).String(), End: end.String()}
	if fv.FirstCue != nil && fv.LastCue != nil {
		a, b := x(cue.Time(*fv.FirstCue)), x(cue.Time(*fv.LastCue))
		tl.CueX, tl.CueW = svgNum(a), svgNum(max(b-a, 0))
	}
	// Draw info first and errors last so the worst problems stay on top.
	for _, sev := range []rule.Severity{rule.Info, rule.Warning, rule.Error} {
		for j := range fv.Findings {
			f := &fv.Findings[j]
			if f.Severity != sev || f.Start == nil {
				continue
			}
			a := x(cue.Time(*f.Start))
			w := 0.0
			if f.End != nil {
				w = x(cue.Time(*f.End)) - a
			}
			w = max(w, 3) // a tick stays visible however short the cue
			a = min(a, 1000-w)
			tl.Ticks = append(tl.Ticks, htmlTick{
				X: svgNum(a), W: svgNum(w), Severity: sev.String(),
				Href:  "#f" + strconv.Itoa(firstRow+j),
				Title: timecode(f.Start) + " " + ruleID(f.Rule, f.Name) + ": " + f.Message,
			})
		}
	}
	tl.Label = plural(len(tl.Ticks), "finding", "findings") + " on a timeline from " + tl.Start + " to " + tl.End
	return tl
}

func svgNum(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
