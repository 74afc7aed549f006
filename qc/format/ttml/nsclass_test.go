package ttml

import "testing"

// The cached classes are the ones the string tests give, whichever number
// a namespace has and in whatever order they are met.
func TestNSClasses(t *testing.T) {
	spaces := []string{nsTTML, "", nsXML, "xmlns", nsStyling, "tts", "http://www.w3.org/2006/10/ttaf1#style",
		nsParameter, "ttp", "urn:ebu:tt:style", nsEBUMet, nsSMPTE, "urn:other", "http://www.w3.org/2006/04/ttaf1"}
	var c nsClasses
	for round := 0; round < 2; round++ {
		for i := len(spaces) - 1; i >= 0; i-- {
			s := spaces[i]
			got := c.of(int32(i), s)
			if want := classOf(s); got != want {
				t.Errorf("of(%d, %q) = %b, want %b", i, s, got, want)
			}
			if (got&nsIsTT != 0) != isTT(s) || (got&nsIsStyling != 0) != isStyling(s) || (got&nsIsParam != 0) != isParam(s) {
				t.Errorf("%q: class %b disagrees with isTT/isStyling/isParam", s, got)
			}
		}
	}
	if c.of(-1, "") != emptyClass || emptyClass&(nsIsTT|nsIsEmpty) != nsIsTT|nsIsEmpty {
		t.Errorf("class of no namespace: %b", emptyClass)
	}
	if got := c.of(-1, "tts"); got&nsIsStyling == 0 {
		t.Errorf("undeclared tts prefix: %b, want styling", got)
	}
}
