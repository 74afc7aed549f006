package audit

import (
	"fmt"
	"reflect"
	"testing"
)

func TestShardsPartitionThePlan(t *testing.T) {
	var members []Member
	for m := 0; m < 7; m++ {
		mem := Member{Name: fmt.Sprintf("m%02d", m), DisplayName: fmt.Sprintf("Member %d", m)}
		for d := 0; d < m*3; d++ {
			mem.Deliveries = append(mem.Deliveries, fmt.Sprintf("m%02d/d%03d", m, d))
		}
		members = append(members, mem)
	}
	p, err := NewPlan(members)
	if err != nil {
		t.Fatal(err)
	}
	total := len(p.Deliveries)
	for _, n := range []int{1, 2, 3, 5, 8, total, total + 4} {
		seen := map[string]int{}
		lo, hi := total, 0
		for i := 1; i <= n; i++ {
			sel := p.Select(Shard{Index: i, Count: n})
			lo, hi = min(lo, len(sel)), max(hi, len(sel))
			for _, d := range sel {
				seen[d.Path]++
			}
		}
		if len(seen) != total {
			t.Errorf("n=%d: shards cover %d of %d deliveries", n, len(seen), total)
		}
		for path, c := range seen {
			if c != 1 {
				t.Errorf("n=%d: %s in %d shards", n, path, c)
			}
		}
		if hi-lo > 1 {
			t.Errorf("n=%d: shard sizes range %d..%d, want balanced within 1", n, lo, hi)
		}
	}
	// The cut depends on the sorted paths only, not on the order members
	// were listed in (another machine may list folders differently).
	rev := append([]Member(nil), members...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	p2, _ := NewPlan(rev)
	if !reflect.DeepEqual(p.Select(Shard{2, 3}), p2.Select(Shard{2, 3})) || p.Digest() != p2.Digest() {
		t.Error("shard 2/3 or the plan digest depends on the member order")
	}
	members[0].DisplayName = "Renamed"
	p3, _ := NewPlan(members)
	if p3.Digest() == p.Digest() {
		t.Error("the digest ignores display names (merged scorecards would mix names)")
	}
}

func TestParseShard(t *testing.T) {
	for _, s := range []string{"1/1", "3/4", " 2/2 "} {
		if _, err := ParseShard(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	for _, s := range []string{"0/4", "5/4", "1/0", "a/b", "1", "-1/3", "1/2/3"} {
		if _, err := ParseShard(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestPlanRejectsSharedDelivery(t *testing.T) {
	_, err := NewPlan([]Member{{Name: "a", Deliveries: []string{"x/1"}}, {Name: "b", Deliveries: []string{"x/1"}}})
	if err == nil {
		t.Error("a delivery in two members was accepted")
	}
}
