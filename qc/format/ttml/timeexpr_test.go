package ttml

import (
	"math/rand"
	"strconv"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// sec returns num/den seconds as the exact flick value (cue.FromRatio is the
// independent big-integer reference).
func sec(num, den int64) cue.Time { return cue.FromRatio(num, den) }

func TestParseTimeExpressions(t *testing.T) {
	p30 := defaultParams()
	p30.settle()

	ntsc := defaultParams() // 30 × 1000/1001 frames, declared
	ntsc.frameRate, ntsc.frameRateSet, ntsc.mulNum, ntsc.mulDen = 30, true, 1000, 1001
	ntsc.settle()

	film := defaultParams() // 24 × 1000/1001 with 60 ticks/s (the IMSC TimeExpressions001 test)
	film.frameRate, film.frameRateSet, film.mulNum, film.mulDen = 24, true, 1000, 1001
	film.tickNum, film.tickDen, film.tickRateSet = 60, 1, true
	film.settle()

	netflix := defaultParams() // ttp:tickRate="10000000"
	netflix.tickNum, netflix.tickDen, netflix.tickRateSet = 10_000_000, 1, true
	netflix.settle()

	sub := defaultParams() // 25 fps with 4 sub-frames per frame
	sub.frameRate, sub.frameRateSet, sub.subFrameRate = 25, true, 4
	sub.settle()

	smpteDF := ntsc
	smpteDF.base, smpteDF.drop = baseSMPTE, dropNTSC
	smpteND := ntsc
	smpteND.base = baseSMPTE

	cases := []struct {
		name string
		p    params
		in   string
		want cue.Time
		kind uint8
	}{
		// smpteFormed marks the hh:mm:ss:ff form (whatever the time base):
		// iTT wants every time written so.
		{"clock", p30, "01:02:03", sec(3723, 1), 0},
		{"clock hours >2 digits", p30, "100:00:00", sec(360000, 1), 0},
		{"clock leap second", p30, "00:00:60", sec(60, 1), 0},
		{"clock fraction", p30, "00:00:01.5", sec(3, 2), 0},
		{"clock millis between white space", p30, " 00:00:01.500\n", sec(3, 2), 0},
		{"clock long fraction", p30, "01:02:03.2350", sec(37232350, 10000), 0},
		{"clock very long fraction", p30, "00:00:00.0416666666666666666666", sec(1, 24), 0},
		{"clock frames default 30fps", p30, "00:00:01:15", sec(3, 2), usesFrames | smpteFormed},
		{"clock frames 1000/1001", film, "01:02:03:20", sec(3723*24000+20*1001, 24000), usesFrames | smpteFormed},
		{"clock sub-frames", sub, "00:00:00:01.2", sec(1*4+2, 25*4), usesFrames | smpteFormed},
		{"offset s", p30, "3.4s", sec(34, 10), 0},
		{"offset ms", p30, "4.5ms", sec(45, 10000), 0},
		{"offset m", p30, "1.2m", sec(72, 1), 0},
		{"offset h", p30, "1.2h", sec(4320, 1), 0},
		{"offset frames default", p30, "45f", sec(45, 30), usesFrames},
		{"offset frames 1000/1001", film, "24f", sec(1001, 1000), usesFrames},
		{"offset fractional frames", ntsc, "5.6f", sec(56*1001, 10*30000), usesFrames},
		{"ticks 10MHz", netflix, "79249170t", sec(79249170, 10_000_000), usesTicks},
		{"ticks declared 60", film, "120t", sec(2, 1), usesTicks},
		{"ticks default without frame rate: 1/s", p30, "6t", sec(6, 1), usesTicks},
		{"ticks default = frame rate × sub-frame rate", sub, "50t", sec(50, 100), usesTicks},
		{"ticks default with multiplier", ntsc, "30t", sec(1001, 1000), usesTicks},
		{"fractional ticks", netflix, "6.7t", sec(67, 100_000_000), usesTicks},
		{"surrounding whitespace", p30, " 2s\n", sec(2, 1), 0},
		{"TTML1 maximum (2^32-1 s)", p30, "1193046:28:15", sec(1<<32-1, 1), 0},
		// ttp:timeBase="smpte": hh:mm:ss:ff is a timecode label.
		{"smpte non-drop 29.97", smpteND, "00:00:01:00", sec(1001, 1000), usesFrames | smpteFormed},
		{"smpte drop-frame first label after a dropped pair", smpteDF, "00:01:00:02", sec(1800*1001, 30000), usesFrames | smpteFormed},
		{"smpte drop-frame ten minutes", smpteDF, "00:10:00:00", sec(17982*1001, 30000), usesFrames | smpteFormed},
		{"smpte drop-frame one hour is 3600 s ± 3.6 ms", smpteDF, "01:00:00:00", sec(107892*1001, 30000), usesFrames | smpteFormed},
		{"media time base ignores drop mode", ntsc, "01:00:00:00", sec(3600, 1), usesFrames | smpteFormed},
	}
	for _, c := range cases {
		got, kind, why := c.p.parseTime(c.in)
		if why != "" {
			t.Errorf("%s: %q rejected: %s", c.name, c.in, why)
			continue
		}
		if got != c.want || kind != c.kind {
			t.Errorf("%s: %q = %d (kind %d), want %d (kind %d)", c.name, c.in, got, kind, c.want, c.kind)
		}
	}
}

func TestParseTimeRejects(t *testing.T) {
	p := defaultParams()
	p.frameRate, p.frameRateSet = 25, true
	p.settle()
	clock := p
	clock.base = baseClock
	bad := []struct {
		p  params
		in string
	}{
		{p, ""}, {p, "   "}, {p, "0:00:00"}, {p, "00:0:00"}, {p, "00:00:0"}, {p, "00 : 00 : 00"},
		{p, "00:60:00"}, {p, "00:00:61"}, {p, "00:00:00:25"}, {p, "00:00:00:5"}, {p, "00:00:00."},
		{p, "00:00:00.5x"}, {p, "00:00:00:10.1"}, // sub-frame rate 1: .1 is out of range
		{p, "0H"}, {p, "5"}, {p, "19.764"}, {p, "1.s"}, {p, ".5s"}, {p, "-1s"}, {p, "1 s"}, {p, "1sec"},
		{p, "3:58.640"}, {p, "99999999999999999999999s"}, {p, "9999999999999h"}, {p, "999999999:00:00"},
		// Fits in uint64 flicks but not in int64 (found by FuzzTimeExpression).
		{p, "7000000h"}, {p, "7000000.0000000000000000000000000000h"},
		{clock, "00:00:00:00"},
		{p, " 0:00:01.500"}, {p, "0:00:01.500 "}, // twelve bytes, but one-digit hours once trimmed
	}
	for _, c := range bad {
		if v, _, why := c.p.parseTime(c.in); why == "" {
			t.Errorf("%q accepted as %d", c.in, v)
		}
	}
}

func TestMulDivRoundMatchesFromRatio(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		num := rng.Int63n(1 << 40)
		den := rng.Int63n(1<<30) + 1
		got, ok := mulDivRound(uint64(num), uint64(cue.Second), uint64(den))
		if want := cue.FromRatio(num, den); !ok || cue.Time(got) != want {
			t.Fatalf("%d/%d s: mulDivRound %d (ok %v), FromRatio %d", num, den, got, ok, want)
		}
	}
	if _, ok := mulDivRound(1<<63, 4, 2); ok {
		t.Error("overflow not reported")
	}
}

