package checks

import (
	"slices"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/pack"
)

// X005 passes over cues whose line facts rule out a leading dash: plain
// ASCII dialogue, with and without the space the pack forbids, and
// dialogue in other scripts with each dash, must give the findings a full
// read gives, and some (the random lines of TestLineFactsChangeNoFinding
// seldom make a dashed cue).
func TestDialogueDashSkipsOnlyUndashedCues(t *testing.T) {
	for _, d := range []rune{'‐', '–', '—', '‑', '‒', '―'} {
		if highBlockOf(d) != dashBlock {
			t.Fatalf("%U is not in the block of the speaker dashes", d)
		}
	}
	lib, err := pack.Load(All())
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"en", "fr", "ru", "es", "ar", "zh-Hans", "ja"}
	packs := map[string]*pack.Effective{}
	for _, lang := range langs {
		if packs[lang], err = lib.Resolve(pack.Request{Language: lang}); err != nil {
			t.Fatal(err)
		}
	}
	doc := &cue.Document{Format: "srt"}
	texts := [][]string{{"-Are you coming?", "-Yes."}, {"- Are you coming?", "- No."}, {"I waited.", "All night."},
		{"-Stop!", "He ran."}, {"- Alone", "on a line"}, {"Nothing", "here"}, {"– Dash", "– Dash"},
		{"– Ты идёшь?", "– Да."}, {"—Oui.", "—Non."}, {"‐Hyphen", "‐here"}, {"Привет", "мир"}, {"— Один"},
		{"你好", "—再见"}, {"–¿Vienes?", "Sí."}, {"مرحبا", "- نعم"}, {"Déjà", "vu"}}
	for i, lines := range texts {
		c := cue.Cue{Index: i + 1, Start: cue.Time(i) * cue.Second * 3, End: cue.Time(i)*cue.Second*3 + cue.Second*2}
		for _, l := range lines {
			c.Lines = append(c.Lines, cue.Line{Text: l})
		}
		doc.Cues = append(doc.Cues, c)
	}
	found := 0
	for _, lang := range langs {
		fast := runRule(t, packs, "X005", lang, "Show."+lang+".srt", doc, false)
		full := runRule(t, packs, "X005", lang, "Show."+lang+".srt", doc, true)
		if !slices.Equal(fast, full) {
			t.Fatalf("%s: with the line facts %q, reading every line %q", lang, fast, full)
		}
		found += len(full)
	}
	if found == 0 {
		t.Fatal("X005 found nothing: the comparison shows nothing")
	}
}
