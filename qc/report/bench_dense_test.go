package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cputime"
	"github.com/exportqc/exportqc/qc/rule"
)

// denseReport is shaped like the dense run's report: 600 SRT episodes in
// twelve languages, four timing and length rules taking turns cue by cue,
// ASCII messages but for the line-length rule's, which quotes the line,
// and expected values with "≤"/"≥". Findings are trimmed to 40 a file so
// that one op stays short.
func denseReport() *Report {
	langs := []string{"en", "fr", "de", "es", "it", "pt", "ru", "ja", "ko", "zh", "ar", "el"}
	lines := []string{"I never said she was coming.", "Je ne l'ai jamais dit, d'accord ?",
		"Das habe ich nie gesagt, wirklich.", "¿De verdad crees que vendrá?", "Non l'ho mai detto a nessuno.",
		"Eu nunca disse que ela vinha.", "Я никогда не говорил, что она придёт.", "彼女が来るなんて一度も言ってない。",
		"시간이 별로 없어. 멀리서 와 줘서 고마워.", "我从来没说过她会来。", "لم أقل أبدًا إنها ستأتي.", "Δεν είπα ποτέ ότι θα έρθει."}
	r := &Report{SchemaVersion: SchemaVersion, Tool: Tool{Name: "exportqc", Version: "bench"},
		Summary: Summary{FailOn: "error"}}
	for _, c := range []string{"L001", "T001", "T003", "T005"} {
		r.Rules = append(r.Rules, RuleInfo{Code: c, Name: "rule-" + c, Summary: "summary", Severity: rule.Error})
	}
	for f := range 600 {
		lang := f % len(langs)
		path := fmt.Sprintf("/tmp/dense/Batch%04d_S01E01.%s.srt", f, langs[lang])
		r.Files = append(r.Files, File{Path: path, Format: "srt", Encoding: "UTF-8", Cues: 400, LastCue: tc(1_700_000)})
		for k := range 40 {
			n := k/4*9 + 2
			ms := int64(n) * 3900
			fd := rule.Finding{File: path, Line: n*4 + 1, Cue: n, CueID: fmt.Sprint(n),
				Start: tc(ms), End: tc(ms + 1043)}
			switch k % 4 {
			case 0:
				fd.Rule, fd.Severity, fd.Source = "L001", rule.Error, "guide §"+langs[lang]
				fd.Message = fmt.Sprintf("line 1 has 42 characters, more than 37: %q", lines[lang])
				fd.Expected, fd.Actual = "≤ 37 characters", "42 characters"
			case 1:
				fd.Rule, fd.Severity, fd.Source = "T001", rule.Error, "guide 1"
				fd.Message = "cue is on screen for 0.501 s, less than the minimum 0.833 s"
				fd.Expected, fd.Actual = "≥ 0.833 s", "0.501 s"
			case 2:
				fd.Rule, fd.Severity = "T003", rule.Error
				fd.Message = fmt.Sprintf("cue %d starts 0.334 s before cue %d ends (at 00:19:38.803)", n, n-1)
				fd.Expected, fd.Actual = "start ≥ 00:19:38.803", "00:19:38.469"
			case 3:
				fd.Rule, fd.Severity, fd.Source = "T005", rule.Warning, "guide 17 "+langs[lang]
				fd.Message = "reading speed 25.9 characters/s (27 characters in 1.043 s) is over the limit of 17"
				fd.Expected, fd.Actual = "≤ 17 cps", "25.9 cps"
			}
			fd.Name = "rule-" + fd.Rule
			r.Findings = append(r.Findings, fd)
		}
	}
	r.Summary.Files = len(r.Files)
	return r
}

// BenchmarkJSONDense isolates the JSON writer on a dense run's findings,
// compact (the default) and indented, as the streaming writer uses it:
// the findings come sorted.
func BenchmarkJSONDense(b *testing.B) {
	r := denseReport()
	findings := inReportOrder(r.Findings)
	for _, o := range []JSONOptions{{}, {Indent: true}} {
		name := "compact"
		if o.Indent {
			name = "indent"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Process()
			for b.Loop() {
				j := newJSONV2(io.Discard, o)
				j.head(r.Tool, r.Rules)
				for i := range findings {
					j.finding(&findings[i])
				}
				if err := j.trailer(r.Files, Tail{Summary: r.Summary}); err != nil {
					b.Fatal(err)
				}
			}
			cpu = cputime.Process() - cpu
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(r.Findings)), "ns/finding")
			if cpu > 0 {
				// The machine is shared: CPU time is steadier than the clock.
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*len(r.Findings)), "cpu-ns/finding")
			}
		})
	}
}
