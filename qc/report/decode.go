package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// Decode reads a JSON report (schema v1), e.g. to re-render a saved report in
// another format. Unknown fields are an error, so a typo in a hand-written or
// newer report is not silently dropped.
func Decode(r io.Reader) (*Report, error) {
	var in reportIn
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("decode report: %w", err)
	}
	if in.SchemaVersion != SchemaVersion {
		return nil, fmt.Errorf("decode report: schema_version %d, this build reads %d", in.SchemaVersion, SchemaVersion)
	}
	out := in.Report
	out.Files = make([]File, len(in.Files))
	for i, f := range in.Files {
		out.Files[i] = f.File
		out.Files[i].FirstCue = f.FirstCue.tc()
		out.Files[i].LastCue = f.LastCue.tc()
	}
	out.Findings = make([]rule.Finding, len(in.Findings))
	for i, f := range in.Findings {
		out.Findings[i] = f.Finding
		out.Findings[i].Start = f.Start.tc()
		out.Findings[i].End = f.End.tc()
	}
	return &out, nil
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
