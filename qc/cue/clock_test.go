package cue

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// clockByBytes is ReadClock's definition, one byte at a time.
func clockByBytes(s string, sep byte) (Time, bool) {
	if len(s) < 12 || s[2] != ':' || s[5] != ':' || s[8] != sep {
		return 0, false
	}
	v := [12]Time{}
	for i, c := range []byte(s[:12]) {
		if i == 2 || i == 5 || i == 8 {
			continue
		}
		if c < '0' || c > '9' {
			return 0, false
		}
		v[i] = Time(c - '0')
	}
	if v[3] > 5 || v[6] > 5 {
		return 0, false
	}
	return (v[0]*10+v[1])*Hour + (v[3]*10+v[4])*Minute + (v[6]*10+v[7])*Second +
		(v[9]*100+v[10]*10+v[11])*Millisecond, true
}

// ReadClock reads as the byte by byte definition: random clocks, each
// with every byte in turn replaced by every byte value, with both
// separators, and cut short.
func TestReadClockReadsAsByBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 9))
	accepted := 0
	for range 60 {
		base := fmt.Sprintf("%02d:%02d:%02d,%03d", rng.IntN(100), rng.IntN(60), rng.IntN(60), rng.IntN(1000))
		cases := []string{base, base + "9", base[:11], base[:11] + "x", ""}
		for i := range base {
			for c := range 256 {
				cases = append(cases, base[:i]+string([]byte{byte(c)})+base[i+1:])
			}
		}
		for _, s := range cases {
			for _, sep := range []byte{',', '.'} {
				got, ok := ReadClock(s, sep)
				want, wok := clockByBytes(s, sep)
				if got != want || ok != wok {
					t.Fatalf("%q sep %q: %d %v, byte by byte %d %v", s, sep, got, ok, want, wok)
				}
				if ok {
					accepted++
				}
			}
		}
	}
	if accepted < 60*50 {
		t.Fatalf("only %d clocks read: the test tests little", accepted)
	}
}

// AppendTimecodeSep's fixed-width path under 100 hours writes what the
// field-by-field formatting does, at and around every field's carry, and
// hours past 99 and negative times keep their own forms.
func TestAppendTimecodeIsFieldByField(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	check := func(ms int64) {
		neg, a := "", ms
		if a < 0 {
			neg, a = "-", -a
		}
		want := fmt.Sprintf("%s%02d:%02d:%02d,%03d", neg, a/3_600_000, a/60_000%60, a/1000%60, a%1000)
		if got := string(Time(ms*int64(Millisecond)).AppendTimecodeSep([]byte("x"), ',')); got != "x"+want {
			t.Fatalf("%d ms: %q, want %q", ms, got, "x"+want)
		}
	}
	for _, ms := range []int64{0, 1, 9, 10, 99, 100, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000,
		36_000_000 - 1, 36_000_000, 100*3_600_000 - 1, 100 * 3_600_000, 1_000 * 3_600_000, -1, -3_600_000} {
		check(ms)
	}
	for range 100_000 {
		check(rng.Int64N(101 * 3_600_000))
	}
}
