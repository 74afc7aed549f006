package pack

import (
	"reflect"
	"testing"
)

// The resolver's cache is bounded: resolving more distinct configurations
// than it keeps (an audit meets a territory list per delivery) holds at
// most ResolverCacheSize of them, and every answer, cached, evicted and
// resolved again or fresh, equals Library.Resolve's.
func TestResolverCacheIsBoundedAndRight(t *testing.T) {
	lib := loadShipped(t)
	r := lib.NewResolver()
	r.size = 8
	terrs := []string{"FR", "DE", "JP", "KR", "CN", "GB", "IT", "BR"}
	langs := []string{"", "fr", "de", "ja"}
	var reqs []Request
	for i, a := range terrs {
		for _, b := range terrs[i+1:] {
			for _, l := range langs {
				reqs = append(reqs, Request{Language: l, Territories: []string{a, b}})
			}
		}
	}
	for round := 0; round < 2; round++ {
		for _, req := range reqs {
			got, err := r.Resolve(req)
			if err != nil {
				t.Fatal(err)
			}
			want, err := lib.Resolve(req)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Rules, want.Rules) || !reflect.DeepEqual(got.Territories, want.Territories) {
				t.Fatalf("round %d: %+v resolved through the cache differs from Library.Resolve", round, req)
			}
			if len(r.cache) > r.size || r.lru.Len() != len(r.cache) {
				t.Fatalf("cache holds %d configurations (list %d), bound %d", len(r.cache), r.lru.Len(), r.size)
			}
		}
	}
	// A hit returns the very same Effective: the cache is in use.
	a, _ := r.Resolve(reqs[len(reqs)-1])
	b, _ := r.Resolve(reqs[len(reqs)-1])
	if a != b {
		t.Error("a repeated request was resolved again instead of served from the cache")
	}
}
