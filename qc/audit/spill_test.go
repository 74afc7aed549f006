package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// spillFixture is an engine report over three deliveries (one with nothing
// found, one with a waiver), findings quoting markup, as the audit sees it.
func spillFixture() (*report.Report, []Planned, Waive) {
	rep := &report.Report{Deliveries: []report.Delivery{
		{Path: "/r/acme/river", Kind: "native", Title: "River", Territories: []string{"FR"}, Episodes: []report.DeliveryEpisode{{Number: 1}}},
		{Path: "/r/bravo/sea", Kind: "native", Title: "Sea"},
	}}
	for i := 0; i < 40; i++ {
		file := fmt.Sprintf("/r/acme/river/e%02d.fr.srt", i%4)
		rep.Files = append(rep.Files, report.File{Path: file, Delivery: "/r/acme/river", Kind: "subtitles", Episode: 1, Language: "fr", Cues: 3})
		rep.Findings = append(rep.Findings, rule.Finding{Rule: []string{"T005", "L001", "T002"}[i%3], Severity: rule.Severity(i % 3),
			File: file, Line: i + 1, Cue: i, Start: rule.TC(cue.Time(i) * cue.Second),
			Message: fmt.Sprintf("line %d has <i>italics</i> & \"quotes\" over the limit", i)})
	}
	rep.Findings = append(rep.Findings, rule.Finding{Rule: "D002", Severity: rule.Error, File: "/r/bravo/sea/manifest.yaml", Line: 3, Message: "missing"})
	sel := []Planned{{Member: "acme", Path: "acme/river"}, {Member: "bravo", Path: "bravo/empty"}, {Member: "bravo", Path: "bravo/sea"}}
	w := &onlyRule{code: "L001", waiver: &rule.Waiver{Reason: "agreed with the client"}}
	return rep, sel, w
}

// onlyRule waives every finding of one rule.
type onlyRule struct {
	code   string
	waiver *rule.Waiver
}

func (o *onlyRule) Apply(fs []rule.Finding) []*rule.Waiver {
	out := make([]*rule.Waiver, len(fs))
	for i := range fs {
		if fs[i].Rule == o.code {
			out[i] = o.waiver
		}
	}
	return out
}

func (o *onlyRule) Notes() []rule.Finding { return nil }

func assembleFixture(t *testing.T, spill *Spill) *Audit {
	t.Helper()
	rep, sel, w := spillFixture()
	c := NewCollector("/r", sel, rule.Error, testTerritories, w)
	if spill != nil {
		c.SpillTo(spill)
	}
	if err := c.Add(rep); err != nil {
		t.Fatal(err)
	}
	dels, notes, err := c.Finish(nil)
	if err != nil {
		t.Fatal(err)
	}
	return Assemble(Header{FailOn: rule.Error}, []Member{{Name: "acme"}, {Name: "bravo"}}, dels, notes)
}

// The JSON writer streams the deliveries one by one; its bytes are those
// of one encoding of the whole audit, and an audit whose findings were
// spilled to disk writes, records and summarises exactly as one that kept
// them in memory.
func TestJSONStreamsAsOneEncoding(t *testing.T) {
	mem := assembleFixture(t, nil)
	var whole bytes.Buffer
	enc := json.NewEncoder(&whole)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	ref := *mem
	ref.normalize()
	if err := enc.Encode(&ref); err != nil {
		t.Fatal(err)
	}
	var streamed bytes.Buffer
	if err := JSON(&streamed, mem); err != nil {
		t.Fatal(err)
	}
	if streamed.String() != whole.String() {
		t.Fatalf("streamed JSON differs from one encoding:\n%s\n---\n%s", streamed.String(), whole.String())
	}
	if !bytes.Contains(whole.Bytes(), []byte(`<i>italics</i> & \"quotes\"`)) || !bytes.Contains(whole.Bytes(), []byte(`agreed with the client`)) {
		t.Fatalf("fixture lacks what it is meant to exercise:\n%s", whole.String())
	}

	spill, err := NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	disk := assembleFixture(t, spill)
	for i := range disk.Deliveries {
		if len(disk.Deliveries[i].Findings) != 0 {
			t.Fatalf("delivery %s kept %d findings in memory", disk.Deliveries[i].Path, len(disk.Deliveries[i].Findings))
		}
	}
	var fromDisk bytes.Buffer
	if err := JSON(&fromDisk, disk); err != nil {
		t.Fatal(err)
	}
	if fromDisk.String() != whole.String() {
		t.Errorf("JSON of a spilled audit differs:\n%s\n---\n%s", fromDisk.String(), whole.String())
	}
	var h1, h2 bytes.Buffer
	if err := HTML(&h1, mem); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&h2, disk); err != nil {
		t.Fatal(err)
	}
	if h1.String() != h2.String() {
		t.Error("the dashboard of a spilled audit differs")
	}
}

