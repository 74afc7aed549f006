package checks_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// The text rules are tested with the shipped packs' values for each
// language, resolved as the engine resolves them: a test of the French
// rule is a test of the French pack too.
var shippedPacks = sync.OnceValues(func() (*pack.Library, error) { return pack.Load(checks.All()) })

// runText runs rule code on cues (display lines separated by "\n"; a cue
// written "<i>…" is italic) of a file at path in language lang.
func runText(t *testing.T, code, lang, path string, variants []string, cues ...string) []rule.Finding {
	t.Helper()
	lib, err := shippedPacks()
	if err != nil {
		t.Fatal(err)
	}
	eff, err := lib.Resolve(pack.Request{Language: lang, Variants: variants})
	if err != nil {
		t.Fatal(err)
	}
	doc := &cue.Document{Format: "srt"}
	for i, text := range cues {
		c := cue.Cue{Index: i + 1, Line: 4*i + 1, Start: cue.FromSeconds(float64(2 * i)), End: cue.FromSeconds(float64(2*i + 1))}
		italic := strings.HasPrefix(text, "<i>")
		c.Lines = cue.SplitLines(strings.TrimPrefix(text, "<i>"))
		if italic {
			for j := range c.Lines {
				c.Lines[j].Spans = []cue.Span{{Start: 0, End: len(c.Lines[j].Text), Style: cue.Italic}}
			}
		}
		doc.Cues = append(doc.Cues, c)
	}
	r := checks.Lookup(code)
	cfg := eff.Config(code)
	if !cfg.Enabled {
		return nil
	}
	var got []rule.Finding
	rule.NewPass(r, &rule.File{Path: path, Language: lang}, doc, cfg, func(f rule.Finding) { got = append(got, f) }).Run()
	return got
}

// runTextEnabled runs a rule that is off by default, as --enable does.
func runTextEnabled(t *testing.T, code, lang string, cues ...string) []rule.Finding {
	t.Helper()
	lib, err := shippedPacks()
	if err != nil {
		t.Fatal(err)
	}
	eff, err := lib.Resolve(pack.Request{Language: lang})
	if err != nil {
		t.Fatal(err)
	}
	cfg := *eff.Config(code)
	cfg.Enabled = true
	doc := &cue.Document{Format: "srt"}
	for i, text := range cues {
		doc.Cues = append(doc.Cues, cue.Cue{Index: i + 1, Line: 1, Lines: cue.SplitLines(text)})
	}
	var got []rule.Finding
	rule.NewPass(checks.Lookup(code), &rule.File{Path: "show.srt", Language: lang}, doc, &cfg,
		func(f rule.Finding) { got = append(got, f) }).Run()
	return got
}

type textCase struct {
	code, lang string
	path       string // default "show.srt"
	cues       []string
	want       int    // findings expected
	contains   string // a message fragment expected in the first finding
}

func (c textCase) run(t *testing.T) {
	t.Helper()
	path := c.path
	if path == "" {
		path = "show.srt"
	}
	got := runText(t, c.code, c.lang, path, nil, c.cues...)
	if len(got) != c.want {
		var msgs []string
		for _, f := range got {
			msgs = append(msgs, f.Message)
		}
		t.Errorf("%s [%s] %q: %d findings, want %d:\n  %s", c.code, c.lang, c.cues, len(got), c.want, strings.Join(msgs, "\n  "))
		return
	}
	if c.contains != "" && !strings.Contains(got[0].Message, c.contains) {
		t.Errorf("%s [%s] %q: message %q lacks %q", c.code, c.lang, c.cues, got[0].Message, c.contains)
	}
	for _, f := range got {
		if f.Source == "" && f.Rule != "X002" && f.Rule != "X003" && f.Rule != "X011" && f.Rule != "X013" {
			t.Errorf("%s: finding without its source: %s", c.code, f.Message)
		}
	}
}

