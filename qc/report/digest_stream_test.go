package report

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// randomReport is a small report with hostile strings, unsorted files,
// findings about paths without records, waivers and summaries.
func randomReport(seed uint64) *Report {
	rng := rand.New(rand.NewPCG(seed, 7))
	pieces := []string{"a", "é", "\"", "<", "&", "|", "*", "\n", "\t", "\x01", "\xff", "\u2028", " ", "%", ":"}
	str := func() string {
		var sb strings.Builder
		for range rng.IntN(6) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return sb.String()
	}
	r := &Report{Tool: Tool{Name: "exportqc", Version: str(), Profile: str()},
		Summary: Summary{FailOn: []string{"error", "warning", "none", ""}[rng.IntN(4)], Files: rng.IntN(9), Passed: rng.IntN(2) == 0}}
	for i := range rng.IntN(30) {
		f := File{Path: "f" + strconv.Itoa(i) + str(), Format: "srt", Language: str(), Cues: rng.IntN(5)}
		if rng.IntN(2) == 0 {
			f.FirstCue, f.LastCue = tc(rng.Int64N(1e6)), tc(rng.Int64N(1e7))
		}
		r.Files = append(r.Files, f)
	}
	for range rng.IntN(3) {
		r.Rules = append(r.Rules, RuleInfo{Code: "T00" + strconv.Itoa(rng.IntN(5)), Name: str(), Summary: str(), Doc: str(), Severity: rule.Severity(rng.IntN(3))})
	}
	for range rng.IntN(300) {
		f := rule.Finding{Rule: "T00" + strconv.Itoa(rng.IntN(5)), Name: str(), Severity: rule.Severity(rng.IntN(3)),
			Line: rng.IntN(50), Cue: rng.IntN(9), Message: str(), Expected: str(), Actual: str(), Source: str(), More: rng.IntN(3) / 2}
		if len(r.Files) > 0 && rng.IntN(5) > 0 {
			f.File = r.Files[rng.IntN(len(r.Files))].Path
		} else {
			f.File = str()
		}
		if rng.IntN(2) == 0 {
			f.Start, f.End = tc(rng.Int64N(1e7)), tc(rng.Int64N(1e7))
		}
		if rng.IntN(6) == 0 {
			f.Waived = &rule.Waiver{Reason: str(), Source: "w.yaml:3"}
		}
		r.Findings = append(r.Findings, f)
	}
	return r
}

// Markdown, GitHub annotations, HTML and JSON v1 write from a stream what
// they wrote from the whole report before they streamed, byte for byte:
// on the golden report, a large one and random ones, with the options
// that change what they keep (a minimum severity, a few rows per file, a
// small comment that leaves most sections out).
func TestStreamingDigestsSameBytesAsBefore(t *testing.T) {
	reports := map[string]*Report{"golden": loadFixture(t), "bench": bigReport(), "empty": {}}
	for seed := range uint64(60) {
		reports["seed "+strconv.Itoa(int(seed))] = randomReport(seed)
	}
	type writers struct {
		name      string
		now, want func(o Options, maxChars int) Writer
		stream    func(o Options, maxChars int) StreamWriter
	}
	md := func(o Options, maxChars int) MarkdownOptions {
		return MarkdownOptions{MaxRows: o.MaxRows, MinSeverity: o.MinSeverity, MaxChars: maxChars}
	}
	gh := func(o Options) GitHubOptions {
		return GitHubOptions{MaxPerRule: o.MaxAnnotations, MinSeverity: o.MinSeverity}
	}
	cases := []writers{
		{"markdown",
			func(o Options, c int) Writer { return Markdown(md(o, c)) },
			func(o Options, c int) Writer { return markdownReference(md(o, c)) },
			func(o Options, c int) StreamWriter {
				return func(w io.Writer, s *Stream) error { return writeMarkdownStream(w, s, md(o, c)) }
			}},
		{"github",
			func(o Options, _ int) Writer { return GitHubAnnotations(gh(o)) },
			func(o Options, _ int) Writer { return githubReference(gh(o)) },
			func(o Options, _ int) StreamWriter {
				return func(w io.Writer, s *Stream) error { return writeGitHubStream(w, s, gh(o)) }
			}},
		{"html",
			func(o Options, _ int) Writer { return HTMLWith(HTMLOptions{MinSeverity: o.MinSeverity}) },
			func(o Options, _ int) Writer { return htmlReference(HTMLOptions{MinSeverity: o.MinSeverity}) },
			func(o Options, _ int) StreamWriter {
				return func(w io.Writer, s *Stream) error {
					return writeHTMLStream(w, s, HTMLOptions{MinSeverity: o.MinSeverity})
				}
			}},
		{"json-v1",
			func(Options, int) Writer { return JSONV1 },
			func(Options, int) Writer { return JSONV1 },
			func(Options, int) StreamWriter { return writeJSONV1Stream }},
	}
	options := []struct {
		o        Options
		maxChars int
	}{{Options{}, 0}, {Options{MinSeverity: rule.Warning, MaxRows: 2, MaxAnnotations: 3}, 3000},
		{Options{MinSeverity: rule.Error, MaxAnnotations: -1}, 1500}}
	truncated := 0
	for name, r := range reports {
		ordered := streamOrderedCopy(r)
		for _, c := range cases {
			for _, op := range options {
				check := func(what string, got func(w io.Writer) error, want func(w io.Writer) error) {
					t.Helper()
					var g, wnt bytes.Buffer
					if errG, errW := got(&g), want(&wnt); errG != nil || errW != nil {
						t.Fatalf("%s %s %s %+v: errors %v, %v", name, c.name, what, op, errG, errW)
					}
					if !bytes.Equal(g.Bytes(), wnt.Bytes()) {
						t.Fatalf("%s %s %s %+v: differs from before: %s", name, c.name, what, op, firstDiff(g.Bytes(), wnt.Bytes()))
					}
					if c.name == "markdown" && strings.Contains(g.String(), "not listed here, to fit a comment") {
						truncated++
					}
				}
				if c.name != "json-v1" { // JSONV1 itself is the reference (json_test.go proves it)
					check("whole report",
						func(w io.Writer) error { return c.now(op.o, op.maxChars)(w, r) },
						func(w io.Writer) error { return c.want(op.o, op.maxChars)(w, r) })
				}
				// As check streams it: one part per file, in path order.
				check("streamed",
					func(w io.Writer) error { return c.stream(op.o, op.maxChars)(w, partsOf(ordered)) },
					func(w io.Writer) error { return c.want(op.o, op.maxChars)(w, ordered) })
			}
		}
	}
	if truncated < 10 {
		t.Errorf("only %d Markdown comparisons left sections out: the budget logic is barely compared", truncated)
	}
}

