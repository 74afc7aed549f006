package engine

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/cputime"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/report"
)

// The finding-dense run the README measures, end to end but in process: 600
// generated 45-minute SRT episodes (29.6 MB, 420,000 cues) with 200 seeded
// defects each (120,000 findings), every default rule, the report written.
// The same corpus from the command line:
//
//	go run ./cmd/qcgen files --out /tmp/dense --count 600 --formats srt \
//	    --overlaps 40 --too-short 60 --too-fast 60 --long-lines 40
//	exportqc check /tmp/dense --format json -q >/dev/null
//
// Run: go test ./qc/engine -run '^$' -bench 'DenseRun|MillionCues' -benchmem
func BenchmarkDenseRun600(b *testing.B) {
	benchRun600(b, gen.CueDefects{Overlap: 40, TooShort: 60, TooFast: 60, LineTooLong: 40}, 120_000, "json", "text", "csv")
}

// The same 600 episodes without their seeded defects (a handful of
// findings): what the dense run costs before its findings, so the two
// together say how much of it is reading and checking and how much is
// making and writing 120,000 findings.
func BenchmarkCleanRun600(b *testing.B) {
	benchRun600(b, gen.CueDefects{}, -1, "json")
}

// benchRun600 generates 600 SRT episodes in twelve languages with the
// given defects and checks them as the command does, once per report
// format; wantFindings, unless negative, is the count the run must give.
func benchRun600(b *testing.B, defects gen.CueDefects, wantFindings int, formats ...string) {
	dir := b.TempDir()
	paths, err := gen.Files(dir, gen.FilesOptions{Count: 600, Seed: 1, Formats: []string{"srt"}, Defects: defects})
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, p := range paths {
		st, _ := os.Stat(p)
		total += st.Size()
	}
	for _, format := range formats {
		b.Run(format, func(b *testing.B) {
			b.SetBytes(total)
			b.ReportAllocs()
			findings := 0
			// CPU time against wall time: how busy the run keeps the
			// cores (GOMAXPROCS workers and the writer), to the end.
			cpu, wall := cputime.Process(), time.Now()
			for b.Loop() {
				findings = streamReport(b, testOptions(b, dir), format, io.Discard)
			}
			cpu, elapsed := cputime.Process()-cpu, time.Since(wall)
			if wantFindings >= 0 && findings != wantFindings {
				b.Fatalf("%d findings, want the %d seeded", findings, wantFindings)
			}
			b.ReportMetric(float64(findings), "findings/op")
			if cpu > 0 {
				b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
				b.ReportMetric(cpu.Seconds()/elapsed.Seconds(), "cores")
			}
		})
	}
}

// streamReport checks a run and writes its report as check does: the
// writer in its own goroutine, fed each file's part through a channel as
// RunStream emits it. It returns the number of findings written.
func streamReport(b testing.TB, opts Options, format string, out io.Writer) int {
	w, _, err := report.NewStream(format, report.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ch := make(chan report.Part, 8)
	var tail report.Tail
	written := make(chan error, 1)
	findings := 0
	opts.Recycler = NewRecycler(report.KeepsTexts(format)) // as check does: the writer gives each part's findings back
	tail, err = RunStream(context.Background(), opts, func(rules []report.RuleInfo) (func(report.Part) error, error) {
		st := &report.Stream{Tool: opts.Tool, Rules: rules, FailOn: opts.FailOn.String(),
			Next: opts.Recycler.Reader(func() (report.Part, bool) { p, ok := <-ch; return p, ok }),
			Tail: func() (report.Tail, error) { return tail, nil }}
		go func() { written <- w(out, st) }()
		return func(p report.Part) error { findings += len(p.Findings); ch <- p; return nil }, nil
	})
	close(ch)
	if err != nil {
		b.Fatal(err)
	}
	if err := <-written; err != nil {
		b.Fatal(err)
	}
	return findings
}

// millionCueSRT is an SRT of n cues, 2 s each, 3 s apart: about 100 bytes
// a cue, so 2,000,000 cues make the 200 MB file the README measures.
func millionCueSRT(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 100)
	for i := range n {
		start := cue.Time(i) * 3 * cue.Second
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteByte('\n')
		b.Write(appendSRTTime(nil, start))
		b.WriteString(" --> ")
		b.Write(appendSRTTime(nil, start+2*cue.Second))
		b.WriteString("\nA line of dialogue, not too long.\nAnd a second one.\n\n")
	}
	return b.Bytes()
}

func appendSRTTime(b []byte, t cue.Time) []byte {
	ms := int64(t / cue.Millisecond)
	h, m, s := ms/3_600_000, ms/60_000%60, ms/1000%60
	pad := func(b []byte, v int64, w int) []byte {
		str := strconv.FormatInt(v, 10)
		for len(str) < w {
			str = "0" + str
		}
		return append(b, str...)
	}
	b = pad(b, h, 2)
	b = append(b, ':')
	b = pad(b, m, 2)
	b = append(b, ':')
	b = pad(b, s, 2)
	b = append(b, ',')
	return pad(b, ms%1000, 3)
}

// The 2-million-cue SRT: under the default 64 MiB limit it is refused at
// once (E000 "file too large"); with the limit raised it is read and its
// first million cues checked (the cue limit).
func BenchmarkTwoMillionCues(b *testing.B) {
	p := filepath.Join(b.TempDir(), "huge.en.srt")
	data := millionCueSRT(2_000_000)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		b.Fatal(err)
	}
	size := int64(len(data))
	data = nil
	for _, limit := range []int64{0, 512 << 20} {
		name := "default-limit"
		if limit > 0 {
			name = "limit-512MiB"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			opts := testOptions(b, p)
			opts.MaxFileSize = limit
			for b.Loop() {
				rep, err := Run(context.Background(), opts)
				if err != nil {
					b.Fatal(err)
				}
				if limit == 0 && rep.Files[0].Cues != 0 || limit > 0 && rep.Files[0].Cues != DefaultMaxCues {
					b.Fatalf("%d cues checked", rep.Files[0].Cues)
				}
			}
		})
	}
}
