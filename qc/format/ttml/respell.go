package ttml

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// respell writes a time expression for an attribute that held old (worth
// oldT on the timeline) so that it is worth newT, in old's own form (clock
// time with the same fraction or frames, or the same offset metric). It is
// what fixes use to move a <p>'s begin or end. ok is false when the new
// value cannot be written exactly enough in that form (the written value
// is read back to make sure: within a millisecond, or exactly for frames
// and ticks).
func (p params) respell(old string, oldT, newT cue.Time) (string, bool) {
	s := trimXMLSpace(old)
	rel, kind, why := p.parseTime(s)
	if why != "" {
		return "", false
	}
	target := rel + (newT - oldT)
	if target < 0 {
		return "", false
	}
	var out string
	switch {
	case strings.Contains(s, ":"):
		out = p.spellClock(s, target)
	case strings.HasSuffix(s, "ms"):
		out = decimal(target, cue.Millisecond, fracDigits(s, "ms")) + "ms"
	case strings.HasSuffix(s, "s"):
		out = decimal(target, cue.Second, max(fracDigits(s, "s"), 3)) + "s"
	case strings.HasSuffix(s, "f"):
		r := p.effectiveRate()
		n, _ := r.FrameAt(target)
		out = strconv.FormatInt(n, 10) + "f"
	case strings.HasSuffix(s, "t"):
		// ticks = target × tickNum / (tickDen × Second), rounded
		v := new(big.Int).Mul(big.NewInt(int64(target)), big.NewInt(p.tickNum))
		d := new(big.Int).Mul(big.NewInt(p.tickDen), big.NewInt(int64(cue.Second)))
		v.Add(v, new(big.Int).Rsh(d, 1))
		out = v.Quo(v, d).String() + "t"
	default:
		return "", false
	}
	if out == "" {
		return "", false
	}
	got, k2, why := p.parseTime(out)
	if why != "" || k2&usesFrames != kind&usesFrames {
		return "", false
	}
	diff := got - target
	if diff < 0 {
		diff = -diff
	}
	if diff > cue.Millisecond/2 {
		return "", false
	}
	return out, true
}

// spellClock writes hh:mm:ss[.fraction] or hh:mm:ss:ff as old is written
// (non-drop frames only).
func (p params) spellClock(old string, t cue.Time) string {
	parts := strings.Split(old, ":")
	if len(parts) == 4 {
		if p.drop != nonDrop || strings.Contains(parts[3], ".") || p.base != baseMedia {
			return ""
		}
		r := p.effectiveRate()
		secs := t / cue.Second
		n, _ := r.FrameAt(t - secs*cue.Second)
		if n >= p.frameRate {
			secs, n = secs+1, 0
		}
		return clock(int64(secs)) + ":" + pad(n, max(2, len(parts[3])))
	}
	if len(parts) != 3 {
		return ""
	}
	digits := 0
	if i := strings.IndexByte(parts[2], '.'); i >= 0 {
		digits = len(parts[2]) - i - 1
	}
	if t%cue.Second != 0 {
		digits = max(digits, 3)
	}
	secs := t / cue.Second
	out := clock(int64(secs))
	if digits > 0 {
		frac := decimal(t-secs*cue.Second, cue.Second, digits) // "0.xxx"
		if strings.HasPrefix(frac, "1") {                      // rounded up to the next second
			return p.spellClock(old, (secs+1)*cue.Second)
		}
		out += frac[1:]
	}
	return out
}

func clock(secs int64) string {
	return pad(secs/3600, 2) + ":" + pad(secs/60%60, 2) + ":" + pad(secs%60, 2)
}

func pad(v int64, w int) string {
	s := strconv.FormatInt(v, 10)
	for len(s) < w {
		s = "0" + s
	}
	return s
}

// decimal writes t/unit with the given number of fraction digits, rounded.
func decimal(t, unit cue.Time, digits int) string {
	scale := int64(1)
	for i := 0; i < digits; i++ {
		scale *= 10
	}
	v := new(big.Int).Mul(big.NewInt(int64(t)), big.NewInt(scale))
	u := big.NewInt(int64(unit))
	v.Add(v, new(big.Int).Rsh(u, 1))
	v.Quo(v, u)
	s := v.String()
	if digits == 0 {
		return s
	}
	for len(s) <= digits {
		s = "0" + s
	}
	return s[:len(s)-digits] + "." + s[len(s)-digits:]
}

// fracDigits counts the fraction digits of an offset time with the metric.
func fracDigits(s, metric string) int {
	s = strings.TrimSuffix(s, metric)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}
