package report

import (
	"bufio"
	"io"
	"strconv"
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

// Schema version 2 is version 1 made smaller by design. A finding no longer
// repeats what the report says once elsewhere:
//   - its rule's name is in the rules table (a finding of a rule missing
//     from the table, or named otherwise there, keeps its "name");
//   - its source (the guideline and clause behind the threshold, ~150
//     characters, the same for every finding of a rule in most runs) is an
//     index into the report's "sources" table of distinct sources.
//
// The rules and sources tables come before the findings, so a reader that
// streams the findings can resolve them as it goes. Findings stay in report
// order, empty lists are [] and the output is deterministic, as in v1.
func writeJSON(w io.Writer, r *Report, o JSONOptions) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	e := jsonEnc{w: bw, buf: make([]byte, 0, 16<<10), compact: !o.Indent}
	findings := inReportOrder(r.Findings)

	named := make(map[string]string, len(r.Rules))
	for i := range r.Rules {
		named[r.Rules[i].Code] = r.Rules[i].Name
	}
	var sources []string
	sourceIndex := map[string]int{}
	for i := range findings {
		if s := findings[i].Source; s != "" {
			if _, ok := sourceIndex[s]; !ok {
				sourceIndex[s] = len(sources)
				sources = append(sources, s)
			}
		}
	}

	nl, nl1, nl2, colon := "\n", "\n  ", "\n    ", ": "
	if e.compact {
		nl, nl1, nl2, colon = "", "", "", ":"
	}
	key := func(first bool, k string) {
		if !first {
			e.raw(",")
		}
		e.raw(nl1)
		e.raw(`"` + k + `"` + colon)
	}
	// list writes n elements of a top-level array, one by one.
	list := func(n int, elem func(i int)) {
		if n == 0 {
			e.raw("[]")
			return
		}
		e.raw("[")
		for i := range n {
			if i > 0 {
				e.raw(",")
			}
			elem(i)
			e.flushIfFull()
		}
		e.raw(nl1 + "]")
	}

	e.raw("{")
	key(true, "schema_version")
	e.buf = strconv.AppendInt(e.buf, SchemaVersion, 10)
	key(false, "tool")
	e.value(r.Tool, "  ")
	key(false, "summary")
	e.value(r.Summary, "  ")
	key(false, "files")
	list(len(r.Files), func(i int) { e.raw(nl2); e.value(&r.Files[i], "    ") })
	if len(r.Deliveries) > 0 {
		key(false, "deliveries")
		e.value(r.Deliveries, "  ")
	}
	if len(r.Rules) > 0 {
		key(false, "rules")
		e.value(r.Rules, "  ")
	}
	if len(sources) > 0 {
		key(false, "sources")
		list(len(sources), func(i int) { e.raw(nl2); e.buf = appendJSONString(e.buf, sources[i]) })
	}
	key(false, "findings")
	fieldIndent := "      "
	if e.compact {
		fieldIndent = ""
	}
	list(len(findings), func(i int) {
		f := &findings[i]
		source := -1
		if f.Source != "" {
			source = sourceIndex[f.Source]
		}
		name, ok := named[f.Rule]
		e.findingFields(f, fieldIndent, !ok || name != f.Name, source)
		if f.Waived != nil {
			e.raw(",")
			if !e.compact {
				e.raw("\n      ")
			}
			e.raw(`"waived"` + colon)
			e.value(f.Waived, "      ")
		}
		if len(f.Fixes) > 0 {
			e.raw(",")
			if !e.compact {
				e.raw("\n      ")
			}
			e.raw(`"fixes"` + colon)
			e.value(f.Fixes, "      ")
		}
		if e.compact {
			e.raw("}")
		} else {
			e.raw("\n    }")
		}
	})
	e.raw(nl + "}\n")
	e.flush()
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}
