package stl

import (
	"fmt"
	"testing"
)

// stlFile builds a synthetic EBU STL file for tests: a GSI block with
// sensible defaults and the TTI blocks added to it.
type stlFile struct {
	t      testing.TB
	fields map[string]string
	blocks []tti
}

// tti is one 128-byte TTI block.
type tti struct {
	sgn     byte
	sn      uint16
	ebn     byte // 0xFF unless set
	cs      byte
	in, out [4]byte // HH MM SS FF
	vp, jc  byte
	cf      byte
	text    []byte // raw text field; padded with 8Fh to 112 bytes
}

func newSTL(t testing.TB) *stlFile {
	return &stlFile{t: t, fields: map[string]string{
		"CPN": "850", "DFC": "STL25.01", "DSC": "1", "CCT": "00", "LC": "09",
		"OPT": "Test programme", "CD": "240131", "RD": "240131", "RN": "00",
		"MNC": "40", "MNR": "23", "TCS": "1", "TCP": "00000000", "TCF": "00000000",
		"TND": "1", "DSN": "1", "CO": "GBR",
	}}
}

// set overrides a GSI field (space-padded to its length).
func (f *stlFile) set(name, value string) *stlFile {
	f.fields[name] = value
	return f
}

// sub adds a single-block subtitle with the given raw text field.
func (f *stlFile) sub(sn uint16, in, out [4]byte, text ...byte) *stlFile {
	f.blocks = append(f.blocks, tti{sgn: 1, sn: sn, ebn: 0xFF, in: in, out: out, vp: 20, jc: 2, text: text})
	return f
}

func (f *stlFile) block(b tti) *stlFile {
	f.blocks = append(f.blocks, b)
	return f
}

// bytes renders the file. TNB, TNS and TNG default to the counts a correct
// writer would put there (blocks, last blocks, "001").
func (f *stlFile) bytes() []byte {
	f.t.Helper()
	out := make([]byte, gsiSize, gsiSize+len(f.blocks)*ttiSize)
	for i := range out {
		out[i] = ' '
	}
	fields := map[string]string{
		"TNB": fmt.Sprintf("%05d", len(f.blocks)),
		"TNG": "001",
	}
	last := 0
	for _, b := range f.blocks {
		if b.ebn == 0xFF {
			last++
		}
	}
	fields["TNS"] = fmt.Sprintf("%05d", last)
	for k, v := range f.fields {
		fields[k] = v
	}
	for name, v := range fields {
		fd, ok := fieldByName(name)
		if !ok || len(v) > fd.len {
			f.t.Fatalf("bad GSI field %s=%q", name, v)
		}
		copy(out[fd.off:], v)
	}
	for _, b := range f.blocks {
		if len(b.text) > 112 {
			f.t.Fatalf("text field of subtitle %d is %d bytes, more than 112", b.sn, len(b.text))
		}
		blk := make([]byte, ttiSize)
		blk[0], blk[1], blk[2], blk[3], blk[4] = b.sgn, byte(b.sn), byte(b.sn>>8), b.ebn, b.cs
		copy(blk[5:9], b.in[:])
		copy(blk[9:13], b.out[:])
		blk[13], blk[14], blk[15] = b.vp, b.jc, b.cf
		copy(blk[16:], b.text)
		for i := 16 + len(b.text); i < ttiSize; i++ {
			blk[i] = 0x8F
		}
		out = append(out, blk...)
	}
	return out
}

// tc is a TTI timecode.
func tc(h, m, s, fr byte) [4]byte { return [4]byte{h, m, s, fr} }

// txt concatenates strings and raw bytes into a text field.
func txt(parts ...any) []byte {
	var b []byte
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			b = append(b, v...)
		case byte:
			b = append(b, v)
		case int:
			b = append(b, byte(v))
		case []byte:
			b = append(b, v...)
		default:
			panic(fmt.Sprintf("txt: %T", p))
		}
	}
	return b
}
