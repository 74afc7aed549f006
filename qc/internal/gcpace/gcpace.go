// Package gcpace paces Go's garbage collector for a long batch run, such
// as an audit of tens of thousands of files.
//
// Go collects when the heap has grown by GOGC percent (100) of what the
// last collection kept. An audit keeps little (its live heap is ~30 MB
// whatever the number of files) and allocates a lot (22 GB for 50,000
// files), so at the default the collector ran every 30 MB and took a tenth
// of the CPU. Collecting later saves that CPU at the cost of more garbage
// in memory between collections. The cost must stay bounded when the live
// heap is large (an audit with hundreds of thousands of findings keeps them
// all): so the pace here allows a fixed amount of garbage, within a range
// of percents, recomputed from the live heap as the run goes.
package gcpace

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// Percent bounds: never below Go's default, never above what the audit
// was measured to gain from (fewer collections beyond 4x growth save
// little more).
const (
	MinPercent = 100
	MaxPercent = 400
)

// Percent is the GOGC percent that lets about headroom bytes of garbage
// pile up over a live heap of live bytes, within [MinPercent, MaxPercent].
func Percent(live, headroom uint64) int {
	if live == 0 {
		return MaxPercent
	}
	p := headroom * 100 / live
	return int(min(max(p, MinPercent), MaxPercent))
}

// Start paces the collector by Percent(live heap, headroom), looked at every
// period, until stop is called; stop restores the previous setting.
func Start(headroom uint64, period time.Duration) (stop func()) {
	old := debug.SetGCPercent(MaxPercent)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(period)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(sample)
				if sample[0].Value.Kind() == metrics.KindUint64 {
					debug.SetGCPercent(Percent(sample[0].Value.Uint64(), headroom))
				}
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		debug.SetGCPercent(old)
	}
}

// Batch is Start for a command's run (an audit, a check) unless GOGC is set
// in the environment: that is the user's choice and is kept (the returned
// stop then does nothing). The pace is looked at four times a second.
// Runs in one process may overlap (tests run commands in parallel): the
// first starts the pacing and the last one to stop restores the setting.
func Batch(headroom uint64) (stop func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	batch.Lock()
	defer batch.Unlock()
	if batch.runs == 0 {
		batch.stop = Start(headroom, 250*time.Millisecond)
	}
	batch.runs++
	var once sync.Once
	return func() {
		once.Do(func() {
			batch.Lock()
			defer batch.Unlock()
			if batch.runs--; batch.runs == 0 {
				batch.stop()
			}
		})
	}
}

// batch is the pacing Batch shares among overlapping runs.
var batch struct {
	sync.Mutex
	runs int
	stop func()
}
