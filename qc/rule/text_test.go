package rule

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// Texts built in parallel, nested in one another and longer than a chunk
// each keep their own bytes: none is overwritten by a later one.
func TestTextsKeepTheirBytes(t *testing.T) {
	const workers, each = 8, 3000
	got := make([][]string, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				var s string
				switch i % 3 {
				case 0:
					s = Concat("worker ", strconv.Itoa(w), " text ", strconv.Itoa(i))
				case 1: // a text built while building another
					s = Text(func(b []byte) []byte {
						inner := Concat("inner ", strconv.Itoa(i))
						return append(append(b, "outer "...), inner...)
					})
				default: // longer than a chunk's room, and than a chunk
					s = Concat(strings.Repeat("x", i%textChunkSize+textChunkSize/2), strconv.Itoa(i))
				}
				got[w] = append(got[w], s)
			}
		}()
	}
	wg.Wait()
	for w := range workers {
		for i, s := range got[w] {
			var want string
			switch i % 3 {
			case 0:
				want = "worker " + strconv.Itoa(w) + " text " + strconv.Itoa(i)
			case 1:
				want = "outer inner " + strconv.Itoa(i)
			default:
				want = strings.Repeat("x", i%textChunkSize+textChunkSize/2) + strconv.Itoa(i)
			}
			if s != want {
				t.Fatalf("worker %d text %d = %.40q…, want %.40q…", w, i, s, want)
			}
		}
	}
}

func TestTextEmpty(t *testing.T) {
	if s := Concat(); s != "" {
		t.Fatalf("Concat() = %q", s)
	}
	if s := Text(func(b []byte) []byte { return b }); s != "" {
		t.Fatalf("empty Text = %q", s)
	}
}

// Spans taken in parallel are distinct pairs holding their own times.
func TestSpansDistinct(t *testing.T) {
	const workers, each = 4, 2000
	type pair struct{ a, b *Timecode }
	got := make([][]pair, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				a, b := Span(cue.Time(w*each+i), cue.Time(-(w*each + i)))
				got[w] = append(got[w], pair{a, b})
			}
		}()
	}
	wg.Wait()
	seen := map[*Timecode]bool{}
	for w := range workers {
		for i, p := range got[w] {
			if n := cue.Time(w*each + i); cue.Time(*p.a) != n || cue.Time(*p.b) != -n {
				t.Fatalf("span %d of worker %d holds %d, %d", i, w, *p.a, *p.b)
			}
			if seen[p.a] || seen[p.b] || p.a == p.b {
				t.Fatalf("span %d of worker %d shares a timecode", i, w)
			}
			seen[p.a], seen[p.b] = true, true
		}
	}
}

// A file's texts and timecodes, written in its own chunk and slab, keep
// their bytes across many findings, nested texts, texts longer than a
// chunk and the File's Reset for the next file.
func TestPassTextsKeepTheirBytes(t *testing.T) {
	f := &File{Path: "a.srt"}
	p := NewPass(&Rule{Code: "T005"}, f, nil, nil, nil)
	type kept struct {
		text, want string
		start, end *Timecode
		at         cue.Time
	}
	var all []kept
	for i := range 5000 {
		if i%1000 == 999 {
			f.Reset("next.srt")
		}
		want := "text " + strconv.Itoa(i)
		var s string
		switch i % 3 {
		case 0:
			s = p.Text(func(b []byte) []byte { return strconv.AppendInt(append(b, "text "...), int64(i), 10) })
		case 1: // built while building another
			s = p.Text(func(b []byte) []byte {
				inner := p.Text(func(b []byte) []byte { return strconv.AppendInt(b, int64(i), 10) })
				return append(append(b, "text "...), inner...)
			})
		case 2: // longer than a chunk
			long := strings.Repeat("x", textChunkSize+i)
			s = p.Text(func(b []byte) []byte { return append(append(b, long...), want...) })
			want = long + want
		}
		at := cue.Time(i) * cue.Millisecond
		fd := p.AtCue(&cue.Cue{Index: i + 1, Start: at, End: at + cue.Second})
		all = append(all, kept{s, want, fd.Start, fd.End, at})
	}
	for i, k := range all {
		if k.text != k.want {
			t.Fatalf("text %d = %.40q…, want %.40q…", i, k.text, k.want)
		}
		if cue.Time(*k.start) != k.at || cue.Time(*k.end) != k.at+cue.Second {
			t.Fatalf("finding %d spans %v–%v, want %v–%v", i, *k.start, *k.end, k.at, k.at+cue.Second)
		}
	}
}

