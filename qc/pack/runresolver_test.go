package pack

import "testing"

// A run's resolver applies the layers a file's format calls for: an SCC
// file gets the captions pack's scc variant (L001 off: C001 checks the
// caption grid), any other file the subtitle limits; a delivery's
// territories replace the run's.
func TestRunResolverFormatAndTerritories(t *testing.T) {
	r := loadShipped(t).NewRunResolver(Request{})
	srt, err := r.ResolveFormat("en", nil, "srt")
	if err != nil {
		t.Fatal(err)
	}
	scc, err := r.ResolveFormat("en", nil, "scc")
	if err != nil {
		t.Fatal(err)
	}
	if !srt["L001"].Enabled || scc["L001"].Enabled {
		t.Errorf("L001 enabled: srt %v, scc %v; want true, false", srt["L001"].Enabled, scc["L001"].Enabled)
	}
	terrs, _, err := r.Territories([]string{"FR"})
	if err != nil || len(terrs) != 1 || len(terrs[0].Requires) == 0 {
		t.Errorf("Territories(FR) = %v, %v", terrs, err)
	}
}

// A rule needs the file's language when a language pack (or a territory's
// language section) sets it: X004's ellipsis and L001's line length do,
// X003 (every language alike) and G005 do not.
func TestNeedsLanguage(t *testing.T) {
	rr := loadShipped(t).NewRunResolver(Request{})
	for code, want := range map[string]bool{"X004": true, "L001": true, "T005": true, "X003": false, "G005": false, "T009": false} {
		if got := rr.NeedsLanguage(code); got != want {
			t.Errorf("NeedsLanguage(%s) = %v, want %v", code, got, want)
		}
	}
}
