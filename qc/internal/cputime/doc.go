// Package cputime gives benchmarks the process's CPU time, which they
// report beside wall time: on a shared, busy machine the wall time of a
// run swings far more than the work it did.
package cputime
