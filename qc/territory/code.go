package territory

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// CodeError says why a territory code is not one: not an ISO 3166-1
// country, or a retired or reserved spelling of one (UK is GB).
type CodeError struct {
	Code string // as given
	// Suggest is the code that was probably meant ("GB" for "UK"), or "".
	Suggest string
	Reason  string
}

func (e *CodeError) Error() string {
	msg := fmt.Sprintf("territory %q is %s", e.Code, e.Reason)
	if e.Suggest != "" {
		msg += fmt.Sprintf("; did you mean %s?", e.Suggest)
	}
	return msg
}

// ParseCountry reads an ISO 3166-1 country code ("FR", "fr", "FRA") and
// returns its two-letter form. A typo must not switch a delivery's language
// requirements off, so anything else is an error: a code reserved for
// private use (XX, AA, ZZ; XK, Kosovo, is accepted), a region group (EU,
// 419: territory packs such as LATAM serve those), and retired or
// reserved spellings, which name the code meant (UK → GB, FX → FR, BU → MM).
func ParseCountry(code string) (string, error) {
	s := strings.TrimSpace(code)
	r, err := language.ParseRegion(s)
	if err != nil {
		return "", &CodeError{Code: code, Reason: "not an ISO 3166-1 country code"}
	}
	switch {
	case r.IsGroup():
		return "", &CodeError{Code: code, Reason: "a group of countries, not a country code (a territory pack serves a group)"}
	case r.IsPrivateUse() && r.String() != "XK":
		return "", &CodeError{Code: code, Reason: "reserved for private use, not a country code"}
	case !r.IsCountry():
		return "", &CodeError{Code: code, Reason: "not an ISO 3166-1 country code"}
	}
	if c := r.Canonicalize(); c != r {
		return "", &CodeError{Code: code, Suggest: c.String(), Reason: "not the ISO 3166-1 code of a country (" + r.String() + " is retired or reserved)"}
	}
	return r.String(), nil
}

// Closest returns the one id of ids that code is most likely a typo of (at
// most one letter added, dropped, changed or two swapped; any case), or "".
func Closest(code string, ids []string) string {
	c := strings.ToUpper(strings.TrimSpace(code))
	best := ""
	for _, id := range ids {
		u := strings.ToUpper(id)
		if u != c && nearlyEqual(c, u) {
			if best != "" {
				return "" // two candidates: no guess
			}
			best = id
		}
	}
	return best
}

// nearlyEqual reports an edit distance of one (a swap counts as one).
func nearlyEqual(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		diff := []int{}
		for i := range a {
			if a[i] != b[i] {
				diff = append(diff, i)
			}
		}
		return len(diff) == 1 || len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
	case 1:
		for i := range b {
			if a[i] != b[i] {
				return a[i+1:] == b[i:]
			}
		}
		return true
	}
	return false
}
