package gen

import (
	"fmt"
	"math"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
)

// Kinds of seeded cue defect. Each is built to raise exactly one finding of
// its rule under the default (Netflix) profile and nothing else: a too-short
// cue gets an interjection short enough to stay under the reading-speed
// limit, a too-fast cue lasts over a second so it is not also too short, a
// long line stands alone in its cue so the cue is not also too fast, and an
// overlap starts after the previous cue starts so it is not also out of
// order.
type cueKind uint8

const (
	cueClean cueKind = iota
	cueOverlap
	cueTooShort
	cueTooFast
	cueLineTooLong
)

type plannedCue struct {
	start, end int64 // frames from zero at the episode's rate
	kind       cueKind
	text       cueText
}

// episodePlan is one episode's subtitles, decided but not yet written, so
// that the same content can be hashed as the manifest declares it and then
// written altered (the checksum-mismatch defect).
type episodePlan struct {
	lang     *language
	rate     cue.FrameRate
	title    string
	cues     []plannedCue
	alterCue int // index of the cue whose text an alteration changes, -1 for none
	alterAt  int // byte offset in its first line of the two letters swapped
}

// framing converts between seconds and frames at one rate.
type framing struct {
	rate cue.FrameRate
	fps  float64
}

func newFraming(fr cue.FrameRate) framing { return framing{rate: fr, fps: fr.FPS()} }

func (f framing) round(sec float64) int64 { return int64(math.Round(sec * f.fps)) }
func (f framing) ceil(sec float64) int64  { return int64(math.Ceil(sec*f.fps - 1e-9)) }
func (f framing) floor(sec float64) int64 { return int64(math.Floor(sec*f.fps + 1e-9)) }
func (f framing) secs(frames int64) float64 {
	return float64(frames) * float64(f.rate.Den) / float64(f.rate.Num)
}

// ms is the millisecond nearest to the start of frame n. Writing times this
// way keeps every SRT/WebVTT time within half a millisecond of a frame
// boundary, which the off-frame rule accepts.
func (f framing) ms(n int64) int64 {
	num := n * f.rate.Den * 1000
	return (2*num + f.rate.Num) / (2 * f.rate.Num)
}

// planEpisode decides every cue of one episode: texts and durations first,
// then the gaps that spread them over the programme.
func planEpisode(r *rng, l *language, o *EpisodeOptions) (*episodePlan, error) {
	fm := newFraming(o.FrameRate)
	n := o.Cues
	total := fm.round(o.Minutes * 60)
	lead := fm.round(float64(r.between(5, 40)))
	tail := fm.round(float64(r.between(10, 30)))
	avail := total - lead - tail
	minDur, maxDur, gap2 := fm.ceil(1.0), fm.floor(6.0), int64(2)
	longGap := fm.ceil(0.6)
	if n < 1 {
		return nil, fmt.Errorf("cue count must be at least 1, not %d", n)
	}
	if avail <= 0 || int64(n)*(minDur+gap2) > avail {
		return nil, fmt.Errorf("%d cues do not fit in %.1f minutes", n, o.Minutes)
	}
	kinds, err := placeDefects(r, n, o.Defects)
	if err != nil {
		return nil, err
	}
	slot := fm.secs(avail/int64(n) - gap2)
	budget := l.MaxCPS * 0.85 * math.Min(6, slot)
	// cpsFloor is the shortest duration that keeps a text comfortably
	// under the reading-speed limit.
	cpsFloor := func(chars float64) int64 { return fm.ceil(chars / (l.MaxCPS * 0.92)) }

	cues := make([]plannedCue, n)
	var sumDur int64
	for i := range cues {
		c := &cues[i]
		c.kind = kinds[i]
		var dur int64
		switch c.kind {
		case cueTooShort:
			c.text = l.shortText(r)
			dur = max(fm.round(0.5), fm.ceil(c.text.chars/(l.MaxCPS*0.9)))
			if dur > fm.floor(0.75) {
				return nil, fmt.Errorf("%s: interjection %q cannot be both short and readable", l.Tag, c.text.lines[0])
			}
		case cueTooFast:
			dur = fm.round(1.04)
			c.text = l.denseText(r, 1.4*l.MaxCPS*fm.secs(dur))
			if c.text.chars/fm.secs(dur) <= 1.2*l.MaxCPS {
				return nil, fmt.Errorf("%s: no two-line text dense enough for a too-fast cue", l.Tag)
			}
		case cueLineTooLong:
			hi := math.Min(l.MaxChars*1.6, 0.85*l.MaxCPS*6)
			c.text = l.longLine(r, l.MaxChars+1, hi)
			dur = min(maxDur, max(minDur, cpsFloor(c.text.chars)+int64(r.intn(int(fm.round(0.5))+1))))
		default:
			c.text = l.normalText(r, budget)
			u := 0.55 + 0.35*r.float()
			dur = fm.ceil(c.text.chars/(l.MaxCPS*u)) + int64(r.intn(int(fm.round(0.6))+1))
			dur = min(maxDur, max(minDur, dur, cpsFloor(c.text.chars)))
		}
		c.end = dur // duration for now; placed below
		sumDur += dur
	}

	// Gaps: about 60 % closed to two frames, the rest longer than the
	// half-second "should close" threshold, sharing what time is left.
	gaps := make([]int64, n) // gaps[i] precedes cue i; gaps[0] unused
	long := make([]bool, n)
	var fixed int64
	nLong := 0
	for i := 1; i < n; i++ {
		switch {
		case cues[i].kind == cueOverlap:
			prev := cues[i-1].end
			gaps[i] = -int64(r.between(3, int(min(10, prev/3))))
		case r.chance(0.6):
			gaps[i] = gap2
		default:
			long[i] = true
			nLong++
			continue
		}
		fixed += gaps[i]
	}
	spare := avail - sumDur - fixed
	if spare < int64(nLong)*longGap {
		// Too little room for the long gaps: tighten clean cues to their
		// reading-speed floor, then close long gaps until the rest fits.
		for i := range cues {
			if cues[i].kind == cueClean || cues[i].kind == cueOverlap {
				d := max(minDur, cpsFloor(cues[i].text.chars))
				sumDur -= cues[i].end - d
				cues[i].end = d
			}
		}
		spare = avail - sumDur - fixed
		for i := 1; i < n && spare < int64(nLong)*longGap; i++ {
			if long[i] {
				long[i] = false
				nLong--
				gaps[i] = gap2
				spare -= gap2
			}
		}
		if spare < int64(nLong)*longGap {
			return nil, fmt.Errorf("%d cues of %s text do not fit in %.1f minutes", n, l.Tag, o.Minutes)
		}
	}
	if nLong > 0 {
		weights := make([]float64, n)
		var sum float64
		for i := 1; i < n; i++ {
			if long[i] {
				weights[i] = r.exp()
				sum += weights[i]
			}
		}
		extra := float64(spare - int64(nLong)*longGap)
		for i := 1; i < n; i++ {
			if long[i] {
				gaps[i] = longGap + int64(extra*weights[i]/sum)
			}
		}
	}
	at := lead
	for i := range cues {
		c := &cues[i]
		dur := c.end
		at += gaps[i]
		c.start, c.end = at, at+dur
		at = c.end
	}
	return &episodePlan{lang: l, rate: o.FrameRate, title: o.Title, cues: cues, alterCue: -1}, nil
}

