package lang

import (
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"
)

// The kinds of timed text a file name can state, as the delivery model
// (qc/delivery) names them.
const (
	KindSubtitles = "subtitles"
	KindSDH       = "sdh"
	KindForced    = "forced"
	KindCaptions  = "captions"
)

// kindWords are the words of file names that say what kind of subtitles a
// file holds, not its language. This is the one list: check, the delivery
// inference and the audit all read names through ParseFileName. "hoh"
// (hard of hearing) is also the code of the language Hobyót and "cc" is
// no language, so a word listed here is never read as a language. "hi" is
// not listed: in delivery names it is Hindi.
var kindWords = map[string]string{
	"forced": KindForced, "fn": KindForced, "forcednarrative": KindForced, "narrative": KindForced, "foreign": KindForced,
	"sdh": KindSDH, "hoh": KindSDH, "hearingimpaired": KindSDH, "deaf": KindSDH,
	"cc": KindCaptions, "captions": KindCaptions, "closedcaptions": KindCaptions,
	"full": KindSubtitles, "subs": KindSubtitles, "sub": KindSubtitles, "subtitles": KindSubtitles,
	// A player's default-track marker: it names no kind, but no language either.
	"default": "",
}

// KindOf says whether word (any case) is a kind word and which kind it
// names: "hoh" → "sdh", "fn" → "forced", "default" → "" (a marker word of
// no kind).
func KindOf(word string) (kind string, ok bool) {
	kind, ok = kindWords[strings.ToLower(word)]
	return kind, ok
}

// threeLetter are the three-letter codes delivery names use for languages
// that have subtitles in practice, with the tag each stands for: ISO 639-2
// terminology and bibliographic codes of widely subtitled languages
// ("eng", "fre", "ger"), and languages with no two-letter code (yue, fil).
// Other three-letter words are not read as languages: "div", "tti", "stl",
// "set", "pop", "end" and "bom" are ISO 639-3 codes too, but in a file name
// they are words.
var threeLetter = map[string]string{
	"eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "ita": "it", "por": "pt",
	"nld": "nl", "dut": "nl", "swe": "sv", "dan": "da", "nor": "no", "nob": "nb", "nno": "nn", "fin": "fi",
	"pol": "pl", "ces": "cs", "cze": "cs", "slk": "sk", "slo": "sk", "hun": "hu", "ron": "ro", "rum": "ro",
	"ell": "el", "gre": "el", "tur": "tr", "rus": "ru", "ukr": "uk", "bul": "bg", "hrv": "hr", "srp": "sr",
	"slv": "sl", "lav": "lv", "lit": "lt", "est": "et", "isl": "is", "heb": "he", "ara": "ar", "fas": "fa",
	"hin": "hi", "ben": "bn", "tam": "ta", "tel": "te", "mal": "ml", "urd": "ur", "tha": "th", "vie": "vi",
	"ind": "id", "msa": "ms", "zho": "zh", "chi": "zh", "jpn": "ja", "kor": "ko", "cat": "ca", "eus": "eu",
	"glg": "gl", "cym": "cy", "mkd": "mk", "sqi": "sq", "kat": "ka", "hye": "hy", "khm": "km", "lao": "lo",
	"mya": "my", "sin": "si", "nep": "ne", "swa": "sw", "amh": "am", "afr": "af", "zul": "zu",
	"yue": "yue", "fil": "fil", "tgl": "fil", "cmn": "cmn",
}

// FileName is what a file name says about the subtitles it holds.
type FileName struct {
	// Tag is the canonical BCP-47 tag of the language the name states
	// where delivery naming puts one, "" when it states none.
	Tag string
	// Written is the language as the name writes it ("pt_BR", "ENG").
	Written string
	// Kind is the kind the name's kind words state ("sdh" for ".en.hoh"),
	// "" when they state none.
	Kind string
	// Stem is the name before its language and kind words, without the
	// extension ("The.Long.River" for "The.Long.River.fr.forced.srt").
	Stem string
}

