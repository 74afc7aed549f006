package langcheck

import "github.com/exportqc/exportqc/qc/rule"

// The language rules. Each runs on a rule.Pass like the timing and layout
// rules (run.go): the file's declared languages with their sources are in
// Pass.File.Declared, its thresholds are typed parameters (MismatchOptions,
// ScriptOptions) set by the packs.
var (
	TagInvalid = &rule.Rule{
		Code: "G001", Name: "language-tag-invalid", Family: "language",
		Summary: "A declared language tag is not a valid BCP-47 tag of a real language",
		Doc: "Platforms match subtitle languages by their BCP-47 tags (file name, manifest, TTML xml:lang), so a tag they " +
			"cannot parse makes the file unplaceable. Errors: tags that are not well-formed (\"english\", \"en US\"), unknown " +
			"subtags (\"jp\", \"cz\" and \"en-EN\" are country codes; the languages are ja, cs, en-GB/en-US), private-use tags " +
			"(\"x-…\", qaa–qtz) and repeated variants or extensions. Warnings name the canonical form of tags that are accepted " +
			"but should be rewritten: deprecated codes (iw → he, in → id, ji → yi, jw → jv, mo → ro, sh → sr-Latn), " +
			"\"_\" separators (pt_BR → pt-BR), legacy region codes (en-UK → en-GB), es-LA (Spanish of Laos; Latin America " +
			"is es-419), und/mul/zxx. A difference of letter case alone (EN, nl-nl) is info. Fix: write the tag the " +
			"message gives.",
		Run:             runTagInvalid,
		RunDelivery:     runManifestTags,
		DefaultSeverity: rule.Error,
	}
	ContentMismatch = &rule.Rule{
		Code: "G002", Name: "language-content-mismatch", Family: "language",
		Summary: "The subtitle text is not in the declared language",
		Doc: "A file delivered under the wrong language is rejected at ingest or, worse, published. First the writing system " +
			"is checked, which is reliable even on a few lines: most letters in another script than the declared language's " +
			"(Latin text declared ar, Hindi declared ur), Japanese without kana, Chinese with much kana. Then, for languages the " +
			"trigram identifier (whatlanggo) has a profile for, the text is cut into samples of about 300 letters spread over " +
			"the file and each is identified; the file is reported when at least min_confidence of the samples read as one " +
			"other language or its close relatives. Not judged: files with fewer than min_letters letters of running text " +
			"(capitalised words, mostly names, do not count), declared languages without a profile (ca, gl, sk, is, ms, ...), " +
			"languages of one standard (hr/sr/bs, ms/id, no/nb/nn), and Simplified vs Traditional Chinese (G003). Close " +
			"relatives (es/pt, da/sv/no, ru/uk, ...) are reported only on five times min_letters and unanimous samples. " +
			"Fix: deliver the right file, or correct the declaration.",
		Run:             runContentMismatch,
		DefaultSeverity: rule.Error,
		Params: []rule.ParamSpec{
			{Name: "min_letters", Kind: rule.KindInt, Doc: "least letters of running text before the language identifier is asked"},
			{Name: "min_confidence", Kind: rule.KindFloat, Doc: "least share (0..1) of text samples that must read as another language"},
			{Name: "min_script_letters", Kind: rule.KindInt, Doc: "least letters before the writing system is judged"},
		},
	}
	ChineseScriptMismatch = &rule.Rule{
		Code: "G003", Name: "chinese-script-mismatch", Family: "language",
		Summary: "A Chinese file is written in the other script than it declares (Simplified vs Traditional)",
		Doc: "zh-Hans, zh-CN, zh-SG and zh files must be in Simplified characters; zh-Hant, zh-TW, zh-HK and zh-MO (and yue) " +
			"in Traditional. Characters are classified with tables derived from OpenCC's conversion data: only characters " +
			"OpenCC always converts count (们/們, 这/這); characters written the same in both scripts, or kept in some words " +
			"(后, 台, 里, 干), never count, nor do characters Taiwan or Hong Kong standards write. Reported when at least " +
			"min_script_chars different characters of the other script appear and they are at least min_other_script_share " +
			"of the script-specific characters, so a name or a quoted sign in the other script passes. Fix: convert the file " +
			"(OpenCC s2tw, s2hk, t2s) or correct the declared tag.",
		Run:             runChineseScriptMismatch,
		DefaultSeverity: rule.Error,
		Params: []rule.ParamSpec{
			{Name: "min_script_chars", Kind: rule.KindInt, Doc: "least different characters of the other script"},
			{Name: "min_other_script_share", Kind: rule.KindFloat, Doc: "least share (0..1) of script-specific characters in the other script"},
		},
	}
	TagConflict = &rule.Rule{
		Code: "G004", Name: "language-tag-conflict", Family: "language",
		Summary: "The file name, the manifest and the file itself declare different languages",
		Doc: "When the file name says fr-CA, the manifest fr-FR and the TTML xml:lang fr-CA, at least one of them is wrong and " +
			"platforms disagree on which to believe. Tags agree when one is a prefix of the other (fr and fr-FR), when an " +
			"explicit script matches the other's likely script (zh-TW and zh-Hant; zh-CN and zh-Hant do not), and when two " +
			"regions are equal or one is the other's CLDR parent (es-419 and es-MX; es-MX and es-AR do not). cmn counts as zh, " +
			"no covers nb and nn; empty, und and invalid tags (G001) are ignored. Fix: make all declarations name the same " +
			"language.",
		Run:             runTagConflict,
		DefaultSeverity: rule.Error,
	}
)

