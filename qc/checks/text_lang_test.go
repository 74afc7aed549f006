package checks_test

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// Quotation marks per language (X018) and their balance (X019), with the
// shipped packs' pairs.
func TestQuotationMarks(t *testing.T) {
	for _, c := range []textCase{
		{code: "X018", lang: "fr", cues: []string{"Il a dit : « Viens ! »"}, want: 0},
		{code: "X018", lang: "fr", cues: []string{"Il a dit \"non\"."}, want: 1, contains: "U+0022 QUOTATION MARK"},
		{code: "X018", lang: "de", cues: []string{"Er sagte: „Komm!“"}, want: 0},
		{code: "X018", lang: "de", cues: []string{"Das ist «komisch»."}, want: 1, contains: "„…“"},
		{code: "X018", lang: "en", cues: []string{"He said, “Come.”", "She said, \"No.\""}, want: 0},
		{code: "X018", lang: "en", cues: []string{"That's «odd»."}, want: 1},
		{code: "X018", lang: "ja", cues: []string{"彼は「来い」と言った"}, want: 0},
		{code: "X018", lang: "ja", cues: []string{"彼女は“いいえ”と答えた"}, want: 1},
		{code: "X018", lang: "zh-Hans", cues: []string{"他说“过来”"}, want: 0},
		{code: "X018", lang: "zh-Hans", cues: []string{"她说「不要」"}, want: 1},
		// Apostrophes are not quotes; an inch mark is not one either.
		{code: "X018", lang: "fr", cues: []string{"L’homme qu'il a vu", "Il mesure 6'2\"."}, want: 0},
		// A language the packs give no pairs does not run the rule.
		{code: "X018", lang: "es", cues: []string{"Dijo «no» y \"sí\""}, want: 0},

		// A quote over five cues, closed in the last: nothing to report.
		{code: "X019", lang: "en", cues: []string{"He sang,\n\"She takes", "and she makes", "love", "and she aches", "like a girl.\""}, want: 0},
		// The book style: each continuing cue re-opens the quote.
		{code: "X019", lang: "en", cues: []string{"He read: “Dear John,", "“I miss you.”"}, want: 0},
		{code: "X019", lang: "en", cues: []string{"She said, “Wait", "Then, “Go.”"}, want: 1, contains: "opens another quotation"},
		{code: "X019", lang: "en", cues: []string{"That's it.”"}, want: 1, contains: "closes no open quotation"},
		{code: "X019", lang: "en", cues: []string{"Last words: “The end"}, want: 1, contains: "the file ends"},
		// Straight quotes read from their neighbours: "09", an inch mark,
		// an opening hidden by = (closing nothing is let be).
		{code: "X019", lang: "en", cues: []string{"The code is \"09\" for English.", "He's 5'10\" tall.", "origin=\"5% 5%\" here"}, want: 0},
		{code: "X019", lang: "fr", cues: []string{"Il a dit non »."}, want: 1},
		{code: "X019", lang: "de", cues: []string{"Sie sagte: „Nein.", "Er sagte: „Doch.“"}, want: 1},
	} {
		c.run(t)
	}
}

// Japanese acronyms (X021), with the guide's own examples.
func TestJapaneseWidth(t *testing.T) {
	for _, c := range []textCase{
		{code: "X021", lang: "ja", cues: []string{"ＢＢＣの記者です"}, want: 0},
		{code: "X021", lang: "ja", cues: []string{"BBCの記者です"}, want: 1, contains: "ＢＢＣ"},
		{code: "X021", lang: "ja", cues: []string{"CIAとUSA"}, want: 2},
		// Longer than 5: half-width is the guide's recommendation.
		{code: "X021", lang: "ja", cues: []string{"LGBTQ+の権利", "NASDAQの株価"}, want: 0},
		// An English phrase, a code with digits, a single capital.
		{code: "X021", lang: "ja", cues: []string{"I LOVE YOU", "あいAB34三四", "Aさん"}, want: 0},
		// Capital words in a run, across punctuation, are a phrase; a line
		// with no kana or Han has no Japanese to set an acronym in.
		{code: "X021", lang: "ja", cues: []string{"OK, BOSS. わかった", "TEXT 1 (bottom)", "「OK!」 NHK", "Auto (TBLR) ございます"}, want: 0},
		{code: "X021", lang: "ja", cues: []string{"NHK、BBCのニュース", "CIA/FBIの捜査", "記者(BBC)です"}, want: 5},
		// Single digits are not judged: the pack leaves that clause off.
		{code: "X021", lang: "ja", cues: []string{"1人で行く"}, want: 0},
		{code: "X021", lang: "zh-Hans", cues: []string{"BBC记者"}, want: 0},
	} {
		c.run(t)
	}
}