func TestGlyphs(t *testing.T) {
	for _, c := range []textCase{
		// U+00A0 is French typography, not English.
		{code: "X001", lang: "en", cues: []string{"Hello\u00A0there."}, want: 1, contains: "U+00A0 NO-BREAK SPACE"},
		{code: "X001", lang: "fr", cues: []string{"Comprendre\u00A0!"}, want: 0},
		{code: "X001", lang: "fr", cues: []string{"Ça, c'est « très » bien… — œuvre"}, want: 0},
		{code: "X001", lang: "de", cues: []string{"Straße, „Grüße“ – ♪"}, want: 0},
		{code: "X001", lang: "ru", cues: []string{"Привет, «Нью-Йорк»!"}, want: 0},
		{code: "X001", lang: "en", cues: []string{"Привет"}, want: 1, contains: "U+041F CYRILLIC CAPITAL LETTER PE"},
		{code: "X001", lang: "ja", cues: []string{"こんにちは、世界！⸺"}, want: 0},
		{code: "X001", lang: "ja", cues: []string{"ｺﾝﾆﾁﾊ"}, want: 1, contains: "HALFWIDTH KATAKANA"},
		{code: "X001", lang: "zh-Hans", cues: []string{"你好⋯"}, want: 0},
		{code: "X001", lang: "ar", cues: []string{"مرحبا، كيف حالك؟"}, want: 0},
		{code: "X001", lang: "he", cues: []string{"שלום, מה שלומך?"}, want: 0},
		{code: "X001", lang: "th", cues: []string{"สวัสดีครับ"}, want: 0},
		{code: "X001", lang: "hi", cues: []string{"नमस्ते।"}, want: 0},
		{code: "X001", lang: "ko", cues: []string{"안녕하세요?"}, want: 0},
		// Several stray characters in a cue are one finding naming them.
		{code: "X001", lang: "en", cues: []string{"☹☺☻♠ ⅛"}, want: 1, contains: "and 1 more"},
		// Vulgar fractions (script Common, in the Netflix list) pass in any set.
		{code: "X001", lang: "en", cues: []string{"⅛ mile, ⅓ cup"}, want: 0},
		// The interpunct of foreign names: Simplified Chinese uses it, the
		// Traditional Chinese guide says not to.
		{code: "X001", lang: "zh-Hans", cues: []string{"威廉·莎士比亚"}, want: 0},
		{code: "X001", lang: "zh-Hant", cues: []string{"威廉·莎士比亞"}, want: 1, contains: "U+00B7"},
		// Cantillation and historic letters are outside the sets.
		{code: "X001", lang: "he", cues: []string{"שָׁלוֹם֑"}, want: 1, contains: "U+0591"},
		{code: "X001", lang: "fr", cues: []string{"Vraiment ?"}, want: 1, contains: "U+202F"},
		{code: "X001", lang: "fr", cues: []string{"Vraiment ?"}, want: 0},
		// A language without a pack is not checked.
		{code: "X001", lang: "xx", cues: []string{"⅛"}, want: 0},
		// Private use, separators, zero-width and controls: any language.
		{code: "X002", lang: "en", cues: []string{"Hi\uE000"}, want: 1, contains: "U+E000"},
		{code: "X002", lang: "en", cues: []string{"One\u2028Two"}, want: 1, contains: "U+2028 LINE SEPARATOR"},
		{code: "X002", lang: "xx", cues: []string{"zero\u200Bwidth"}, want: 1, contains: "U+200B ZERO WIDTH SPACE"},
		// A C0 control (bell) is E005's, at its line of the file; the C1 one is X002's.
		{code: "X002", lang: "en", cues: []string{"bell\u0007 and C1\u0085"}, want: 1, contains: "U+0085"},
		{code: "X002", lang: "hi", cues: []string{"क्\u200Dष"}, want: 0},
		{code: "X002", lang: "he", cues: []string{"שלום!\u200F"}, want: 0},
		{code: "X002", lang: "en", cues: []string{"Hello!\u200F"}, want: 1},
		// Homoglyphs: a Cyrillic а in a Latin word, a Latin o in a Russian one.
		{code: "X003", lang: "en", cues: []string{"Whаt is this?"}, want: 1, contains: "U+0430 CYRILLIC SMALL LETTER A"},
		{code: "X003", lang: "ru", cues: []string{"Наканoа"}, want: 1, contains: "U+006F LATIN SMALL LETTER O"},
		{code: "X003", lang: "ru", cues: []string{"Это iPhone, а не Nokia."}, want: 0},
		// The text around a mixed word says which script it was meant in,
		// when the word can be written in it: "Toмa" (Latin T, o, a) in a
		// Russian line is Тома, and a one-word cue takes the file's script.
		{code: "X003", lang: "ru", cues: []string{"Это Toмa."}, want: 1, contains: "mixes Cyrillic with U+0054 LATIN CAPITAL LETTER T, U+006F LATIN SMALL LETTER O, U+0061"},
		{code: "X003", lang: "ru", cues: []string{"Да, это она.", "Tо"}, want: 1, contains: "\"Tо\" in line 1 mixes Cyrillic with U+0054"},
		// Not when the context's script has no twin for a letter: the word's
		// own majority decides (в is no Latin letter; n no Cyrillic one).
		{code: "X003", lang: "en", cues: []string{"He lives in Москвa now."}, want: 1, contains: "mixes Cyrillic with U+0061"},
		{code: "X003", lang: "ru", cues: []string{"Это iPh\u043Ene."}, want: 1, contains: "mixes Latin with U+043E"},
	} {
		c.run(t)
	}
}

