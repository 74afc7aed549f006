package engine

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"
)

// segmentsByScan is how deliverySegments used to find each delivery's
// inputs, every delivery against every input: the reference its binary
// search must agree with.
func segmentsByScan(inputs []input, units []*unit, chunk int) (segs []segment, empty []*unit, ok bool) {
	owner := make([]int, len(inputs))
	var spans []segment
	for k, u := range units {
		first, last, n := -1, -1, 0
		for i := range inputs {
			if (inputs[i].meta != nil && inputs[i].meta.u == u) || under(inputs[i].path, u.root) {
				if first < 0 {
					first = i
				}
				last = i
				n++
			}
		}
		if first < 0 {
			empty = append(empty, u)
			continue
		}
		if n != last-first+1 {
			return nil, nil, false
		}
		for i := first; i <= last; i++ {
			if owner[i] != 0 {
				return nil, nil, false
			}
			owner[i] = k + 1
		}
		spans = append(spans, segment{from: first, to: last + 1, unit: u})
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].from < spans[b].from })
	next := 0
	loose := func(to int) {
		for next < to {
			end := min(next+chunk, to)
			segs = append(segs, segment{from: next, to: end})
			next = end
		}
	}
	for _, s := range spans {
		loose(s.from)
		segs = append(segs, s)
		next = s.to
	}
	loose(len(inputs))
	return segs, empty, true
}

// Random runs built from names that sort around a delivery's folder
// ("d", "d-x", "d.x", "d/…", "d0", nested folders, "."), with declared
// files inside and outside their folder: the binary search cuts every
// run as the scan does, and refuses the same runs.
func TestDeliverySegmentsAgreeWithScan(t *testing.T) {
	names := []string{"a", "c", "d", "d-x", "d.x", "d/1", "d/2", "d/e", "d/e/1", "d/e/2", "d/f/1", "d0", "d0/1", "e/1", "e/2", "z"}
	roots := []string{"d", "d/e", "e", "d0", "c", "q", "."}
	rng := rand.New(rand.NewPCG(1, 2))
	refused := 0
	for trial := range 20000 {
		var units []*unit
		for _, r := range roots {
			if rng.IntN(3) == 0 && (r != "." || rng.IntN(4) == 0) {
				units = append(units, &unit{root: r})
			}
		}
		var inputs []input
		for _, n := range names {
			if rng.IntN(2) == 0 {
				continue
			}
			in := input{path: n}
			if len(units) > 0 && rng.IntN(3) == 0 {
				// Declared by some delivery: usually one whose folder holds it.
				u := units[rng.IntN(len(units))]
				for _, v := range units {
					if under(n, v.root) && rng.IntN(8) != 0 {
						u = v
					}
				}
				in.meta = &fileMeta{u: u}
			}
			inputs = append(inputs, in)
		}
		chunk := 1 + rng.IntN(3)
		wantSegs, wantEmpty, wantOK := segmentsByScan(inputs, units, chunk)
		segs, empty, ok := deliverySegments(inputs, units, chunk)
		if ok != wantOK || !reflect.DeepEqual(segs, wantSegs) || !sameUnits(empty, wantEmpty) {
			t.Fatalf("trial %d: inputs %s, deliveries %s, chunk %d:\ngot  %v %v %v\nwant %v %v %v", trial, describeInputs(inputs),
				describeUnits(units), chunk, ok, segs, describeUnits(empty), wantOK, wantSegs, describeUnits(wantEmpty))
		}
		if !ok {
			refused++
		}
	}
	if refused == 0 || refused == 20000 {
		t.Fatalf("%d of 20000 runs refused: the cases do not cover both answers", refused)
	}
}

func sameUnits(a, b []*unit) bool {
	return slices.Equal(a, b) || (len(a) == 0 && len(b) == 0)
}

func describeUnits(units []*unit) string {
	var s []string
	for _, u := range units {
		s = append(s, u.root)
	}
	return fmt.Sprint(s)
}

func describeInputs(inputs []input) string {
	var s []string
	for _, in := range inputs {
		d := in.path
		if in.meta != nil {
			d += "@" + in.meta.u.root
		}
		s = append(s, d)
	}
	return fmt.Sprint(s)
}

// insideAny finds a path's delivery folder among many by its own folders.
func TestInsideAny(t *testing.T) {
	roots := map[string]bool{"a/b": true, "/abs/d": true}
	for p, want := range map[string]bool{"a/b": true, "a/b/c.srt": true, "a/b/c/d.srt": true, "a/bc.srt": false,
		"a/b-x/c.srt": false, "a": false, "/abs/d/x.srt": true, "/abs/dx.srt": false, "x.srt": false} {
		if got := insideAny(p, roots); got != want {
			t.Errorf("insideAny(%q) = %v, want %v", p, got, want)
		}
	}
	if !insideAny("anything.srt", map[string]bool{".": true}) {
		t.Error(`"." holds every path`)
	}
}
