package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.* from testdata/in-report.json")

// loadFixture decodes the hand-written report every golden is rendered from.
func loadFixture(t testing.TB) *Report {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "in-report.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func render(t testing.TB, format string, r *Report) []byte {
	t.Helper()
	w, err := Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w(&buf, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// TestGolden renders the fixture in every format and compares byte for byte
// with testdata/golden.<format>; run with -update after an intended change
// and review the diff.
func TestGolden(t *testing.T) {
	r := loadFixture(t)
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, r)
			path := filepath.Join("testdata", "golden."+format)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (run go test -run TestGolden -update and review the diff)\n%s",
					format, path, firstDiff(got, want))
			}
			// Rendering twice must give the same bytes: nothing may depend
			// on map order, time or state left over from a previous run.
			if again := render(t, format, r); !bytes.Equal(got, again) {
				t.Errorf("%s: two renders of the same report differ", format)
			}
		})
	}
}

// firstDiff shows the first differing line, which is what a reviewer needs.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return "line " + itoa(i+1) + ":\n got: " + string(gl) + "\nwant: " + string(wl)
		}
	}
	return "(same lines, different bytes)"
}

func itoa(i int) string { return string(appendInt(nil, i)) }

func appendInt(b []byte, i int) []byte {
	if i >= 10 {
		b = appendInt(b, i/10)
	}
	return append(b, byte('0'+i%10))
}