func TestEllipsis(t *testing.T) {
	for _, c := range []textCase{
		{code: "X004", lang: "en", cues: []string{"I was going to..."}, want: 1, contains: "U+2026"},
		{code: "X004", lang: "en", cues: []string{"I was going to…"}, want: 0},
		{code: "X004", lang: "zh-Hans", cues: []string{"我想..."}, want: 1, contains: "⋯"},
		{code: "X004", lang: "ko", cues: []string{"그런데..."}, want: 1},
		// Languages whose guide was not read for this are not judged.
		{code: "X004", lang: "fr", cues: []string{"Je sais..."}, want: 0},
		{code: "X004", lang: "en", cues: []string{"Two dots.. or four...."}, want: 0},
	} {
		c.run(t)
	}
}

func TestDialogueDash(t *testing.T) {
	for _, c := range []textCase{
		// English: hyphen, no space, both lines (the guide's own example).
		{code: "X005", lang: "en", cues: []string{"-Are you coming?\n-In a minute."}, want: 0},
		{code: "X005", lang: "en", cues: []string{"- Are you coming?\n- In a minute."}, want: 2, contains: "followed by a space"},
		{code: "X005", lang: "en", cues: []string{"-Are you coming?\nIn a minute."}, want: 1, contains: "does not"},
		{code: "X005", lang: "en", cues: []string{"-I'm coming."}, want: 1, contains: "one-line cue"},
		{code: "X005", lang: "en", cues: []string{"-Yes. -No."}, want: 0},
		{code: "X005", lang: "en", cues: []string{"(panting)\n-Stop!"}, want: 0},
		{code: "X005", lang: "fr", cues: []string{"- Attends\njusqu'à ce qu'il se réveille. - Pauvre homme."}, want: 0},
		{code: "X005", lang: "en", cues: []string{"–Are you coming?\n–Yes."}, want: 2, contains: "U+2013 EN DASH"},
		{code: "X005", lang: "en", cues: []string{"--and then he left.", "-5 degrees outside."}, want: 0},
		// French: hyphen and a space ("- Mais…").
		{code: "X005", lang: "fr", cues: []string{"- Mais…\n- Quoi ?"}, want: 0},
		{code: "X005", lang: "fr", cues: []string{"-Mais…\n-Quoi ?"}, want: 2, contains: "needs a space"},
		{code: "X005", lang: "ko", cues: []string{"- 뭐?\n- 아니야."}, want: 0},
		{code: "X005", lang: "de", cues: []string{"-Ich wollte…\n-Was?"}, want: 0},
		{code: "X005", lang: "es", cues: []string{"-Te iba a decir…\n-¿Qué?"}, want: 0},
		{code: "X005", lang: "es", cues: []string{"- Te iba a decir…\n- ¿Qué?", "-Te iba a decir…\n¿Qué?"}, want: 1, contains: "line 2 does not"},
		{code: "X005", lang: "ru", cues: []string{"-Я давно…\n-Что?"}, want: 0},
		// Hebrew: the second speaker only.
		{code: "X005", lang: "he", cues: []string{"מה?\n-כלום."}, want: 0},
		{code: "X005", lang: "he", cues: []string{"-מה?\n-כלום."}, want: 1, contains: "second speaker"},
		// Not checked where the pack has no convention.
		{code: "X005", lang: "it", cues: []string{"- Sì.\n-No."}, want: 0},
	} {
		c.run(t)
	}
	// A departure made everywhere is the file's style: one finding.
	var cues []string
	for i := 0; i < 12; i++ {
		cues = append(cues, "- Line one\n- Line two")
	}
	got := runText(t, "X005", "en", "show.srt", nil, cues...)
	if len(got) != 1 || !strings.Contains(got[0].Message, "24 of 24 dashed lines") {
		t.Errorf("house style: got %d findings %v, want one counting 24 of 24 lines", len(got), got)
	}
}

