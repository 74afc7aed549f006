package lang

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The memoised Normalize and nameTag answer what the plain functions do,
// the first time (remembered) and again (from the memo), for the names of
// the corpus's files and for random tag-like strings.
func TestMemoIsPlain(t *testing.T) {
	var words []string
	add := func(s string) {
		words = append(words, s)
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '_' || r == '/' }) {
			words = append(words, part)
		}
	}
	if root := filepath.Join("..", "..", "..", "shared", "corpus"); dirExists(root) {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil {
				add(d.Name())
			}
			return nil
		})
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"en", "EN", "pt", "BR", "br", "zh", "Hans", "hans", "419", "x", "-", "_", "iw", "eng", "US",
		"fr", "Latn", "sr", "ENG", "cmn", "yue", "", " ", "Ω", "de", "1996", "u", "ca", "es"}
	for range 5000 {
		var b strings.Builder
		for range 1 + r.IntN(4) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(2) == 0 {
				b.WriteByte('-')
			}
		}
		add(b.String())
	}
	for round := range 2 {
		for _, w := range words {
			got, ok := Normalize(w)
			want, wantOK := normalize(w)
			if got != want || ok != wantOK {
				t.Fatalf("round %d: Normalize(%q) = %q, %v; plain %q, %v", round, w, got, ok, want, wantOK)
			}
			got, ok = nameTag(w)
			want, wantOK = plainNameTag(w)
			if got != want || ok != wantOK {
				t.Fatalf("round %d: nameTag(%q) = %q, %v; plain %q, %v", round, w, got, ok, want, wantOK)
			}
		}
	}
	for _, m := range []*tagMemo{normalized, nameTags} {
		if n := m.Len(); n > memoSize {
			t.Errorf("memo holds %d strings, more than its bound %d", n, memoSize)
		}
	}
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// A file name's tag and its canonical form, as check reads them for every
// file of a batch: from the memo, and by the plain functions.
//
// Run: go test ./qc/lang -run '^$' -bench TagMemo -cpu 1
func BenchmarkTagMemo(b *testing.B) {
	for _, way := range []struct {
		name      string
		tag, norm func(string) (string, bool)
	}{{"memo", nameTag, Normalize}, {"plain", plainNameTag, normalize}} {
		b.Run(way.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range []string{"ko", "pt-BR", "zh-Hans", "ENG"} {
					if t, ok := way.tag(p); !ok || t == "" {
						b.Fatal(p)
					}
					way.norm(p)
				}
			}
		})
	}
}