func TestLongProgrammesStayOnFrames(t *testing.T) {
	// Ten hours in: a frame count or an exact tick count must still land on
	// the frame boundary to the flick (no float drift).
	ticks := defaultParams()
	ticks.tickNum, ticks.tickDen, ticks.tickRateSet = 10_000_000, 1, true
	ticks.settle()
	pal := cue.FrameRate{Num: 25, Den: 1}
	film := defaultParams()
	film.frameRate, film.frameRateSet, film.mulNum, film.mulDen = 24, true, 1000, 1001
	film.settle()
	filmRate := cue.FrameRate{Num: 24000, Den: 1001}
	for _, n := range []int64{1, 7, 24, 1439, 863_136, 900_000} {
		got, _, why := ticks.parseTime(strconv.FormatInt(n*400_000, 10) + "t") // 400,000 ticks per PAL frame
		if why != "" || got != pal.Frames(n) {
			t.Errorf("PAL frame %d via ticks: %d (%s), want %d", n, got, why, pal.Frames(n))
		}
		got, _, why = film.parseTime(strconv.FormatInt(n, 10) + "f")
		if why != "" || got != filmRate.Frames(n) {
			t.Errorf("23.976 frame %d: %d (%s), want %d", n, got, why, filmRate.Frames(n))
		}
		if f, off := filmRate.FrameAt(got); f != n || off != 0 {
			t.Errorf("23.976 frame %d is %d flicks off frame %d", n, off, f)
		}
	}
}

// Fractions of up to five digits, converted without the 128-bit division,
// are what the division gives, for every such fraction.
func TestShortFractionsExact(t *testing.T) {
	scale := uint64(1)
	for n := 1; n <= 6; n++ {
		scale *= 10
		for mant := uint64(0); mant < scale; mant++ {
			s := strconv.FormatUint(scale+mant, 10)[1:] // n digits, leading zeros kept
			got, why := fraction(s)
			want, _ := mulDivRound(mant, uint64(cue.Second), scale)
			if why != "" || got != cue.Time(want) {
				t.Fatalf("fraction(%q) = %d %q, want %d", s, got, why, want)
			}
		}
	}
}

// The shortcut for hh:mm:ss.fff reads what parseClock reads, and leaves
// to it everything else: random strings over the characters of clock
// times, and edge values.
func TestMillisClockAgreesWithParseClock(t *testing.T) {
	p := defaultParams()
	check := func(s string) bool {
		got, ok := millisClock(s)
		if !ok {
			return false
		}
		want, kind, why := p.parseClock(s)
		if why != "" || kind != 0 || got != want {
			t.Fatalf("%q: shortcut %d, parseClock %d kind %d %q", s, got, want, kind, why)
		}
		return true
	}
	taken := 0
	for _, s := range []string{"00:00:00.000", "99:59:60.999", "23:59:59.999", "00:60:00.000", "00:00:61.000",
		"0a:00:00.000", "00:00:00,000", "00:00:00.00", "00:00:00:00.0", "12:34:56.789"} {
		if check(s) {
			taken++
		}
	}
	rng := rand.New(rand.NewSource(14))
	const alphabet = "0123456789:.:,5 /\xff" // '/' and ':' border the digits
	for i := 0; i < 200000; i++ {
		b := []byte("00:00:00.000")
		for j := rng.Intn(4); j >= 0; j-- {
			b[rng.Intn(len(b))] = alphabet[rng.Intn(len(alphabet))]
		}
		if check(string(b)) {
			taken++
		}
	}
	if taken < 1000 {
		t.Fatalf("the shortcut took only %d times", taken)
	}
}
