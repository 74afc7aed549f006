package stl

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

func TestSourcesAndRespell(t *testing.T) {
	f := newSTL(t).
		sub(1, [4]byte{0, 0, 1, 0}, [4]byte{0, 0, 3, 0}, 'A').
		block(tti{sgn: 1, sn: 2, ebn: 0x00, in: [4]byte{0, 0, 4, 0}, out: [4]byte{0, 0, 6, 0}, text: []byte("B")}).
		block(tti{sgn: 1, sn: 2, ebn: 0xFF, in: [4]byte{0, 0, 4, 0}, out: [4]byte{0, 0, 6, 0}, text: []byte("C")})
	doc := Read(f.bytes())
	if len(doc.Cues) != 2 {
		t.Fatalf("%d cues", len(doc.Cues))
	}
	one := doc.Cues[0]
	if one.StartSrc != (cue.Range{From: gsiSize + 5, To: gsiSize + 9}) || one.EndSrc != (cue.Range{From: gsiSize + 9, To: gsiSize + 13}) {
		t.Errorf("single-block subtitle: TCI %v TCO %v", one.StartSrc, one.EndSrc)
	}
	if two := doc.Cues[1]; two.StartSrc.Valid() || two.EndSrc.Valid() {
		t.Errorf("a subtitle over two blocks records timecodes to rewrite: %v %v", two.StartSrc, two.EndSrc)
	}
	got, ok := doc.Respell("\x00\x00\x03\x00", one.End, 2*cue.Second+23*cue.Second/25)
	if !ok || got != "\x00\x00\x02\x17" {
		t.Errorf("respell 2 s 23 f = %q, %v", got, ok)
	}
	if _, ok := doc.Respell("\x00\x00\x03\x00", one.End, 2*cue.Second+cue.Millisecond); ok {
		t.Error("a time between frames was written as a timecode")
	}
}