// A run that ends early (an interrupt, a writer's failure) makes the
// streaming digests return its error and write no ending.
func TestStreamingDigestsStopOnTailError(t *testing.T) {
	stop := errors.New("interrupted")
	for _, format := range []string{"markdown", "github", "html", "json-v1"} {
		sw, streams, err := NewStream(format, Options{})
		if err != nil || !streams {
			t.Fatalf("%s: streams %v, %v", format, streams, err)
		}
		s := partsOf(loadFixture(t))
		s.Tail = func() (Tail, error) {
			return Tail{}, stop
		}
		var out bytes.Buffer
		if err := sw(&out, s); !errors.Is(err, stop) {
			t.Errorf("%s: error %v, want the run's", format, err)
		}
		if strings.Contains(out.String(), "</html>") || strings.Contains(out.String(), "## ") || strings.Contains(out.String(), `"rules"`) {
			t.Errorf("%s: wrote its ending after the run failed: %.200s", format, out.String())
		}
	}
}

// The HTML page is written as it renders, its data copied in at the
// marker wherever the writes split it.
func TestMarkerWriterFindsSplitMarker(t *testing.T) {
	page := "<head>x</head><script>" + htmlDataMarker + "</script><" + htmlDataMarker
	for size := 1; size <= len(page); size++ {
		var out bytes.Buffer
		m := &markerWriter{w: &out, marker: []byte(htmlDataMarker), at: func() error { out.WriteString("DATA"); return nil }}
		for i := 0; i < len(page); i += size {
			if _, err := m.Write([]byte(page[i:min(i+size, len(page))])); err != nil {
				t.Fatal(err)
			}
		}
		if err := m.close(); err != nil {
			t.Fatal(err)
		}
		// Only the first marker is the data's place.
		if want := "<head>x</head><script>DATA</script><" + htmlDataMarker; out.String() != want || !m.found {
			t.Fatalf("writes of %d bytes: %q", size, out.String())
		}
	}
}

// A budget smaller than the closing note's room lists no section and
// does not fail.
func TestMarkdownTinyBudget(t *testing.T) {
	var got, want bytes.Buffer
	o := MarkdownOptions{MaxChars: 100}
	if err := Markdown(o)(&got, loadFixture(t)); err != nil {
		t.Fatal(err)
	}
	if err := markdownReference(o)(&want, loadFixture(t)); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() || strings.Contains(got.String(), "#### ") {
		t.Errorf("tiny budget:\n%s\n---\n%s", got.String(), want.String())
	}
}
