package ttml

import (
	"reflect"
	"testing"
)

// A frame holds no pointer (no string, slice, map or pointer), so that
// pushing one on the reader's stack, once per element, needs no write
// barrier; a field added with a pointer in it would quietly undo that.
func TestFrameHoldsNoPointer(t *testing.T) {
	var walk func(ty reflect.Type, path string)
	walk = func(ty reflect.Type, path string) {
		switch ty.Kind() {
		case reflect.Struct:
			for i := range ty.NumField() {
				walk(ty.Field(i).Type, path+"."+ty.Field(i).Name)
			}
		case reflect.Array:
			walk(ty.Elem(), path+"[]")
		case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		default:
			t.Errorf("frame%s is a %s, which holds a pointer", path, ty.Kind())
		}
	}
	walk(reflect.TypeOf(frame{}), "")
}

// Paragraphs take the region named on them or inherited, and are timed by
// it, also when a few regions alternate.
func TestRegionUses(t *testing.T) {
	d := Read(doc(``, `<layout><region xml:id="a" begin="0s" end="10s"/><region xml:id="b"/></layout>`, `
    <div region="a"><p begin="1s" end="20s">inherits a, clipped</p>
      <p region="b" begin="2s" end="3s">b</p><p region="a" begin="4s" end="5s">a</p>
      <p region="b" begin="6s" end="7s">b</p><p region="c" begin="8s" end="9s">undefined c</p>
      <p begin="9s" end="9.5s">a again</p></div>`))
	want := []struct {
		region string
		end    string
	}{{"a", "00:00:10.000"}, {"b", "00:00:03.000"}, {"a", "00:00:05.000"}, {"b", "00:00:07.000"}, {"c", "00:00:09.000"}, {"a", "00:00:09.500"}}
	if len(d.Cues) != len(want) {
		t.Fatalf("%d cues, want %d: %v", len(d.Cues), len(want), d.Diagnostics)
	}
	for i, w := range want {
		if c := d.Cues[i]; c.Region != w.region || c.End.String() != w.end {
			t.Errorf("cue %d: region %q end %s, want %q %s", i, c.Region, c.End, w.region, w.end)
		}
	}
}
