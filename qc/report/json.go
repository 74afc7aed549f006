package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// JSONV1 writes the report in schema version 1, indented JSON with a
// trailing newline, described by rules/schema/report.v1.schema.json: the
// form before version 2 (JSON), kept for consumers that have not moved yet
// (--report json-v1=PATH).
// Findings come out in report order and empty lists as [] (never null), so
// consumers need no special cases.
//
// The output is byte for byte what encoding/json gives for the Report with
// two-space indentation and HTML escaping off (json_test.go proves it), but
// the findings — nearly all of a real report — are encoded one by one by
// hand into a buffered writer: encoding/json would marshal the whole
// document into memory and then indent it into a second copy, several times
// the report's size in garbage.
func JSONV1(w io.Writer, r *Report) error {
	findings := inReportOrder(r.Findings)
	return writeJSONV1(w, r.Tool, r.Rules, Tail{Summary: r.Summary, Deliveries: r.Deliveries},
		len(r.Files), func(e *jsonEnc) error {
			for i := range r.Files {
				e.fileV1(i, &r.Files[i])
			}
			return e.err
		},
		len(findings), func(e *jsonEnc) error {
			for i := range findings {
				e.findingV1(i, &findings[i])
			}
			return e.err
		})
}

// writeJSONV1 writes the v1 document around its two lists: files and
// findings write their elements (fileV1, findingV1) into e.
func writeJSONV1(w io.Writer, tool Tool, rules []RuleInfo, t Tail, files int, writeFiles func(*jsonEnc) error,
	findings int, writeFindings func(*jsonEnc) error) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	e := jsonEnc{w: bw, buf: make([]byte, 0, 16<<10)}
	e.raw("{\n  \"schema_version\": 1")
	e.raw(",\n  \"tool\": ")
	e.value(tool, "  ")
	e.raw(",\n  \"summary\": ")
	e.value(t.Summary, "  ")
	e.raw(",\n  \"files\": ")
	list := func(n int, elems func(*jsonEnc) error) error {
		if n == 0 {
			e.raw("[]")
			return nil
		}
		e.raw("[")
		if err := elems(&e); err != nil {
			return err
		}
		e.raw("\n  ]")
		return nil
	}
	if err := list(files, writeFiles); err != nil {
		return err
	}
	if len(t.Deliveries) > 0 {
		e.raw(",\n  \"deliveries\": ")
		e.value(t.Deliveries, "  ")
	}
	e.raw(",\n  \"findings\": ")
	if err := list(findings, writeFindings); err != nil {
		return err
	}
	if len(rules) > 0 {
		e.raw(",\n  \"rules\": ")
		e.value(rules, "  ")
	}
	e.raw("\n}\n")
	e.flush()
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

// fileV1 appends the i-th file record of the v1 "files" list.
func (e *jsonEnc) fileV1(i int, f *File) {
	if i > 0 {
		e.raw(",")
	}
	e.raw("\n    ")
	e.value(f, "    ")
	e.flushIfFull()
}

// findingV1 appends the i-th finding of the v1 "findings" list.
func (e *jsonEnc) findingV1(i int, f *rule.Finding) {
	if i > 0 {
		e.raw(",")
	}
	e.finding(f)
	e.flushIfFull()
}

// inReportOrder returns the findings in report order: as they are when the
// engine has sorted them (the usual case, checked in one pass), else a
// sorted copy, so a writer never depends on its caller for determinism.
func inReportOrder(in []rule.Finding) []rule.Finding {
	for i := 1; i < len(in); i++ {
		if rule.Less(&in[i], &in[i-1]) {
			return sortedFindings(in)
		}
	}
	return in
}

// jsonEnc appends JSON to a buffer and hands it to the writer in chunks.
type jsonEnc struct {
	w       io.Writer
	buf     []byte
	err     error
	compact bool // no indentation (schema v2 without --indent)
}

func (e *jsonEnc) raw(s string) { e.buf = append(e.buf, s...) }

func (e *jsonEnc) flushIfFull() {
	if len(e.buf) >= 12<<10 {
		e.flush()
	}
}