// placeDefects spreads the seeded defects over the cues: never the first or
// last cue, and at least three cues apart, so that no two defects interact
// (an overlap right after a too-short cue would also be out of order).
// Positions are drawn in a space compressed by the spacing and then spread
// out again, so any feasible request succeeds on the first draw.
func placeDefects(r *rng, n int, d CueDefects) ([]cueKind, error) {
	kinds := make([]cueKind, n)
	total := d.Total()
	if total == 0 {
		return kinds, nil
	}
	if d.Overlap < 0 || d.TooShort < 0 || d.TooFast < 0 || d.LineTooLong < 0 || 3*total > n {
		return nil, fmt.Errorf("%d seeded cue defects do not fit in %d cues (at most %d)", total, n, n/3)
	}
	// Choose total of the m = n-2-2(total-1) compressed slots.
	m := n - 2 - 2*(total-1)
	slots := make([]int, m)
	for i := range slots {
		slots[i] = i
	}
	for i := 0; i < total; i++ {
		j := i + r.intn(m-i)
		slots[i], slots[j] = slots[j], slots[i]
	}
	chosen := slots[:total]
	sort.Ints(chosen)
	order := make([]cueKind, 0, total)
	for _, w := range []struct {
		k     cueKind
		count int
	}{{cueOverlap, d.Overlap}, {cueTooShort, d.TooShort}, {cueTooFast, d.TooFast}, {cueLineTooLong, d.LineTooLong}} {
		for j := 0; j < w.count; j++ {
			order = append(order, w.k)
		}
	}
	for i := len(order) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		order[i], order[j] = order[j], order[i]
	}
	for k, c := range chosen {
		kinds[1+c+2*k] = order[k]
	}
	return kinds, nil
}

// chooseAlteration picks the change a tampered copy of the file carries:
// two neighbouring, different letters swapped in one clean cue's first
// line. The file keeps its size and stays clean to every rule; only its
// checksum gives it away.
func (p *episodePlan) chooseAlteration(r *rng) {
	n := len(p.cues)
	start := r.intn(n)
	for k := 0; k < n; k++ {
		i := (start + k) % n
		if p.cues[i].kind != cueClean {
			continue
		}
		line := p.cues[i].text.lines[0]
		for at := 0; at < len(line); {
			a, sa := utf8.DecodeRuneInString(line[at:])
			b, sb := utf8.DecodeRuneInString(line[at+sa:])
			if sb > 0 && a != b && unicode.IsLetter(a) && unicode.IsLetter(b) {
				p.alterCue, p.alterAt = i, at
				return
			}
			at += sa
		}
	}
}

// altered returns line with the alteration applied.
func swapAt(line string, at int) string {
	a, sa := utf8.DecodeRuneInString(line[at:])
	b, sb := utf8.DecodeRuneInString(line[at+sa:])
	buf := make([]byte, 0, len(line))
	buf = append(buf, line[:at]...)
	buf = utf8.AppendRune(buf, b)
	buf = utf8.AppendRune(buf, a)
	return string(append(buf, line[at+sa+sb:]...))
}
