package xmlscan

import (
	"io"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/gen"
)

// BenchmarkTokens reads every token of a generated 700-cue TTML episode
// with encoding/xml and with this package (through Token, and through
// Next as the TTML reader does).
//
//	go test ./qc/format/ttml/internal/xmlscan -run '^$' -bench Tokens -benchmem
func BenchmarkTokens(b *testing.B) {
	src := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "ttml", Language: "en"}))
	run := func(b *testing.B, read func() error) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if err := read(); err != io.EOF {
				b.Fatal(err)
			}
		}
	}
	b.Run("encoding-xml", func(b *testing.B) {
		run(b, func() error {
			d := stdDecoder(src)
			for {
				if _, err := d.Token(); err != nil {
					return err
				}
			}
		})
	})
	b.Run("xmlscan-Token", func(b *testing.B) {
		run(b, func() error {
			d := NewDecoder(src)
			for {
				if _, err := d.Token(); err != nil {
					return err
				}
			}
		})
	})
	b.Run("xmlscan-Next", func(b *testing.B) {
		run(b, func() error {
			d := NewDecoder(src)
			for {
				if _, err := d.Next(); err != nil {
					return err
				}
			}
		})
	})
}
