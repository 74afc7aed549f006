package report

import (
	"strings"
	"testing"
	"unsafe"
)

// The HTML report keeps each distinct text to the end of the run; it keeps
// a copy, not the finding's string, which shares its memory with the rest
// of its file's texts (a run of 24,000 one-finding files kept an 8 KiB
// chunk per file through one string each).
func TestHTMLTableKeepsCopies(t *testing.T) {
	b := newHTMLBuilder(&Stream{}, HTMLOptions{}, nil)
	chunk := strings.Repeat("x", 8<<10) + "start ≥ 00:00:04.230"
	text := chunk[8<<10:]
	k := b.str(text)
	if b.strs[k] != text {
		t.Fatalf("kept %q, want %q", b.strs[k], text)
	}
	if unsafe.StringData(b.strs[k]) == unsafe.StringData(text) {
		t.Error("the table holds the finding's own string, and with it the memory it shares")
	}
	if b.str(text) != k {
		t.Error("the same text added twice")
	}
}