// A rule that panics while building a text (the engine recovers and runs
// the next rule) must not leave its File's chunk marked busy for the rest
// of the worker's files: every later text would take the pooled path.
func TestPanicInTextLeavesTheFileChunkUsable(t *testing.T) {
	var f File
	f.Reset("a.srt")
	p := NewPass(&Rule{Code: "T005"}, &f, nil, nil, nil)
	func() {
		defer func() { _ = recover() }()
		p.Text(func(b []byte) []byte { panic("rule bug") })
	}()
	f.Reset("b.srt")
	p = NewPass(&Rule{Code: "T005"}, &f, nil, nil, nil)
	if s := p.Text(func(b []byte) []byte { return append(b, "ok"...) }); s != "ok" || f.texts.busy || len(f.texts.buf) == 0 {
		t.Fatalf("after a panic and Reset: text %q, chunk busy %v, %d bytes in the File's chunk", s, f.texts.busy, len(f.texts.buf))
	}
}

// A File tracking its texts hands over exactly the chunks its passes
// wrote texts in since TrackTexts (a text longer than a chunk, and the
// chunk it grew out of, included), takes its chunks from the supply, and
// shares none with the texts written before: overwriting what TakeTexts
// gave changes every text written while tracking and no other.
func TestTrackedTextsAreHandedOver(t *testing.T) {
	f := &File{Path: "a.srt"}
	p := &Pass{File: f}
	before := p.Text(func(b []byte) []byte { return append(b, "written before"...) })
	supplied := 0
	f.TrackTexts(Supply{Texts: func() []byte {
		supplied++
		if supplied%2 == 0 {
			return nil // none free: a new chunk
		}
		return make([]byte, 5, textChunkSize)
	}})
	var texts []string
	for i := range 400 {
		n := 20 + i%50
		if i%97 == 0 {
			n = textChunkSize + 100 // outgrows any chunk
		}
		texts = append(texts, p.Text(func(b []byte) []byte {
			return append(strconv.AppendInt(b, int64(i), 10), strings.Repeat("y", n)...)
		}))
	}
	nested := p.Text(func(b []byte) []byte {
		return append(b, p.Text(func(b []byte) []byte { return append(b, "inner"...) })...)
	})
	chunks := f.TakeTexts().Texts
	after := p.Text(func(b []byte) []byte { return append(b, "written after"...) })
	if supplied < 2 {
		t.Fatalf("the supply was asked %d times", supplied)
	}
	want := slices.Clone(texts)
	for i := range want {
		want[i] = strings.Clone(want[i])
	}
	for _, c := range chunks {
		c = c[:cap(c)]
		for i := range c {
			c[i] = '#'
		}
	}
	for i, s := range texts {
		if strings.Trim(s, "#") != "" {
			t.Fatalf("text %d (%.20s…) is not in the chunks handed over", i, want[i])
		}
	}
	if strings.Trim(nested, "#") != "" {
		t.Errorf("the nested text's outer part %q is not in the chunks handed over", nested)
	}
	if before != "written before" || after != "written after" {
		t.Errorf("texts written outside tracking changed: %q, %q", before, after)
	}
}

// So are the timecodes of a tracked File's findings (Pass.AtCue): every
// one written while tracking lies in the slabs handed over, taken from
// the supply when it gives one; those before and after do not.
func TestTrackedTimecodesAreHandedOver(t *testing.T) {
	f := &File{Path: "a.srt"}
	p := &Pass{File: f}
	c := &cue.Cue{Index: 1, Line: 1, Start: 1000, End: 2000}
	before := p.AtCue(c)
	supplied := 0
	f.TrackTexts(Supply{Timecodes: func() []Timecode {
		supplied++
		if supplied%2 == 0 {
			return nil
		}
		return make([]Timecode, 7) // a slab of another size
	}})
	var tracked []Finding
	for i := range 1000 {
		c.Start, c.End = cue.Time(i), cue.Time(i+1)
		tracked = append(tracked, p.AtCue(c))
	}
	slabs := f.TakeTexts().Timecodes
	after := p.AtCue(c)
	if supplied < 2 {
		t.Fatalf("the supply was asked %d times", supplied)
	}
	for _, s := range slabs {
		for i := range s {
			s[i] = -1
		}
	}
	for i, g := range tracked {
		if *g.Start != -1 || *g.End != -1 {
			t.Fatalf("finding %d's timecodes are not in the slabs handed over", i)
		}
	}
	if *before.Start != 1000 || *after.End != 1000 {
		t.Errorf("timecodes written outside tracking changed: %v, %v", *before.Start, *after.End)
	}
}
