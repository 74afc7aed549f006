package report

import (
	"bufio"
	"io"
	"strconv"

	"github.com/exportqc/exportqc/qc/rule"
)

// JSONOptions tunes the JSON report.
type JSONOptions struct {
	// Indent lays the report out with two-space indentation, for people;
	// by default it is compact, for programs (a third of the size).
	Indent bool
}

// JSON writes the report in schema version 2, compact: the machine
// contract, described by rules/schema/report.v2.schema.json.
func JSON(w io.Writer, r *Report) error { return writeJSON(w, r, JSONOptions{}) }

// JSONWith returns the schema version 2 writer with options.
func JSONWith(o JSONOptions) Writer {
	return func(w io.Writer, r *Report) error { return writeJSON(w, r, o) }
}

// Schema version 2 is version 1 made smaller by design, and laid out so
// that it can be written while the run goes on. A finding no longer
// repeats what the report says once elsewhere:
//   - its rule's name is in the rules table (a finding of a rule missing
//     from the table, or named otherwise there, keeps its "name");
//   - its source (the guideline and clause behind the threshold, ~150
//     characters, the same for every finding of a rule in most runs) is an
//     index into the report's "sources" table of distinct sources.
//
// Order of the keys: schema_version, tool and rules (known before the
// first file), then findings (written file by file as the engine finishes
// them, in report order), then the trailer: files, deliveries, sources
// and summary, which only the whole run knows. A reader that streams the
// findings resolves their source indexes once it reaches the trailer.
// Empty lists are [] and the output is deterministic, as in v1.
func writeJSON(w io.Writer, r *Report, o JSONOptions) error {
	j := newJSONV2(w, o)
	j.head(r.Tool, r.Rules)
	findings := inReportOrder(r.Findings)
	for i := range findings {
		j.finding(&findings[i])
	}
	return j.trailer(r.Files, Tail{Summary: r.Summary, Deliveries: r.Deliveries})
}

// writeJSONStream is writeJSON for a report that arrives file by file:
// findings are written as their file arrives, and only the file records
// (a few hundred bytes each) and the distinct sources are kept for the
// trailer.
func writeJSONStream(w io.Writer, s *Stream, o JSONOptions) error {
	j := newJSONV2(w, o)
	j.head(s.Tool, s.Rules)
	var files []File
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		if p.File != nil {
			files = append(files, *p.File)
		}
		for i := range p.Findings {
			j.finding(&p.Findings[i])
		}
		if j.e.err != nil {
			return j.e.err
		}
	}
	t, err := s.Tail()
	if err != nil {
		return err
	}
	return j.trailer(files, t)
}

// jsonV2 writes one schema version 2 report, part by part.
type jsonV2 struct {
	bw          *bufio.Writer
	e           jsonEnc
	named       map[string]string // rule code -> name in the rules table
	frags       findingFrags
	sources     []string // distinct sources, in order of first use
	sourceIndex map[string]int
	findings    int // written so far

	nl, nl1, nl2, colon, fieldIndent string
}

func newJSONV2(w io.Writer, o JSONOptions) *jsonV2 {
	bw := bufio.NewWriterSize(w, 64<<10)
	j := &jsonV2{bw: bw, e: jsonEnc{w: bw, buf: make([]byte, 0, 16<<10), compact: !o.Indent},
		sourceIndex: map[string]int{},
		nl:          "\n", nl1: "\n  ", nl2: "\n    ", colon: ": ", fieldIndent: "      "}
	if j.e.compact {
		j.nl, j.nl1, j.nl2, j.colon, j.fieldIndent = "", "", "", ":", ""
	}
	j.frags = newFindingFrags(keysFor(j.fieldIndent))
	return j
}

func (j *jsonV2) key(first bool, k string) {
	if !first {
		j.e.raw(",")
	}
	j.e.raw(j.nl1)
	j.e.raw(`"` + k + `"` + j.colon)
}

// list writes n elements of a top-level array, one by one.
func (j *jsonV2) list(n int, elem func(i int)) {
	if n == 0 {
		j.e.raw("[]")
		return
	}
	j.e.raw("[")
	for i := range n {
		if i > 0 {
			j.e.raw(",")
		}
		elem(i)
		j.e.flushIfFull()
	}
	j.e.raw(j.nl1 + "]")
}

// head writes what comes before the findings and opens their list.
func (j *jsonV2) head(tool Tool, rules []RuleInfo) {
	j.named = make(map[string]string, len(rules))
	for i := range rules {
		j.named[rules[i].Code] = rules[i].Name
	}
	e := &j.e
	e.raw("{")
	j.key(true, "schema_version")
	e.buf = strconv.AppendInt(e.buf, SchemaVersion, 10)
	j.key(false, "tool")
	e.value(tool, "  ")
	if len(rules) > 0 {
		j.key(false, "rules")
		e.rulesTable(rules)
	}
	j.key(false, "findings")
	e.raw("[")
}

// finding writes the next finding of the list.
func (j *jsonV2) finding(f *rule.Finding) {
	e := &j.e
	if j.findings > 0 {
		e.raw(",")
	}
	j.findings++
	j.findingFields(f)
	if f.Waived != nil {
		e.raw(",")
		if !e.compact {
			e.raw("\n      ")
		}
		e.raw(`"waived"` + j.colon)
		e.value(f.Waived, "      ")
	}
	if len(f.Fixes) > 0 {
		e.raw(",")
		if !e.compact {
			e.raw("\n      ")
		}
		e.raw(`"fixes"` + j.colon)
		e.value(f.Fixes, "      ")
	}
	if f.More != 0 {
		e.raw(",")
		if !e.compact {
			e.raw("\n      ")
		}
		e.raw(`"more"` + j.colon)
		e.buf = strconv.AppendInt(e.buf, int64(f.More), 10)
	}
	if e.compact {
		e.raw("}")
	} else {
		e.raw("\n    }")
	}
	e.flushIfFull()
}

// sourceOf returns s's index in the sources table, adding it if new.
func (j *jsonV2) sourceOf(s string) int {
	k, ok := j.sourceIndex[s]
	if !ok {
		k = len(j.sources)
		j.sourceIndex[s] = k
		j.sources = append(j.sources, s)
	}
	return k
}

// trailer closes the findings and writes what only the whole run knows.
func (j *jsonV2) trailer(files []File, t Tail) error {
	e := &j.e
	if j.findings == 0 {
		e.raw("]")
	} else {
		e.raw(j.nl1 + "]")
	}
	j.key(false, "files")
	j.list(len(files), func(i int) { e.raw(j.nl2); e.value(&files[i], "    ") })
	if len(t.Deliveries) > 0 {
		j.key(false, "deliveries")
		e.value(t.Deliveries, "  ")
	}
	if len(j.sources) > 0 {
		j.key(false, "sources")
		j.list(len(j.sources), func(i int) { e.raw(j.nl2); e.buf = appendJSONString(e.buf, j.sources[i]) })
	}
	j.key(false, "summary")
	e.value(t.Summary, "  ")
	e.raw(j.nl + "}\n")
	e.flush()
	if e.err != nil {
		return e.err
	}
	return j.bw.Flush()
}