func (e *jsonEnc) flush() {
	if e.err == nil && len(e.buf) > 0 {
		_, e.err = e.w.Write(e.buf)
	}
	e.buf = e.buf[:0]
}

// value appends a small, rare part of the report (tool, summary, a file
// record, deliveries, rules) through encoding/json, indented as it would be
// at this depth, so those parts keep exactly encoding/json's form.
func (e *jsonEnc) value(v any, prefix string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if !e.compact {
		enc.SetIndent(prefix, "  ")
	}
	if err := enc.Encode(v); err != nil && e.err == nil {
		e.err = err
	}
	e.buf = append(e.buf, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...)
}

// finding appends one finding at depth 2 (inside "findings": [...]) in
// the v1 form: its rule's name and its threshold's source in full.
func (e *jsonEnc) finding(f *rule.Finding) {
	e.findingFields(f)
	if f.Waived != nil {
		e.raw(",\n      \"waived\": ")
		e.value(f.Waived, "      ")
	}
	if len(f.Fixes) > 0 {
		e.raw(",\n      \"fixes\": ")
		e.value(f.Fixes, "      ")
	}
	if f.More != 0 {
		e.raw(",\n      \"more\": ")
		e.buf = strconv.AppendInt(e.buf, int64(f.More), 10)
	}
	e.raw("\n    }")
}

// findingFields appends "{" and a v1 finding's fields up to and including
// its source, indented at depth 2: its rule's name and its source in full.
func (e *jsonEnc) findingFields(f *rule.Finding) {
	k := indentedKeys
	b := append(e.buf, k.open...)
	b = appendJSONString(b, f.Rule)
	b = append(b, k.name...)
	b = appendJSONString(b, f.Name)
	b = append(b, k.severity...)
	b = appendJSONString(b, f.Severity.String())
	b = append(b, k.file...)
	b = appendJSONString(b, f.File)
	e.buf = appendFindingRest(b, f, k, -1, nil)
}

// appendFindingRest appends a finding's fields after its file: line
// through source; source >= 0 writes the source as that index into the
// report's sources table (v2), else as the string (v1). A non-nil
// expected holds the JSON of the last expected value written (v2).
func appendFindingRest(b []byte, f *rule.Finding, k *findingKeys, source int, expected *memoJSON) []byte {
	if f.Line != 0 {
		b = appendDecimal(append(b, k.line...), f.Line)
	}
	cue := len(b) // where the cue number's digits start, if it has one
	if f.Cue != 0 {
		b = appendDecimal(append(b, k.cue...), f.Cue)
		cue += len(k.cue)
	}
	if f.CueID != "" {
		b = append(b, k.cueID...)
		// A cue's id is most often its number (SubRip's always is): the
		// digits just written, which need no escape, are copied.
		if digits := b[cue : len(b)-len(k.cueID)]; string(digits) == f.CueID {
			b = append(append(append(b, '"'), digits...), '"')
		} else {
			b = appendJSONString(b, f.CueID)
		}
	}
	b = appendTimes(b, f, k)
	b = appendJSONString(append(b, k.message...), f.Message)
	if f.Expected != "" {
		b = append(b, k.expected...)
		if expected != nil {
			b = expected.append(b, f.Expected)
		} else {
			b = appendJSONString(b, f.Expected)
		}
	}
	if f.Actual != "" {
		b = appendJSONString(append(b, k.actual...), f.Actual)
	}
	if f.Source != "" {
		b = append(b, k.source...)
		if source >= 0 {
			b = appendDecimal(b, source)
		} else {
			b = appendJSONString(b, f.Source)
		}
	}
	return b
}

// appendTimes appends a finding's start and end fields, those it has.
func appendTimes(b []byte, f *rule.Finding, k *findingKeys) []byte {
	if f.Start != nil && f.End != nil {
		if out, ok := k.span.appendSpan(b, f.Start, f.End); ok {
			return out
		}
	}
	if f.Start != nil {
		b = append(append(b, k.start...), '"')
		b = append(cue.Time(*f.Start).AppendTimecode(b), '"')
	}
	if f.End != nil {
		b = append(append(b, k.end...), '"')
		b = append(cue.Time(*f.End).AppendTimecode(b), '"')
	}
	return b
}

