package rule

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// Kind is the type of a rule parameter.
type Kind int

const (
	// KindDuration accepts "7s", "833ms", "5/6s" (exact fraction of a second)
	// and "2f" (frames, resolved against the file's frame rate).
	KindDuration Kind = iota
	KindInt
	KindFloat
	KindBool
	KindString
)

var kindNames = [...]string{"duration", "int", "float", "bool", "string"}

func (k Kind) String() string { return kindNames[k] }

// ParamSpec declares a parameter: packs must give values of this kind.
type ParamSpec struct {
	Name string
	Kind Kind
	Doc  string
}

// Value is a parsed parameter value.
type Value struct {
	Raw string // as written in the pack or flag
	// Exactly one of the following is meaningful, by Kind.
	Duration Duration
	Int      int64
	Float    float64
	Bool     bool
	String   string
}

// Duration is either a time or a number of frames.
type Duration struct {
	Time   cue.Time
	Frames int64
	// InFrames is true for "2f": the time depends on the file's frame rate.
	InFrames bool
}

// Resolve gives the duration in time for a file at frame rate fr.
func (d Duration) Resolve(fr cue.FrameRate) cue.Time {
	if d.InFrames {
		return fr.Frames(d.Frames)
	}
	return d.Time
}

func (d Duration) String() string {
	if d.InFrames {
		return strconv.FormatInt(d.Frames, 10) + "f"
	}
	return formatSeconds(d.Time)
}

func formatSeconds(t cue.Time) string {
	return strconv.FormatFloat(t.Seconds(), 'f', -1, 64) + "s"
}

// ParseValue parses raw as a value of kind k.
func ParseValue(k Kind, raw string) (Value, error) {
	s := strings.TrimSpace(raw)
	v := Value{Raw: s}
	var err error
	switch k {
	case KindDuration:
		v.Duration, err = ParseDuration(s)
	case KindInt:
		v.Int, err = strconv.ParseInt(s, 10, 64)
	case KindFloat:
		v.Float, err = strconv.ParseFloat(s, 64)
	case KindBool:
		v.Bool, err = strconv.ParseBool(s)
	case KindString:
		v.String = s
	}
	if err != nil {
		return Value{}, fmt.Errorf("%q is not a valid %s", raw, k)
	}
	return v, nil
}

// ParseDuration reads "2f", "7s", "0.5s", "833ms", "5/6s".
func ParseDuration(s string) (Duration, error) {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasSuffix(s, "ms"):
		n, err := strconv.ParseFloat(strings.TrimSuffix(s, "ms"), 64)
		if err != nil || n < 0 {
			return Duration{}, fmt.Errorf("bad duration %q", s)
		}
		return Duration{Time: cue.FromSeconds(n / 1000)}, nil
	case strings.HasSuffix(s, "f"):
		n, err := strconv.ParseInt(strings.TrimSuffix(s, "f"), 10, 64)
		if err != nil || n < 0 {
			return Duration{}, fmt.Errorf("bad frame count %q", s)
		}
		return Duration{Frames: n, InFrames: true}, nil
	case strings.HasSuffix(s, "s"):
		body := strings.TrimSuffix(s, "s")
		if i := strings.IndexByte(body, '/'); i > 0 {
			num, err1 := strconv.ParseInt(body[:i], 10, 64)
			den, err2 := strconv.ParseInt(body[i+1:], 10, 64)
			if err1 != nil || err2 != nil || num < 0 || den <= 0 {
				return Duration{}, fmt.Errorf("bad duration %q", s)
			}
			return Duration{Time: cue.FromRatio(num, den)}, nil
		}
		n, err := strconv.ParseFloat(body, 64)
		if err != nil || n < 0 {
			return Duration{}, fmt.Errorf("bad duration %q", s)
		}
		return Duration{Time: cue.FromSeconds(n)}, nil
	}
	return Duration{}, fmt.Errorf("duration %q needs a unit: f (frames), s or ms", s)
}
