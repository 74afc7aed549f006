package scc

import (
	"fmt"
	"strings"
	"testing"
)

// popOnFile builds an n-caption pop-on file laid out the way broadcast
// encoders write them: doubled codes, two rows, an EDM before each EOC.
func popOnFile(n int) string {
	var b strings.Builder
	b.WriteString("Scenarist_SCC V1.0\n")
	for i := 0; i < n; i++ {
		f := int64(i)*90 + 30 // a caption every 3 s
		fmt.Fprintf(&b, "\n%02d:%02d:%02d;%02d\t", f/108000, f/1800%60, f/30%60, f%30+2)
		words := []string{rcl, rcl, enm, enm, pac(14, 4), pac(14, 4), text(fmt.Sprintf("Caption number %d says", i)),
			pac(15, 4), pac(15, 4), word(0x11, 0x2E), word(0x11, 0x2E), text("something in italics."), edm, edm, eoc, eoc}
		b.WriteString(strings.Join(words, " "))
		b.WriteString("\n")
	}
	return b.String()
}

func BenchmarkRead(b *testing.B) {
	src := popOnFile(700)
	if doc := Read(src); len(doc.Cues) != 700 {
		b.Fatalf("%d cues, want 700: %v", len(doc.Cues), doc.Diagnostics[:min(3, len(doc.Diagnostics))])
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Read(src)
	}
}
