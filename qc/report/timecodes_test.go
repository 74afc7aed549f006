package report

import (
	"math/rand/v2"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// appendTimes writes what the plain field-by-field form writes with
// cue.Time.AppendTimecode, in both layouts: at the edges of every field,
// past 100 hours, negative, half-millisecond rounding, one of the two
// missing, and at random.
func TestAppendTimesMatchesAppendTimecode(t *testing.T) {
	times := []cue.Time{0, 1, -1, cue.Millisecond / 2, cue.Millisecond/2 - 1, -cue.Millisecond / 2,
		999 * cue.Millisecond, 59_999 * cue.Millisecond, 3_599_999 * cue.Millisecond,
		100*3_600_000*cue.Millisecond - 1, 100 * 3_600_000 * cue.Millisecond, 99*3_600_000*cue.Millisecond + 3_599_999*cue.Millisecond,
		-5 * cue.Millisecond, 1000 * 3_600_000 * cue.Millisecond}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20_000 {
		times = append(times, cue.Time(rng.Int64N(int64(120*3_600_000*cue.Millisecond))))
	}
	plain := func(b []byte, f *rule.Finding, k *findingKeys) []byte {
		if f.Start != nil {
			b = append(append(b, k.start...), '"')
			b = append(cue.Time(*f.Start).AppendTimecode(b), '"')
		}
		if f.End != nil {
			b = append(append(b, k.end...), '"')
			b = append(cue.Time(*f.End).AppendTimecode(b), '"')
		}
		return b
	}
	for i, start := range times {
		end := times[(i*7+3)%len(times)]
		fs := []rule.Finding{{Start: rule.TC(start), End: rule.TC(end)}, {Start: rule.TC(start)}, {End: rule.TC(end)}, {}}
		for _, k := range []*findingKeys{compactKeys, indentedKeys} {
			for _, f := range fs {
				got, want := appendTimes([]byte("x"), &f, k), plain([]byte("x"), &f, k)
				if string(got) != string(want) {
					t.Fatalf("start %d end %d: got %s, want %s", start, end, got, want)
				}
			}
		}
	}
}
