//go:build !unix

package cputime

import "time"

// Process is not measured here: benchmarks report no CPU time.
func Process() time.Duration { return 0 }
