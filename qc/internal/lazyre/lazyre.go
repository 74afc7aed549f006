// Package lazyre holds regular expressions compiled on first use rather
// than when their package initialises: every run of the command links
// every package, and most runs never use most of their expressions (the
// fix, shots, delivery and pack-decoding ones), so compiling them all at
// start-up was a measurable part of a one-file check.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is an expression compiled when first asked for; safe for
// concurrent use.
type Regexp func() *regexp.Regexp

var (
	mu   sync.Mutex
	made []string
)

// New returns expr, compiled on the first call (a bad expr panics there,
// as regexp.MustCompile would at start-up; All lets a test compile every
// expression the program declares).
func New(expr string) Regexp {
	mu.Lock()
	made = append(made, expr)
	mu.Unlock()
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// All returns every expression declared with New so far.
func All() []string {
	mu.Lock()
	defer mu.Unlock()
	return append([]string(nil), made...)
}
