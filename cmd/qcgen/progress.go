package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress prints "done/total files, rate, ETA" to stderr at most twice a
// second; workers call update concurrently.
type progress struct {
	w     io.Writer
	quiet bool
	what  string
	start time.Time

	mu      sync.Mutex
	last    time.Time
	printed bool
}

// newProgress reports only to a terminal: in a log, carriage returns are
// noise.
func newProgress(w io.Writer, quiet bool, what string) *progress {
	if f, ok := w.(*os.File); !ok || !isTerminal(f) {
		quiet = true
	}
	return &progress{w: w, quiet: quiet, what: what, start: time.Now()}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (p *progress) update(done, total int) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.last) < 500*time.Millisecond && done < total {
		return
	}
	p.last = now
	el := now.Sub(p.start).Seconds()
	rate := float64(done) / el
	eta := ""
	if rate > 0 && done < total {
		eta = fmt.Sprintf(", ETA %s", (time.Duration(float64(total-done)/rate) * time.Second).Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r%d/%d %s, %.0f/s%s   ", done, total, p.what, rate, eta)
	p.printed = true
}

func (p *progress) done() {
	if p.printed {
		fmt.Fprintln(p.w)
	}
}
