package fix

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/exportqc/exportqc/qc/format/stl"
	"github.com/exportqc/exportqc/qc/textenc"
)

// Diff writes a diff of a fixed file a person can read: a unified diff of
// text; for EBU STL, which is binary, one hunk per changed TTI block with
// its subtitle number, timecodes and text rows before and after; for a
// text file read in another encoding than UTF-8, a note and the diff of
// the decoded text (a transcoding alone then shows as the note only).
func Diff(w io.Writer, f *File) error {
	if !f.Changed() {
		return nil
	}
	// As git writes them: an absolute path loses its leading slash
	// ("a/tmp/x.srt", not "a//tmp/x.srt"), so `patch -p1` run from / applies.
	rel := strings.TrimLeft(filepath.ToSlash(f.Path), "/")
	nameA, nameB := "a/"+rel, "b/"+rel
	switch f.Format {
	case "stl":
		return stlDiff(w, nameA, nameB, f.Original, f.Fixed)
	}
	switch f.Encoding {
	case "", "binary", textenc.UTF8:
		return Unified(w, nameA, nameB, f.Original, f.Fixed)
	}
	dec := textenc.Decode(f.Original)
	text := dec.Text
	if dec.BOM {
		text = "\ufeff" + text
	}
	if _, err := fmt.Fprintf(w, "# %s is %s; shown decoded as UTF-8 (the copy is UTF-8)\n", f.Path, dec.Encoding); err != nil {
		return err
	}
	return Unified(w, nameA, nameB, []byte(text), f.Fixed)
}

// EBU STL layout (Tech 3264): a 1024-byte GSI block, then 128-byte TTI
// blocks; in each, SN (subtitle number) at 1–2 little-endian, EBN at 3,
// TCI at 5–8, TCO at 9–12, the text field from 16.
const (
	gsiSize = 1024
	ttiSize = 128
	tfStart = 16
)

// stlDiff compares the files block by block (fixes keep every block in
// place). A changed block is shown as its timecodes and text rows, with
// '-' and '+' on what changed and ' ' on what did not; bytes no such line
// shows (the GSI header, a block's other fields, a changed size, text whose
// characters read the same) are shown in hex so no change goes unseen.
func stlDiff(w io.Writer, nameA, nameB string, a, b []byte) error {
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", nameA, nameB)
	cct, _ := stl.CodeTable(a)
	hexRows(&out, "GSI header", 0, clip(a, 0, gsiSize), clip(b, 0, gsiSize))
	n := max(len(a), len(b))
	for at, block := gsiSize, 1; at < n; at, block = at+ttiSize, block+1 {
		ba, bb := clip(a, at, at+ttiSize), clip(b, at, at+ttiSize)
		if bytes.Equal(ba, bb) {
			continue
		}
		if len(ba) != ttiSize || len(bb) != ttiSize {
			hexRows(&out, fmt.Sprintf("TTI block %d (incomplete)", block), at, ba, bb)
			continue
		}
		stlBlock(&out, block, ba, bb, cct)
	}
	_, err := io.WriteString(w, out.String())
	return err
}

func stlBlock(out *strings.Builder, block int, a, b []byte, cct int) {
	fmt.Fprintf(out, "@@ TTI block %d, subtitle %d @@\n", block, binary.LittleEndian.Uint16(a[1:3]))
	side := func(mark byte, s string) {
		for _, l := range strings.Split(s, "\n") {
			if l == "" {
				continue // a run of row breaks (teletext double height) is one break, as the reader counts it
			}
			out.WriteByte(mark)
			out.WriteString(l)
			out.WriteByte('\n')
		}
	}
	pair := func(x, y string) {
		if x == y {
			side(' ', x)
			return
		}
		side('-', x)
		side('+', y)
	}
	pair(timecodes(a), timecodes(b))
	ta, tb := stl.Printable(a[tfStart:], cct), stl.Printable(b[tfStart:], cct)
	pair(ta, tb)
	if rows(ta) == rows(tb) && !bytes.Equal(a[tfStart:], b[tfStart:]) {
		hexRows(out, "", tfStart, a[tfStart:], b[tfStart:])
	}
	// The other fields (SGN, SN, EBN, CS, VP, JC, CF): no fix writes them,
	// but a change would be shown.
	ha := append(append([]byte{}, a[:5]...), a[13:tfStart]...)
	hb := append(append([]byte{}, b[:5]...), b[13:tfStart]...)
	if !bytes.Equal(ha, hb) {
		hexRows(out, "", 0, a[:tfStart], b[:tfStart])
	}
}

// rows is printed text as the diff shows it: empty rows left out.
func rows(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' }), "\n")
}

// timecodes is a block's TCI and TCO as hours:minutes:seconds:frames.
func timecodes(b []byte) string {
	tc := func(t []byte) string { return fmt.Sprintf("%02d:%02d:%02d:%02d", t[0], t[1], t[2], t[3]) }
	return tc(b[5:9]) + " --> " + tc(b[9:13])
}

// hexRows shows the 16-byte rows of a and b that differ, as offset and
// hex, under a hunk header when title is set; off is a's first offset.
func hexRows(out *strings.Builder, title string, off int, a, b []byte) {
	if bytes.Equal(a, b) {
		return
	}
	if title != "" {
		fmt.Fprintf(out, "@@ %s @@\n", title)
	}
	for r := 0; r < max(len(a), len(b)); r += 16 {
		ra, rb := clip(a, r, r+16), clip(b, r, r+16)
		if bytes.Equal(ra, rb) {
			continue
		}
		if len(ra) > 0 {
			fmt.Fprintf(out, "-%04Xh % X\n", off+r, ra)
		}
		if len(rb) > 0 {
			fmt.Fprintf(out, "+%04Xh % X\n", off+r, rb)
		}
	}
}

// clip is b[from:to] cut to b's length.
func clip(b []byte, from, to int) []byte {
	from, to = min(from, len(b)), min(to, len(b))
	return b[from:to]
}
