package langcheck

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// allTexts is every test text, keyed "lang" or "lang#scene".
func allTexts() map[string]string {
	out := map[string]string{}
	for k, v := range scene {
		out[k] = v
	}
	for k, v := range relatedScene {
		out[k] = v
	}
	for k, v := range family {
		out[k+"#family"] = v
	}
	for k, v := range phone {
		out[k+"#phone"] = v
	}
	return out
}

func langOf(key string) string { return strings.SplitN(key, "#", 2)[0] }

func sortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Every text declared as what it is: nothing to report, also for the
// languages the identifier has no profile for (ca, ms) and in other
// spellings of the same declaration.
func TestCorrectDeclarationsPass(t *testing.T) {
	texts := allTexts()
	for _, k := range sortedKeys(texts) {
		lang := langOf(k)
		decls := []string{lang}
		switch lang {
		case "zh-Hans":
			decls = append(decls, "zh", "zh-CN", "cmn-Hans", "zh-SG")
		case "zh-Hant":
			decls = append(decls, "zh-TW", "zh-HK", "cmn-Hant", "yue")
		case "pt":
			decls = append(decls, "pt-BR", "pt_BR")
		case "es":
			decls = append(decls, "es-419", "es-ES")
		case "he":
			decls = append(decls, "iw")
		case "id":
			decls = append(decls, "in", "ms") // Malay and Indonesian are one standard to the check
		case "nb":
			decls = append(decls, "no", "nn")
		case "hr":
			decls = append(decls, "bs", "sr", "sr-Latn", "sh")
		case "sr-Latn":
			decls = append(decls, "sr", "hr", "bs")
		case "en":
			decls = append(decls, "en-US", "en-GB", "EN")
		}
		for _, d := range decls {
			if m := DetectMismatch(d, lines(texts[k]), MismatchOptions{}); m != nil {
				t.Errorf("%s text declared %s: %s", k, d, m.Message)
			}
		}
	}
}

// Every text declared as every other language. A declaration in a
// different writing system must always be caught, on script evidence. A
// declaration in the same script must be caught by the identifier when
// both languages have profiles and are not close relatives. Whatever is
// reported must name the text's real language (or one of its group).
func TestSwappedDeclarations(t *testing.T) {
	texts := allTexts()
	decls := []string{"en", "fr", "de", "es", "pt", "it", "ru", "uk", "ar", "he", "hi", "th", "tr", "vi", "id",
		"ko", "ja", "zh-Hans", "sv", "da", "nb", "hr", "ur", "nl", "pl", "ca", "ms", "el"}
	// unrelated pairs in the same script that must be caught
	mustCatch := map[[2]string]bool{}
	latin := []string{"en", "fr", "de", "es", "it", "tr", "vi", "id"}
	for _, a := range latin {
		for _, b := range latin {
			if a != b && !(a == "es" && b == "pt" || a == "pt" && b == "es") {
				mustCatch[[2]string{a, b}] = true
			}
		}
	}
	for _, x := range []string{"pt", "sv", "da", "nb", "hr"} {
		for _, y := range []string{"en", "fr", "de", "it", "tr", "vi", "id"} {
			mustCatch[[2]string{x, y}] = true
		}
	}
	mustCatch[[2]string{"ru", "uk"}] = false // close relatives: not on ~500 letters
	var caught, pairs int
	for _, k := range sortedKeys(texts) {
		x := langOf(k)
		for _, y := range decls {
			if y == x || inGroup(sameGroups, foldTag(x), foldTag(y)) || (x == "sr-Latn" && (y == "hr")) {
				continue
			}
			pairs++
			m := DetectMismatch(y, lines(texts[k]), MismatchOptions{})
			sx, sy := mainScript(x), mainScript(y)
			switch {
			case m == nil && sx != sy && !(y == "ms" && sx == scArabic) && !(y == "ur" && x == "ar") && !(y == "ar" && x == "ur"):
				t.Errorf("%s text declared %s (%s vs %s script): not reported", k, y, sx, sy)
			case m == nil && mustCatch[[2]string{x, y}]:
				t.Errorf("%s text declared %s: not reported", k, y)
			case m != nil:
				caught++
				if !sameLanguage(x, m.Detected) && !(x == "ca" || x == "ms") && !(m.Basis == "script" && strings.HasPrefix(m.Detected, "und-")) {
					t.Errorf("%s text declared %s: reported as %s, which it is not (%s)", k, y, m.Detected, m.Message)
				}
				if m.Rule != "G002" || m.Declared == "" || m.Letters <= 0 || m.Confidence <= 0 || m.Confidence > 1 {
					t.Errorf("%s declared %s: incomplete mismatch %+v", k, y, *m)
				}
			}
		}
	}
	t.Logf("%d of %d wrong declarations reported", caught, pairs)
}