// decodeBoth reads data with Decode and with DecodeSpilled: both must fail,
// or both succeed and write the same JSON.
func decodeBoth(t *testing.T, data []byte) (string, error) {
	t.Helper()
	mem, err1 := Decode(bytes.NewReader(data))
	spill, err := NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	disk, err2 := DecodeSpilled(bytes.NewReader(data), spill)
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("Decode: %v; DecodeSpilled: %v", err1, err2)
	}
	if err1 != nil {
		return "", err1
	}
	var a, b bytes.Buffer
	if err := JSON(&a, mem); err != nil {
		t.Fatal(err)
	}
	if err := JSON(&b, disk); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatalf("the spilled decoding writes other JSON:\n%s\n---\n%s", b.String(), a.String())
	}
	for i := range disk.Deliveries {
		if len(disk.Deliveries[i].Findings) != 0 {
			t.Fatalf("DecodeSpilled kept delivery %d's findings in memory", i)
		}
	}
	return a.String(), nil
}

// Merge reads shard reports with their findings spilled: the audit read
// back writes the very bytes it was read from, and the streaming reader is
// as strict as encoding/json's (unknown fields at any depth, trailing data,
// another schema version are errors).
func TestDecodeSpilled(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, assembleFixture(t, nil)); err != nil {
		t.Fatal(err)
	}
	src := buf.String()
	if got, err := decodeBoth(t, []byte(src)); err != nil || got != src {
		t.Fatalf("round trip: err %v, same bytes %v", err, got == src)
	}
	for name, bad := range map[string]string{
		"unknown top-level field": strings.Replace(src, `"plan"`, `"planned"`, 1),
		"unknown delivery field":  strings.Replace(src, `"member": "acme"`, `"member": "acme", "owner": "x"`, 1),
		"unknown finding field":   strings.Replace(src, `"fingerprint"`, `"fingerprints"`, 1),
		"deliveries not a list":   strings.Replace(src, `"deliveries": [`, `"deliveries": {"x": [`, 1),
		"trailing value":          src + "{}",
		"other schema version":    strings.Replace(src, `"schema_version": 1`, `"schema_version": 9`, 1),
		"truncated":               src[:len(src)/2],
	} {
		if _, err := decodeBoth(t, []byte(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// encoding/json matches keys ignoring case; so does the stream.
	if _, err := decodeBoth(t, []byte(strings.Replace(src, `"deliveries": [`, `"Deliveries": [`, 1))); err != nil {
		t.Errorf("a key in another case: %v", err)
	}
}

// FuzzDecodeSpilled holds the streaming reader to encoding/json's on any
// input (the seeds: a fixture audit and pieces of it).
func FuzzDecodeSpilled(f *testing.F) {
	f.Add([]byte(`{"schema_version": 1, "deliveries": null}`))
	f.Add([]byte(`{"schema_version": 1, "deliveries": [{"member": "a", "findings": [{"rule": "T005"}]}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeBoth(t, data)
	})
}
