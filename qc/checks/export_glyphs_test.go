package checks

// GlyphSetRanges gives the external tests the glyph sets of
// textdata/glyphsets.txt as inclusive code-point ranges per set.
func GlyphSetRanges() (map[string][][2]rune, error) {
	sets, err := loadGlyphSets()
	if err != nil {
		return nil, err
	}
	out := make(map[string][][2]rune, len(sets))
	for name, rs := range sets {
		for _, r := range rs {
			out[name] = append(out[name], [2]rune{r.lo, r.hi})
		}
	}
	return out, nil
}

// ParseRuneList reads a pack's list of characters (U+XXXX or the
// characters themselves), as X001's extra and X002's allow are read.
func ParseRuneList(s string) (map[rune]bool, error) { return parseRuneList(s) }