// mainScript is the script a test text's language is written in.
func mainScript(lang string) script {
	switch lang {
	case "ru", "uk":
		return scCyrillic
	case "ar", "ur":
		return scArabic
	case "he":
		return scHebrew
	case "hi":
		return scDevanagari
	case "th":
		return scThai
	case "ko":
		return scHangul
	case "ja":
		return scKana
	case "zh-Hans", "zh-Hant":
		return scHan
	case "el":
		return scGreek
	}
	return scLatin
}

// sameLanguage says whether a detected tag names the test text's language
// or a close relative (whose names the message then lists).
func sameLanguage(textLang, detected string) bool {
	a, b := foldTag(textLang), foldTag(detected)
	return a == b || familyOf(a) == familyOf(b)
}

// Pairs the brief names: a French file declared German, an English file
// declared Spanish; Portuguese declared Spanish only once there is enough
// text for a close pair.
func TestNamedSwaps(t *testing.T) {
	cases := []struct {
		text, declared, detected string
	}{
		{scene["fr"], "de", "fr"},
		{scene["en"], "es", "en"},
		{family["de"], "fr", "de"},
		{scene["it"], "es", "it"},
		{scene["es"], "it", "es"},
		{scene["tr"], "en", "tr"},
		{scene["vi"], "fr", "vi"},
		{scene["id"], "en", "id"},
	}
	for _, c := range cases {
		m := DetectMismatch(c.declared, lines(c.text), MismatchOptions{})
		if m == nil {
			t.Errorf("%s text declared %s: not reported", c.detected, c.declared)
			continue
		}
		if m.Detected != c.detected || m.Basis != "identifier" {
			t.Errorf("%s text declared %s: detected %s by %s", c.detected, c.declared, m.Detected, m.Basis)
		}
		for _, want := range []string{languageName(c.declared), languageName(c.detected), fmt.Sprint(m.Letters)} {
			if !strings.Contains(m.Message, want) {
				t.Errorf("message %q does not mention %q", m.Message, want)
			}
		}
	}
	// Portuguese declared Spanish: close relatives. One scene (~450 running
	// letters) is not enough; three scenes (over 1,000) are.
	if m := DetectMismatch("es", lines(scene["pt"]), MismatchOptions{}); m != nil {
		t.Errorf("one Portuguese scene declared es reported: %s", m.Message)
	}
	long := lines(scene["pt"] + "\n" + family["pt"] + "\n" + phone["pt"])
	if st := measure(long); st.runningLetters() < 5*DefaultMismatchOptions().MinLetters {
		t.Fatalf("long Portuguese text has only %d running letters", st.runningLetters())
	}
	if m := DetectMismatch("es", long, MismatchOptions{}); m == nil || m.Detected != "pt" {
		t.Errorf("long Portuguese text declared es: %+v", m)
	}
	longES := lines(scene["es"] + "\n" + family["es"] + "\n" + phone["es"])
	if m := DetectMismatch("pt", longES, MismatchOptions{}); m == nil || m.Detected != "es" {
		t.Errorf("long Spanish text declared pt: %+v", m)
	}
	for _, d := range []string{"es", "es-419", "gl"} {
		if m := DetectMismatch(d, longES, MismatchOptions{}); m != nil {
			t.Errorf("long Spanish text declared %s: %s", d, m.Message)
		}
	}
}

