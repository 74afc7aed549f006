package binrec

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
)

func TestRoundTripAndCorruption(t *testing.T) {
	var b []byte
	b = AppendString(b, "héllo\xff")
	b = binary.AppendVarint(b, -42)
	b = AppendBool(b, true)
	b = binary.AppendUvarint(b, 3)
	b = AppendString(b, "")
	d := NewDecoder(b)
	if s, v, ok, n, e := d.String(), d.Varint(), d.Bool(), d.Uvarint(), d.String(); s != "héllo\xff" || v != -42 || !ok || n != 3 || e != "" {
		t.Errorf("got %q %d %v %d %q", s, v, ok, n, e)
	}
	if d.Err() != nil || d.Left() != 0 {
		t.Errorf("err %v, %d bytes left", d.Err(), d.Left())
	}
	// Every cut is noticed, and the first error sticks.
	for cut := range len(b) {
		d := NewDecoder(b[:cut])
		_ = d.String()
		d.Varint()
		d.Bool()
		d.Uvarint()
		_ = d.String()
		if !errors.Is(d.Err(), ErrCorrupt) {
			t.Errorf("cut at %d: err %v", cut, d.Err())
		}
	}
	// A length beyond the bytes left sizes nothing.
	d = NewDecoder(binary.AppendUvarint(nil, 1<<40))
	if n := d.Count(); n != 0 || d.Err() == nil {
		t.Errorf("count %d, err %v", n, d.Err())
	}
	// A bool is 0 or 1.
	if d := NewDecoder([]byte{2}); d.Bool() || d.Err() == nil {
		t.Error("byte 2 read as a bool")
	}
}

// Varints read back as encoding/binary wrote them, at the edges too.
func TestVarintsAsBinaryWritesThem(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 63, -64, 64, 1 << 35, -(1 << 35), 1<<63 - 1, -1 << 63} {
		d := NewDecoder(binary.AppendVarint(nil, v))
		if got := d.Varint(); got != v || d.Err() != nil || d.Left() != 0 {
			t.Errorf("%d read back as %d (%v)", v, got, d.Err())
		}
		u := uint64(v)
		d = NewDecoder(binary.AppendUvarint(nil, u))
		if got := d.Uvarint(); got != u || d.Err() != nil || d.Left() != 0 {
			t.Errorf("%d read back as %d (%v)", u, got, d.Err())
		}
	}
	// Eleven bytes, or ten whose last overflows 64 bits: refused.
	for _, b := range [][]byte{bytes.Repeat([]byte{0x80}, 10), append(bytes.Repeat([]byte{0xff}, 9), 2)} {
		d := NewDecoder(append(b, 0))
		if d.Uvarint(); d.Err() == nil {
			t.Errorf("% x accepted", b)
		}
	}
}
