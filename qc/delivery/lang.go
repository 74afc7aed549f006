package delivery

import "github.com/exportqc/exportqc/qc/lang"

// CanonicalLanguage returns the canonical BCP-47 form of raw ("EN" → "en",
// "nl-nl" → "nl-NL", "zh-hans" → "zh-Hans", deprecated "iw" → "he",
// "pt_BR" → "pt-BR") and whether raw is a well-formed tag: lang.Normalize,
// named for the manifest readers. Macrolanguages are kept as written (cmn
// stays cmn): which tags count as equivalent is rule policy, not the
// reader's.
func CanonicalLanguage(raw string) (string, bool) { return lang.Normalize(raw) }
