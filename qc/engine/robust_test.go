package engine

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// checkOne runs the engine on one file written into a temp dir and returns
// the report, the wall time and the peak heap growth observed.
func checkOne(t *testing.T, name string, data []byte) (*report.Report, time.Duration) {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	rep, err := Run(context.Background(), testOptions(t, p))
	if err != nil {
		t.Fatal(err)
	}
	return rep, time.Since(start)
}

func rulesOf(rep *report.Report) string {
	seen := map[string]bool{}
	var out []string
	for _, f := range rep.Findings {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			out = append(out, f.Rule)
		}
	}
	return strings.Join(out, ",")
}

func findingWith(rep *report.Report, code, text string) *rule.Finding {
	for i, f := range rep.Findings {
		if f.Rule == code && strings.Contains(f.Message, text) {
			return &rep.Findings[i]
		}
	}
	return nil
}

// A 100 MB SRT is over the default size limit; with the limit raised it
// is read and checked, in bounded memory: a few times
// the file's size, not an explosion per cue.
func TestHugeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("100 MB file")
	}
	var b bytes.Buffer
	for i := 0; b.Len() < 100<<20; i++ {
		start := cueTime(int64(i) * 3000)
		b.WriteString(strconv.Itoa(i+1) + "\n" + start.srt() + " --> " + (start + 2000).srt() +
			"\nA line of dialogue.\nAnd a second.\n\n")
		if i%1000 == 999 { // a real problem now and then: an overlap
			b.WriteString("0\n" + (start + 1000).srt() + " --> " + (start + 2500).srt() + "\nOverlap.\n\n")
		}
	}
	p := filepath.Join(t.TempDir(), "huge.srt")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b = bytes.Buffer{}
	// Over the default size limit: refused whole, nothing read.
	if rep := runWithin(t, time.Minute, testOptions(t, p)); rep.Files[0].Cues != 0 ||
		findingWith(rep, "E000", "bytes (100 MiB), over the limit of 64 MiB") == nil {
		t.Fatalf("100 MB under the default limit: %d cues, %s", rep.Files[0].Cues, rulesOf(rep))
	}
	// With the limit raised, read and checked (up to the cue limit).
	opts := testOptions(t, p)
	opts.MaxFileSize = 128 << 20
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	rep := runWithin(t, 5*time.Minute, opts)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if rep.Files[0].Cues < 1_000_000 {
		t.Fatalf("only %d cues read", rep.Files[0].Cues)
	}
	if findingWith(rep, "T003", "before cue") == nil {
		t.Errorf("no overlap findings in %s", rulesOf(rep))
	}
	grew := int64(after.HeapSys) - int64(before.HeapSys)
	t.Logf("100 MB: %d cues, %d findings in %v, heap grew %d MiB", rep.Files[0].Cues, len(rep.Findings), took, grew>>20)
	if grew > 3<<30 {
		t.Errorf("heap grew by %d MiB for a 100 MB file", grew>>20)
	}
}

// A single 1 MB line is one cue with one too-long line, not a lost file.
func TestMegabyteLine(t *testing.T) {
	line := strings.Repeat("word ", 1<<18)[:1<<20]
	rep, _ := checkOne(t, "longline.srt", []byte("1\n00:00:01,000 --> 00:00:03,000\n"+line+"\n\n2\n00:00:04,000 --> 00:00:06,000\nAfter.\n"))
	if rep.Files[0].Cues != 2 {
		t.Fatalf("cues = %d", rep.Files[0].Cues)
	}
	if f := findingWith(rep, "L001", "1048576 characters"); f == nil || f.Cue != 1 {
		t.Errorf("no L001 for the 1 MB line: %s", rulesOf(rep))
	}
}

// Random bytes, a PNG header and NULs under subtitle names are binary, said once.
func TestBinaryFileWithSubtitleName(t *testing.T) {
	rnd := make([]byte, 1<<20)
	rand.New(rand.NewSource(1)).Read(rnd)
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), rnd[:4096]...)
	for name, data := range map[string][]byte{"random.srt": rnd, "image.vtt": png, "zeros.ttml": make([]byte, 10000)} {
		rep, _ := checkOne(t, name, data)
		if f := findingWith(rep, "E000", "binary"); f == nil || len(rep.Findings) != 1 {
			t.Errorf("%s: findings %s, want one E000 binary: %+v", name, rulesOf(rep), rep.Findings)
		}
	}
}

// The billion-laughs entity expansion never happens (encoding/xml expands
// no DTD entities): a clear E000, fast, in little memory.
func TestXMLEntityBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE tt [<!ENTITY a "aaaaaaaaaa">`)
	prev := "a"
	for i := 0; i < 9; i++ {
		name := string(rune('b' + i))
		b.WriteString(`<!ENTITY ` + name + ` "` + strings.Repeat("&"+prev+";", 10) + `">`)
		prev = name
	}
	b.WriteString(`]><tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div><p begin="1s" end="3s">&` + prev + `;</p></div></body></tt>`)
	rep, took := checkOne(t, "bomb.ttml", []byte(b.String()))
	if f := findingWith(rep, "E000", ""); f == nil {
		t.Errorf("entity bomb gave no E000: %+v", rep.Findings)
	}
	if took > 5*time.Second {
		t.Errorf("entity bomb took %v", took)
	}
}

// 100,000 nested spans: a clear finding, no stack or memory blow-up.
func TestDeepXMLNesting(t *testing.T) {
	const depth = 100_000
	doc := `<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div><p begin="1s" end="3s">` +
		strings.Repeat("<span>", depth) + "deep" + strings.Repeat("</span>", depth) + `</p></div></body></tt>`
	rep, took := checkOne(t, "deep.ttml", []byte(doc))
	if f := findingWith(rep, "E000", ""); f == nil {
		t.Errorf("deep nesting gave no E000: %+v", rep.Findings)
	}
	if took > 10*time.Second {
		t.Errorf("deep nesting took %v", took)
	}
}

// cueTime is milliseconds, formatted as an SRT timecode.
type cueTime int64

func (t cueTime) srt() string {
	ms := int64(t)
	return pad(ms/3_600_000, 2) + ":" + pad(ms/60_000%60, 2) + ":" + pad(ms/1000%60, 2) + "," + pad(ms%1000, 3)
}

func pad(v int64, n int) string {
	s := strconv.FormatInt(v, 10)
	for len(s) < n {
		s = "0" + s
	}
	return s
}
