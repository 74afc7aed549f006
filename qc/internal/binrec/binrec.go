// Package binrec is the small binary record form the spills share (the
// audit's findings, a big delivery's file results): varints and
// length-prefixed strings, written by appending to a byte slice and read
// back with no reflection. The callers choose the fields and their order;
// this package only knows how to put one value after another.
package binrec

import (
	"encoding/binary"
	"errors"
)

// ErrCorrupt is what a Decoder reports for bytes no encoder wrote.
var ErrCorrupt = errors.New("corrupt spill record")

// AppendString appends s with its length in front.
func AppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// AppendBool appends v as one byte.
func AppendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// Decoder reads values in the order they were appended. The first error
// sticks: every later read returns a zero value, and Err reports it, so a
// caller reads a whole record and checks once. The record is copied into
// one string at the start, and the strings read are pieces of it: one
// allocation per record, not one per string (reading a big delivery's
// results back spent most of its time allocating them one by one).
type Decoder struct {
	s   string
	err error
}

// NewDecoder reads a copy of b.
func NewDecoder(b []byte) *Decoder { return &Decoder{s: string(b)} }

// Err is the first error met, nil if none.
func (d *Decoder) Err() error { return d.err }

// Left is the number of bytes not read yet: a count larger than this is
// corrupt (every element takes at least a byte), and is refused before it
// sizes an allocation.
func (d *Decoder) Left() int { return len(d.s) }

// Uvarint reads what binary.AppendUvarint wrote (as binary.Uvarint does,
// refusing a value past 64 bits).
func (d *Decoder) Uvarint() uint64 {
	var x uint64
	var shift uint
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				break // overflow
			}
			d.s = d.s[i+1:]
			return x | uint64(c)<<shift
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
	d.Fail()
	return 0
}

// Varint reads what binary.AppendVarint wrote.
func (d *Decoder) Varint() int64 {
	ux := d.Uvarint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

// Count reads a length written with binary.AppendUvarint, refusing one
// larger than the bytes left.
func (d *Decoder) Count() int {
	n := d.Uvarint()
	if n > uint64(len(d.s)) {
		d.Fail()
		return 0
	}
	return int(n)
}

// Byte reads one byte.
func (d *Decoder) Byte() byte {
	if len(d.s) == 0 {
		d.Fail()
		return 0
	}
	c := d.s[0]
	d.s = d.s[1:]
	return c
}

// Bool reads what AppendBool wrote.
func (d *Decoder) Bool() bool {
	switch d.Byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.Fail()
	return false
}

// String reads what AppendString wrote, byte for byte.
func (d *Decoder) String() string {
	n := d.Count()
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

// Fail marks the record corrupt.
func (d *Decoder) Fail() {
	if d.err == nil {
		d.err = ErrCorrupt
	}
	d.s = ""
}
