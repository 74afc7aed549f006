package history

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var severities = []string{"error", "warning", "info"}
var ruleCodes = []string{"T001", "T003", "T004", "T005", "L001", "D001", "D002", "D004"}

// recordScale records one run of the given size, as an audit of the trade
// body would: 58 members, findings spread evenly over the deliveries.
func recordScale(tb testing.TB, db *DB, deliveries, findings int, salt byte) (int64, time.Duration) {
	tb.Helper()
	start := time.Now()
	run, err := db.BeginRun(RunMeta{ToolVersion: "bench", Profile: "netflix"})
	if err != nil {
		tb.Fatal(err)
	}
	per := findings / deliveries
	batch := make([]Finding, per)
	var seed [9]byte
	seed[8] = salt
	for d := 0; d < deliveries; d++ {
		member := fmt.Sprintf("member-%02d", d%58)
		id, err := run.AddDelivery(Delivery{Member: member, Path: fmt.Sprintf("%s/programme-%05d_s01", member, d),
			Title: "Programme", Season: 1, Episodes: 1, Files: 5, Errors: per, Passed: per == 0})
		if err != nil {
			tb.Fatal(err)
		}
		for j := range batch {
			binary.LittleEndian.PutUint64(seed[:8], uint64(d*per+j))
			// Most fingerprints repeat between runs (salt 0 for 90 % of
			// them), the rest are new: what a real second audit looks like.
			if j%10 != 0 {
				seed[8] = 0
			} else {
				seed[8] = salt
			}
			sum := sha256.Sum256(seed[:])
			batch[j] = Finding{Fingerprint: hex.EncodeToString(sum[:12]), Rule: ruleCodes[j%len(ruleCodes)],
				Severity: severities[j%3], File: fmt.Sprintf("S01E%02d/Programme_S01E%02d.fr.srt", j%10+1, j%10+1),
				Line: 4 * j, Cue: j + 1}
		}
		if err := run.AddFindings(id, batch); err != nil {
			tb.Fatal(err)
		}
	}
	for m := 0; m < 58; m++ {
		run.AddMember(Member{Name: fmt.Sprintf("member-%02d", m), DisplayName: fmt.Sprintf("Member %d", m)})
	}
	if err := run.Commit(); err != nil {
		tb.Fatal(err)
	}
	return run.ID(), time.Since(start)
}

func fileSize(path string) int64 {
	var n int64
	for _, suffix := range []string{"", "-wal"} {
		if st, err := os.Stat(path + suffix); err == nil {
			n += st.Size()
		}
	}
	return n
}

// BenchmarkRecordRun: one run of 50,000 deliveries and 500,000 findings
// (the scale of a full audit), then the same again with 1,000,000.
func BenchmarkRecordRun(b *testing.B) {
	for _, sz := range []struct{ deliveries, findings int }{{50_000, 500_000}, {50_000, 1_000_000}} {
		b.Run(fmt.Sprintf("%dk-deliveries-%dk-findings", sz.deliveries/1000, sz.findings/1000), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				path := filepath.Join(b.TempDir(), "audit.sqlite")
				db, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				_, took := recordScale(b, db, sz.deliveries, sz.findings, 1)
				db.Close()
				b.ReportMetric(float64(sz.findings)/took.Seconds(), "findings/s")
				b.ReportMetric(float64(fileSize(path))/(1<<20), "MB")
			}
		})
	}
}

// BenchmarkCompareRuns: new/fixed/unchanged per member between two runs of
// 500,000 findings each.
func BenchmarkCompareRuns(b *testing.B) {
	path := filepath.Join(b.TempDir(), "audit.sqlite")
	db, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	first, _ := recordScale(b, db, 50_000, 500_000, 1)
	second, _ := recordScale(b, db, 50_000, 500_000, 2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		changes, err := db.Compare(first, second)
		if err != nil {
			b.Fatal(err)
		}
		var n, f, u int
		for _, c := range changes {
			n += c.New
			f += c.Fixed
			u += c.Unchanged
		}
		if n != 50_000 || f != 50_000 || u != 450_000 {
			b.Fatalf("new %d fixed %d unchanged %d", n, f, u)
		}
	}
}
