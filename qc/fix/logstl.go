package fix

import (
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/format/stl"
)

// stlTextChange is the logged before and after of an edit inside a TTI
// block's text field. The field keeps its 112 bytes, so an insertion or a
// deletion moves every later byte and the edit's span runs to the padding;
// the log shows only the characters that changed, as the other formats'
// logs do. ok is false when the edit is not inside one text field.
func stlTextChange(f *fileState, start, end int64, repl []byte) (before, after string, ok bool) {
	if start < gsiSize {
		return "", "", false
	}
	block := gsiSize + (start-gsiSize)/ttiSize*ttiSize
	from, to := block+tfStart, block+ttiSize
	if start < from || end > to || to > int64(len(f.current)) {
		return "", "", false
	}
	field := f.current[from:to]
	changed := append(append(append([]byte{}, field[:start-from]...), repl...), field[end-from:]...)
	cct, _ := stl.CodeTable(f.current)
	before, after = trimCommon(stl.Printable(field, cct), stl.Printable(changed, cct))
	return before, after, true
}

// trimCommon drops the characters a and b start and end with alike. A
// character is kept whole with its combining marks, and a control code
// shown as "<8Ah>" is one character.
func trimCommon(a, b string) (string, string) {
	ua, ub := units(a), units(b)
	p := 0
	for p < len(ua) && p < len(ub) && ua[p] == ub[p] {
		p++
	}
	s := 0
	for s < len(ua)-p && s < len(ub)-p && ua[len(ua)-1-s] == ub[len(ub)-1-s] {
		s++
	}
	return join(ua[p : len(ua)-s]), join(ub[p : len(ub)-s])
}

func units(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		n := controlShown(s[i:])
		if n == 0 {
			_, n = utf8.DecodeRuneInString(s[i:])
			for i+n < len(s) {
				r, m := utf8.DecodeRuneInString(s[i+n:])
				if !unicode.Is(unicode.Mn, r) {
					break
				}
				n += m
			}
		}
		out = append(out, s[i:i+n])
		i += n
	}
	return out
}

// controlShown is the length of a control code as Printable shows it
// ("<8Ah>") at the start of s, or 0.
func controlShown(s string) int {
	if len(s) < 5 || s[0] != '<' || s[3] != 'h' || s[4] != '>' {
		return 0
	}
	for _, c := range s[1:3] {
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'F') {
			return 0
		}
	}
	return 5
}

func join(u []string) string {
	n := 0
	for _, s := range u {
		n += len(s)
	}
	b := make([]byte, 0, n)
	for _, s := range u {
		b = append(b, s...)
	}
	return string(b)
}
