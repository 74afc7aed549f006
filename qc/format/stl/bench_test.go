package stl

import (
	"fmt"
	"testing"
)

// feature700 builds a feature-length teletext STL: 700 two-row subtitles in
// double height, some italic, some with accented letters, every tenth one
// split over an extension block.
func feature700(tb testing.TB) []byte {
	f := newSTL(tb)
	t := 600 * 25 // frames from 00:10:00:00
	at := func(fr int) [4]byte {
		return tc(byte(fr/90000), byte(fr/1500%60), byte(fr/25%60), byte(fr%25))
	}
	for i := 1; i <= 700; i++ {
		row1 := fmt.Sprintf("Subtitle number %d says", i)
		row2 := []byte("something r\xc2esum\xc2e and more")
		text := txt(0x0D, 0x07, 0x0B, 0x0B, row1, 0x0A, 0x0A, 0x8A, 0x8A, 0x0D, 0x0B, 0x0B)
		if i%7 == 0 {
			text = append(text, 0x80)
		}
		text = append(text, row2...)
		text = append(text, 0x0A, 0x0A)
		in, out := at(t), at(t+75)
		if i%10 == 0 {
			f.block(tti{sgn: 1, sn: uint16(i), ebn: 0x00, in: in, out: out, vp: 20, jc: 2, text: text[:20]})
			f.block(tti{sgn: 1, sn: uint16(i), ebn: 0xFF, in: in, out: out, vp: 20, jc: 2, text: text[20:]})
		} else {
			f.sub(uint16(i), in, out, text...)
		}
		t += 100
	}
	return f.bytes()
}

func BenchmarkRead(b *testing.B) {
	data := feature700(b)
	if doc := Read(data); len(doc.Cues) != 700 || len(doc.Diagnostics) != 0 {
		b.Fatalf("bad benchmark input: %d cues, %+v", len(doc.Cues), doc.Diagnostics)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Read(data)
	}
}
