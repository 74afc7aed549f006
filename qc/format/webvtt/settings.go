package webvtt

import (
	"strconv"
	"strings"
)

// Settings is what a cue's settings say, per the spec's "parse the WebVTT
// cue settings", with the spec's defaults for what they leave out.
type Settings struct {
	Vertical      string  // "" (horizontal), "rl" or "lr"
	LineAuto      bool    // no line setting: the renderer places the cue
	Line          float64 // line number, or percentage when !SnapToLines
	SnapToLines   bool
	LineAlign     string // "start", "center" or "end"
	PositionAuto  bool
	Position      float64 // percentage
	PositionAlign string  // "auto", "line-left", "center" or "line-right"
	Size          float64 // percentage
	Align         string  // "start", "center", "end", "left" or "right"
	// Region is the id given by a region setting, unless a later vertical,
	// line or size setting took the cue out of its region. Whether a region
	// of that id exists is for the caller to check.
	Region string
}

// DefaultSettings are the settings of a cue that has none.
func DefaultSettings() Settings {
	return Settings{LineAuto: true, SnapToLines: true, LineAlign: "start", PositionAuto: true, PositionAlign: "auto",
		Size: 100, Align: "center"}
}

// ParseSettings reads a cue settings string (Cue.Settings). Each setting
// the spec ignores (unknown name, missing ':', bad value) is returned as a
// problem; the others apply in order, as in the spec. A legacy spelling
// (see Legacy) is ignored as the spec says and returned as a problem too.
func ParseSettings(s string) (Settings, []string) {
	st, probs, legacy := parseSettings(s)
	for _, l := range legacy {
		probs = append(probs, "cue setting "+strconv.Quote(l.Written)+" is ignored: "+l.Kind.describe())
	}
	return st, probs
}

// LegacyKind is a spelling from the 2012-2015 WebVTT drafts that the
// current recommendation renamed or dropped. Authoring tools of that time
// (Netflix's among them) still write them; players that follow the current
// spec ignore the setting, which only moves the cue if the old value
// meant something other than the default.
type LegacyKind int

const (
	LegacyAlignMiddle    LegacyKind = iota // align:middle
	LegacyPositionMiddle                   // position:X%,middle
	LegacyPositionStart                    // position:X%,start
	LegacyPositionEnd                      // position:X%,end
	LegacyLineMiddle                       // line:X,middle
	LegacyRegionHeader                     // a "Region:" line in the header
	numLegacyKinds
)

var legacyKinds = [numLegacyKinds]struct{ old, modern string }{
	LegacyAlignMiddle:    {"align:middle", "align:center"},
	LegacyPositionMiddle: {"position:…,middle", "position:…,center"},
	LegacyPositionStart:  {"position:…,start", "position:…,line-left"},
	LegacyPositionEnd:    {"position:…,end", "position:…,line-right"},
	LegacyLineMiddle:     {"line:…,middle", "line:…,center"},
	LegacyRegionHeader:   {"a \"Region:\" header line", "a REGION block"},
}

// Old is the legacy spelling, with … for the part that varies.
func (k LegacyKind) Old() string { return legacyKinds[k].old }

// Modern is what current WebVTT calls it.
func (k LegacyKind) Modern() string { return legacyKinds[k].modern }

func (k LegacyKind) describe() string {
	return k.Old() + " is a legacy spelling that current WebVTT dropped; write " + k.Modern()
}

// Legacy is one legacy setting as written in a cue.
type Legacy struct {
	Kind    LegacyKind
	Written string
}

