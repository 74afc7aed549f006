package textenc

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// manifestRow is one data file of the shared corpus with the encoding its
// curator recorded by hand.
type manifestRow struct {
	path, format, encoding string
}

func corpusRows(t *testing.T) (dir string, rows []manifestRow) {
	t.Helper()
	dir = testcorpus.Dir(t)
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var col map[string]int
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if col == nil {
			col = map[string]int{}
			for i, name := range fields {
				col[name] = i
			}
			for _, need := range []string{"path", "format", "role", "encoding"} {
				if _, ok := col[need]; !ok {
					t.Fatalf("MANIFEST.tsv has no %q column", need)
				}
			}
			continue
		}
		if len(fields) <= col["encoding"] || fields[col["role"]] != "data" {
			continue
		}
		rows = append(rows, manifestRow{fields[col["path"]], fields[col["format"]], fields[col["encoding"]]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return dir, rows
}

// expectation maps the manifest's free-text encoding column onto what
// Decode must report.
type expectation struct {
	encoding   string
	bom, ascii bool
}

func expect(manifest string) (expectation, bool) {
	m := strings.TrimSpace(manifest)
	bom := strings.Contains(m, "(BOM)")
	m = strings.TrimSpace(strings.Replace(m, "(BOM)", "", 1))
	switch {
	case m == "ASCII":
		return expectation{UTF8, false, true}, true
	case m == "UTF-8":
		return expectation{UTF8, bom, false}, true
	case m == "UTF-16LE", m == "UTF-16BE", m == "UTF-32LE", m == "UTF-32BE":
		return expectation{m, bom, false}, true
	case strings.HasPrefix(m, "GBK"), strings.HasPrefix(m, "GB18030"):
		return expectation{GB18030, bom, false}, true
	case strings.HasPrefix(m, "Big5"):
		return expectation{Big5, bom, false}, true
	}
	for _, cp := range []string{Windows1250, Windows1251, Windows1252, Windows1256} {
		if strings.HasPrefix(m, cp) { // "windows-1250 / ISO-8859-2", "windows-1252/ISO-8859-1 (...)"
			return expectation{cp, bom, false}, true
		}
	}
	return expectation{}, false
}

// TestCorpusEncodings decodes every text file of the shared corpus and
// checks the encoding against the one recorded in the manifest.
func TestCorpusEncodings(t *testing.T) {
	dir, rows := corpusRows(t)
	var mismatches []string
	checked := 0
	for _, row := range rows {
		if row.format == "stl" { // binary; its code tables are the STL reader's business
			continue
		}
		want, ok := expect(row.encoding)
		if !ok {
			mismatches = append(mismatches, row.path+"\tmanifest encoding not understood: "+row.encoding)
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, row.path))
		if err != nil {
			t.Errorf("%s: %v", row.path, err)
			continue
		}
		checked++
		got := Decode(data)
		if !utf8.ValidString(got.Text) {
			t.Errorf("%s: Text is not valid UTF-8", row.path)
		}
		if got.Encoding != want.encoding || got.BOM != want.bom || got.ASCII != want.ascii {
			mismatches = append(mismatches, row.path+"\tmanifest "+row.encoding+
				"\tgot "+got.Encoding+flag(got.BOM, " BOM")+flag(got.ASCII, " ASCII")+flag(got.Guessed, " guessed"))
		}
		if got.Invalid != 0 && !strings.Contains(row.encoding, "stray") {
			t.Errorf("%s: %d undecodable bytes in a %s file", row.path, got.Invalid, row.encoding)
		}
	}
	if checked == 0 {
		t.Fatal("no corpus text file was checked")
	}
	if len(mismatches) > 0 {
		t.Logf("%d of %d corpus files disagree with MANIFEST.tsv:", len(mismatches), checked)
		for _, m := range mismatches {
			t.Logf("  %s", m)
		}
		t.Fail()
	}
}

func flag(b bool, s string) string {
	if b {
		return s
	}
	return ""
}
