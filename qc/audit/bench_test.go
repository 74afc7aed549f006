package audit_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/internal/gen"
)

// The full-size run the README records:
//
//	go test -run '^$' -bench BenchmarkAudit -benchtime 1x -timeout 1h ./qc/audit \
//	    -audit.members 58 -audit.episodes 10000 -audit.languages 5 -audit.tree /tmp/audit-bench
//
// The default is a small tree, so `go test -bench .` stays quick.
var (
	benchMembers   = flag.Int("audit.members", 6, "BenchmarkAudit: member companies")
	benchEpisodes  = flag.Int("audit.episodes", 300, "BenchmarkAudit: episodes in the tree")
	benchLanguages = flag.Int("audit.languages", 5, "BenchmarkAudit: languages per delivery")
	benchTree      = flag.String("audit.tree", "", "BenchmarkAudit: generate the tree here once and reuse it (default: a temporary folder)")
	// The same default as qcgen's, so the tree README's qcgen command makes
	// is the one the benchmark reuses: an audit with findings to record.
	benchDefects = flag.Float64("audit.defects", 0.02, "BenchmarkAudit: probability of a seeded defect per subtitle file slot")
	benchDensity = flag.String("audit.density", "", "BenchmarkAudit: also seed cue defects at a density (corpus: the real corpus's findings per cue)")
)

// benchSeed is the generator seed of the recorded figures.
const benchSeed = 1

// BenchmarkAudit audits a generated tree end to end, as the command line
// does (one engine run over every delivery, aggregation, JSON, HTML and
// CSV reports, a new history database), and reports files per second and the
// peak of the live heap during the audit, sampled every 10 ms.
func BenchmarkAudit(b *testing.B) {
	root, exp := benchTreeFor(b)
	files := exp.Totals.FilesOnDisk
	out := b.TempDir()
	cfg := emptyConfig(b)
	b.SetBytes(exp.Totals.Bytes)
	b.ReportAllocs()
	var peak heapPeak
	var elapsed time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		stop := samplePeakHeap(&peak)
		start := time.Now()
		code, _, stderr := run(b, "audit", root, "--config", cfg, "-q", "--db", filepath.Join(out, "audit-"+strconv.Itoa(i)+".sqlite"),
			"--report", "json="+filepath.Join(out, "audit.json"),
			"--report", "html="+filepath.Join(out, "audit.html"),
			"--report", "csv="+filepath.Join(out, "audit.csv"))
		elapsed += time.Since(start)
		stop()
		if code > 1 {
			b.Fatalf("audit: exit %d: %s", code, stderr)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(files)*float64(b.N)/elapsed.Seconds(), "files/s")
	b.ReportMetric(float64(peak.objects)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(peak.live)/(1<<20), "peak-live-MiB")
	b.ReportMetric(float64(files), "files")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

// benchTreeFor generates the tree, or reuses one generated with the same
// options (its EXPECTED.json says which).
func benchTreeFor(b *testing.B) (string, *gen.Expected) {
	b.Helper()
	opts := gen.AuditOptions{Members: *benchMembers, Episodes: *benchEpisodes, Languages: *benchLanguages, Seed: benchSeed,
		DefectRate: *benchDefects}
	if *benchDensity != "" {
		if opts.Density = gen.Densities[*benchDensity]; opts.Density == nil {
			b.Fatalf("-audit.density %q: want corpus", *benchDensity)
		}
	}
	root := *benchTree
	if root == "" {
		root = filepath.Join(b.TempDir(), "tree")
	}
	if data, err := os.ReadFile(filepath.Join(root, "EXPECTED.json")); err == nil {
		var exp gen.Expected
		if json.Unmarshal(data, &exp) == nil && exp.Seed == benchSeed && exp.Options.Members == opts.Members &&
			exp.Options.Episodes == opts.Episodes && exp.Options.Languages == opts.Languages &&
			exp.Options.DefectRate == opts.DefectRate && exp.Options.Density == *benchDensity {
			return root, &exp
		}
		b.Fatalf("%s holds another tree; remove it or pick another -audit.tree", root)
	}
	exp, err := gen.AuditTree(root, opts)
	if err != nil {
		b.Fatal(err)
	}
	return root, exp
}

// heapPeak is the largest heap seen: objects counts every allocated heap
// object, garbage not yet collected included (what the process must hold
// memory for); live is the heap that survived the latest collection (what
// the program really retains).
type heapPeak struct{ objects, live uint64 }

// samplePeakHeap records the peaks until stop is called.
func samplePeakHeap(peak *heapPeak) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak.objects = max(peak.objects, s[0].Value.Uint64())
			peak.live = max(peak.live, s[1].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
