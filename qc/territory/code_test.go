package territory

import (
	"errors"
	"testing"
)

func TestParseCountry(t *testing.T) {
	for in, want := range map[string]string{"FR": "FR", "fr": "FR", " JP ": "JP", "BE": "BE", "GBR": "GB", "XK": "XK"} {
		if got, err := ParseCountry(in); err != nil || got != want {
			t.Errorf("ParseCountry(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, suggest := range map[string]string{"UK": "GB", "XX": "", "ZZ": "", "EU": "", "419": "", "FX": "FR", "Atlantis": "", "": ""} {
		_, err := ParseCountry(in)
		var ce *CodeError
		if !errors.As(err, &ce) {
			t.Errorf("ParseCountry(%q) accepted", in)
			continue
		}
		if ce.Suggest != suggest {
			t.Errorf("ParseCountry(%q) suggests %q, want %q (%v)", in, ce.Suggest, suggest, err)
		}
	}
}

func TestClosest(t *testing.T) {
	ids := []string{"BR", "LATAM", "MENA", "FR", "US"}
	for in, want := range map[string]string{"LATM": "LATAM", "latam": "", "MEAN": "MENA", "MENAA": "MENA", "XX": "", "FRA": "FR"} {
		if got := Closest(in, ids); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}
