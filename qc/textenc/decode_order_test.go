package textenc

import (
	"math/rand"
	"os"
	"reflect"
	"testing"
	"unicode/utf16"

	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// decodeSniffFirst is Decode as it was before survey could spare the
// UTF-16 sniff: the byte-order marks, then the sniff on every input, then
// the rest. The reference Decode is held to.
func decodeSniffFirst(data []byte) Result {
	if r, ok := decodeBOM(data); ok {
		return r
	}
	if r, ok := sniffUTF16(data); ok {
		return r
	}
	return Decode(data)
}

func checkDecodeOrder(t *testing.T, what string, data []byte) {
	t.Helper()
	if got, want := Decode(data), decodeSniffFirst(data); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s (%d bytes): %s %v invalid %d, sniffing first %s %v invalid %d", what, len(data),
			got.Encoding, got.Guessed, got.Invalid, want.Encoding, want.Guessed, want.Invalid)
	}
}

// Decode reports what the sniff-first order did: on every corpus file
// and generated episode, those as BOM-less UTF-16 (which the sniff
// recognises) and with NULs and other controls put in, and on random
// bytes and random UTF-16.
func TestDecodeAsSniffFirst(t *testing.T) {
	var files [][]byte
	for _, lang := range gen.Languages() {
		files = append(files, gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang}))
	}
	for _, in := range testcorpus.Inputs(t) {
		data, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	rng := rand.New(rand.NewSource(7))
	utf16Of := func(b []byte, big bool) []byte {
		var out []byte
		for _, u := range utf16.Encode([]rune(string(b))) {
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out
	}
	for i, data := range files {
		checkDecodeOrder(t, "file", data)
		head := data[:min(len(data), 3000)]
		checkDecodeOrder(t, "as UTF-16LE", utf16Of(head, false))
		checkDecodeOrder(t, "as UTF-16BE", utf16Of(head, true))
		for _, c := range []byte{0, 0x07, 0x1B, 0x7F} {
			b := append([]byte{}, head...)
			if len(b) > 0 {
				b[rng.Intn(len(b))] = c
			}
			checkDecodeOrder(t, "with a control", b)
		}
		if i%4 == 0 {
			b := append([]byte{}, head...)
			for k := 1; k < len(b); k += 2 {
				b[k] = 0 // NUL in every other byte: UTF-16 by the sniff's count
			}
			checkDecodeOrder(t, "NULs", b)
		}
	}
	for range 20000 {
		b := make([]byte, rng.Intn(64))
		for k := range b {
			switch rng.Intn(4) {
			case 0:
				b[k] = 0
			case 1:
				b[k] = byte(rng.Intn(256))
			default:
				b[k] = byte('a' + rng.Intn(26))
			}
		}
		checkDecodeOrder(t, "random", b)
		var u []uint16
		for range rng.Intn(40) {
			u = append(u, uint16(rng.Intn(0x800)))
		}
		var w []byte
		for _, x := range u {
			w = append(w, byte(x), byte(x>>8))
		}
		checkDecodeOrder(t, "random UTF-16", w)
	}
}