func TestPunctuation(t *testing.T) {
	for _, c := range []textCase{
		{code: "X006", lang: "en", cues: []string{"Really ?"}, want: 1},
		{code: "X006", lang: "en", cues: []string{"Wait , what"}, want: 1},
		{code: "X006", lang: "en", cues: []string{"I was ...thinking."}, want: 0},
		{code: "X006", lang: "de", cues: []string{"Was ist das ?"}, want: 1},
		// Subtitle Edit reports French "comprendre !": exportqc does not,
		// and reports the missing space instead.
		{code: "X006", lang: "fr", cues: []string{"Je veux comprendre !"}, want: 0},
		{code: "L004", lang: "fr", cues: []string{"Je veux comprendre !"}, want: 0},
		{code: "X007", lang: "fr", cues: []string{"Je veux comprendre !"}, want: 0},
		{code: "X007", lang: "fr", cues: []string{"Je veux comprendre\u202F!"}, want: 0},
		{code: "X007", lang: "fr", cues: []string{"Je veux comprendre!"}, want: 1, contains: "no space before \"!\""},
		{code: "X007", lang: "fr", cues: []string{"Il dit : « Oui » ; bon."}, want: 0},
		{code: "X007", lang: "fr", cues: []string{"Il dit «Oui»."}, want: 1, contains: "after «"},
		{code: "X007", lang: "fr", cues: []string{"Quoi ?!", "À 10:30, sur https://x.fr"}, want: 0},
		{code: "X007", lang: "en", cues: []string{"What!"}, want: 0},
		{code: "X007", lang: "fr", cues: []string{"Tu viens ?", "- ?"}, want: 0},
		// Spanish ¿…? ¡…!
		{code: "X008", lang: "es", cues: []string{"¿Vienes? ¡Vamos!"}, want: 0},
		{code: "X008", lang: "es", cues: []string{"Vienes?"}, want: 1, contains: "¿"},
		{code: "X008", lang: "es", cues: []string{"Si vienes, ¿me llamas?"}, want: 0},
		{code: "X008", lang: "es", cues: []string{"¿Vas a", "venir?"}, want: 0},
		{code: "X008", lang: "es", cues: []string{"¿Vienes."}, want: 1, contains: "closed"},
		{code: "X008", lang: "es", cues: []string{"¿Ha hablado con EE. UU.?"}, want: 0},
		{code: "X008", lang: "es", cues: []string{"Hola. Vienes?"}, want: 1},
		{code: "X008", lang: "es-419", cues: []string{"Qué bien!"}, want: 1},
		{code: "X008", lang: "en", cues: []string{"Coming?"}, want: 0},
		{code: "X008", lang: "es", cues: []string{"¿Vienes\nconmigo? ¡Sí!"}, want: 0}, // lines joined
		{code: "X008", lang: "es", cues: []string{"Hola,\nvienes?"}, want: 1, contains: "\"Hola, vienes?\""},
		// CJK full-width marks.
		{code: "X009", lang: "zh-Hans", cues: []string{"你好吗?"}, want: 1, contains: "？"},
		{code: "X009", lang: "zh-Hans", cues: []string{"你好吗？", "用 Netflix?"}, want: 0},
		{code: "X009", lang: "zh-Hant", cues: []string{"你好，\n我很好"}, want: 1, contains: "line end"},
		// Arabic's own comma and question mark.
		{code: "X016", lang: "ar", cues: []string{"كيف حالك?"}, want: 1, contains: "U+061F"},
		{code: "X016", lang: "ar", cues: []string{"مرحبا، كيف حالك؟", "شاهدت Netflix?", "الساعة 10, تماما"}, want: 0},
		{code: "X016", lang: "he", cues: []string{"מה?"}, want: 0},
		// Doubled punctuation; Spanish also ?! combinations.
		{code: "X010", lang: "en", cues: []string{"No!!"}, want: 1},
		{code: "X010", lang: "en", cues: []string{"Well... no."}, want: 0},
		{code: "X010", lang: "en", cues: []string{"Well.. no."}, want: 1},
		{code: "X010", lang: "es", cues: []string{"¿¡Qué?!"}, want: 1, contains: "?!"},
		{code: "X010", lang: "en", cues: []string{"What?!"}, want: 0},
	} {
		c.run(t)
	}
}

