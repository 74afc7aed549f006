package ttml

import (
	"strconv"
	"strings"
)

// The value checks of tts:color, tts:backgroundColor and tts:extent: the
// attributes whose values decide whether a subtitle can be seen at all.
// Other style values are not judged (the reader extracts timing and text).

// checkStyleValue notes a tts:* value that TTML1 §8.3 does not allow.
func (r *reader) checkStyleValue(local, v string, pos at) {
	v = trimXMLSpace(v)
	var why string
	switch local {
	case "color", "backgroundColor":
		if !validColor(v) {
			why = "is not a TTML colour (#rrggbb, #rrggbbaa, rgb(), rgba() or one of the 16 named colours and transparent)"
		}
	case "extent":
		why = extentProblem(v)
	}
	if why != "" {
		r.f.badValues.add("tts:"+local, pos, "tts:"+local+"=\""+v+"\" "+why)
	}
}

// namedColors are TTML1 §8.3.2's <namedColor> values.
var namedColors = map[string]bool{
	"transparent": true, "black": true, "silver": true, "gray": true, "white": true, "maroon": true,
	"red": true, "purple": true, "fuchsia": true, "magenta": true, "green": true, "lime": true,
	"olive": true, "yellow": true, "navy": true, "blue": true, "teal": true, "aqua": true, "cyan": true,
}

// validColor reports a TTML <color>: "#" and 6 or 8 hex digits, rgb(r,g,b)
// or rgba(r,g,b,a) with components 0-255, or a named colour.
func validColor(v string) bool {
	switch {
	case strings.HasPrefix(v, "#"):
		h := v[1:]
		if len(h) != 6 && len(h) != 8 {
			return false
		}
		for i := 0; i < len(h); i++ {
			if !isHex(h[i]) {
				return false
			}
		}
		return true
	case strings.HasPrefix(v, "rgba(") && strings.HasSuffix(v, ")"):
		return components(v[5:len(v)-1], 4)
	case strings.HasPrefix(v, "rgb(") && strings.HasSuffix(v, ")"):
		return components(v[4:len(v)-1], 3)
	}
	return namedColors[v]
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// components checks n comma-separated integers 0-255 (spaces allowed
// around them, as TTML's <lwsp> permits).
func components(s string, n int) bool {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return false
	}
	for _, p := range parts {
		v, err := strconv.Atoi(trimXMLSpace(p))
		if err != nil || v < 0 || v > 255 || strings.ContainsAny(trimXMLSpace(p), "+-") {
			return false
		}
	}
	return true
}

// extentProblem says what is wrong with a tts:extent value, or "": "auto",
// TTML2's "contain" and "cover", or two non-negative lengths.
func extentProblem(v string) string {
	switch v {
	case "auto", "contain", "cover":
		return ""
	}
	w, h, _, ok := parsePair(v)
	switch {
	case !ok:
		return "is not two lengths (width height) or auto"
	case w.v < 0 || h.v < 0:
		return "has a negative width or height (TTML1 §8.2.7: lengths of an extent are non-negative)"
	}
	return ""
}

// declaredEncoding returns the encoding named in the XML declaration at
// the start of src, or "".
func declaredEncoding(src string) (enc string, off int) {
	if !strings.HasPrefix(src, "<?xml") {
		return "", 0
	}
	end := strings.Index(src, "?>")
	if end < 0 {
		return "", 0
	}
	decl := src[:end]
	i := strings.Index(decl, "encoding")
	if i < 0 {
		return "", 0
	}
	rest := strings.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if !strings.HasPrefix(rest, "=") {
		return "", 0
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return "", 0
	}
	q := strings.IndexByte(rest[1:], rest[0])
	if q < 0 {
		return "", 0
	}
	return rest[1 : 1+q], i
}

// checkDeclaredEncoding reports an XML declaration naming an encoding
// other than UTF-8. UTF-16 is left to the encoding layer, which reports
// the bytes themselves (E001); the text reached us decoded either way.
func (r *reader) checkDeclaredEncoding() {
	enc, off := declaredEncoding(r.src)
	switch strings.ToLower(enc) {
	case "", "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be":
		return
	}
	// The declaration, when there is one, starts the document: line 1.
	r.diagCode(CodeEncodingDeclared, at{line: 1, off: r.base + int64(off)}, "the XML declaration says encoding=\""+enc+
		"\"; IMSC and platform ingest require UTF-8 (declare encoding=\"UTF-8\" and save the file as UTF-8)")
}
