package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/exportqc/exportqc/qc/internal/jsontok"
)

// JSON writes the audit as indented JSON with a trailing newline. Empty
// lists are written as [] (never null) so consumers need no special cases;
// the bytes depend only on the audit's content.
//
// The deliveries, which hold the findings, are written one at a time (their
// findings read back from the spill file when the audit spilled them), so
// the report never needs every finding in memory at once; the bytes are
// those one encoding of the whole audit gives (TestJSONStreamsAsOneEncoding).
func JSON(w io.Writer, a *Audit) error {
	out := *a
	out.normalize()
	deliveries := out.Deliveries
	out.Deliveries = []Delivery{}
	head, err := indented(&out, "")
	if err != nil {
		return err
	}
	// The top-level key is the only one indented by exactly two spaces and
	// followed by a list: members' and totals' "deliveries" are counts,
	// deeper in.
	const key = "\n  \"deliveries\": "
	at := bytes.Index(head, []byte(key+"[]"))
	if at < 0 {
		return fmt.Errorf("audit JSON: no deliveries list in the encoding") // cannot happen: Audit has one
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head[:at+len(key)])
	if len(deliveries) == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteString("[\n")
		for i := range deliveries {
			d := deliveries[i]
			fs, err := d.FindingList()
			if err != nil {
				return err
			}
			// The delivery is encoded without its findings, which are
			// its last key, and they are written in place of the [].
			d.Findings = []Finding{}
			b, err := indented(&d, "    ")
			if err != nil {
				return err
			}
			const empty = "\"findings\": []\n    }"
			if !bytes.HasSuffix(b, []byte(empty)) {
				return fmt.Errorf("audit JSON: findings are not the delivery's last key") // cannot happen: see Delivery
			}
			bw.WriteString("    ")
			bw.Write(b[:len(b)-len(empty)+len("\"findings\": ")])
			if err := writeFindings(bw, fs); err != nil {
				return err
			}
			bw.WriteString("\n    }")
			if i < len(deliveries)-1 {
				bw.WriteByte(',')
			}
			bw.WriteByte('\n')
		}
		bw.WriteString("  ]")
	}
	bw.Write(head[at+len(key)+len("[]"):])
	bw.WriteByte('\n')
	return bw.Flush()
}

// indented encodes v as the audit's JSON does (two-space indent, '<' and
// '&' kept readable: messages quote subtitle text), its lines after the
// first starting with prefix, without the trailing newline.
func indented(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// normalize replaces nil lists and maps by empty ones, so a decoded audit
// and a computed one marshal to the same bytes.
func (a *Audit) normalize() {
	if a.SchemaVersion == 0 {
		a.SchemaVersion = SchemaVersion
	}
	a.Members = nonNil(a.Members)
	a.Deliveries = nonNil(a.Deliveries)
	a.Notes = nonNil(a.Notes)
	a.Rules = nonNil(a.Rules)
	for i := range a.Members {
		m := &a.Members[i]
		m.Territories = nonNil(m.Territories)
		m.TopRules = nonNil(m.TopRules)
		m.Languages = nonNil(m.Languages)
		if m.Families == nil {
			m.Families = map[string]int{}
		}
		for j := range m.Territories {
			m.Territories[j].normalize()
		}
	}
	t := &a.Totals
	t.Territories = nonNil(t.Territories)
	t.Languages = nonNil(t.Languages)
	t.TopRules = nonNil(t.TopRules)
	t.Ranking = nonNil(t.Ranking)
	if t.Families == nil {
		t.Families = map[string]int{}
	}
	for j := range t.Territories {
		t.Territories[j].Coverage.normalize()
	}
	for i := range a.Deliveries {
		d := &a.Deliveries[i]
		d.Territories = nonNil(d.Territories)
		d.Episodes = nonNil(d.Episodes)
		d.Coverage = nonNil(d.Coverage)
		d.Findings = nonNil(d.Findings)
		for j := range d.Episodes {
			d.Episodes[j].Tracks = nonNil(d.Episodes[j].Tracks)
		}
		for j := range d.Coverage {
			d.Coverage[j].normalize()
		}
	}
}

func (c *Coverage) normalize() {
	c.Required = nonNil(c.Required)
	c.Delivered = nonNil(c.Delivered)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Decode reads an audit JSON (this schema version only). Unknown fields are
// an error: merge must not silently drop what a newer shard wrote.
func Decode(r io.Reader) (*Audit, error) { return DecodeSpilled(r, nil) }

// DecodeSpilled is Decode sending each delivery's findings to spill as the
// delivery is read (nil: kept in memory), so merging shard reports holds
// their counts, not their findings. Same strictness as Decode: unknown
// fields anywhere are errors.
func DecodeSpilled(r io.Reader, spill *Spill) (*Audit, error) {
	var a Audit
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var err error
	if spill == nil {
		err = dec.Decode(&a)
	} else {
		err = decodeStreaming(dec, &a, spill)
	}
	if err != nil {
		return nil, fmt.Errorf("decode audit: %w", err)
	}
	if a.SchemaVersion != SchemaVersion {
		return nil, fmt.Errorf("decode audit: schema_version %d, this build reads %d", a.SchemaVersion, SchemaVersion)
	}
	if dec.More() {
		return nil, fmt.Errorf("decode audit: more than one JSON value")
	}
	return &a, nil
}

// decodeStreaming reads the audit object key by key, its deliveries one at
// a time, each one's findings spilled before the next is read. Keys match
// fields as encoding/json matches them (exactly, else ignoring case).
func decodeStreaming(dec *json.Decoder, a *Audit, spill *Spill) error {
	if err := jsontok.Expect(dec, '{'); err != nil {
		return err
	}
	fields := map[string]reflect.Value{}
	v := reflect.ValueOf(a).Elem()
	for i := 0; i < v.NumField(); i++ {
		if name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			fields[name] = v.Field(i)
		}
	}
	// field finds the field a key names, and its own name.
	field := func(key string) (string, reflect.Value, bool) {
		if f, ok := fields[key]; ok {
			return key, f, true
		}
		for name, f := range fields {
			if strings.EqualFold(name, key) {
				return name, f, true
			}
		}
		return "", reflect.Value{}, false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		name, f, ok := field(key)
		switch {
		case !ok:
			return fmt.Errorf("json: unknown field %q", key)
		case name == "deliveries":
			err = decodeDeliveries(dec, a, spill)
		default:
			err = dec.Decode(f.Addr().Interface())
		}
		if err != nil {
			return err
		}
	}
	return jsontok.Expect(dec, '}')
}

// decodeDeliveries reads the deliveries list (or null), spilling as it goes.
func decodeDeliveries(dec *json.Decoder, a *Audit, spill *Spill) error {
	a.Deliveries = a.Deliveries[:0]
	tok, err := dec.Token()
	if err != nil || tok == nil {
		return err
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("json: deliveries is %v, not a list", tok)
	}
	for dec.More() {
		var d Delivery
		if err := dec.Decode(&d); err != nil {
			return err
		}
		if err := d.spillFindings(spill); err != nil {
			return err
		}
		a.Deliveries = append(a.Deliveries, d)
	}
	return jsontok.Expect(dec, ']')
}
