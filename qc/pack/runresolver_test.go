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
