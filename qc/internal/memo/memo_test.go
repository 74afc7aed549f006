package memo

import (
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Answers are kept up to Limit and computed past it; a kept key is the
// Own copy; concurrent callers get the same answers (go test -race).
func TestBounded(t *testing.T) {
	calls := 0
	var mu sync.Mutex
	square := func(k string) int {
		mu.Lock()
		calls++
		mu.Unlock()
		n, _ := strconv.Atoi(k)
		return n * n
	}
	owned := 0
	m := Bounded[string, int]{Limit: 10, Own: func(k string) string { owned++; return strings.Clone(k) }}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				if got := m.Get(strconv.Itoa(i), square); got != i*i {
					t.Errorf("Get(%d) = %d", i, got)
				}
			}
		}()
	}
	wg.Wait()
	if m.Len() != 10 {
		t.Fatalf("%d answers kept, want the limit 10", m.Len())
	}
	if owned < 10 {
		t.Errorf("Own called %d times for 10 kept keys", owned)
	}
	before := calls
	m.Each(func(k string, v int) {
		if n, _ := strconv.Atoi(k); v != n*n {
			t.Errorf("kept %s → %d", k, v)
		}
	})
	m.Get("12345", square)
	if _, ok := m.Lookup("12345"); ok {
		t.Error("kept past the limit")
	}
	if calls == before {
		t.Error("a key past the limit was not computed")
	}
}
