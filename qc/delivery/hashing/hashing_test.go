package hashing

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// Published test vectors for the empty string and "abc".
func TestSumVectors(t *testing.T) {
	cases := []struct {
		in   string
		want map[string]string
	}{
		{"", map[string]string{
			MD5: "d41d8cd98f00b204e9800998ecf8427e", SHA1: "da39a3ee5e6b4b0d3255bfef95601890afd80709",
			SHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", XXH64: "ef46db3751d8e999"}},
		{"abc", map[string]string{
			MD5: "900150983cd24fb0d6963f7d28e17f72", SHA1: "a9993e364706816aba3e25717850c26c9cd0d89d",
			SHA256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", XXH64: "44bc2cf5ad770999"}},
	}
	for _, c := range cases {
		r, err := Sum(strings.NewReader(c.in), []string{MD5, SHA1, SHA256, XXH64, MD5})
		if err != nil {
			t.Fatal(err)
		}
		if r.Size != int64(len(c.in)) {
			t.Errorf("%q: size %d", c.in, r.Size)
		}
		for a, w := range c.want {
			if r.Hex[a] != w {
				t.Errorf("%q %s = %s, want %s", c.in, a, r.Hex[a], w)
			}
		}
	}
	if _, err := Sum(strings.NewReader("x"), []string{"crc32"}); err == nil {
		t.Error("crc32 accepted")
	}
}

func TestNormalizeAndValidHex(t *testing.T) {
	for in, want := range map[string]string{"MD5": MD5, "SHA-256": SHA256, "sha_1": SHA1,
		"http://www.w3.org/2000/09/xmldsig#sha1": SHA1, "http://www.w3.org/2001/04/xmlenc#sha256": SHA256, "XXH64": XXH64} {
		if got, ok := Normalize(in); !ok || got != want {
			t.Errorf("Normalize(%q) = %q %v", in, got, ok)
		}
	}
	if _, ok := Normalize("crc32"); ok {
		t.Error("crc32 normalised")
	}
	if !ValidHex(MD5, "9df86c3e43e7b43ddeabb2ddfe4b8a42") || ValidHex(MD5, "b89e770f461xa59b464a7b89e770f4610909f8") || ValidHex(MD5, "9DF86C3E43E7B43DDEABB2DDFE4B8A42") {
		t.Error("ValidHex wrong on MD5 samples")
	}
}

func TestHasherReadsEachFileOnceAndIsConcurrencySafe(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 8; i++ {
		p := filepath.Join(dir, string(rune('a'+i))+".bin")
		if err := os.WriteFile(p, bytes.Repeat([]byte{byte(i)}, 3*BufferSize+17), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	h := New(2)
	var wg sync.WaitGroup
	var fails atomic.Int32
	results := make([][]Result, len(paths))
	for i := range paths {
		results[i] = make([]Result, 4)
		for j := 0; j < 4; j++ {
			wg.Add(1)
			go func(i, j int) {
				defer wg.Done()
				r, err := h.File(context.Background(), paths[i], SHA256, MD5)
				if err != nil {
					fails.Add(1)
				}
				results[i][j] = r
			}(i, j)
		}
	}
	wg.Wait()
	if fails.Load() > 0 {
		t.Fatal("hash errors")
	}
	for i, p := range paths {
		want, err := SumFile(p, []string{SHA256, MD5})
		if err != nil {
			t.Fatal(err)
		}
		for j := range results[i] {
			if results[i][j].Hex[SHA256] != want.Hex[SHA256] || results[i][j].Hex[MD5] != want.Hex[MD5] || results[i][j].Size != want.Size {
				t.Errorf("%s call %d = %+v, want %+v", p, j, results[i][j], want)
			}
		}
	}
	// Cached: deleting the file does not matter for algorithms already computed...
	if err := os.Remove(paths[0]); err != nil {
		t.Fatal(err)
	}
	if r, err := h.File(context.Background(), paths[0], MD5); err != nil || r.Hex[MD5] != results[0][0].Hex[MD5] {
		t.Errorf("cached read: %v %v", r, err)
	}
	// ...but a new algorithm needs a new read, which now fails.
	if _, err := h.File(context.Background(), paths[0], SHA1); err == nil {
		t.Error("missing file hashed")
	}
	if _, err := h.File(context.Background(), paths[1], "c4"); err == nil {
		t.Error("unsupported algorithm accepted")
	}
}

func TestHasherHonoursCancellation(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	if err := os.WriteFile(p, []byte("abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := New(1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	h.sem.Acquire(context.Background(), 1) // hold the only slot
	if _, err := h.File(ctx, p, MD5); err == nil {
		t.Fatal("cancelled context still hashed")
	}
	h.sem.Release(1)
	if r, err := h.File(context.Background(), p, MD5); err != nil || r.Hex[MD5] != "900150983cd24fb0d6963f7d28e17f72" {
		t.Errorf("after cancellation the file must still hash: %v %v", r, err)
	}
}

func BenchmarkSum(b *testing.B) {
	data := bytes.Repeat([]byte("subtitle delivery "), 1<<16)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Sum(bytes.NewReader(data), []string{MD5, SHA1, SHA256}); err != nil {
			b.Fatal(err)
		}
	}
}
