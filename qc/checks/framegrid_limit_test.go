package checks

import (
	"math"
	"math/rand"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// A limit in frames may decide a span without snapping its ends; every
// answer must be the one snapping both ends gives (FrameSpan), at common
// and odd rates, for spans on, near and far from the threshold, negative
// times and times too large for the shortcut included.
func TestLimitAgreesWithFrameSpan(t *testing.T) {
	rates := []cue.FrameRate{{Num: 24000, Den: 1001}, {Num: 25, Den: 1}, {Num: 30000, Den: 1001}, {Num: 24, Den: 1},
		{Num: 60000, Den: 1001}, {Num: 50, Den: 1}, {Num: 7, Den: 3}, {Num: 1000, Den: 1}, {}}
	rng := rand.New(rand.NewSource(2))
	for _, fr := range rates {
		p := &rule.Pass{File: &rule.File{FrameRate: fr}, Doc: &cue.Document{}}
		for n := int64(-1); n <= 12; n++ {
			l := limitOf(p, rule.Duration{InFrames: true, Frames: n})
			for i := 0; i < 3000; i++ {
				a := cue.Time(rng.Int63n(int64(3600*cue.Second))) - cue.Time(rng.Int63n(int64(10*cue.Second)))
				if i%100 == 0 {
					a = cue.Time(rng.Int63())
				}
				// a span of about n-3 .. n+3 frames, at any offset
				frame := fr.Frames(1)
				if frame == 0 {
					frame = cue.Second / 25
				}
				b := a + cue.Time(rng.Int63n(int64(7*frame)+1)) + cue.Time(n-3)*frame
				if i%7 == 0 {
					b = a + fr.Frames(n+int64(rng.Intn(3))-1) + cue.Time(rng.Intn(3)-1) // on a boundary, ± a flick
				}
				span := fr.FrameSpan(a, b)
				if got, want := l.below(a, b), span < n; got != want {
					t.Fatalf("%v fps, %d frames, %d..%d (span %d frames): below %v, want %v", fr, n, a, b, span, got, want)
				}
				if got, want := l.above(a, b), span > n; got != want {
					t.Fatalf("%v fps, %d frames, %d..%d (span %d frames): above %v, want %v", fr, n, a, b, span, got, want)
				}
			}
		}
	}
}

// TestLimitAtTheEdgeOfItsShortcut puts both ends of a span where snapping
// moves them furthest (a flick either side of the half-frame between two
// frames) and its length a few flicks either side of whole frames: where
// the bounds that let limit decide without snapping would first be wrong.
func TestLimitAtTheEdgeOfItsShortcut(t *testing.T) {
	for _, fr := range []cue.FrameRate{{Num: 24000, Den: 1001}, {Num: 25, Den: 1}, {Num: 30000, Den: 1001}, {Num: 7, Den: 3}} {
		p := &rule.Pass{File: &rule.File{FrameRate: fr}, Doc: &cue.Document{}}
		for n := int64(1); n <= 6; n++ {
			l := limitOf(p, rule.Duration{InFrames: true, Frames: n})
			for frame := int64(100); frame < 110; frame++ {
				half := (fr.Frames(frame) + fr.Frames(frame+1)) / 2
				for da := cue.Time(-2); da <= 2; da++ {
					a := half + da
					for m := n - 2; m <= n+2; m++ {
						for db := cue.Time(-3); db <= 3; db++ {
							b := a + fr.Frames(m) + db
							span := fr.FrameSpan(a, b)
							if got, want := l.below(a, b), span < n; got != want {
								t.Fatalf("%v fps, %d frames, %d..%d (span %d frames): below %v, want %v", fr, n, a, b, span, got, want)
							}
							if got, want := l.above(a, b), span > n; got != want {
								t.Fatalf("%v fps, %d frames, %d..%d (span %d frames): above %v, want %v", fr, n, a, b, span, got, want)
							}
						}
					}
				}
			}
		}
	}
}

// T004 and T006 pass a gap at least notBelowFrom or aboveFrom long
// without asking below or above (gaps): each such span must get the
// answer that passes it from the plain test, at every rate, threshold in
// frames or time, and span, extreme times included.
func TestGapShortcutsAgreeWithLimits(t *testing.T) {
	rates := []cue.FrameRate{{Num: 24000, Den: 1001}, {Num: 25, Den: 1}, {Num: 30000, Den: 1001}, {Num: 7, Den: 3}, {}}
	var thresholds []rule.Duration
	for n := int64(-1); n <= 14; n++ {
		thresholds = append(thresholds, rule.Duration{InFrames: true, Frames: n})
	}
	thresholds = append(thresholds, rule.Duration{InFrames: true, Frames: 1 << 21}, rule.Duration{InFrames: true, Frames: math.MaxInt64},
		rule.Duration{Time: 0}, rule.Duration{Time: 80 * cue.Millisecond}, rule.Duration{Time: cue.Second / 2},
		rule.Duration{Time: math.MaxInt64 - 1})
	rng := rand.New(rand.NewSource(7))
	docs := []*cue.Document{{}, {Format: "ttml"}}
	passed := 0
	for _, fr := range rates {
		for _, d := range thresholds {
			for _, doc := range docs {
				p := &rule.Pass{File: &rule.File{FrameRate: fr}, Doc: doc}
				l := limitOf(p, d)
				notBelow, above := l.notBelowFrom(), l.aboveFrom()
				for i := 0; i < 2000; i++ {
					a := cue.Time(rng.Int63n(int64(3600*cue.Second))) - cue.Time(rng.Int63n(int64(10*cue.Second)))
					span := cue.Time(rng.Int63n(int64(cue.Second)))
					switch i % 10 {
					case 0:
						a = cue.Time(rng.Int63()) - 1<<62
					case 1:
						span = cue.Time(rng.Int63())
					case 2:
						span = notBelow + cue.Time(rng.Intn(3)-1)
					case 3:
						span = above + cue.Time(rng.Intn(3)-1)
					}
					b := a + span
					if !inRange(a) || !inRange(b) || b-a != span {
						continue // gaps asks the rule about these
					}
					if span >= notBelow {
						passed++
						if l.below(a, b) {
							t.Fatalf("%v fps, %+v: %d..%d (span %d) is below, but from %d on none is", fr, d, a, b, span, notBelow)
						}
					}
					if span >= above && !l.above(a, b) {
						t.Fatalf("%v fps, %+v: %d..%d (span %d) is not above, but from %d on all are", fr, d, a, b, span, above)
					}
				}
			}
		}
	}
	if passed < 10000 {
		t.Fatalf("only %d spans passed by the shortcut", passed)
	}
}
