package textpos

import "testing"

// Place maps an edit to the source bytes it means, or refuses it: a cut
// through a unit (an entity), a byte that is not editable, a gap between
// the bytes (markup).
func TestPlace(t *testing.T) {
	// "a&amp;b" + "<i>" + "c", and a space that is not editable.
	var l Line
	l.AddEach("a", 0)
	l.Add("&", 1, 6, true)
	l.AddEach("b", 6)
	l.AddEach("c", 10)
	l.Add(" ", 11, 12, false)
	l.AddEach("d", 12)
	for _, c := range []struct {
		a, b, from, to int
		ok             bool
	}{
		{1, 2, 1, 6, true},   // the entity, whole
		{0, 3, 0, 7, true},   // "a&b": adjacent in the source
		{2, 4, 0, 0, false},  // "bc": a tag lies between them
		{4, 5, 0, 0, false},  // the space is not editable
		{3, 3, 10, 10, true}, // insertion before "c", after the tag
		{6, 6, 13, 13, true}, // insertion at the end
		{4, 4, 0, 0, false},  // insertion before the space: it is not editable
		{5, 5, 12, 12, true}, // insertion before "d"
	} {
		from, to, ok := l.Place(c.a, c.b)
		if ok != c.ok || ok && (from != c.from || to != c.to) {
			t.Errorf("Place(%d, %d) = %d, %d, %v; want %d, %d, %v", c.a, c.b, from, to, ok, c.from, c.to, c.ok)
		}
	}
	var two Line
	two.Add("é", 0, 2, true) // two UTF-8 bytes read from one unit
	if _, _, ok := two.Place(1, 2); ok {
		t.Error("an edit starting inside a unit was placed")
	}
	if _, _, ok := (&Line{}).Place(0, 0); ok {
		t.Error("an edit on an empty line was placed")
	}
}