// Too little running text: the identifier is not asked, whatever the
// declaration; the script check still speaks on a few lines.
func TestShortTexts(t *testing.T) {
	texts := allTexts()
	for _, k := range sortedKeys(texts) {
		ls := lines(texts[k])
		var short []string
		for _, l := range ls {
			if st := measure(append(short, l)); st.runningLetters() >= DefaultMismatchOptions().MinLetters {
				break
			}
			short = append(short, l)
		}
		for _, d := range []string{"en", "fr", "de", "es", "it", "tr", "id"} {
			m := DetectMismatch(d, short, MismatchOptions{})
			if m != nil && m.Basis != "script" {
				t.Errorf("%d lines of %s declared %s reported by %s: %s", len(short), k, d, m.Basis, m.Message)
			}
		}
	}
	// Two lines of Arabic declared English: the script decides. Too few
	// words to tell Arabic from Persian or Urdu, so only the script is named.
	m := DetectMismatch("en", lines(scene["ar"])[:2], MismatchOptions{})
	if m == nil || m.Basis != "script" || m.Detected != "und-Arab" {
		t.Errorf("two Arabic lines declared en: %+v", m)
	}
	// One short line is below even the script check's minimum.
	if m := DetectMismatch("en", []string{"مرحبا"}, MismatchOptions{}); m != nil {
		t.Errorf("one Arabic word declared en: %s", m.Message)
	}
	if m := DetectMismatch("en", nil, MismatchOptions{}); m != nil {
		t.Errorf("no text: %s", m.Message)
	}
}

func TestScriptEvidence(t *testing.T) {
	cases := []struct {
		name, declared string
		text           string
		detected       string // "" = no report
	}{
		{"Chinese declared ja", "ja", scene["zh-Hans"], "zh"},
		{"Traditional Chinese declared ja", "ja", scene["zh-Hant"], "zh"},
		{"Japanese declared zh", "zh", scene["ja"], "ja"},
		{"Japanese declared zh-Hant", "zh-Hant", scene["ja"], "ja"},
		{"Chinese declared ko", "ko", scene["zh-Hans"], "zh"},
		{"Korean declared ja", "ja", scene["ko"], "ko"},
		{"English declared ar", "ar", scene["en"], "en"},
		{"Arabic declared he", "he", scene["ar"], "ar"},
		{"Hebrew declared ar", "ar", scene["he"], "he"},
		{"Russian declared de", "de", scene["ru"], "ru"},
		{"Urdu declared hi", "hi", relatedScene["ur"], "ur"},
		{"Hindi declared ur", "ur", scene["hi"], "hi"},
		{"Thai declared vi", "vi", scene["th"], "th"},
		{"Latin Serbian declared sr-Cyrl", "sr-Cyrl", relatedScene["sr-Latn"], "hr"},
		{"Latin Serbian declared sr", "sr", relatedScene["sr-Latn"], ""},
		{"Simplified declared zh-Hant (G003's job)", "zh-Hant", scene["zh-Hans"], ""},
		{"Japanese declared ja-Jpan", "ja-Jpan", scene["ja"], ""},
		{"romaji declared ja-Latn", "ja-Latn", "Kimi no namae wa nan desu ka\nWatashi wa Tokyo kara kimashita\nAshita mata aimashou", ""},
		{"romaji declared ja", "ja", "Kimi no namae wa nan desu ka\nWatashi wa Tokyo kara kimashita\nAshita mata aimashou", "und-Latn"},
	}
	for _, c := range cases {
		m := DetectMismatch(c.declared, lines(c.text), MismatchOptions{})
		switch {
		case c.detected == "" && m != nil:
			t.Errorf("%s: %s", c.name, m.Message)
		case c.detected != "" && m == nil:
			t.Errorf("%s: not reported", c.name)
		case m != nil:
			if m.Basis != "script" {
				t.Errorf("%s: basis %s, want script", c.name, m.Basis)
			}
			if !sameLanguage(c.detected, m.Detected) && m.Detected != c.detected {
				t.Errorf("%s: detected %s, want %s (%s)", c.name, m.Detected, c.detected, m.Message)
			}
		}
	}
}

