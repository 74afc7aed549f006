package srt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cuetest"
)

// feature builds a 45-minute SRT of about 700 two-line cues, every fifth
// one in italics, like a typical episode.
func feature(eol string) string {
	var b strings.Builder
	cuetest.Episode(func(i int, start, end int64, l1, l2 string) {
		fmt.Fprintf(&b, "%d%s%s --> %s%s- %s%s- %s%s%s", i, eol, srtTime(start), srtTime(end), eol, l1, eol, l2, eol, eol)
	})
	return b.String()
}

func BenchmarkRead(b *testing.B)     { cuetest.BenchRead(b, Read, feature("\n")) }
func BenchmarkReadCRLF(b *testing.B) { cuetest.BenchRead(b, Read, feature("\r\n")) }

// BenchmarkReadRecycled reads as the engine does, recycling each document.
func BenchmarkReadRecycled(b *testing.B) { cuetest.BenchReadRecycled(b, Read, feature("\n")) }

// BenchmarkReadRecycledCRLF is BenchmarkReadRecycled on the CRLF text.
func BenchmarkReadRecycledCRLF(b *testing.B) { cuetest.BenchReadRecycled(b, Read, feature("\r\n")) }

// go test ./qc/format/srt -run '^$' -bench ReadLanguages -cpu 1
func BenchmarkReadLanguages(b *testing.B) { cuetest.BenchReadLanguages(b, Read, "srt") }

// BenchmarkReadRecycledLanguages is BenchReadRecycled on one generated
// episode per language: the reading the engine does, per script, without
// the allocation of fresh arrays that BenchmarkReadLanguages also counts.
//
// go test ./qc/format/srt -run '^$' -bench ReadRecycledLanguages -cpu 1
func BenchmarkReadRecycledLanguages(b *testing.B) {
	cuetest.BenchReadRecycledLanguages(b, Read, "srt")
}