// A French file that never sets the space (Canadian French, or an export
// that dropped it) is one finding with the count.
func TestFrenchSpaceHouseStyle(t *testing.T) {
	var cues []string
	for i := 0; i < 12; i++ {
		cues = append(cues, "Quoi? Non!")
	}
	got := runText(t, "X007", "fr", "show.srt", nil, cues...)
	if len(got) != 1 || !strings.Contains(got[0].Message, "24 of 24 places") {
		t.Errorf("house style: got %d findings %v, want one counting 24 of 24 places", len(got), got)
	}
}

func TestItalicsNumbersSDHForcedLineBreaks(t *testing.T) {
	for _, c := range []textCase{
		{code: "X011", lang: "ar", cues: []string{"<i>مرحبا</i>"}, want: 1},
		{code: "X011", lang: "zh-Hans", cues: []string{"<i>你好"}, want: 1},
		{code: "X011", lang: "en", cues: []string{"<i>Hello"}, want: 0},
		{code: "X011", lang: "ko", cues: []string{"안녕"}, want: 0},
		{code: "X012", lang: "en", cues: []string{"I have 3 brothers."}, want: 1, contains: "three"},
		{code: "X012", lang: "en", cues: []string{"I have three brothers and 12 cousins."}, want: 0},
		{code: "X012", lang: "en", cues: []string{"At 10:30, 5% of the 3D 1st-floor $5 deals."}, want: 0},
		{code: "X012", lang: "en", cues: []string{"Wait. 12 people came."}, want: 1, contains: "sentence starts"},
		{code: "X012", lang: "en", cues: []string{"12 people came."}, want: 1, contains: "sentence starts"},
		{code: "X012", lang: "en", cues: []string{"There were", "12 of them."}, want: 0},
		{code: "X012", lang: "fr", cues: []string{"J'ai 3 frères."}, want: 0},
		// Corpus false positives: names, labels and formulas are not counts.
		{code: "X012", lang: "en", cues: []string{"Number 8...", "Config: 1", "I hat plus 2 times J hat", "Go to room 5.",
			"MAN 2:", "That horse is 80 to 1!", "a 2 by 2 matrix", "at negative 1"}, want: 0},
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"(DOOR SLAMS)"}, want: 1, contains: "[DOOR SLAMS]"},
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"[DOOR SLAMS]", "♪ Happy birthday ♪"}, want: 0},
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"♪ Happy birthday"}, want: 1, contains: "♪"},
		{code: "X013", lang: "en", path: "show.en.srt", cues: []string{"(DOOR SLAMS)"}, want: 0},
		// An unclosed or nested bracket is not part of the label: the
		// innermost pair is the label, and the message says the line's
		// brackets do not pair up.
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"(whispering (softly) Come here."}, want: 1,
			contains: `label "(softly)" in line 1 is in ( ); SDH labels use [ ]: [softly] (the line's ( ) are nested or unclosed`},
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"{music {faint} plays}"}, want: 1,
			contains: `label "{faint}"`},
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"Fine.) (sighs)"}, want: 1,
			contains: `label "(sighs)"`},
		// Brackets inside a sentence are the author's, not a label: a label
		// opens the line (after a speaker dash) or ends it after a sentence.
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"First (negative \\pos())."}, want: 0},
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"Call me at (555) 123-4567.", "Part (a) of the form.",
			"I (really) mean it.", "(555) 123-4567", "(a) Fine.", "(wo)man"}, want: 0},
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"- (sighs) Fine."}, want: 1, contains: "[sighs]"},
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"( giggles ):"}, want: 1, contains: "[ giggles ]"},
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"Who is it? {KNOCKING}"}, want: 1, contains: "[KNOCKING]"},
		{code: "X013", lang: "en", path: "show.en.sdh.srt", cues: []string{"Call f() now."}, want: 0},
		// Every SDH kind word qc/lang knows marks the file, not only "sdh".
		{code: "X013", lang: "en", path: "show.en.hoh.srt", cues: []string{"(DOOR SLAMS)"}, want: 1},
		{code: "X014", lang: "en", path: "show.en.forced.srt", cues: []string{"Three weeks later"}, want: 1},
		{code: "X014", lang: "en", path: "show.en.forced.srt", cues: []string{"THREE WEEKS LATER"}, want: 0},
		{code: "X014", lang: "tr", path: "dizi_tr_forced.srt", cues: []string{"Üç hafta sonra"}, want: 1},
		{code: "X014", lang: "en", path: "show.en.srt", cues: []string{"Three weeks later"}, want: 0},
		{code: "X014", lang: "en", path: "show.en.narrative.srt", cues: []string{"Three weeks later"}, want: 1},
		{code: "X014", lang: "en", path: "imsc11-valid-forced-display.xml", cues: []string{"Forced Display"}, want: 0},
		{code: "X014", lang: "fr", path: "show.fr.forced.srt", cues: []string{"Trois semaines plus tard"}, want: 0},
		{code: "X015", lang: "en", cues: []string{"I went to the\nstore yesterday."}, want: 1, contains: "\"the\""},
		{code: "X015", lang: "en", cues: []string{"I went to the store\nyesterday."}, want: 0},
		{code: "X015", lang: "en", cues: []string{"-Where is the\n-Over there."}, want: 0},
		{code: "X015", lang: "en", cues: []string{"I went all the way to the\nstore that sells shoes and hats, and the"}, want: 0},
		{code: "X015", lang: "fr", cues: []string{"Je vais à la\nmaison."}, want: 1},
	} {
		c.run(t)
	}
	// X017 is off by default; enabled, it reports short two-line cues only.
	var fits []rule.Finding
	for _, text := range []string{"I wanted you to be\nthe first to know.", "-Coming?\n-Yes.", "(panting)\nStop it!",
		"A sentence long enough that joined\nit no longer fits in forty-two."} {
		fits = append(fits, runTextEnabled(t, "X017", "en", text)...)
	}
	if len(fits) != 1 || !strings.Contains(fits[0].Message, "37 characters, limit 42") {
		t.Errorf("X017: %d findings %v, want one for the short cue", len(fits), fits)
	}
	// Captions (--variant captions, SCC) keep three dots and >> speakers:
	// CEA-608 has no ellipsis character.
	if got := runText(t, "X004", "en", "show.srt", []string{"captions"}, "Wait..."); len(got) != 0 {
		t.Errorf("captions: X004 reported %v", got)
	}
	if got := runText(t, "X005", "en", "show.srt", []string{"captions"}, "- Who?\n- Me."); len(got) != 0 {
		t.Errorf("captions: X005 reported %v", got)
	}
	// --variant sdh checks every file.
	if got := runText(t, "X013", "en", "show.en.srt", []string{"sdh"}, "(DOOR SLAMS)"); len(got) != 1 {
		t.Errorf("--variant sdh: %d findings, want 1", len(got))
	}
}

