package ttml

import (
	"fmt"
	"strings"
	"testing"
)

// imscSample generates a pretty-printed IMSC1 text document of n cues in
// the shape streaming deliveries have: head styles and regions, clock
// times, two-line cues, every third one with an italic span.
func imscSample(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling"
    xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
    ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text" ttp:frameRate="24" ttp:frameRateMultiplier="1000 1001"
    xml:lang="en">
  <head>
    <styling>
      <style xml:id="base" tts:fontFamily="proportionalSansSerif" tts:fontSize="100%" tts:color="white"/>
      <style xml:id="it" tts:fontStyle="italic"/>
    </styling>
    <layout>
      <region xml:id="bottom" tts:origin="10% 10%" tts:extent="80% 80%" tts:displayAlign="after" tts:textAlign="center"/>
    </layout>
  </head>
  <body style="base" region="bottom">
    <div>
`)
	clock := func(ms int) string {
		return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
	}
	for i := 0; i < n; i++ {
		start := 5000 + i*3500
		fmt.Fprintf(&b, "      <p xml:id=\"sub%d\" begin=\"%s\" end=\"%s\">\n", i+1, clock(start), clock(start+2800))
		if i%3 == 0 {
			fmt.Fprintf(&b, "        <span style=\"it\">Line one of subtitle %d,</span><br/>\n", i+1)
		} else {
			fmt.Fprintf(&b, "        Line one of subtitle %d, with &quot;quotes&quot;<br/>\n", i+1)
		}
		b.WriteString("        and a second line to read.\n      </p>\n")
	}
	b.WriteString("    </div>\n  </body>\n</tt>\n")
	return b.String()
}

func BenchmarkRead(b *testing.B) {
	src := imscSample(700)
	if d := Read(src); len(d.Cues) != 700 || len(d.Diagnostics) != 0 {
		b.Fatalf("sample: %d cues, %v", len(d.Cues), d.Diagnostics)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Read(src)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/700, "ns/cue")
}

func BenchmarkAstisub(b *testing.B) {
	src := imscSample(700)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := readAstisub(src); err != nil {
			b.Fatal(err)
		}
	}
}
