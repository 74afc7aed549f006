package markup

import (
	"html"
	"strings"
)

// entity decodes the character reference at s[i] (s[i] == '&'). It returns
// the decoded text and the index just past what it consumed, or ok=false
// when s[i:] is not a reference (the '&' is then literal text).
//
// The HTML named-reference table (the one WebVTT uses) comes from the
// standard library: html.UnescapeString implements HTML's "consume a
// character reference", including legacy names without ';' ("&amp",
// "&not" in "&notit;") and numeric references with their replacements.
// strict (SRT) accepts only references closed by ';' that decode as a
// whole, so that "AT&T", "R&D" or "this&nothing" stay as written.
// maxEntity bounds the name scanned after '&': the longest HTML reference
// name has 32 characters.
const maxEntity = 40

func entity(s string, i int, strict bool) (text string, next int, ok bool) {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			j++
			for j < len(s) && isHex(s[j]) {
				j++
			}
		} else {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
		}
	} else {
		for j < len(s) && isAlnum(s[j]) {
			j++
		}
	}
	if j-i > maxEntity {
		// No reference is this long; HTML would still decode a legacy
		// prefix ("&notaaaa..." -> "¬aaa..."), which the cut keeps.
		j = i + maxEntity
	}
	semi := j < len(s) && s[j] == ';'
	if semi {
		j++
	}
	if j-i < 2 || (strict && !semi) {
		return "", 0, false
	}
	cand := s[i:j]
	if out := common(cand); out != "" {
		return out, j, true
	}
	out := html.UnescapeString(cand)
	if out == cand {
		return "", 0, false
	}
	if strict && strings.IndexByte(out, ';') >= 0 && cand != "&semi;" {
		// Only a prefix decoded ("&notit;" -> "¬it;"): not a whole reference.
		return "", 0, false
	}
	return out, j, true
}

// common answers the references that occur in real subtitle files without
// allocating.
func common(cand string) string {
	switch cand {
	case "&amp;":
		return "&"
	case "&lt;":
		return "<"
	case "&gt;":
		return ">"
	case "&nbsp;":
		return "\u00a0"
	case "&lrm;":
		return "\u200e"
	case "&rlm;":
		return "\u200f"
	case "&quot;":
		return "\""
	case "&apos;", "&#39;":
		return "'"
	}
	return ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F') }
func isAlpha(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }
func isAlnum(c byte) bool { return isDigit(c) || isAlpha(c) }

// Entity decodes the character reference at s[i] (s[i] == '&') as the
// readers do: strict for SRT, HTML's rules for WebVTT. It returns the
// decoded text and the index just past the reference, or ok=false when
// s[i:] is not one (the '&' is then literal text). Text fixes use it to
// map a line's visible characters back to the references they came from.
func Entity(s string, i int, strict bool) (text string, next int, ok bool) {
	return entity(s, i, strict)
}
