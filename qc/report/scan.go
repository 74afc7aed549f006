package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/exportqc/exportqc/qc/internal/jsontok"
	"github.com/exportqc/exportqc/qc/rule"
)

// ScanFindings reads a JSON report, schema version 2 or 1, with Decode's
// strictness, but hands each finding to visit as it is read instead of
// keeping them all: a baseline of 120,000 findings is then never in memory
// at once. visit(nil) announces the start of a findings list; a report
// with the key twice replaces the first list with the second, as Decode
// does, so a caller counting findings starts again there.
//
// The findings carry their rule, file, times, message and waiver, but v2's
// name and source are not resolved: those tables may come after the
// findings (the writer puts them there). The source references are still
// checked against the table at the end, so a report Decode refuses is
// refused here too.
func ScanFindings(r io.Reader, visit func(*rule.Finding)) error {
	s := &scanState{visit: visit}
	if err := s.read(r); err != nil {
		return fmt.Errorf("decode report: %w", err)
	}
	return s.finish() // in Decode's words
}

// scanState is what the scan keeps besides the findings it hands on: the
// other keys, raw and in order, decoded strictly at the end.
type scanState struct {
	version  int // the schema_version seen so far (0: none yet)
	streamed int // the version the findings were read as (0: none)
	rest     bytes.Buffer
	refs     refCheck
	visit    func(*rule.Finding)
	pending  []json.RawMessage // findings lists read before their schema version
}

func (s *scanState) read(r io.Reader) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := jsontok.Expect(dec, '{'); err != nil {
		return err
	}
	s.rest.WriteByte('{')
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if err := s.value(dec, key); err != nil {
			return err
		}
	}
	if err := jsontok.Expect(dec, '}'); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("more than one JSON value")
	}
	s.rest.WriteByte('}')
	return nil
}

// value reads the value of one top-level key. Keys match as encoding/json
// matches them: exactly, else ignoring case.
func (s *scanState) value(dec *json.Decoder, key string) error {
	if strings.EqualFold(key, "findings") && (s.version == 1 || s.version == SchemaVersion) {
		s.refs, s.streamed, s.pending = refCheck{}, s.version, nil
		return s.list(dec, s.version)
	}
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	if strings.EqualFold(key, "findings") {
		// No usable schema_version yet: keep this list raw until the end.
		s.pending = append(s.pending[:0], raw)
		return nil
	}
	if strings.EqualFold(key, "schema_version") {
		var v int
		if json.Unmarshal(raw, &v) == nil {
			s.version = v
		}
	}
	if s.rest.Len() > 1 {
		s.rest.WriteByte(',')
	}
	k, _ := json.Marshal(key)
	s.rest.Write(k)
	s.rest.WriteByte(':')
	s.rest.Write(raw)
	return nil
}

// list reads one findings list element by element.
func (s *scanState) list(dec *json.Decoder, version int) error {
	s.visit(nil)
	tok, err := dec.Token()
	if err != nil || tok == nil {
		return err
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("json: findings is %v, not a list", tok)
	}
	for i := 0; dec.More(); i++ {
		var g rule.Finding
		if version == 1 {
			var f findingIn
			if err := dec.Decode(&f); err != nil {
				return err
			}
			g = f.finding()
		} else {
			var f findingV2In
			if err := dec.Decode(&f); err != nil {
				return err
			}
			g = f.finding()
			if f.SourceRef != nil {
				s.refs.note(i, *f.SourceRef)
			}
		}
		s.visit(&g)
	}
	return jsontok.Expect(dec, ']')
}

// finish decodes everything but the findings as Decode would (schema
// version, unknown fields), then checks the source references against the
// sources table, and reads a findings list kept raw.
func (s *scanState) finish() error {
	if _, err := Decode(bytes.NewReader(s.rest.Bytes())); err != nil {
		return err
	}
	var tables struct {
		SchemaVersion int      `json:"schema_version"`
		Sources       []string `json:"sources"`
	}
	_ = json.Unmarshal(s.rest.Bytes(), &tables) // Decode has read it already
	if s.streamed != 0 && s.streamed != tables.SchemaVersion {
		return fmt.Errorf("decode report: findings read as schema_version %d, the report says %d", s.streamed, tables.SchemaVersion)
	}
	for _, raw := range s.pending {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		s.refs = refCheck{}
		if err := s.list(dec, tables.SchemaVersion); err != nil {
			return fmt.Errorf("decode report: %w", err)
		}
	}
	if tables.SchemaVersion != SchemaVersion {
		return nil
	}
	if err := s.refs.check(len(tables.Sources)); err != nil {
		return fmt.Errorf("decode report: %w", err)
	}
	return nil
}

// refCheck finds the first finding whose source reference is outside the
// sources table without keeping every reference: the table's length is
// known only at the end, and the first reference too large for it is
// always one larger than every reference before it, so the references
// that raised the running maximum are enough.
type refCheck struct {
	negative *indexedRef // the first negative reference
	highs    []indexedRef
}

type indexedRef struct{ finding, ref int }

func (c *refCheck) note(i, ref int) {
	if ref < 0 {
		if c.negative == nil {
			c.negative = &indexedRef{i, ref}
		}
		return
	}
	if n := len(c.highs); n == 0 || ref > c.highs[n-1].ref {
		c.highs = append(c.highs, indexedRef{i, ref})
	}
}

// check reports the first bad reference, in the words of decodeV2.
func (c *refCheck) check(entries int) error {
	bad := indexedRef{finding: -1}
	for _, h := range c.highs {
		if h.ref >= entries {
			bad = h
			break
		}
	}
	if c.negative != nil && (bad.finding < 0 || c.negative.finding < bad.finding) {
		bad = *c.negative
	}
	if bad.finding < 0 {
		return nil
	}
	return fmt.Errorf("finding %d: source %d is not in the sources table (%d entries)", bad.finding+1, bad.ref, entries)
}