// Russian lines are limited to 39 characters (Subtitle Edit applies 42) and
// Japanese half-width characters count half (Subtitle Edit counts them 1).
func TestSubtitleEditDefects(t *testing.T) {
	ru40 := strings.Repeat("Я", 40)
	for _, c := range []textCase{
		{code: "L001", lang: "ru", cues: []string{ru40}, want: 1, contains: "more than 39"},
		{code: "L001", lang: "ru", cues: []string{ru40[:len("Я")*39]}, want: 0},
		// 11 full-width + 4 half-width = 13 counted, 15 code points.
		{code: "L001", lang: "ja", cues: []string{"これはテストです。ABCD今日"}, want: 0},
		{code: "L001", lang: "ja", cues: []string{"これはテストです。今日は晴れです"}, want: 1},
	} {
		c.run(t)
	}
}

// Every shipped language's glyph sets exist in textdata/glyphsets.txt and
// every pack value of the text rules is usable: a broken value would be a
// finding on a plain cue.
func TestShippedTextValuesAreUsable(t *testing.T) {
	langs := []string{"ar", "de", "en", "es", "es-419", "fr", "he", "hi", "id", "it", "ja", "ko", "pt-BR", "ru", "th", "tr", "vi", "zh-Hans", "zh-Hant"}
	for _, lang := range langs {
		for _, r := range checks.All() {
			if r.Family != "text" {
				continue
			}
			if got := runText(t, r.Code, lang, "show.srt", nil, "Ok"); len(got) != 0 {
				t.Errorf("%s [%s] on \"Ok\": %v", r.Code, lang, got[0].Message)
			}
		}
	}
}

