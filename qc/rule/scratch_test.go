package rule

import "testing"

type releasedScratch struct{ text []string }

func (r *releasedScratch) ReleaseScratch() { clear(r.text) }

// Reset empties a File's memo but keeps its scratch, telling each value to
// let go of the file it held: the next file's memo is built again, into
// the same memory.
func TestResetKeepsScratchNotMemo(t *testing.T) {
	type key struct{}
	var f File
	f.Reset("a.srt")
	p := NewPass(&Rule{Code: "G002"}, &f, nil, nil, nil)
	s := p.Scratch(key{}, func() any { return &releasedScratch{} }).(*releasedScratch)
	s.text = append(s.text, "line of a.srt")
	p.Memo(key{}, func() any { return 1 })

	f.Reset("b.srt")
	p = NewPass(&Rule{Code: "G002"}, &f, nil, nil, nil)
	if got := p.Scratch(key{}, func() any { return &releasedScratch{} }); got != s {
		t.Fatal("Reset lost the scratch: each file allocates it again")
	}
	if s.text[0] != "" {
		t.Fatalf("the scratch still holds %q after Reset", s.text[0])
	}
	if v := p.Memo(key{}, func() any { return 2 }); v != 2 {
		t.Fatalf("b.srt got a.srt's memo %v", v)
	}
	if other := NewPass(nil, &File{Path: "c.srt"}, nil, nil, nil); other.Scratch(key{}, func() any { return 3 }) != 3 {
		t.Fatal("a new File shares another's scratch")
	}
}
