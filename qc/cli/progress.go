package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress draws "files done / total, rate, ETA" on a terminal's stderr.
// It stays silent when stderr is not a terminal (piped, CI) and for runs
// that finish within a second, so it never pollutes logs.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	enabled bool
	start   time.Time
	last    time.Time
	drawn   bool
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, enabled: isTerminal(w) && os.Getenv("CI") == "", start: time.Now()}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (p *progress) update(done, total int) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	elapsed := now.Sub(p.start)
	if elapsed < time.Second || (now.Sub(p.last) < 100*time.Millisecond && done < total) {
		return
	}
	p.last = now
	rate := float64(done) / elapsed.Seconds()
	eta := time.Duration(float64(total-done) / rate * float64(time.Second)).Round(time.Second)
	fmt.Fprintf(p.w, "\r\033[K%d/%d files  %.0f files/s  ETA %s", done, total, rate, eta)
	p.drawn = true
}

// clearProgress erases the progress line (harmless when none was drawn).
func clearProgress(w io.Writer) {
	if isTerminal(w) && os.Getenv("CI") == "" {
		fmt.Fprint(w, "\r\033[K")
	}
}

// envName maps a config key to its environment variable suffix.
func envName(key string) string {
	b := []byte(key)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		case c == '-' || c == '.':
			b[i] = '_'
		}
	}
	return string(b)
}