// Bilingual subtitles (a line of Chinese, a line of English) are declared
// by either language without a report.
func TestBilingual(t *testing.T) {
	zh, en := lines(scene["zh-Hans"]), lines(scene["en"])
	var mixed []string
	for i := range zh {
		mixed = append(mixed, zh[i], en[i])
	}
	for _, d := range []string{"zh-Hans", "en"} {
		if m := DetectMismatch(d, mixed, MismatchOptions{}); m != nil {
			t.Errorf("bilingual declared %s: %s", d, m.Message)
		}
	}
	ar, en2 := lines(scene["ar"]), lines(scene["en"])
	mixed = nil
	for i := range ar {
		mixed = append(mixed, ar[i])
		if i%3 == 0 {
			mixed = append(mixed, en2[i])
		}
	}
	if m := DetectMismatch("ar", mixed, MismatchOptions{}); m != nil {
		t.Errorf("Arabic with English lines declared ar: %s", m.Message)
	}
}

// Names, numbers and capitals do not make text: a roll call of names and
// scores is too little running text to judge, in any declaration.
func TestNamesAndNumbers(t *testing.T) {
	names := `Müller, Schweinsteiger, Kroos, Özil, Götze.
Lahm to Boateng, Hummels, 1-0, 2-0, 7-1!
MARIA GONZÁLEZ. ANTONIO PÉREZ. JEAN-PIERRE DUBOIS.
Kowalski, 1984. Nakamura, 2011. Andersson, 1999.
Belo Horizonte, 8 July 2014, 17:00.
Dmitri Ivanov, Olga Petrova, Ingrid Svensson, Pierre Lefèvre.
São Paulo, Rio de Janeiro, Porto Alegre, Fortaleza.
Mr. Kowalczyk, Mrs. Nguyen, Dr. Okonkwo, Prof. Haraldsen.`
	for _, d := range []string{"en", "de", "fr", "es", "pt", "pl", "it"} {
		if m := DetectMismatch(d, lines(names), MismatchOptions{}); m != nil {
			t.Errorf("names declared %s: %s", d, m.Message)
		}
	}
	// The English scene with every line prefixed by a speaker name and a
	// number is still English, and still not French.
	var tagged []string
	for i, l := range lines(scene["en"]) {
		tagged = append(tagged, fmt.Sprintf("DANIEL %d: %s (Kowalczyk, 19%02d)", i, l, i))
	}
	if m := DetectMismatch("en", tagged, MismatchOptions{}); m != nil {
		t.Errorf("tagged English declared en: %s", m.Message)
	}
	if m := DetectMismatch("fr", tagged, MismatchOptions{}); m == nil || m.Detected != "en" {
		t.Errorf("tagged English declared fr: %+v", m)
	}
}

// Captions in capitals (old broadcast style): every word starts with a
// capital, which must not make the text count as all names.
func TestAllCaps(t *testing.T) {
	caps := lines(strings.ToUpper(scene["en"]))
	if m := DetectMismatch("en", caps, MismatchOptions{}); m != nil {
		t.Errorf("capitals declared en: %s", m.Message)
	}
	if m := DetectMismatch("fr", caps, MismatchOptions{}); m == nil || m.Detected != "en" {
		t.Errorf("capitals declared fr: %+v", m)
	}
}

// A test pattern repeating one word is not text in any language.
func TestRepeatedWord(t *testing.T) {
	var ls []string
	for i := range 60 {
		ls = append(ls, fmt.Sprintf("valid%d", i))
	}
	if m := DetectMismatch("en", ls, MismatchOptions{}); m != nil {
		t.Errorf("repeated word: %s", m.Message)
	}
}

