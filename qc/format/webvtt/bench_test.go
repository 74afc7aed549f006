package webvtt

import (
	"fmt"
	"strings"
	"testing"
)

// feature builds a 45-minute WebVTT of about 700 two-line cues with
// settings, every fifth one in italics.
func feature(eol string) string {
	var b strings.Builder
	b.WriteString("WEBVTT" + eol + eol)
	words := []string{"Where were you", "last night", "I told you already", "we can't stay here", "Listen to me",
		"It's not what you think", "Come on", "The car is outside"}
	t := int64(5000)
	for i := 1; i <= 700; i++ {
		l1, l2 := words[i%len(words)]+",", words[(i*3)%len(words)]+"."
		if i%5 == 0 {
			l1, l2 = "<i>"+l1, l2+"</i>"
		}
		fmt.Fprintf(&b, "%d%s%s --> %s line:85%% align:center%s- %s%s- %s%s%s", i, eol, vttTime(t), vttTime(t+2600), eol, l1, eol, l2, eol, eol)
		t += 3850
	}
	return b.String()
}

func benchRead(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var cues int
	for b.Loop() {
		cues = len(Read(text).Cues)
	}
	if cues != 700 {
		b.Fatalf("%d cues", cues)
	}
	b.StopTimer()
	allocs := testing.AllocsPerRun(5, func() { Read(text) })
	b.ReportMetric(allocs/float64(cues), "allocs/cue")
}

func BenchmarkRead(b *testing.B)     { benchRead(b, feature("\n")) }
func BenchmarkReadCRLF(b *testing.B) { benchRead(b, feature("\r\n")) }
