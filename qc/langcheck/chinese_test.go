package langcheck

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/langcheck/internal/hanzigen"
)

func TestChineseScriptCounts(t *testing.T) {
	st := ChineseScript(lines(scene["zh-Hans"]))
	if st.Traditional != 0 || st.Simplified < 40 || st.DistinctSimplified < 20 || st.Shared == 0 {
		t.Errorf("Simplified scene: %+v", st)
	}
	st = ChineseScript(lines(scene["zh-Hant"]))
	if st.Simplified != 0 || st.Traditional < 40 || st.DistinctTraditional < 20 || st.Shared == 0 {
		t.Errorf("Traditional scene: %+v", st)
	}
	// Pairs every reader of Chinese knows, and characters both scripts
	// write the same way, including those OpenCC converts only in some
	// words (后/後, 干/幹, 里/裏, 台/臺: 后 and 台 stay in Traditional text).
	for _, c := range []struct {
		s     string
		class uint8
	}{
		{"们这个国说时会没还对来过吗发为线", hanSimplified},
		{"們這個國說時會沒還對來過嗎發為麼線髮裡爲綫", hanTraditional},
		{"人我你的是在有一不了和大中上天后干里台着著吃真查教么", hanShared},
	} {
		st := ChineseScript([]string{c.s})
		n := len([]rune(c.s))
		got := map[uint8]int{hanSimplified: st.Simplified, hanTraditional: st.Traditional, hanShared: st.Shared}
		if got[c.class] != n {
			t.Errorf("%s: %+v, want all %d in class %d", c.s, st, n, c.class)
		}
	}
	// Distinct counts and examples: a repeated character counts once.
	st = ChineseScript([]string{"們們們們 這這", "説"})
	if st.Traditional != 7 || st.DistinctTraditional != 3 || string(st.TraditionalExamples) != "們這説" {
		t.Errorf("repeats: %+v", st)
	}
	// Non-Han text is ignored; Japanese kana are not Han.
	st = ChineseScript([]string{"Hello, мир! こんにちは 123"})
	if st.Simplified+st.Traditional+st.Shared != 0 {
		t.Errorf("non-Han text counted: %+v", st)
	}
	if st := ChineseScript(nil); st.Shared != 0 || st.SimplifiedExamples != nil {
		t.Errorf("nil: %+v", st)
	}
}