func parseSettings(s string) (Settings, []string, []Legacy) {
	st := DefaultSettings()
	var probs []string
	var legacy []Legacy
	bad := func(tok, why string) { probs = append(probs, "cue setting "+strconv.Quote(tok)+" is ignored: "+why) }
	for rest := s; ; {
		var tok string
		if tok, rest = nextToken(rest); tok == "" {
			break
		}
		c := strings.IndexByte(tok, ':')
		if c <= 0 || c == len(tok)-1 {
			bad(tok, "a setting is name:value")
			continue
		}
		name, value := tok[:c], tok[c+1:]
		switch name {
		case "region":
			st.Region = value
		case "vertical":
			switch value {
			case "rl", "lr":
				st.Vertical = value
				if st.Region != "" {
					probs = append(probs, "vertical:"+value+" takes the cue out of region "+strconv.Quote(st.Region))
				}
				st.Region = ""
			default:
				bad(tok, "vertical is rl or lr")
			}
		case "line":
			pos, align, hasAlign := strings.Cut(value, ",")
			num, pct, ok := lineNumber(pos)
			if !ok {
				bad(tok, "line is a number or a percentage, optionally followed by ,start ,center or ,end")
				continue
			}
			if hasAlign && align == "middle" {
				legacy = append(legacy, Legacy{LegacyLineMiddle, tok})
				continue
			}
			if hasAlign && align != "start" && align != "center" && align != "end" {
				bad(tok, "line alignment is start, center or end")
				continue
			}
			if hasAlign {
				st.LineAlign = align
			}
			st.Line, st.LineAuto, st.SnapToLines = num, false, !pct
			if st.Region != "" {
				probs = append(probs, "line:"+value+" takes the cue out of region "+strconv.Quote(st.Region))
			}
			st.Region = ""
		case "position":
			pos, align, hasAlign := strings.Cut(value, ",")
			num, ok := percentage(pos)
			if !ok {
				bad(tok, "position is a percentage from 0% to 100%, optionally followed by ,line-left ,center or ,line-right")
				continue
			}
			if old, ok := legacyPositionAlign[align]; hasAlign && ok {
				legacy = append(legacy, Legacy{old, tok})
				continue
			}
			if hasAlign && align != "line-left" && align != "center" && align != "line-right" {
				bad(tok, "position alignment is line-left, center or line-right")
				continue
			}
			if hasAlign {
				st.PositionAlign = align
			}
			st.Position, st.PositionAuto = num, false
		case "size":
			num, ok := percentage(value)
			if !ok {
				bad(tok, "size is a percentage from 0% to 100%")
				continue
			}
			st.Size = num
			if num != 100 {
				if st.Region != "" {
					probs = append(probs, "size:"+value+" takes the cue out of region "+strconv.Quote(st.Region))
				}
				st.Region = ""
			}
		case "align":
			switch value {
			case "start", "center", "end", "left", "right":
				st.Align = value
			case "middle":
				legacy = append(legacy, Legacy{LegacyAlignMiddle, tok})
			default:
				bad(tok, "align is start, center, end, left or right")
			}
		default:
			bad(tok, "unknown setting "+strconv.Quote(name))
		}
	}
	return st, probs, legacy
}

// legacyPositionAlign maps the position alignments of the drafts, which
// named them like text alignment, to their kind.
var legacyPositionAlign = map[string]LegacyKind{
	"start": LegacyPositionStart, "middle": LegacyPositionMiddle, "end": LegacyPositionEnd,
}

// lineNumber reads the position part of a line setting: a percentage, or
// a number of lines made of digits with at most one leading '-' and at most
// one '.' between digits.
func lineNumber(s string) (v float64, pct bool, ok bool) {
	if !hasDigit(s) {
		return 0, false, false
	}
	if strings.HasSuffix(s, "%") {
		v, ok = percentage(s)
		return v, true, ok
	}
	dot := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isDigit(c):
		case c == '-' && i == 0:
		case c == '.' && dot < 0 && i > 0 && i < len(s)-1 && isDigit(s[i-1]) && isDigit(s[i+1]):
			dot = i
		default:
			return 0, false, false
		}
	}
	if dot < 0 {
		if v, ok := smallInteger(strings.TrimPrefix(s, "-")); ok {
			if s[0] == '-' {
				v = -v
			}
			return v + 0, false, true // -0 is 0
		}
	}
	// HTML's floating-point rules: a value beyond the double range is an
	// error (the setting is ignored), and -0 is 0.
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false, false
	}
	return v + 0, false, true
}

// percentage reads a WebVTT percentage: digits, optionally '.' and digits,
// then '%', from 0 to 100.
func percentage(s string) (float64, bool) {
	if len(s) < 2 || s[len(s)-1] != '%' {
		return 0, false
	}
	num := s[:len(s)-1]
	i := 0
	for i < len(num) && isDigit(num[i]) {
		i++
	}
	if i == 0 {
		return 0, false
	}
	if i < len(num) {
		if num[i] != '.' || i+1 == len(num) {
			return 0, false
		}
		for i++; i < len(num); i++ {
			if !isDigit(num[i]) {
				return 0, false
			}
		}
	}
	if v, ok := smallInteger(num); ok {
		if v > 100 {
			return 0, false
		}
		return v, true
	}
	v, err := strconv.ParseFloat(num, 64)
	if (err != nil && !isRangeErr(err)) || v < 0 || v > 100 {
		return 0, false
	}
	return v, true
}

// smallInteger reads s, one to fifteen ASCII digits, as the float64
// strconv.ParseFloat would read (exactly: such an integer is below 2^53),
// without its cost; ok is false for anything else. Nearly every setting
// value ("line:85%", "line:-2") is one.
func smallInteger(s string) (v float64, ok bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	n := int64(0)
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int64(s[i]-'0')
	}
	return float64(n), true
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// nextToken returns the first token of s split on ASCII whitespace (the
// spec's "split on spaces") and what follows it; tok is "" at the end.
func nextToken(s string) (tok, rest string) {
	for s != "" && isWS(s[0]) {
		s = s[1:]
	}
	i := 0
	for i < len(s) && !isWS(s[i]) {
		i++
	}
	return s[:i], s[i:]
}
