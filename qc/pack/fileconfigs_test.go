package pack

import (
	"reflect"
	"testing"
)

// A run's resolver answers a file outside deliveries from what it
// remembers exactly as resolving the request again does: the same
// configuration (the Resolver's own Effective) for every shipped language,
// an unknown one and none, in every format, asked twice; and with a
// project's flags in force (a disabled rule stays disabled).
func TestRunResolverRemembersWhatItResolved(t *testing.T) {
	lib := loadShipped(t)
	flags, err := lib.ParseFlags(FlagValues{Disable: []string{"G002"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range []Request{{}, {Flags: flags}, {Profile: lib.Profiles()[0]}} {
		r := lib.NewRunResolver(req)
		fresh := lib.NewRunResolver(req)
		langs := append(lib.Languages(), "", "xx-Unknown", "pt-BR", "en-US")
		for round := range 2 {
			for _, language := range langs {
				for _, format := range []string{"", "srt", "vtt", "ttml", "stl", "ass", "scc"} {
					got, err := r.ResolveFormat(language, nil, format)
					plain, plainErr := r.rules(r.fileRequest(language, nil, false, format))
					if (err == nil) != (plainErr == nil) {
						t.Fatalf("%q %q: %v; plain %v", language, format, err, plainErr)
					}
					if reflect.ValueOf(got).UnsafePointer() != reflect.ValueOf(plain).UnsafePointer() {
						t.Fatalf("round %d, %q %q: a configuration other than the resolver's", round, language, format)
					}
					if want, _ := fresh.rules(fresh.fileRequest(language, nil, false, format)); !reflect.DeepEqual(got, want) {
						t.Fatalf("%q %q: differs from a fresh resolver's", language, format)
					}
					if format == "" {
						if again, _ := r.Resolve(language); reflect.ValueOf(again).UnsafePointer() != reflect.ValueOf(got).UnsafePointer() {
							t.Fatalf("%q: Resolve differs from ResolveFormat without a format", language)
						}
					}
					if req.Flags != nil && got != nil && got["G002"].Enabled {
						t.Fatalf("%q %q: G002 enabled under --disable G002", language, format)
					}
				}
			}
		}
		if n := r.files.kept.Len(); n == 0 || n > fileConfigsSize {
			t.Errorf("remembers %d configurations", n)
		}
	}
}
