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
// caller reads a whole record and checks once.
type Decoder struct {
	b   []byte
	err error
}

// NewDecoder reads b.
func NewDecoder(b []byte) *Decoder { return &Decoder{b: b} }

// Err is the first error met, nil if none.
func (d *Decoder) Err() error { return d.err }

// Left is the number of bytes not read yet: a count larger than this is
// corrupt (every element takes at least a byte), and is refused before it
// sizes an allocation.
func (d *Decoder) Left() int { return len(d.b) }

// Uvarint reads what binary.AppendUvarint wrote.
func (d *Decoder) Uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.Fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// Varint reads what binary.AppendVarint wrote.
func (d *Decoder) Varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.Fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// Count reads a length written with binary.AppendUvarint, refusing one
// larger than the bytes left.
func (d *Decoder) Count() int {
	n := d.Uvarint()
	if n > uint64(len(d.b)) {
		d.Fail()
		return 0
	}
	return int(n)
}

// Byte reads one byte.
func (d *Decoder) Byte() byte {
	if len(d.b) == 0 {
		d.Fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
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
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// Fail marks the record corrupt.
func (d *Decoder) Fail() {
	if d.err == nil {
		d.err = ErrCorrupt
	}
	d.b = nil
}
