package scc

// standardChar maps a CEA-608 standard character (0x20-0x7F) to Unicode.
// The set is ASCII except at ten positions, where 608 puts accented letters
// and symbols; reading those bytes as ASCII would turn "é" into "\".
func standardChar(b byte) rune {
	switch b {
	case 0x2A:
		return 'á'
	case 0x5C:
		return 'é'
	case 0x5E:
		return 'í'
	case 0x5F:
		return 'ó'
	case 0x60:
		return 'ú'
	case 0x7B:
		return 'ç'
	case 0x7C:
		return '÷'
	case 0x7D:
		return 'Ñ'
	case 0x7E:
		return 'ñ'
	case 0x7F:
		return '█'
	}
	return rune(b)
}

// transparentSpace is special character 0x11 0x39: it advances the cursor
// but shows the video through, so it is positioning rather than text.
const transparentSpace = 0x39

// specialChars are the characters of 0x11 0x30-0x3F (index b2-0x30). They
// take a column of their own, unlike the extended characters.
var specialChars = [16]rune{
	'®', '°', '½', '¿', '™', '¢', '£', '♪',
	'à', ' ', 'è', 'â', 'ê', 'î', 'ô', 'û',
}

// extendedChars12 and extendedChars13 are the extended Western European
// characters of 0x12 and 0x13 0x20-0x3F (index b2-0x20). Each one replaces
// the character before it: encoders send a standard fallback character
// first, for decoders that lack the extended set.
var extendedChars12 = [32]rune{
	// Spanish and miscellaneous
	'Á', 'É', 'Ó', 'Ú', 'Ü', 'ü', '‘', '¡',
	'*', '\'', '—', '©', '℠', '•', '“', '”',
	// French
	'À', 'Â', 'Ç', 'È', 'Ê', 'Ë', 'ë', 'Î',
	'Ï', 'ï', 'Ô', 'Ù', 'ù', 'Û', '«', '»',
}

var extendedChars13 = [32]rune{
	// Portuguese and miscellaneous
	'Ã', 'ã', 'Í', 'Ì', 'ì', 'Ò', 'ò', 'Õ',
	'õ', '{', '}', '\\', '^', '_', '|', '~',
	// German and Danish
	'Ä', 'ä', 'Ö', 'ö', 'ß', '¥', '¤', '│',
	'Å', 'å', 'Ø', 'ø', '┌', '┐', '└', '┘',
}

// The decoder's tables, for writers of CEA-608 data (the test-file
// generator): encoding from the same tables the reader decodes with keeps
// the two from disagreeing about a character.

// StandardChar is the Unicode character of standard byte b (0x20-0x7F).
func StandardChar(b byte) rune { return standardChar(b) }

// SpecialChars are the characters of 0x11 0x30-0x3F (index b2-0x30);
// index 9 is the transparent space, which is positioning, not text.
func SpecialChars() [16]rune { return specialChars }

// ExtendedChars are the characters of 0x12 and 0x13 0x20-0x3F (index
// b2-0x20).
func ExtendedChars() [2][32]rune { return [2][32]rune{extendedChars12, extendedChars13} }
