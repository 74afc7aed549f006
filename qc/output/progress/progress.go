// Package progress draws the one-line "done/total, rate, ETA" progress of a
// long run on a terminal's standard error. exportqc's check and audit and
// qcgen all use it, so it looks and behaves the same everywhere.
//
// It stays silent when the output is not a terminal (piped, a log file) or
// when CI is set, since carriage returns are noise in a log; and for runs
// that finish within a second, so quick runs print nothing at all.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Printer draws one progress line. Its methods may be called from several
// goroutines, and on a nil *Printer (no progress wanted) do nothing.
type Printer struct {
	w       io.Writer
	what    string // unit counted: "files"
	enabled bool
	delay   time.Duration // nothing drawn before this much time has passed
	every   time.Duration // at most one redraw per interval, except the last

	mu    sync.Mutex
	start time.Time
	last  time.Time
	drawn bool
}

// New returns a printer counting what ("files") on w, enabled only when w
// is a terminal and CI is not set.
func New(w io.Writer, what string) *Printer {
	return &Printer{w: w, what: what, enabled: IsTerminal(w) && os.Getenv("CI") == "",
		delay: time.Second, every: 100 * time.Millisecond, start: time.Now()}
}

// Forced returns a printer that draws every update to w, whatever w is, as
// if started at start: for tests of what the line says.
func Forced(w io.Writer, what string, start time.Time) *Printer {
	return &Printer{w: w, what: what, enabled: true, start: start}
}

// Enabled reports whether anything will be drawn; callers skip costly
// preparation (counting files) when it is not.
func (p *Printer) Enabled() bool { return p != nil && p.enabled }

// Update is an engine's progress callback: done of total units.
func (p *Printer) Update(done, total int) {
	p.Draw(done >= total, func(elapsed time.Duration) string {
		return Line(p.what, done, total, elapsed)
	})
}

// Draw redraws the line with what line returns, unless the last redraw was
// too recent (final lines are always drawn) or the run is still young.
func (p *Printer) Draw(final bool, line func(elapsed time.Duration) string) {
	if !p.Enabled() {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	elapsed := now.Sub(p.start)
	if elapsed < p.delay || (now.Sub(p.last) < p.every && !final) {
		return
	}
	p.last = now
	fmt.Fprint(p.w, "\r\033[K"+line(elapsed))
	p.drawn = true
}

// Clear erases the line, if one was drawn, so what follows starts clean.
func (p *Printer) Clear() {
	if !p.Enabled() {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}

// Line is "12/30 files  6 files/s  ETA 3s"; ETA is "?" before any rate is
// known.
func Line(what string, done, total int, elapsed time.Duration) string {
	return fmt.Sprintf("%d/%d %s  %s", done, total, what, Rate(what, done, total, elapsed))
}

// Rate is "6 files/s  ETA 3s" for done of total units after elapsed.
func Rate(what string, done, total int, elapsed time.Duration) string {
	rate := float64(done) / elapsed.Seconds()
	eta := "?"
	if rate > 0 {
		eta = time.Duration(float64(max(total-done, 0)) / rate * float64(time.Second)).Round(time.Second).String()
	}
	return fmt.Sprintf("%.0f %s/s  ETA %s", rate, what, eta)
}

// IsTerminal reports whether w is a terminal (a character device).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