// Forced narratives mixed with dialogue (X023): forced files only, in the
// languages whose on-screen text is in capitals.
func TestForcedMixedWithDialogue(t *testing.T) {
	for _, c := range []textCase{
		{code: "X023", lang: "en", path: "show.en.forced.srt", cues: []string{"THE OLD MILL\nWhere are you going?"}, want: 1, contains: "give each its own event"},
		{code: "X023", lang: "en", path: "show.en.forced.srt", cues: []string{"THE OLD MILL", "KEEP OUT\nNO ENTRY"}, want: 0},
		{code: "X023", lang: "en", path: "show.en.srt", cues: []string{"THE OLD MILL\nWhere are you going?"}, want: 0},
		{code: "X023", lang: "tr", path: "show.tr.forced.srt", cues: []string{"ESKİ DEĞİRMEN\nNereye gidiyorsun?"}, want: 1},
		{code: "X023", lang: "de", path: "show.de.forced.srt", cues: []string{"DIE ALTE MÜHLE\nWohin gehst du?"}, want: 0},
	} {
		c.run(t)
	}
}

// runKind runs a rule, enabled, on a file whose delivery manifest states
// kind (empty: a loose file).
func runKind(t *testing.T, code, lang, path, kind string, cues ...string) []rule.Finding {
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
	rule.NewPass(checks.Lookup(code), &rule.File{Path: path, Language: lang, Kind: kind}, doc, &cfg,
		func(f rule.Finding) { got = append(got, f) }).Run()
	return got
}

// The manifest's kind reaches the rules: sdh or forced from the manifest
// counts whatever the name says; its plain "subtitles" does not hide a
// name's sdh (checksum lists guess it from the extension).
func TestKindFromManifest(t *testing.T) {
	for _, c := range []struct {
		code, path, kind string
		cues             []string
		want             int
	}{
		{"X013", "show.en.cc.srt", "sdh", []string{"(DOOR SLAMS)"}, 1},
		{"X013", "show.en.cc.srt", "", []string{"(DOOR SLAMS)"}, 0},
		{"X013", "show.en.sdh.srt", "subtitles", []string{"(DOOR SLAMS)"}, 1},
		{"X014", "show.en.signs.srt", "forced", []string{"The old mill"}, 1},
		{"X022", "show.en.cc.srt", "sdh", []string{"[DOOR SLAMS]", "Who's there?"}, 1},
		{"X022", "show.en.cc.srt", "subtitles", []string{"[DOOR SLAMS]", "Who's there?"}, 0},
		{"X023", "show.en.signs.srt", "forced", []string{"THE OLD MILL\nWhere are you going?"}, 1},
	} {
		if got := runKind(t, c.code, "en", c.path, c.kind, c.cues...); len(got) != c.want {
			t.Errorf("%s %s kind %q: %d findings, want %d", c.code, c.path, c.kind, len(got), c.want)
		}
	}
}

