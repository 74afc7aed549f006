package ttml

import (
	"unicode"
	"unicode/utf8"
)

// Exact namespace URIs of the vocabularies the attribute checks know. The
// reader itself is more forgiving (undeclared prefixes, 2006 drafts); these
// checks only judge attributes whose namespace is unambiguous.
const (
	nsStyling   = "http://www.w3.org/ns/ttml#styling"
	nsParameter = "http://www.w3.org/ns/ttml#parameter"
	nsMetadata  = "http://www.w3.org/ns/ttml#metadata"
	nsSMPTE     = "http://www.smpte-ra.org/schemas/2052-1/2010/smpte-tt"
	nsIMSCParam = "http://www.w3.org/ns/ttml/profile/imsc1#parameter"
	nsEBUStyle  = "urn:ebu:tt:style"
)

// knownUnqualified reports whether an attribute without a namespace is one
// TTML defines on content, layout and styling elements (TTML1 §6-§8 and
// TTML2's animate and condition). xmlns declarations are not attributes.
func knownUnqualified(local string) bool {
	switch local {
	case "begin", "end", "dur", "timeContainer", "region", "style", "animate", "condition", "xmlns":
		return true
	}
	return false
}

// knownStyling reports whether tts:local is a TTML1 or TTML2 style
// attribute (TTML2 §10.2, plus TTML1's tts:dynamicFlow).
func knownStyling(local string) bool {
	switch local {
	case "backgroundClip", "backgroundColor", "backgroundExtent", "backgroundImage", "backgroundOrigin",
		"backgroundPosition", "backgroundRepeat", "border", "bpd", "color", "direction", "disparity",
		"display", "displayAlign", "dynamicFlow", "extent", "fontFamily", "fontKerning",
		"fontSelectionStrategy", "fontShear", "fontSize", "fontStyle", "fontVariant", "fontWeight", "ipd",
		"letterSpacing", "lineHeight", "lineShear", "luminanceGain", "opacity", "origin", "overflow",
		"padding", "position", "ruby", "rubyAlign", "rubyPosition", "rubyReserve", "shear",
		"showBackground", "textAlign", "textCombine", "textDecoration", "textEmphasis", "textOrientation",
		"textOutline", "textShadow", "unicodeBidi", "visibility", "wrapOption", "writingMode", "zIndex":
		return true
	}
	return false
}

// knownParameter reports whether ttp:local is a TTML1 or TTML2 parameter
// attribute (TTML2 §7.2 and §6.2 profile attributes).
func knownParameter(local string) bool {
	switch local {
	case "cellResolution", "clockMode", "contentProfileCombination", "contentProfiles",
		"displayAspectRatio", "dropMode", "frameRate", "frameRateMultiplier", "inferProcessorProfileMethod",
		"inferProcessorProfileSource", "markerMode", "permitFeatureNarrowing", "permitFeatureWidening",
		"pixelAspectRatio", "processorProfileCombination", "processorProfiles", "profile", "subFrameRate",
		"tickRate", "timeBase", "validation", "validationAction":
		return true
	}
	return false
}

// knownMetadata reports whether ttm:local is a TTML metadata attribute.
func knownMetadata(local string) bool { return local == "agent" || local == "role" }

// imsc11ProhibitedStyle reports whether tts:local belongs to a TTML2
// feature that the IMSC 1.1 text profile does not list, and is therefore
// prohibited (IMSC 1.1 §6: "All features specified in [ttml2] are
// prohibited unless specified otherwise below").
func imsc11ProhibitedStyle(local string) bool {
	switch local {
	case "backgroundClip", "backgroundExtent", "backgroundImage", "backgroundOrigin", "backgroundPosition",
		"backgroundRepeat", "border", "bpd", "ipd", "fontKerning", "fontSelectionStrategy", "fontShear",
		"fontVariant", "letterSpacing", "lineShear", "textOrientation":
		return true
	}
	return false
}

// imsc11ProhibitedElement reports whether a TTML-namespace element belongs
// to a TTML2 feature IMSC 1.1 leaves out (#animation-version-2 beyond
// <set>, #audio, #font and #embedded-*, #data, #resources, #chunk, #source).
func imsc11ProhibitedElement(local string) bool {
	switch local {
	case "animate", "audio", "font", "data", "resources", "chunk", "source":
		return true
	}
	return false
}

// isNCName reports whether s is an XML non-colonised name, as xml:id
// values must be: a letter or underscore, then letters, digits, '.', '-',
// '_', combining marks and extenders (XML 1.0 fifth edition, simplified to
// Unicode categories).
func isNCName(s string) bool {
	if s == "" {
		return false
	}
	if ok, ascii := asciiNCName(s); ascii {
		return ok
	}
	return unicodeNCName(s)
}

// unicodeNCName is isNCName for any non-empty s, rune by rune.
func unicodeNCName(s string) bool {
	for i, w := 0, 0; i < len(s); i += w {
		c, size := utf8.DecodeRuneInString(s[i:])
		w = size
		if c == utf8.RuneError && size <= 1 {
			return false
		}
		switch {
		case c == '_' || unicode.IsLetter(c):
		case i == 0:
			return false
		case c == '-' || c == '.' || c == 0xB7 || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c) ||
			unicode.Is(unicode.Mc, c) || unicode.Is(unicode.Nd, c) || unicode.Is(unicode.Lm, c):
		default:
			return false
		}
	}
	return true
}

// asciiNCName is isNCName for a name of ASCII bytes (ascii true), which
// ids nearly always are, without decoding runes; ascii is false as soon as
// a byte beyond ASCII is met, and isNCName then judges the whole name.
func asciiNCName(s string) (ok, ascii bool) {
	ok = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return false, false
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && (c == '-' || c == '.' || '0' <= c && c <= '9'):
		default:
			ok = false
		}
	}
	return ok, true
}
