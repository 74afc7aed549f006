package ttml

import "strconv"

// length is one TTML length component: a number and its unit ("px", "%",
// "c", "em", "rw", "rh"; "" for a bare number).
type length struct {
	v    float64
	unit string
}

// lengthUnit returns the unit of a token that looks like a length (an
// optional sign, digits with an optional fraction, then letters or '%'),
// and ok false for anything else (keywords, colours, font names).
func lengthUnit(tok string) (unit string, ok bool) {
	i := 0
	if i < len(tok) && (tok[i] == '+' || tok[i] == '-') {
		i++
	}
	digits := 0
	for i < len(tok) && (tok[i] >= '0' && tok[i] <= '9' || tok[i] == '.') {
		if tok[i] != '.' {
			digits++
		}
		i++
	}
	if digits == 0 {
		return "", false
	}
	for j := i; j < len(tok); j++ {
		if c := tok[j]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '%') {
			return "", false
		}
	}
	return tok[i:], true
}

// parseLength reads one length token.
func parseLength(tok string) (length, bool) {
	unit, ok := lengthUnit(tok)
	if !ok {
		return length{}, false
	}
	v, err := strconv.ParseFloat(tok[:len(tok)-len(unit)], 64)
	if err != nil {
		return length{}, false
	}
	return length{v: v, unit: unit}, true
}

// parsePair reads a two-component value such as tts:origin or tts:extent.
// auto is true for the keyword "auto"; ok is false for anything that is
// not exactly two lengths.
func parsePair(s string) (x, y length, auto, ok bool) {
	a, rest := nextToken(s)
	if a == "auto" {
		b, _ := nextToken(rest)
		return length{}, length{}, true, b == ""
	}
	b, rest := nextToken(rest)
	if c, _ := nextToken(rest); c != "" {
		return length{}, length{}, false, false
	}
	x, ok1 := parseLength(a)
	y, ok2 := parseLength(b)
	return x, y, false, ok1 && ok2
}

// unitsIn calls f with the unit of every length token in an attribute
// value (a shadow list or padding may hold several). Commas separate
// shadows; they are treated as spaces.
func unitsIn(v string, f func(unit string)) {
	start := -1
	for i := 0; i <= len(v); i++ {
		sep := i == len(v) || isXMLSpace(v[i]) || v[i] == ','
		switch {
		case sep && start >= 0:
			if u, ok := lengthUnit(v[start:i]); ok {
				f(u)
			}
			start = -1
		case !sep && start < 0:
			start = i
		}
	}
}

// frac converts a length to a fraction of the root container along one
// axis; ok is false when that cannot be known exactly (em, c, a
// cross-axis rw/rh, px without a root extent in px).
func frac(l length, horizontal bool, rootW, rootH float64) (float64, bool) {
	switch l.unit {
	case "%":
		return l.v / 100, true
	case "rw":
		return l.v / 100, horizontal
	case "rh":
		return l.v / 100, !horizontal
	case "px":
		if horizontal && rootW > 0 {
			return l.v / rootW, true
		}
		if !horizontal && rootH > 0 {
			return l.v / rootH, true
		}
	}
	return 0, false
}

// rootPixels returns the root container's size from a tts:extent on <tt>
// written in pixels, or zeros.
func rootPixels(extent string) (w, h float64) {
	x, y, auto, ok := parsePair(extent)
	if !ok || auto || x.unit != "px" || y.unit != "px" || x.v <= 0 || y.v <= 0 {
		return 0, 0
	}
	return x.v, y.v
}
