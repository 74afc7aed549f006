package markup

import "strings"

// WebVTTTextProblems reports the places where a WebVTT cue text loses text
// to a stray '<'. WebVTT has no literal '<': every one starts a tag that
// runs to the next '>' (or to the end of the cue), so "a < b" displays "a "
// and "x <3 y" displays "x ". Players do the same, so the words are really
// missing on screen; the fix is to write &lt;. A '<' that starts a real
// tag (a letter, '/', or a timestamp digit, closed by '>') is fine.
func WebVTTTextProblems(raw string) []Problem {
	var probs []Problem
	// Only '<' matters: it is searched for, many bytes at a time, and the
	// line it is on counted only for a problem (a payload's tags are
	// nearly always fine).
	for i := 0; ; {
		k := strings.IndexByte(raw[i:], '<')
		if k < 0 {
			return probs
		}
		i += k
		end, stray := strayLessThan(raw, i)
		if stray {
			probs = append(probs, Problem{1 + strings.Count(raw[:i], "\n"), lostTextMessage(raw[i:end])})
		}
		i = end
	}
}

// strayLessThan says whether the '<' at raw[i] is stray (starts no real
// tag: none closed by '>' that begins with a letter, '/' or a timestamp
// digit) and where what WebVTT reads as its tag ends.
func strayLessThan(raw string, i int) (end int, stray bool) {
	_, name, end := webvttTag(raw, i)
	closed := end <= len(raw) && raw[end-1] == '>'
	next := byte(0)
	if i+1 < len(raw) {
		next = raw[i+1]
	}
	lead := isAlpha(next) || next == '/' || isDigit(next)
	return end, !(closed && (lead || name != ""))
}

// lostTextMessage is the problem of a stray '<' whose would-be tag, lost,
// is not displayed.
func lostTextMessage(lost string) string {
	if len(lost) > 40 {
		lost = lost[:40] + "…"
	}
	return "\"<\" is not escaped: WebVTT reads it as a tag, so " + quote(lost) + " is not displayed; write &lt;"
}

func quote(s string) string {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			b = append(b, '\\', 'n')
			continue
		}
		b = append(b, s[i])
	}
	return string(append(b, '"'))
}
