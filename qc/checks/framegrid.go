package checks

import (
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// A threshold stated in frames ("2f") is compared in whole frames after
// each time is snapped to its nearest frame at the file's rate, as players
// and Subtitle Edit show them: a Netflix tick-timed gap of 830,830 ticks
// (1.99 frames at 23.976 fps) is the 2-frame gap it was authored as. A
// threshold stated in time ("0.5s") is compared in time, within the file's
// time resolution (tolerance).

// below reports whether the span from a to b is shorter than the threshold d.
func below(p *rule.Pass, d rule.Duration, a, b cue.Time) bool {
	if d.InFrames {
		return p.File.FrameRate.FrameSpan(a, b) < d.Frames
	}
	return b-a < d.Resolve(p.File.FrameRate)-tolerance(p.Doc)
}

// above reports whether the span from a to b is longer than the threshold d.
func above(p *rule.Pass, d rule.Duration, a, b cue.Time) bool {
	if d.InFrames {
		return p.File.FrameRate.FrameSpan(a, b) > d.Frames
	}
	return b-a > d.Resolve(p.File.FrameRate)+tolerance(p.Doc)
}

// measured shows a span in the unit of the threshold it is compared with:
// "1.8 frames (0.074 s)" against a frame threshold, "0.074 s" otherwise.
// The frame count is the unrounded one, with as many decimals as it takes
// not to print the threshold itself ("1.99 frames", never "2.0 frames …
// less than the minimum 2 frames"); short says which side it lies on.
func measured(p *rule.Pass, d rule.Duration, span cue.Time, short bool) string {
	if !d.InFrames {
		return secs(span)
	}
	return frameCount(p.File.FrameRate.InFrames(span), d.Frames, short) + " (" + secs(span) + ")"
}

// threshold shows a threshold as the pack wrote it with its value at the
// file's rate: "2 frames (0.083 s at 23.976 fps)", and says when that rate
// is only the fallback, since the user then has a flag to set.
func threshold(p *rule.Pass, d rule.Duration) string {
	if !d.InFrames || p.File.FrameRateDeclared {
		return expected(p, d)
	}
	note := ", the default rate: the file declares none, set --fps)"
	if r, ok := rateInName(p.File.Path); ok && r != p.File.FrameRate {
		note = ", the default rate: the file declares none; its name says " + fps(r) + " fps: set --fps " + fps(r) + ")"
	}
	return strings.TrimSuffix(expected(p, d), ")") + note
}

// rateInName finds a frame rate written in a file name, as in
// "Annie_Hall_-_Eng_25fps.srt" or "Show.23.976fps.srt". It is only ever
// a hint to the user: the name is not the file, so it never sets the rate.
var rateToken = regexp.MustCompile(`(?i)(?:^|[^0-9])([0-9]{2,3}(?:\.[0-9]{1,3})?) ?fps`)

func rateInName(path string) (cue.FrameRate, bool) {
	m := rateToken.FindStringSubmatch(filepath.Base(path))
	if m == nil {
		return cue.FrameRate{}, false
	}
	r, err := cue.ParseFrameRate(m[1])
	return r, err == nil
}

// expected is threshold without the note on the default rate, for the
// finding's expected field.
func expected(p *rule.Pass, d rule.Duration) string {
	t := d.Resolve(p.File.FrameRate)
	if !d.InFrames {
		return secs(t)
	}
	return plural(d.Frames, "frame") + " (" + secs(t) + " at " + fps(p.File.FrameRate) + " fps)"
}

// frameCount formats x frames as a whole number when it is one, else with
// one decimal, or more where one decimal would round it onto the threshold
// n; short says x < n (else x > n).
func frameCount(x float64, n int64, short bool) string {
	// A frame-timed file's spans are whole frames: "1 frame", not "1.0 frames".
	if whole := math.Round(x); math.Abs(x-whole) < 0.0005 && int64(whole) != n {
		return plural(int64(whole), "frame")
	}
	for dec := 1; dec <= 3; dec++ {
		s := strconv.FormatFloat(x, 'f', dec, 64)
		if v, _ := strconv.ParseFloat(s, 64); v != float64(n) {
			return s + " frames"
		}
	}
	// Within a thousandth of a frame: cut towards the side x is on.
	v := math.Floor(x*1000) / 1000
	if !short {
		v = math.Ceil(x*1000) / 1000
	}
	return strconv.FormatFloat(v, 'f', 3, 64) + " frames"
}

func plural(n int64, unit string) string {
	if n == 1 || n == -1 {
		return itoa(n) + " " + unit
	}
	return itoa(n) + " " + unit + "s"
}

// fps shows a rate as people write it: "25", "23.976", "29.97".
func fps(r cue.FrameRate) string {
	if r.Den == 1 {
		return itoa(r.Num)
	}
	return strconv.FormatFloat(math.Round(r.FPS()*1000)/1000, 'f', -1, 64)
}
