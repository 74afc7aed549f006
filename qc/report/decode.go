package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// Decode reads a JSON report, schema version 2 or 1 (reports saved before
// version 2 stay usable as baselines and for re-rendering), e.g. to
// re-render a saved report in another format. The result is the same
// Report either way: v2's rule names and sources are resolved from its
// tables. Unknown fields are an error, so a typo in a hand-written or newer
// report is not silently dropped.
func Decode(r io.Reader) (*Report, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decode report: %w", err)
	}
	var probe struct {
		SchemaVersion int `json:"schema_version"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("decode report: %w", err)
	}
	switch probe.SchemaVersion {
	case 1:
		return decodeV1(data)
	case SchemaVersion:
		return decodeV2(data)
	}
	return nil, fmt.Errorf("decode report: schema_version %d, this build reads 1 and %d", probe.SchemaVersion, SchemaVersion)
}

func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decode report: %w", err)
	}
	return nil
}

func decodeV1(data []byte) (*Report, error) {
	var in reportIn
	if err := strictDecode(data, &in); err != nil {
		return nil, err
	}
	out := in.Report
	out.SchemaVersion = SchemaVersion // what it now is in memory
	out.Files = filesIn(in.Files)
	out.Findings = make([]rule.Finding, len(in.Findings))
	for i, f := range in.Findings {
		out.Findings[i] = f.finding()
	}
	return &out, nil
}

func decodeV2(data []byte) (*Report, error) {
	var in reportV2In
	if err := strictDecode(data, &in); err != nil {
		return nil, err
	}
	out := in.Report
	out.Files = filesIn(in.Files)
	named := make(map[string]string, len(in.Rules))
	for i := range in.Rules {
		named[in.Rules[i].Code] = in.Rules[i].Name
	}
	out.Findings = make([]rule.Finding, len(in.Findings))
	for i, f := range in.Findings {
		g := f.finding()
		if g.Name == "" {
			g.Name = named[g.Rule]
		}
		if f.SourceRef != nil {
			k := *f.SourceRef
			if k < 0 || k >= len(in.Sources) {
				return nil, fmt.Errorf("decode report: finding %d: source %d is not in the sources table (%d entries)", i+1, k, len(in.Sources))
			}
			g.Source = in.Sources[k]
		}
		out.Findings[i] = g
	}
	return &out, nil
}

func filesIn(in []fileIn) []File {
	out := make([]File, len(in))
	for i, f := range in {
		out[i] = f.File
		out[i].FirstCue = f.FirstCue.tc()
		out[i].LastCue = f.LastCue.tc()
	}
	return out
}

func (f *findingIn) finding() rule.Finding {
	g := f.Finding
	g.Start = f.Start.tc()
	g.End = f.End.tc()
	return g
}

// rule.Timecode only marshals; these shadow types give it a way back in. The
// outer fields win over the embedded ones of the same JSON name, so every
// other field decodes through the real structs and cannot drift.
type (
	reportIn struct {
		Report
		Files    []fileIn    `json:"files"`
		Findings []findingIn `json:"findings"`
	}
	fileIn struct {
		File
		FirstCue *timecodeIn `json:"first_cue,omitempty"`
		LastCue  *timecodeIn `json:"last_cue,omitempty"`
	}
	// reportV2In is schema version 2: a sources table, and findings whose
	// source is an index into it.
	reportV2In struct {
		Report
		Files    []fileIn      `json:"files"`
		Sources  []string      `json:"sources,omitempty"`
		Findings []findingV2In `json:"findings"`
	}
	findingV2In struct {
		findingIn
		SourceRef *int `json:"source,omitempty"`
	}
	findingIn struct {
		rule.Finding
		Start *timecodeIn `json:"start,omitempty"`
		End   *timecodeIn `json:"end,omitempty"`
	}
	timecodeIn cue.Time
)

func (t *timecodeIn) UnmarshalText(b []byte) error {
	v, err := ParseTimecode(string(b))
	if err != nil {
		return err
	}
	*t = timecodeIn(v)
	return nil
}

func (t *timecodeIn) tc() *rule.Timecode {
	if t == nil {
		return nil
	}
	return rule.TC(cue.Time(*t))
}

// ParseTimecode reads the report timecode "HH:MM:SS.mmm" (hours may have more
// than two digits, a leading minus is allowed): the inverse of
// cue.Time.String at millisecond precision.
func ParseTimecode(s string) (cue.Time, error) {
	bad := func() (cue.Time, error) { return 0, fmt.Errorf("timecode %q: want HH:MM:SS.mmm", s) }
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	hms, frac, ok := strings.Cut(body, ".")
	if !ok || len(frac) != 3 {
		return bad()
	}
	parts := strings.Split(hms, ":")
	if len(parts) != 3 || len(parts[0]) < 2 || len(parts[1]) != 2 || len(parts[2]) != 2 {
		return bad()
	}
	var n [4]int64
	for i, p := range append(parts, frac) {
		for _, c := range p {
			if c < '0' || c > '9' {
				return bad()
			}
		}
		v, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return bad()
		}
		n[i] = v
	}
	if n[1] > 59 || n[2] > 59 || n[0] > 1_000_000 {
		return bad()
	}
	ms := ((n[0]*60+n[1])*60+n[2])*1000 + n[3]
	if neg {
		ms = -ms
	}
	return cue.Time(ms) * cue.Millisecond, nil
}