// Rules shipped off (X020, X022) when enabled: Simplified Chinese commas
// and full stops anywhere; SDH labels in the pack's case.
func TestEnabledChineseAndLabelCase(t *testing.T) {
	if got := runTextEnabled(t, "X020", "zh-Hans", "我们走吧，快点。", "我们走吧 快点", "跑了3.5公里", "Mr. Smith来了", "他叫Mr.王", "等等..."); len(got) != 1 ||
		!strings.Contains(got[0].Message, "，。") {
		t.Errorf("X020: %v, want one finding naming ，。", got)
	}
	// The half-width comma is in the pack as U+002C (a bare comma separates the list).
	if got := runTextEnabled(t, "X020", "zh-Hans", "好吧,我们走."); len(got) != 1 || got[0].Actual != ",." {
		t.Errorf("X020 half-width: %v, want one finding naming ,.", got)
	}
	if got := runTextEnabled(t, "X020", "zh-Hant", "我們走吧，快點"); len(got) != 0 {
		t.Errorf("X020 zh-Hant: %v, want none (its pack gives no marks)", got)
	}
	got := runKind(t, "X022", "en", "show.en.sdh.srt", "", "[door slams]", "[DOOR SLAMS]", "[John laughs]", "[TV playing] Who's there?")
	if len(got) != 1 || got[0].Expected != "lower case, proper nouns capitalised" {
		t.Errorf("X022: %v, want one finding expecting lower case with proper nouns capitalised", got)
	}
	// One-word labels are mostly names or acronyms; a label's proper noun
	// is never lower-cased in what the finding expects.
	got = runKind(t, "X022", "en", "show.en.sdh.srt", "", "[JOHN] Hello?", "[TV] News.", "[IN RUSSIAN] Da.")
	if len(got) != 1 || got[0].Actual != "[IN RUSSIAN]" || strings.Contains(got[0].Message, "russian") {
		t.Errorf("X022 names and acronyms: %v, want one finding on [IN RUSSIAN] that does not write russian", got)
	}
	// Captions in capitals throughout (CEA-608): their labels follow.
	if got := runKind(t, "X022", "en", "show.en.sdh.srt", "", "[APPLAUSE]", "MR. PRESIDENT, TOGETHER", "WITH THE CITIZENS"); len(got) != 0 {
		t.Errorf("X022 on capitals captions: %v, want none", got)
	}
}

// A pack value the rule cannot read is one finding, and the rule does not
// run on a wrong value.
func TestBadQuotePairs(t *testing.T) {
	r := checks.Lookup("X018")
	v, err := rule.ParseValue(rule.KindString, "«»»")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &rule.Config{Enabled: true, Severity: rule.Warning, Params: map[string]rule.Setting{
		"pairs": {Value: v, Layer: "project", Source: "test"}}}
	doc := &cue.Document{Format: "srt", Cues: []cue.Cue{{Index: 1, Line: 1, Lines: cue.SplitLines("\"non\"")}}}
	var got []rule.Finding
	rule.NewPass(r, &rule.File{Path: "show.srt"}, doc, cfg, func(f rule.Finding) { got = append(got, f) }).Run()
	if len(got) != 1 || !strings.Contains(got[0].Message, "unusable") {
		t.Errorf("got %v, want one 'unusable' finding", got)
	}
}

// Invalid UTF-8 next to a configured mark is read byte by byte, never out
// of the line.
func TestQuotesOnInvalidText(t *testing.T) {
	r := checks.Lookup("X019")
	v, err := rule.ParseValue(rule.KindString, "\uFFFD\uFFFD «»")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &rule.Config{Enabled: true, Severity: rule.Info, Params: map[string]rule.Setting{
		"pairs": {Value: v, Layer: "project", Source: "test"}}}
	for _, text := range []string{"\xff", "a\xff", "\xffb", "« \xff"} {
		doc := &cue.Document{Format: "srt", Cues: []cue.Cue{{Index: 1, Line: 1, Lines: cue.SplitLines(text)}}}
		rule.NewPass(r, &rule.File{Path: "show.srt"}, doc, cfg, func(rule.Finding) {}).Run()
	}
}
