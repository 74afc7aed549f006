package deliverycheck_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/format"
	"github.com/exportqc/exportqc/qc/territory"
)

// The shipped territory packs, as a delivery sees them: which episodes a
// territory finds lacking (D001), for the deliveries users send.
func TestShippedTerritoryRequirements(t *testing.T) {
	cases := []struct {
		name     string
		terr     []string
		variants []string
		eps      map[int][]string
		missing  []int // episodes reported missing, in order
		words    []string
	}{
		{"FR requires French subtitles", []string{"FR"}, nil,
			map[int][]string{1: {"fr subtitles"}, 2: {"en subtitles", "fr forced"}}, []int{2}, []string{"FR", "French (fr) subtitles"}},
		{"FR takes fr-FR and SDH", []string{"FR"}, nil,
			map[int][]string{1: {"fr-FR subtitles"}, 2: {"fr sdh"}}, nil, nil},
		{"FR does not take Canadian French", []string{"FR"}, nil,
			map[int][]string{1: {"fr-CA subtitles"}}, []int{1}, nil},
		{"MENA requires Arabic", []string{"MENA"}, nil,
			map[int][]string{1: {"ar subtitles"}, 2: {"ar-SA subtitles"}, 3: {"en subtitles", "fr subtitles"}}, []int{3}, []string{"MENA", "Arabic (ar)"}},
		{"a MENA country code selects the MENA pack", []string{"AE"}, nil,
			map[int][]string{1: {"en subtitles"}}, []int{1}, []string{"MENA"}},
		{"TW accepts zh-Hant and zh-TW", []string{"TW"}, nil,
			map[int][]string{1: {"zh-Hant subtitles"}, 2: {"zh-TW subtitles"}, 3: {"cmn-Hant sdh"}}, nil, nil},
		{"TW rejects Simplified and Hong Kong", []string{"TW"}, nil,
			map[int][]string{1: {"zh-Hans subtitles"}, 2: {"zh-CN subtitles"}, 3: {"zh-HK subtitles"}}, []int{1, 2, 3}, []string{"Traditional Chinese (zh-Hant)"}},
		{"HK accepts Hong Kong and Taiwan usage", []string{"HK"}, nil,
			map[int][]string{1: {"zh-HK subtitles"}, 2: {"zh-TW subtitles"}, 3: {"zh-Hans subtitles"}}, []int{3}, nil},
		{"LATAM accepts es-MX for es-419", []string{"LATAM"}, nil,
			map[int][]string{1: {"es-MX subtitles"}, 2: {"es-419 subtitles"}, 3: {"es-CO subtitles"}, 4: {"es-ES subtitles"}, 5: {"es subtitles"}}, []int{4, 5}, []string{"Latin American Spanish (es-419)"}},
		{"ES wants Castilian, not Latin American", []string{"ES"}, nil,
			map[int][]string{1: {"es-ES subtitles"}, 2: {"es-MX subtitles"}}, []int{2}, nil},
		{"US takes any English text track", []string{"US"}, nil,
			map[int][]string{1: {"en subtitles"}, 2: {"en-US sdh"}, 3: {"en captions"}}, nil, nil},
		{"US broadcast wants captions or SDH", []string{"US"}, []string{"broadcast"},
			map[int][]string{1: {"en subtitles"}, 2: {"en-US sdh"}, 3: {"en captions"}}, []int{1}, []string{"closed captions", "US"}},
		{"forced narratives are not full subtitles", []string{"FR"}, nil,
			map[int][]string{1: {"fr forced"}}, []int{1}, nil},
		{"SG wants English and Simplified Chinese", []string{"SG"}, nil,
			map[int][]string{1: {"en subtitles", "zh-SG subtitles"}, 2: {"en subtitles"}}, []int{2}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := episodic(c.eps)
			got := only(check(t, input(t, d, c.terr, c.variants...)), "D001")
			var want []string
			for _, n := range c.missing {
				want = append(want, "dlv/manifest.yaml:"+itoa(10*n))
			}
			var at []string
			for _, g := range got {
				at = append(at, strings.SplitN(g, " ", 2)[0])
			}
			if !slices.Equal(at, want) {
				t.Errorf("D001 at %v, want %v\n%s", at, want, strings.Join(got, "\n"))
			}
			for _, g := range got {
				for _, w := range c.words {
					if !strings.Contains(g, w) {
						t.Errorf("%q does not say %q", g, w)
					}
				}
			}
		})
	}
}

// A film (no episodes) is checked as one programme; a subtitle file
// without a language is reported on its own manifest line.
func TestProgrammeAndLanguageless(t *testing.T) {
	d := &delivery.Delivery{Root: "/nonexistent", Kind: delivery.KindNative, Manifests: []string{"m.yaml"}}
	d.AddFile(delivery.File{Path: "film.srt", Kind: delivery.Subtitles, Size: -1, Manifest: "m.yaml", Line: 7})
	d.AddFile(delivery.File{Path: "film.mov", Kind: delivery.Video, Size: -1, Manifest: "m.yaml", Line: 9})
	d.Finish()
	got := only(check(t, input(t, d, []string{"JP"})), "D001")
	if len(got) != 2 || !strings.HasPrefix(got[0], "dlv/m.yaml:0 the programme has no Japanese (ja) subtitles") ||
		!strings.HasPrefix(got[1], "dlv/m.yaml:7 film.srt (subtitles) is declared without a language") {
		t.Errorf("D001 %q", got)
	}
}

// D012: a territory that lists formats reports the others.
func TestFormatNotAccepted(t *testing.T) {
	d := episodic(map[int][]string{1: {"en sdh"}})
	d.AddFile(delivery.File{Path: "E1/x.en.stl", Kind: delivery.Subtitles, Language: "en", Episode: 1, Size: -1})
	in := input(t, d, []string{"GB"}, "broadcast")
	got := only(check(t, in), "D012")
	if len(got) != 1 || !strings.Contains(got[0], "dlv/E1/0.en.srt") || !strings.Contains(got[0], "srt is not a subtitle format territory GB") {
		t.Errorf("D012 %q", got)
	}
	if got := only(check(t, input(t, d, []string{"GB"})), "D012"); len(got) != 0 {
		t.Errorf("GB without broadcast restricts formats: %q", got)
	}
}

// The requirement kinds are the delivery model's timed-text kinds, and the
// formats a pack may accept are the readers' names.
func TestTerritoryListsMatchTheModel(t *testing.T) {
	var text []string
	for _, k := range delivery.FileKinds {
		if delivery.IsText(k) {
			text = append(text, k)
		}
	}
	if !slices.Equal(text, territory.Kinds) {
		t.Errorf("territory.Kinds %v, delivery text kinds %v", territory.Kinds, text)
	}
	for _, f := range territory.Formats {
		if format.ByName(f) == nil {
			t.Errorf("territory.Formats lists %q, which no reader is named", f)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
