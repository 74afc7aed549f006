package engine

import (
	"os"
	"testing"
)

// BenchmarkDeliverySegments times cutting a planned run into segments on
// the tree EXPORTQC_BENCH_TREE names (e.g. one made by qcgen audit
// --programmes 10000: ten thousand deliveries); skipped without it.
func BenchmarkDeliverySegments(b *testing.B) {
	tree := os.Getenv("EXPORTQC_BENCH_TREE")
	if tree == "" {
		b.Skip("EXPORTQC_BENCH_TREE names no tree")
	}
	opts := testOptions(b, tree)
	inputs, units, err := plan(&opts)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(units)), "deliveries")
	b.ReportMetric(float64(len(inputs)), "inputs")
	b.ResetTimer()
	for range b.N {
		deliverySegments(inputs, units, 24)
	}
}

// BenchmarkPlan times planning the same tree (walking it, reading the
// manifests) for comparison.
func BenchmarkPlan(b *testing.B) {
	tree := os.Getenv("EXPORTQC_BENCH_TREE")
	if tree == "" {
		b.Skip("EXPORTQC_BENCH_TREE names no tree")
	}
	for range b.N {
		opts := testOptions(b, tree)
		if _, _, err := plan(&opts); err != nil {
			b.Fatal(err)
		}
	}
}
