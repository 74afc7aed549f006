package history

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
)

// Compare agrees with a plain multiset count on random runs, duplicates,
// members missing from one side and empty members included.
func TestCompareMatchesMultisetCount(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "audit.sqlite"))
	r := rand.New(rand.NewPCG(1, 2))
	randomRun := func() memberFindings {
		out := memberFindings{}
		for m := 0; m < 6; m++ {
			if r.IntN(5) == 0 {
				continue // member absent from this run
			}
			name := fmt.Sprintf("m%d", m)
			fps := []string{}
			for range r.IntN(40) {
				fps = append(fps, fmt.Sprintf("fp%02d", r.IntN(25))) // small alphabet: many repeats
			}
			out[name] = fps
		}
		return out
	}
	for round := 0; round < 20; round++ {
		a, b := randomRun(), randomRun()
		ida, idb := record(t, db, RunMeta{}, a), record(t, db, RunMeta{}, b)
		got, err := db.Compare(ida, idb)
		if err != nil {
			t.Fatal(err)
		}
		var want []MemberChange
		for m := 0; m < 6; m++ {
			name := fmt.Sprintf("m%d", m)
			pa, inA := a[name]
			pb, inB := b[name]
			if !inA && !inB {
				continue
			}
			ca, cb := map[string]int{}, map[string]int{}
			for _, f := range pa {
				ca[f]++
			}
			for _, f := range pb {
				cb[f]++
			}
			c := MemberChange{Member: name}
			for f, n := range cb {
				u := min(n, ca[f])
				c.Unchanged += u
				c.New += n - u
			}
			for f, n := range ca {
				c.Fixed += n - min(n, cb[f])
			}
			want = append(want, c)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d:\n got %+v\nwant %+v", round, got, want)
		}
	}
}
