package rule

import "testing"

// Memo computes a value once per file and key: a second rule on the same
// file gets the first one's value, another key or another file computes
// its own.
func TestMemoOncePerFileAndKey(t *testing.T) {
	type key struct{ weight float64 }
	calls := 0
	build := func(v int) func() any { return func() any { calls++; return v } }
	f1, f2 := &File{Path: "a.srt"}, &File{Path: "b.srt"}
	p1 := NewPass(&Rule{Code: "L001"}, f1, nil, nil, nil)
	p2 := NewPass(&Rule{Code: "T005"}, f1, nil, nil, nil)
	if v := p1.Memo(key{1}, build(10)); v != 10 || calls != 1 {
		t.Fatalf("first Memo: %v after %d calls", v, calls)
	}
	if v := p2.Memo(key{1}, build(20)); v != 10 || calls != 1 {
		t.Errorf("a second rule on the same file recomputed: %v after %d calls", v, calls)
	}
	if v := p2.Memo(key{0.5}, build(30)); v != 30 || calls != 2 {
		t.Errorf("another key: %v after %d calls", v, calls)
	}
	if v := NewPass(&Rule{Code: "L001"}, f2, nil, nil, nil).Memo(key{1}, build(40)); v != 40 || calls != 3 {
		t.Errorf("another file: %v after %d calls", v, calls)
	}
}

// Report order is file, then cue, then line, then rule, then message: each
// field decides only when the ones before it are equal.
func TestReportOrder(t *testing.T) {
	base := Finding{File: "b.srt", Cue: 5, Line: 20, Rule: "T005", Message: "m"}
	for _, c := range []struct {
		name string
		mod  func(*Finding)
	}{
		{"file", func(f *Finding) { f.File, f.Cue, f.Line, f.Rule, f.Message = "a.srt", 9, 99, "Z", "z" }},
		{"cue", func(f *Finding) { f.Cue, f.Line, f.Rule, f.Message = 4, 99, "Z", "z" }},
		{"line", func(f *Finding) { f.Line, f.Rule, f.Message = 19, "Z", "z" }},
		{"rule", func(f *Finding) { f.Rule, f.Message = "T004", "z" }},
		{"message", func(f *Finding) { f.Message = "a" }},
	} {
		first := base
		c.mod(&first)
		if !Less(&first, &base) || Less(&base, &first) {
			t.Errorf("a smaller %s with every later field larger must sort first", c.name)
		}
	}
	if Less(&base, &base) {
		t.Error("a finding sorts before itself")
	}
}

// A memo lasts one file; a scratch value lasts as long as the File that
// checks file after file.
func TestScratchOutlivesResetMemoDoesNot(t *testing.T) {
	f := &File{Path: "a.srt"}
	p := &Pass{File: f}
	made := 0
	scratch := func() any { made++; return new([4]int) }
	memo := func() any { made++; return new([4]int) }
	s1, m1 := p.Scratch("s", scratch), p.Memo("m", memo)
	if p.Scratch("s", scratch) != s1 || p.Memo("m", memo) != m1 || made != 2 {
		t.Fatalf("second call within a file made a new value (%d made)", made)
	}
	f.Reset("b.srt")
	if p.Scratch("s", scratch) != s1 {
		t.Error("scratch not kept across Reset")
	}
	if p.Memo("m", memo) == m1 {
		t.Error("memo kept across Reset")
	}
}

// A pass cites each parameter's own source, whichever it cited last, and
// a pass reset for another rule never cites the last rule's.
func TestPassSourceFollowsTheParameter(t *testing.T) {
	cfg := func(srcs ...string) *Config {
		c := &Config{Params: map[string]Setting{}}
		for i := 0; i < len(srcs); i += 2 {
			c.Params[srcs[i]] = Setting{Source: srcs[i+1]}
		}
		return c
	}
	f := &File{Path: "a.srt"}
	p := NewPass(&Rule{Code: "L001"}, f, nil, cfg("max_chars", "Netflix §3", "weight", "BBC 4.1"), nil)
	for _, c := range []struct{ name, want string }{
		{"max_chars", "Netflix §3"}, {"max_chars", "Netflix §3"}, {"weight", "BBC 4.1"}, {"max_chars", "Netflix §3"},
	} {
		if got := p.Source(c.name); got != c.want {
			t.Errorf("Source(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	p.Reset(&Rule{Code: "T005"}, f, nil, cfg("max_chars", "EBU 2.2"), nil)
	if got := p.Source("max_chars"); got != "EBU 2.2" {
		t.Errorf("after Reset: Source = %q, want the new rule's EBU 2.2", got)
	}
}