// A value the rule cannot use (from --set or a project config) is a
// finding that says so, never a silent pass.
func TestUnusableValueIsReported(t *testing.T) {
	lib, err := shippedPacks()
	if err != nil {
		t.Fatal(err)
	}
	eff, err := lib.Resolve(pack.Request{Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	for code, param := range map[string]string{"X001": "glyph_sets", "X005": "style", "X002": "allow", "X016": "replace"} {
		cfg := *eff.Config(code)
		cfg.Params = map[string]rule.Setting{}
		for k, v := range eff.Config(code).Params {
			cfg.Params[k] = v
		}
		cfg.Params[param] = rule.Setting{Value: rule.Value{String: "U+ZZ klingon"}}
		doc := &cue.Document{Format: "srt", Cues: []cue.Cue{{Index: 1, Lines: cue.SplitLines("Ok")}}}
		var got []rule.Finding
		rule.NewPass(checks.Lookup(code), &rule.File{Path: "x.srt", Language: "en"}, doc, &cfg,
			func(f rule.Finding) { got = append(got, f) }).Run()
		if len(got) != 1 || !strings.Contains(got[0].Message, "did not run") {
			t.Errorf("%s with %s=%q: %v, want one finding saying the rule did not run", code, param, "U+ZZ klingon", got)
		}
	}
}
