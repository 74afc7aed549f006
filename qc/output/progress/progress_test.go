package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestLineSaysDoneTotalRateAndETA(t *testing.T) {
	var out bytes.Buffer
	p := Forced(&out, "files", time.Now().Add(-10*time.Second))
	p.Update(50, 100)
	got := out.String()
	if !strings.HasPrefix(got, "\r\033[K50/100 files  5 files/s  ETA 10s") {
		t.Errorf("line %q", got)
	}
	p.Clear()
	if !strings.HasSuffix(out.String(), "\r\033[K") {
		t.Error("Clear did not erase the line")
	}
}

// Not a terminal (a buffer, a log): nothing at all, not even on Clear.
func TestSilentOffTerminal(t *testing.T) {
	var out bytes.Buffer
	p := New(&out, "files")
	p.Update(1, 2)
	p.Update(2, 2)
	p.Clear()
	var none *Printer
	none.Update(1, 1) // nil: no progress wanted
	none.Clear()
	if out.Len() != 0 {
		t.Errorf("wrote %q off a terminal", out.String())
	}
}

func TestETAUnknownBeforeAnyProgress(t *testing.T) {
	if got := Rate("files", 0, 10, time.Second); !strings.Contains(got, "ETA ?") {
		t.Errorf("%q", got)
	}
}
