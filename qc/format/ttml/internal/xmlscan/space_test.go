package xmlscan

import (
	"io"
	"testing"
)

// StartSpace and AttrSpace number namespaces so that the number names the
// same Space that StartName and Attr give, and one namespace keeps one
// number whatever prefix binds it.
func TestSpaceNumbers(t *testing.T) {
	src := `<tt xmlns="urn:a" xmlns:x="urn:b" x:k="1" y:u="2" v="3"><x:p xmlns:z="urn:a" z:w="4"/><z:q xmlns:z="urn:b"/></tt>`
	d := NewDecoder(src)
	byName := map[string]int32{}
	check := func(id int32, space, what string) {
		t.Helper()
		if id < 0 {
			if space != "" && space != "y" && space != "xmlns" {
				t.Errorf("%s: number %d for space %q, which is a bound namespace", what, id, space)
			}
			return
		}
		if got := d.SpaceName(id); got != space {
			t.Errorf("%s: SpaceName(%d) = %q, the name's Space is %q", what, id, got, space)
		}
		if old, ok := byName[space]; ok && old != id {
			t.Errorf("%s: %q numbered %d, earlier %d", what, space, id, old)
		}
		byName[space] = id
	}
	for {
		k, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if k != Start {
			continue
		}
		n := d.StartName()
		check(d.StartSpace(), n.Space, "<"+n.Local+">")
		for i := range d.NumAttr() {
			a := d.Attr(i)
			check(d.AttrSpace(i), a.Name.Space, a.Name.Local+"=")
		}
	}
	if len(byName) != 2 {
		t.Errorf("namespaces numbered: %v, want urn:a and urn:b", byName)
	}
}