// Declarations the identifier cannot judge, and declarations that are not
// languages: never reported by the identifier.
func TestUnjudgeableDeclarations(t *testing.T) {
	for _, d := range []string{"ca", "gl", "eu", "is", "sk", "ga", "cy", "mt", "sq", "lb", "ms"} {
		if m := DetectMismatch(d, lines(scene["fr"]), MismatchOptions{}); m != nil {
			t.Errorf("French declared %s (no profile): %s", d, m.Message)
		}
	}
	for _, d := range []string{"", "und", "mul", "zxx", "jp", "x-foo", "not a tag", "qaa"} {
		if m := DetectMismatch(d, lines(scene["fr"]), MismatchOptions{}); m != nil {
			t.Errorf("French declared %q: %s", d, m.Message)
		}
	}
}

func TestMismatchOptions(t *testing.T) {
	text := lines(scene["fr"])
	if m := DetectMismatch("de", text, MismatchOptions{MinLetters: 5000}); m != nil {
		t.Errorf("MinLetters 5000 still reported: %s", m.Message)
	}
	if m := DetectMismatch("de", text, MismatchOptions{MinLetters: 100}); m == nil {
		t.Error("MinLetters 100: not reported")
	}
	// A file that is one third German and two thirds French: most of the
	// (four) samples vote French. The default keeps quiet; 0.5 reports.
	mixed := append(append(lines(scene["de"]), lines(scene["fr"])...), lines(family["fr"])...)
	if m := DetectMismatch("de", mixed, MismatchOptions{}); m != nil {
		t.Errorf("mostly French declared de with default confidence: %s", m.Message)
	}
	if m := DetectMismatch("de", mixed, MismatchOptions{MinConfidence: 0.5}); m == nil || m.Detected != "fr" {
		t.Errorf("mostly French declared de with confidence 0.5: %+v", m)
	}
	// Script share: with a limit of 0.5, a file half in Latin letters and
	// half in Arabic is reported when declared ar.
	half := append(lines(scene["ar"]), lines(scene["en"])...)
	if m := DetectMismatch("ar", half, MismatchOptions{}); m != nil {
		t.Errorf("half Arabic declared ar with default share: %s", m.Message)
	}
	if m := DetectMismatch("ar", half, MismatchOptions{MaxDeclaredScriptShare: 0.5}); m == nil {
		t.Error("half Arabic declared ar with share limit 0.5: not reported")
	}
}

// Inside a family of close languages the identifier's choice is not
// reliable (it takes this Swedish text for Norwegian Nynorsk), so the
// message names the relatives too, each once, and never the declared
// language as a "relative".
func TestMessageNamesRelatives(t *testing.T) {
	m := DetectMismatch("en", lines(relatedScene["sv"]), MismatchOptions{})
	if m == nil {
		t.Fatal("Swedish declared en: not reported")
	}
	if !strings.Contains(m.Message, "close relative") || !strings.Contains(m.Message, "Swedish") {
		t.Errorf("message %q does not admit the family", m.Message)
	}
	_, rel, _ := strings.Cut(m.Message, "close relative (")
	rel, _, _ = strings.Cut(rel, ")")
	for _, name := range []string{"Swedish", "Danish", "Norwegian Bokmål", "Norwegian Nynorsk"} {
		n := strings.Count(rel, name)
		if languageName(m.Detected) == name {
			n++
		}
		if n != 1 {
			t.Errorf("%q named %d times as detected or relative in %q", name, n, m.Message)
		}
	}
	long := lines(scene["pt"] + "\n" + family["pt"] + "\n" + phone["pt"])
	m = DetectMismatch("es", long, MismatchOptions{})
	if m == nil || strings.Contains(m.Message, "relative (Spanish") || strings.Contains(m.Message, "Spanish)") {
		t.Errorf("Portuguese declared es: %+v", m)
	}
}
