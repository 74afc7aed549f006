package gcpace

import (
	"runtime/debug"
	"testing"
	"time"
)

// A small live heap gets the most headroom the bounds allow; as it grows
// the percent falls so the garbage stays near the headroom, down to Go's
// default and no lower.
func TestPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 400}, {10 * mb, 400}, {64 * mb, 400}, {128 * mb, 200}, {200 * mb, 128}, {256 * mb, 100}, {4096 * mb, 100},
	} {
		if got := Percent(c.live, 256*mb); got != c.want {
			t.Errorf("Percent(%d MiB live, 256 MiB) = %d, want %d", c.live/mb, got, c.want)
		}
	}
}

// Start changes the pace while it runs and stop puts the previous one back.
func TestStartRestores(t *testing.T) {
	prev := debug.SetGCPercent(73)
	defer debug.SetGCPercent(prev)
	stop := Start(1<<40, time.Millisecond) // a huge headroom: always the maximum
	time.Sleep(5 * time.Millisecond)
	if got := debug.SetGCPercent(MaxPercent); got != MaxPercent {
		t.Errorf("while running: GOGC %d, want %d", got, MaxPercent)
	}
	stop()
	if got := debug.SetGCPercent(73); got != 73 {
		t.Errorf("after stop: GOGC %d, want the previous 73", got)
	}
}

// Overlapping runs share one pacing: it lasts until the last one stops,
// and then the setting from before the first is back.
func TestBatchOverlapping(t *testing.T) {
	t.Setenv("GOGC", "")
	prev := debug.SetGCPercent(73)
	defer debug.SetGCPercent(prev)
	stopA := Batch(1 << 40)
	stopB := Batch(1 << 40)
	stopA()
	stopA() // a second call changes nothing
	if got := debug.SetGCPercent(MaxPercent); got != MaxPercent {
		t.Errorf("one run still going: GOGC %d, want %d", got, MaxPercent)
	}
	stopB()
	if got := debug.SetGCPercent(73); got != 73 {
		t.Errorf("after both: GOGC %d, want the previous 73", got)
	}
}

// A GOGC from the environment is the user's and is left alone.
func TestBatchKeepsEnvironment(t *testing.T) {
	t.Setenv("GOGC", "50")
	prev := debug.SetGCPercent(50)
	defer debug.SetGCPercent(prev)
	stop := Batch(1 << 40)
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("GOGC set in the environment: %d, want 50 kept", got)
	}
	stop()
}