// ParseFileName reads the language and kind a subtitle file's name
// states. A language is read only where delivery naming puts one: the
// dot- or underscore-separated part right before the extension, or right
// before the kind words that end the name ("Title_S01E01.fr.srt",
// "Title_S01E01_fr-FR.vtt", "Title.S01E01.zh-Hans.forced.ttml",
// "Title_S01E01_pt_BR_SDH.srt"), and only a tag of a language that has
// subtitles in practice: a two-letter ISO 639-1 code, optionally with a
// script and region ("es-419", "zh-Hant-TW"), or one of a short list of
// three-letter codes (eng, yue, fil, ...). A name that is only a language
// ("fr.srt") names its content, not a title's language: no tag.
func ParseFileName(p string) FileName {
	base := path.Base(filepath.ToSlash(p))
	if ext := path.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	parts, starts := splitName(base)
	var out FileName
	i := len(parts) - 1
	kinds := func() {
		for ; i >= 0; i-- {
			k, ok := KindOf(parts[i])
			if !ok {
				return
			}
			if out.Kind == "" || out.Kind == KindSubtitles {
				out.Kind = k
			}
		}
	}
	kinds()
	// "pt_BR": an underscore split a region or script off its language.
	if i >= 2 && separateSubtag(parts[i]) {
		if tag, ok := nameTag(parts[i-1] + "-" + parts[i]); ok {
			out.Tag, out.Written = tag, base[starts[i-1]:starts[i]+len(parts[i])]
			i -= 2
		}
	}
	if out.Tag == "" && i >= 1 {
		if tag, ok := nameTag(parts[i]); ok {
			out.Tag, out.Written = tag, parts[i]
			i--
		}
	}
	if out.Tag != "" {
		kinds() // "Title.forced.fr.srt"
	}
	if i < 0 {
		out.Stem = ""
	} else {
		out.Stem = base[:starts[i]+len(parts[i])]
	}
	return out
}

// FromFileName is the language tag a file's name states (ParseFileName),
// "" when it states none.
func FromFileName(p string) string { return ParseFileName(p).Tag }

// splitName cuts a name at dots and underscores, with where each part
// starts.
func splitName(s string) (parts []string, starts []int) {
	from := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' || s[i] == '_' {
			if from >= 0 {
				parts = append(parts, s[from:i])
				starts = append(starts, from)
				from = -1
			}
			continue
		}
		if from < 0 {
			from = i
		}
	}
	return parts, starts
}

// nameTag accepts p as a language of a file name: language[-Script]
// [-Region], the language a two-letter ISO 639-1 code or one of
// threeLetter, written in lower or upper case ("fr", "FR", "ENG"; "Be" and
// "It" are words), the region a real one.
func nameTag(p string) (string, bool) { return nameTags.get(p, plainNameTag) }

// plainNameTag is nameTag without its memo.
func plainNameTag(p string) (string, bool) {
	sub := strings.Split(p, "-")
	if len(sub) > 3 {
		return "", false
	}
	primary := sub[0]
	if primary != strings.ToLower(primary) && primary != strings.ToUpper(primary) {
		return "", false
	}
	lower := strings.ToLower(primary)
	switch len(lower) {
	case 2:
		if !isLetters(lower) {
			return "", false
		}
		if _, err := language.ParseBase(lower); err != nil {
			return "", false
		}
	case 3:
		t, ok := threeLetter[lower]
		if !ok {
			return "", false
		}
		lower = t
	default:
		return "", false
	}
	rest := sub[1:]
	if len(rest) > 0 && len(rest[0]) == 4 {
		if _, err := language.ParseScript(rest[0]); err != nil {
			return "", false
		}
		rest = rest[1:]
	}
	if len(rest) > 1 {
		return "", false
	}
	if len(rest) == 1 {
		r, err := language.ParseRegion(rest[0])
		if err != nil || r.IsPrivateUse() || len(rest[0]) != 2 && len(rest[0]) != 3 {
			return "", false
		}
	}
	tag, ok := Normalize(strings.Join(append([]string{lower}, sub[1:]...), "-"))
	return tag, ok
}

// separateSubtag recognises a region ("BR", "419") or script ("Hans")
// subtag written as its own underscore-separated part.
func separateSubtag(p string) bool {
	switch len(p) {
	case 2:
		return p[0] >= 'A' && p[0] <= 'Z' && p[1] >= 'A' && p[1] <= 'Z'
	case 3:
		return p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9'
	case 4:
		return p[0] >= 'A' && p[0] <= 'Z' && isLetters(p[1:]) && strings.ToLower(p[1:]) == p[1:]
	}
	return false
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}
