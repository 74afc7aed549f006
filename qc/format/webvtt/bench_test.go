package webvtt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cuetest"
)

// feature builds a 45-minute WebVTT of about 700 two-line cues with
// settings, every fifth one in italics.
func feature(eol string) string {
	var b strings.Builder
	b.WriteString("WEBVTT" + eol + eol)
	cuetest.Episode(func(i int, start, end int64, l1, l2 string) {
		fmt.Fprintf(&b, "%d%s%s --> %s line:85%% align:center%s- %s%s- %s%s%s", i, eol, vttTime(start), vttTime(end), eol, l1, eol, l2, eol, eol)
	})
	return b.String()
}

func BenchmarkRead(b *testing.B)     { cuetest.BenchRead(b, Read, feature("\n")) }
func BenchmarkReadCRLF(b *testing.B) { cuetest.BenchRead(b, Read, feature("\r\n")) }

// go test ./qc/format/webvtt -run '^$' -bench ReadLanguages -cpu 1
func BenchmarkReadLanguages(b *testing.B) { cuetest.BenchReadLanguages(b, Read, "vtt") }

// BenchmarkReadRecycled reads as the engine does, recycling each document.
func BenchmarkReadRecycled(b *testing.B) { cuetest.BenchReadRecycled(b, Read, feature("\n")) }

// BenchmarkReadRecycledLanguages reads the engine's generated episode in
// each language the generator writes, as the engine does (recycling).
//
// go test ./qc/format/webvtt -run '^$' -bench ReadRecycledLanguages -cpu 1
func BenchmarkReadRecycledLanguages(b *testing.B) {
	cuetest.BenchReadRecycledLanguages(b, Read, "vtt")
}

// BenchmarkReadFolder reads every .vtt file of the folder
// EXPORTQC_BENCH_DIR names (skipped when unset), recycling each document
// as the engine does: a mixed delivery's files, not only the generator's
// clean English episode.
//
// EXPORTQC_BENCH_DIR=/tmp/mix300 go test ./qc/format/webvtt -run '^$' -bench ReadFolder -cpu 1
func BenchmarkReadFolder(b *testing.B) { cuetest.BenchReadFolder(b, Read, ".vtt") }