// findingKeys holds what comes before each field of a finding in one
// layout (the comma, the indentation and the quoted key), built once
// rather than put together for every field of every finding.
type findingKeys struct {
	open string // before the rule code: the finding's "{" and "rule" key
	name, severity, file, line, cue, cueID, start, end,
	message, expected, actual, source string
	span spanTemplate // start and end together
}

// The two layouts every writer uses: compact and indented at depth 2.
var compactKeys, indentedKeys = newFindingKeys(""), newFindingKeys("      ")

// keysFor is the layout for a finding's field indent: "" (compact) or
// depth 2, the only two the writers use.
func keysFor(ind string) *findingKeys {
	if ind == "" {
		return compactKeys
	}
	return indentedKeys
}

func newFindingKeys(ind string) *findingKeys {
	key := func(k string) string { return ",\"" + k + "\":" }
	open := "{\"rule\":"
	if ind != "" {
		key = func(k string) string { return ",\n" + ind + "\"" + k + "\": " }
		open = "\n    {\n" + ind + "\"rule\": "
	}
	k := &findingKeys{open: open, name: key("name"), severity: key("severity"), file: key("file"),
		line: key("line"), cue: key("cue"), cueID: key("cue_id"), start: key("start"), end: key("end"),
		message: key("message"), expected: key("expected"), actual: key("actual"), source: key("source")}
	k.span = newSpanTemplate(k)
	return k
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string exactly as encoding/json does
// with HTML escaping off: quotes, backslashes and control characters
// escaped, invalid UTF-8 replaced by U+FFFD, and U+2028/U+2029 escaped (they
// end lines in JavaScript).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Most text needs no escaping: pass over it eight bytes at a time.
		for i+8 <= len(s) && plainJSON8(word8(s[i:i+8])) {
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		if n := plainMultibyte(s, i); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainMultibyte returns the length of the UTF-8 sequence at s[i] when it
// is one of the common ones that are valid by their shape alone and need
// no escape: two bytes (lead C2-DF), or three with a lead other than E0
// and ED (whose second byte has a narrower range) and not U+2028/U+2029
// (E2 80 A8/A9); 0 for anything else, which DecodeRuneInString then reads.
// Text in Cyrillic, Greek, Arabic, Hangul, kana or Han is made of these.
func plainMultibyte(s string, i int) int {
	c := s[i]
	switch {
	case c >= 0xC2 && c <= 0xDF:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return 2
		}
	case c >= 0xE1 && c <= 0xEF && c != 0xED:
		if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			(c != 0xE2 || s[i+1] != 0x80 || s[i+2]&^1 != 0xA8) {
			return 3
		}
	}
	return 0
}

// Eight bytes at once: each constant repeats a byte value in every byte.
const (
	ones8  = 0x0101010101010101
	high8  = 0x8080808080808080
	space8 = 0x2020202020202020 // control bytes are below 0x20
	quote8 = 0x2222222222222222
	slash8 = 0x5c5c5c5c5c5c5c5c // backslash
)

// plainJSON8 reports whether the eight bytes of x (word8) are ASCII with
// no byte JSON escapes: no control byte, quote or backslash. A byte below
// n shows as a high bit in (x - n*ones8) &^ x; an equal byte as a zero
// byte after XOR. The test can fail a clean block only next to a byte
// that needs a look (a borrow runs up from a true hit), never pass a block
// that holds one; such a block goes through the byte loop. It and word8
// are small enough to be inlined into the loop that skips plain text.
func plainJSON8(x uint64) bool {
	q, bs := x^quote8, x^slash8
	hits := x | (x-space8)&^x | (q-ones8)&^q | (bs-ones8)&^bs
	return hits&high8 == 0
}

// word8 is the first eight bytes of s as one little-endian number: with
// the length checked once up front, the compiler makes it a single load.
func word8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
