package stl

// languageTags maps the GSI Language Code (Tech 3264 Appendix 3, two hex
// digits) to a BCP-47 tag. 00h means "unknown / not applicable"; 2Ch–3Fh are
// reserved for national assignment and 40h–44h are reserved, so they map to
// nothing. Where Appendix 3 names a language without an ISO 639-1 code the
// ISO 639-3 code is used (Sranan Tongo, Papiamento, Dari, Rusyn); Flemish
// becomes nl-BE and Moldavian ro-MD, the tags registries recommend now that
// "mo" is deprecated. Serbo-Croat keeps "sh", the code Appendix 3's era used.
var languageTags = [128]string{
	0x01: "sq", // Albanian
	0x02: "br", // Breton
	0x03: "ca", // Catalan
	0x04: "hr", // Croatian
	0x05: "cy", // Welsh
	0x06: "cs", // Czech
	0x07: "da", // Danish
	0x08: "de", // German
	0x09: "en", // English
	0x0A: "es", // Spanish
	0x0B: "eo", // Esperanto
	0x0C: "et", // Estonian
	0x0D: "eu", // Basque
	0x0E: "fo", // Faroese
	0x0F: "fr", // French
	0x10: "fy", // Frisian
	0x11: "ga", // Irish
	0x12: "gd", // Gaelic
	0x13: "gl", // Galician
	0x14: "is", // Icelandic
	0x15: "it", // Italian
	0x16: "se", // Lappish (Northern Sami)
	0x17: "la", // Latin
	0x18: "lv", // Latvian
	0x19: "lb", // Luxembourgian
	0x1A: "lt", // Lithuanian
	0x1B: "hu", // Hungarian
	0x1C: "mt", // Maltese
	0x1D: "nl", // Dutch
	0x1E: "no", // Norwegian
	0x1F: "oc", // Occitan
	0x20: "pl", // Polish
	0x21: "pt", // Portuguese
	0x22: "ro", // Romanian
	0x23: "rm", // Romansh
	0x24: "sr", // Serbian
	0x25: "sk", // Slovak
	0x26: "sl", // Slovenian
	0x27: "fi", // Finnish
	0x28: "sv", // Swedish
	0x29: "tr", // Turkish
	0x2A: "nl-BE",
	0x2B: "wa", // Wallon
	0x45: "zu", // Zulu
	0x46: "vi", // Vietnamese
	0x47: "uz", // Uzbek
	0x48: "ur", // Urdu
	0x49: "uk", // Ukrainian
	0x4A: "th", // Thai
	0x4B: "te", // Telugu
	0x4C: "tt", // Tatar
	0x4D: "ta", // Tamil
	0x4E: "tg", // Tadzhik
	0x4F: "sw", // Swahili
	0x50: "srn",
	0x51: "so", // Somali
	0x52: "si", // Sinhalese
	0x53: "sn", // Shona
	0x54: "sh", // Serbo-Croat
	0x55: "rue",
	0x56: "ru", // Russian
	0x57: "qu", // Quechua
	0x58: "ps", // Pushtu
	0x59: "pa", // Punjabi
	0x5A: "fa", // Persian
	0x5B: "pap",
	0x5C: "or", // Oriya
	0x5D: "ne", // Nepali
	0x5E: "nd", // Ndebele
	0x5F: "mr", // Marathi
	0x60: "ro-MD",
	0x61: "ms", // Malaysian
	0x62: "mg", // Malagasay
	0x63: "mk", // Macedonian
	0x64: "lo", // Laotian
	0x65: "ko", // Korean
	0x66: "km", // Khmer
	0x67: "kk", // Kazakh
	0x68: "kn", // Kannada
	0x69: "ja", // Japanese
	0x6A: "id", // Indonesian
	0x6B: "hi", // Hindi
	0x6C: "he", // Hebrew
	0x6D: "ha", // Hausa
	0x6E: "gn", // Gurani
	0x6F: "gu", // Gujurati
	0x70: "el", // Greek
	0x71: "ka", // Georgian
	0x72: "ff", // Fulani
	0x73: "prs",
	0x74: "cv", // Churash
	0x75: "zh", // Chinese
	0x76: "my", // Burmese
	0x77: "bg", // Bulgarian
	0x78: "bn", // Bengali
	0x79: "be", // Bielorussian
	0x7A: "bm", // Bambora
	0x7B: "az", // Azerbaijani
	0x7C: "as", // Assamese
	0x7D: "hy", // Armenian
	0x7E: "ar", // Arabic
	0x7F: "am", // Amharic
}

// LanguageTag returns the BCP-47 tag for an LC field value ("09" → "en"),
// or "" when the code is unknown, reserved or not two hex digits.
func LanguageTag(lc string) string {
	n, ok := parseHex2(lc)
	if !ok || n >= len(languageTags) {
		return ""
	}
	return languageTags[n]
}

func parseHex2(s string) (int, bool) {
	if len(s) != 2 {
		return 0, false
	}
	v := 0
	for i := range 2 {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v = v*16 + int(c-'0')
		case c >= 'A' && c <= 'F':
			v = v*16 + int(c-'A'+10)
		case c >= 'a' && c <= 'f':
			v = v*16 + int(c-'a'+10)
		default:
			return 0, false
		}
	}
	return v, true
}
