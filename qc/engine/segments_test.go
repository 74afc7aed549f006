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
// inputs, every delivery against every input, refusing deliveries whose
// inputs are not one stretch or overlap: the reference its binary search
// must agree with where it did not refuse.
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
		spans = append(spans, segment{from: first, to: last + 1, units: []*unit{u}})
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
// files inside and outside their folder: the binary search cuts every run
// the scan did not refuse as the scan does, and the others into segments
// that hold each delivery's inputs whole.
func TestDeliverySegmentsAgreeWithScan(t *testing.T) {
	names := []string{"a", "c", "d", "d-x", "d.x", "d/1", "d/2", "d/e", "d/e/1", "d/e/2", "d/f/1", "d0", "d0/1", "e/1", "e/2", "z"}
	roots := []string{"d", "d/e", "e", "d0", "c", "q", "."}
	rng := rand.New(rand.NewPCG(1, 2))
	merged := 0
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
		segs, empty := deliverySegments(inputs, units, chunk)
		wantSegs, wantEmpty, ok := segmentsByScan(inputs, units, chunk)
		if ok && (!reflect.DeepEqual(segs, wantSegs) || !sameUnits(empty, wantEmpty)) {
			t.Fatalf("trial %d: inputs %s, deliveries %s, chunk %d:\ngot  %v %v\nwant %v %v", trial, describeInputs(inputs),
				describeUnits(units), chunk, segs, describeUnits(empty), wantSegs, describeUnits(wantEmpty))
		}
		if !ok {
			merged++
			if err := segmentsHoldDeliveries(inputs, units, segs, empty, chunk); err != nil {
				t.Fatalf("trial %d: inputs %s, deliveries %s, chunk %d: segments %v: %v", trial, describeInputs(inputs),
					describeUnits(units), chunk, segs, err)
			}
		}
	}
	if merged == 0 || merged == 20000 {
		t.Fatalf("%d of 20000 runs merged: the cases do not cover both kinds", merged)
	}
}

// segmentsHoldDeliveries checks what streaming needs of segments: they
// cover the inputs in order, those outside deliveries in stretches of at
// most chunk, and each delivery with inputs is listed by the one segment
// that holds them all, the others are empty.
func segmentsHoldDeliveries(inputs []input, units []*unit, segs []segment, empty []*unit, chunk int) error {
	next := 0
	where := map[*unit]int{}
	for k, sg := range segs {
		if sg.from != next || sg.to <= sg.from {
			return fmt.Errorf("segment %d is %d:%d after %d", k, sg.from, sg.to, next)
		}
		if sg.units == nil && sg.to-sg.from > chunk {
			return fmt.Errorf("loose segment %d holds %d inputs", k, sg.to-sg.from)
		}
		for _, u := range sg.units {
			if _, twice := where[u]; twice {
				return fmt.Errorf("delivery %s in two segments", u.root)
			}
			where[u] = k
		}
		next = sg.to
	}
	if next != len(inputs) {
		return fmt.Errorf("segments end at %d of %d", next, len(inputs))
	}
	for _, u := range units {
		k, listed := where[u]
		has := false
		for i := range inputs {
			if (inputs[i].meta != nil && inputs[i].meta.u == u) || under(inputs[i].path, u.root) {
				has = true
				if !listed || i < segs[k].from || i >= segs[k].to {
					return fmt.Errorf("input %s of delivery %s outside its segment", inputs[i].path, u.root)
				}
			}
		}
		if has == slices.Contains(empty, u) {
			return fmt.Errorf("delivery %s: has inputs %v, listed empty %v", u.root, has, !has)
		}
	}
	return nil
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
