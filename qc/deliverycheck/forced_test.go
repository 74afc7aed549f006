package deliverycheck_test

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
)

// D008: every forced event must be in the full subtitles of its language
// (same episode), matched by time (within the tolerance) and by text
// (case, punctuation and spacing ignored).
func TestForcedInFull(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "E1/full.fr.srt", srt(
		"1-3 Bonjour.",
		"10-12 Entrée interdite !",
		"20-22 Il dit : « Attention au chien »,\nmais personne ne l'écoute.",
		"30-32 北京欢迎你",
	))
	write(t, dir, "E1/forced.fr.srt", srt(
		"10.3-12.2 ENTRÉE INTERDITE", // case and punctuation differ, timing a little
		"20-21 ATTENTION AU CHIEN",   // a part of a longer event
		"25-26 DÉFENSE DE FUMER",     // not in the full file
		"30.4-31 北京欢迎你",              // no spaces to split on
		"50-52 ENTRÉE INTERDITE",     // the text exists, but at another time
	))
	write(t, dir, "E1/forced.en.srt", srt("5-6 NO ENTRY"))           // no English full file: nothing to compare
	write(t, dir, "E2/forced.fr.srt", srt("10-12 ENTRÉE INTERDITE")) // episode 2 has its own full file
	write(t, dir, "E2/full.fr-FR.srt", srt("40-42 Autre chose."))
	d := &delivery.Delivery{Root: dir, Kind: delivery.KindNative, Manifests: []string{"m.yaml"}}
	add := func(ep int, p, kind, lang string) int {
		return d.AddFile(delivery.File{Path: p, Kind: kind, Language: lang, Episode: ep, Size: -1, Manifest: "m.yaml"})
	}
	d.Episodes = []delivery.Episode{
		{Number: 1, Files: []int{add(1, "E1/full.fr.srt", delivery.Subtitles, "fr"), add(1, "E1/forced.fr.srt", delivery.Forced, "fr"), add(1, "E1/forced.en.srt", delivery.Forced, "en")}},
		{Number: 2, Files: []int{add(2, "E2/forced.fr.srt", delivery.Forced, "fr"), add(2, "E2/full.fr-FR.srt", delivery.Subtitles, "fr-FR")}},
	}
	d.Finish()
	var got []string
	for _, f := range check(t, input(t, d, nil)) {
		if f.Rule != "D008" {
			continue
		}
		got = append(got, strings.TrimPrefix(f.File, "dlv/")+"#"+itoa(f.Cue))
		if f.Line == 0 || f.Start == nil || !strings.Contains(f.Message, "full subtitles") {
			t.Errorf("finding %+v", f)
		}
	}
	if strings.Join(got, " ") != "E1/forced.fr.srt#3 E1/forced.fr.srt#5 E2/forced.fr.srt#1" {
		t.Errorf("D008 at %v", got)
	}
}
