package lang

import (
	"path"
	"strings"
	"testing"
)

// File names are untrusted input: parsing never panics, a tag it returns
// is canonical, and the stem is the start of the name.
func FuzzParseFileName(f *testing.F) {
	for _, s := range []string{"Show.S01E01.fr.hoh.srt", "a_pt_BR_.srt", "._.srt", "x.zh-Hant-TW.forced.cc.ttml",
		"inherit_begin_from_div.xml", "..", "_", "a.b-c-d-e.srt", "a.en-419.srt", "A_EN_US.vtt", "é.fr.srt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := ParseFileName(name)
		if got.Tag != "" {
			if c, ok := Normalize(got.Tag); !ok || c != got.Tag {
				t.Errorf("%q: tag %q is not canonical", name, got.Tag)
			}
			if got.Written == "" {
				t.Errorf("%q: tag without its written form", name)
			}
		}
		if !strings.HasPrefix(path.Base(name), got.Stem) {
			t.Errorf("%q: stem %q is not the start of the name", name, got.Stem)
		}
	})
}