func TestChineseScriptOf(t *testing.T) {
	for in, want := range map[string]string{
		"zh": "Hans", "zh-CN": "Hans", "zh-SG": "Hans", "zh-MY": "Hans", "zh-Hans": "Hans", "zh-Hans-HK": "Hans",
		"zh-TW": "Hant", "zh-HK": "Hant", "zh-MO": "Hant", "zh-Hant": "Hant", "zh-Hant-CN": "Hant",
		"cmn": "Hans", "cmn-Hans": "Hans", "cmn-Hant": "Hant", "cmn-TW": "Hant", "zh-cmn-Hant": "Hant",
		"yue": "Hant", "yue-HK": "Hant", "yue-CN": "Hans", "yue-Hans": "Hans", "zh_TW": "Hant", "ZH-hk": "Hant",
		"ja": "", "ko": "", "en": "", "": "", "nonsense tag": "",
	} {
		if got := ChineseScriptOf(in); got != want {
			t.Errorf("ChineseScriptOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScriptMismatch(t *testing.T) {
	hans, hant := lines(scene["zh-Hans"]), lines(scene["zh-Hant"])
	cases := []struct {
		name, declared string
		text           []string
		detected       string // "" = no report
	}{
		{"Simplified as zh-Hans", "zh-Hans", hans, ""},
		{"Simplified as zh-CN", "zh-CN", hans, ""},
		{"Simplified as zh", "zh", hans, ""},
		{"Simplified as zh-TW", "zh-TW", hans, "Hans"},
		{"Simplified as zh-Hant", "zh-Hant", hans, "Hans"},
		{"Simplified as yue", "yue", hans, "Hans"},
		{"Traditional as zh-TW", "zh-TW", hant, ""},
		{"Traditional as zh-HK", "zh-HK", hant, ""},
		{"Traditional as zh-Hans", "zh-Hans", hant, "Hant"},
		{"Traditional as zh", "zh", hant, "Hant"},
		{"Traditional as cmn-Hans", "cmn-Hans", hant, "Hant"},
		{"Traditional as ja (not Chinese)", "ja", hant, ""},
		{"Traditional as en", "en", hant, ""},
		{"half and half as zh-Hans", "zh-Hans", append(append([]string{}, hans...), hant...), "Hant"},
		{"half and half as zh-Hant", "zh-Hant", append(append([]string{}, hans...), hant...), "Hans"},
	}
	for _, c := range cases {
		m := ScriptMismatch(c.declared, ChineseScript(c.text), ScriptOptions{})
		switch {
		case c.detected == "" && m != nil:
			t.Errorf("%s: %s", c.name, m.Message)
		case c.detected != "" && m == nil:
			t.Errorf("%s: not reported", c.name)
		case m != nil:
			if m.Detected != c.detected || m.Rule != "G003" || m.Basis != "characters" || len(m.Examples) == 0 {
				t.Errorf("%s: %+v", c.name, *m)
			}
			for _, r := range m.Examples {
				if !strings.ContainsRune(m.Message, r) {
					t.Errorf("%s: message %q lacks example %c", c.name, m.Message, r)
				}
			}
		}
	}
}

// Names written in the other script now and then: a Simplified file that
// mentions Taiwan, a Hong Kong company and a traditional shop sign; a
// Traditional file quoting a mainland slogan. Neither is a mismatch.
func TestScriptMismatchOccasionalNames(t *testing.T) {
	hans := append(lines(scene["zh-Hans"]),
		"他下个月要去臺灣出差。",
		"我们在國泰航空的柜台见面。",
		"那家老店的招牌还写着“萬壽堂”。",
	)
	if m := ScriptMismatch("zh-Hans", ChineseScript(hans), ScriptOptions{}); m != nil {
		t.Errorf("Simplified with Traditional names: %s", m.Message)
	}
	hant := append(lines(scene["zh-Hant"]),
		"牆上貼著一張舊海報，寫著「为人民服务」。",
		"他是從中国来的。",
	)
	if m := ScriptMismatch("zh-Hant", ChineseScript(hant), ScriptOptions{}); m != nil {
		t.Errorf("Traditional with Simplified quotes: %s", m.Message)
	}
}

// The thresholds are the file's to configure: four distinct Traditional
// characters, however often, stay below the default of five.
func TestScriptMismatchOptions(t *testing.T) {
	text := []string{"們這個國們這個國們這個國", "我的人"}
	st := ChineseScript(text)
	if st.DistinctTraditional != 4 {
		t.Fatalf("stats: %+v", st)
	}
	if m := ScriptMismatch("zh-Hans", st, ScriptOptions{}); m != nil {
		t.Errorf("4 distinct characters reported with the default 5: %s", m.Message)
	}
	if m := ScriptMismatch("zh-Hans", st, ScriptOptions{MinScriptChars: 3}); m == nil {
		t.Error("not reported with MinScriptChars 3")
	}
	// A share below MinOtherShare: mostly Simplified with six distinct
	// Traditional characters once each.
	text = append(lines(scene["zh-Hans"]), "們這個國說時")
	st = ChineseScript(text)
	if m := ScriptMismatch("zh-Hans", st, ScriptOptions{}); m != nil {
		t.Errorf("small share reported: %s", m.Message)
	}
	if m := ScriptMismatch("zh-Hans", st, ScriptOptions{MinOtherShare: 0.05}); m == nil {
		t.Error("not reported with MinOtherShare 0.05")
	}
}

// OpenCC's own converters produce text in each standard: Taiwan and Hong
// Kong Traditional (s2tw, s2hk, with Taiwanese phrases s2twp) and
// Simplified (t2s). None of that text may count a character of the other
// script, or real Taiwanese and Hong Kong files would be reported.
func TestOpenCCConversions(t *testing.T) {
	texts := []string{scene["zh-Hans"]}
	if dir := corpusDirOrEmpty(t); dir != "" {
		for _, p := range []string{"srt/subtitlesparser/zh-en_bilingual_20140116-103727.srt", "ass/subtitlesparser/zh-en_YYeTs_20140118-044614.ass"} {
			ls, _ := corpusLines(t, filepath.Join(dir, p))
			texts = append(texts, strings.Join(ls, "\n"))
		}
	}
	conv := func(name, in string) string {
		cc, err := opencc.New(name)
		if err != nil {
			t.Fatal(err)
		}
		out, err := cc.Convert(in)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for i, src := range texts {
		for _, to := range []string{"s2t", "s2tw", "s2hk", "s2twp"} {
			out := conv(to, src)
			st := ChineseScript(lines(out))
			if st.Simplified != 0 || st.Traditional == 0 {
				t.Errorf("text %d via %s: %d Simplified-only characters (%s), %d Traditional", i, to, st.Simplified, string(st.SimplifiedExamples), st.Traditional)
			}
			if m := ScriptMismatch(map[string]string{"s2t": "zh-Hant", "s2tw": "zh-TW", "s2hk": "zh-HK", "s2twp": "zh-TW"}[to], st, ScriptOptions{}); m != nil {
				t.Errorf("text %d via %s: %s", i, to, m.Message)
			}
			back := ChineseScript(lines(conv("t2s", out)))
			if back.Traditional != 0 {
				t.Errorf("text %d via %s and t2s: %d Traditional-only characters (%s)", i, to, back.Traditional, string(back.TraditionalExamples))
			}
		}
	}
}

func corpusDirOrEmpty(t testing.TB) string {
	root := testcorpus.RepoRoot(t)
	dir := filepath.Join(root, "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return testcorpus.Dir(t)
}

// The corpus's Simplified Chinese files pass as zh-Hans and are reported
// as zh-Hant.
func TestChineseCorpus(t *testing.T) {
	dir := testcorpus.Dir(t)
	for _, p := range []string{"srt/subtitlesparser/zh-en_bilingual_20140116-103727.srt", "ass/subtitlesparser/zh-en_YYeTs_20140118-044614.ass"} {
		ls, _ := corpusLines(t, filepath.Join(dir, p))
		st := ChineseScript(ls)
		if m := ScriptMismatch("zh-Hans", st, ScriptOptions{}); m != nil {
			t.Errorf("%s as zh-Hans: %s", p, m.Message)
		}
		m := ScriptMismatch("zh-TW", st, ScriptOptions{})
		if m == nil {
			t.Errorf("%s as zh-TW: not reported (%+v)", p, st)
			continue
		}
		t.Logf("%s as zh-TW: %s", p, m.Message)
	}
}

// The sets are disjoint, are all Han characters, and are exactly what the
// generator derives from the OpenCC module go.mod names: the table in
// hanzi_table.go was not edited by hand.
func TestHanziTable(t *testing.T) {
	simp := map[rune]bool{}
	for _, r := range simplifiedOnly {
		simp[r] = true
		if classify(r) != scHan {
			t.Errorf("%c (U+%04X) in simplifiedOnly is not Han", r, r)
		}
	}
	for _, r := range traditionalOnly {
		if simp[r] {
			t.Errorf("%c in both sets", r)
		}
		if classify(r) != scHan {
			t.Errorf("%c (U+%04X) in traditionalOnly is not Han", r, r)
		}
	}
	if len(simp) < 2000 || len([]rune(traditionalOnly)) < 2000 {
		t.Errorf("tables too small: %d, %d", len(simp), len([]rune(traditionalOnly)))
	}
	want, err := hanzigen.Generate()
	if err != nil {
		t.Skipf("cannot regenerate the table (%v)", err)
	}
	have, err := os.ReadFile("hanzi_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, want) {
		t.Error("hanzi_table.go differs from what go generate makes from OpenCC; run go generate ./qc/langcheck")
	}
}
