package report

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"

	"github.com/exportqc/exportqc/qc/rule"
)

// referenceJSON is the report as encoding/json writes it (indented, HTML
// escaping off): the form the hand-written JSON writer must reproduce
// byte for byte.
func referenceJSON(t testing.TB, r *Report) []byte {
	t.Helper()
	out := *r
	out.SchemaVersion = 1
	if out.Files == nil {
		out.Files = []File{}
	}
	out.Findings = sortedFindings(r.Findings)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&out); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func assertSameAsReference(t *testing.T, name string, r *Report) {
	t.Helper()
	var got bytes.Buffer
	if err := JSONV1(&got, r); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	want := referenceJSON(t, r)
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("%s: streaming JSON differs from encoding/json: %s", name, firstDiff(got.Bytes(), want))
	}
}

func TestJSONSameBytesAsEncodingJSONOnGolden(t *testing.T) {
	assertSameAsReference(t, "golden fixture", loadFixture(t))
	assertSameAsReference(t, "empty report", &Report{})
	assertSameAsReference(t, "bench report", bigReport())
	assertSameAsReference(t, "dense bench report", denseReport())
}

// Random reports with hostile strings: every escape encoding/json knows
// (quotes, backslashes, control characters, invalid UTF-8, U+2028/2029,
// HTML characters), unsorted findings, waivers, missing timecodes.
func TestJSONSameBytesAsEncodingJSONOnRandomReports(t *testing.T) {
	for seed := range uint64(200) {
		assertSameAsReference(t, "seed "+itoa(int(seed)), hostileReport(seed))
	}
}

// hostileReport is a report with hostile strings, made from seed.
func hostileReport(seed uint64) *Report {
	pieces := []string{"a", "é", "字", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f",
		"\xff", "\xe2\x80", "\u2028", "\u2029", "<i>", "&amp;", ">", " ", "🎬", "\ufffd"}
	str := func(rng *rand.Rand) string {
		var sb strings.Builder
		for range rng.IntN(8) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return sb.String()
	}
	{
		rng := rand.New(rand.NewPCG(seed, 7))
		r := &Report{SchemaVersion: SchemaVersion, Tool: Tool{Name: "exportqc", Version: str(rng)},
			Summary: Summary{Files: rng.IntN(5), FailOn: "error", Waived: rng.IntN(2)}}
		for range rng.IntN(4) {
			r.Files = append(r.Files, File{Path: str(rng), Format: "srt", Encoding: "UTF-8", Cues: rng.IntN(9), BOM: rng.IntN(2) == 0})
		}
		if rng.IntN(3) == 0 {
			r.Deliveries = []Delivery{{Path: str(rng), Kind: "native", Title: str(rng), Episodes: []DeliveryEpisode{{Number: 1}}}}
		}
		if rng.IntN(2) == 0 {
			r.Rules = []RuleInfo{{Code: "T001", Name: str(rng), Doc: str(rng), Severity: rule.Warning}}
		}
		for range rng.IntN(30) {
			f := rule.Finding{Rule: []string{"T001", "E000", "L001"}[rng.IntN(3)], Name: str(rng),
				Severity: rule.Severity(rng.IntN(3)), File: []string{"a.srt", "b.srt", str(rng)}[rng.IntN(3)],
				Line: rng.IntN(3) * rng.IntN(1000), Cue: rng.IntN(3) * rng.IntN(100) * (1 - 2*rng.IntN(2)),
				Message: str(rng), Expected: str(rng), Actual: str(rng), Source: str(rng)}
			if len(r.Rules) > 0 && f.Rule == r.Rules[0].Code && rng.IntN(2) == 0 {
				f.Name = r.Rules[0].Name // named by the rules table
			}
			switch rng.IntN(3) { // a cue id that is its number, or any text
			case 0:
				f.CueID = itoa(f.Cue)
			case 1:
				f.CueID = str(rng)
			}
			if rng.IntN(2) == 0 {
				f.Start, f.End = tc(rng.Int64N(1e7)), tc(rng.Int64N(1e7))
			}
			if rng.IntN(8) == 0 {
				f.Waived = &rule.Waiver{Reason: str(rng), Source: "w.yaml:1", Expires: str(rng)}
			}
			r.Findings = append(r.Findings, f)
		}
		return r
	}
}

// A finding's strings may sit in a buffer the run overwrites once the
// finding is written: the writer must not take a later string with the
// same address for the one it wrote before.
func TestJSONReusedStringBuffer(t *testing.T) {
	values := []string{"start ≥ 00:00:12.040", "start ≥ 00:00:11.440", "start ≥ 00:00:11.440", "\"quoted\"", "\"quoted\"", "x",
		`a"`, `a\"`} // the last: the JSON of the one before, unquoted
	var got, want bytes.Buffer
	reused, fresh := newJSONV2(&got, JSONOptions{}), newJSONV2(&want, JSONOptions{})
	reused.head(Tool{}, nil)
	fresh.head(Tool{}, nil)
	buf := make([]byte, 64)
	for _, v := range values {
		n := copy(buf, v)
		f := rule.Finding{Rule: "T003", Name: "n", File: "a.srt", Message: "m", Expected: unsafe.String(&buf[0], n)}
		reused.finding(&f)
		f.Expected = v
		fresh.finding(&f)
	}
	if err := reused.trailer(nil, Tail{}); err != nil {
		t.Fatal(err)
	}
	if err := fresh.trailer(nil, Tail{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("reused buffer: %s", firstDiff(got.Bytes(), want.Bytes()))
	}
	var doc struct{ Findings []struct{ Expected string } }
	if err := json.Unmarshal(got.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for i, f := range doc.Findings {
		if f.Expected != values[i] {
			t.Fatalf("finding %d: expected %q, want %q", i, f.Expected, values[i])
		}
	}
}