// Undeclared is G005. It has a Run of its own, but the identification
// happens before any rule runs (the engine calls Identify with its
// parameters from the packs without a language), because the language it
// finds picks the language pack the other rules are configured by.
var Undeclared = &rule.Rule{
	Code: "G005", Name: "language-undeclared", Family: "language",
	Summary: "The file declares no language; it was identified from its text",
	Doc: "Neither --lang, the file name (\".fr.srt\"), a delivery manifest nor the file itself (TTML xml:lang, EBU STL LC) " +
		"says what language the subtitles are in, so the language was identified from the text, with the identifier G002 " +
		"uses: the writing system first (Hangul, kana, Simplified or Traditional Han characters), then the trigram " +
		"identifier on samples spread over the text, which must agree on one language (at least min_confidence of them) on " +
		"at least min_letters letters of running text. That language's pack was applied (line length, reading speed) and " +
		"the report gives language_source \"content\". A text too short, in two writing systems, or whose samples split " +
		"between close languages is not guessed: the report says \"language unknown\" and the defaults apply. Disabling the rule " +
		"hides this finding only: the text is identified whenever a rule that depends on the language (one a language pack " +
		"sets, such as X004 or L001) is enabled, so --enable-only X004 still checks an untagged English file as English. Fix: name " +
		"the language in the file name (Title.fr.srt), the manifest or the file, or pass --lang.",
	DefaultSeverity: rule.Info,
	Run:             runUndeclared,
	Params: []rule.ParamSpec{
		{Name: "min_letters", Kind: rule.KindInt, Doc: "least letters of running text before the identifier names a language"},
		{Name: "min_confidence", Kind: rule.KindFloat, Doc: "least share (0..1) of text samples that must read as the same language"},
		{Name: "min_script_letters", Kind: rule.KindInt, Doc: "least letters before a writing system names a language"},
	},
}

// Rules lists the language rules in code order.
var Rules = []*rule.Rule{TagInvalid, ContentMismatch, ChineseScriptMismatch, TagConflict, Undeclared}

// MismatchOptionsFrom builds the options of G002, and of Identify from
// G005's parameters of the same names, from parameter values (as the
// engine reads them from a rule.Pass); zero values take the defaults.
func MismatchOptionsFrom(minLetters int64, minConfidence float64, minScriptLetters int64) MismatchOptions {
	return MismatchOptions{MinLetters: int(minLetters), MinConfidence: minConfidence, MinScriptLetters: int(minScriptLetters)}
}

// ScriptOptionsFrom builds G003's options from parameter values.
func ScriptOptionsFrom(minScriptChars int64, minOtherShare float64) ScriptOptions {
	return ScriptOptions{MinScriptChars: int(minScriptChars), MinOtherShare: minOtherShare}
}
