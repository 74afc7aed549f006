package ttml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cuetest"
	"github.com/exportqc/exportqc/qc/internal/gen"
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

// BenchmarkReadEpisode reads the generated 700-cue episode the engine's
// BenchmarkCheckEpisode/ttml checks, so that the reader's part of that
// figure can be read off.
func BenchmarkReadEpisode(b *testing.B) {
	src := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "ttml", Language: "en"}))
	if d := Read(src); len(d.Cues) != 700 || len(d.Diagnostics) != 0 {
		b.Fatalf("episode: %d cues, %v", len(d.Cues), d.Diagnostics)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Read(src)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/700, "ns/cue")
}

// BenchmarkReadEpisodeRecycled reads the same episode as the engine does,
// handing each document back: what is left is the reading itself, not the
// allocation of fresh cue and line arrays (and the collector's work for
// them) that BenchmarkReadEpisode also measures.
func BenchmarkReadEpisodeRecycled(b *testing.B) {
	src := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "ttml", Language: "en"}))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d := Read(src)
		if len(d.Cues) != 700 || len(d.Diagnostics) != 0 {
			b.Fatalf("episode: %d cues, %v", len(d.Cues), d.Diagnostics)
		}
		d.Recycle()
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

// imsc11Sample is n cues of a Japanese-style IMSC 1.1 document over five
// regions, three or four shown at a time (one cluster of five every 50
// cues), the shape the profile checks see in the worst common case.
func imsc11Sample(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling"
    xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:ebutts="urn:ebu:tt:style"
    ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/text" ttp:frameRate="24" ttp:frameRateMultiplier="1000 1001"
    tts:extent="1920px 1080px" xml:lang="ja">
  <head>
    <styling><style xml:id="it" tts:shear="16.67%"/></styling>
    <layout>
      <region xml:id="r0" tts:origin="10% 80%" tts:extent="80% 15%"/>
      <region xml:id="r1" tts:origin="10% 5%" tts:extent="80% 15%"/>
      <region xml:id="r2" tts:origin="0% 10%" tts:extent="10% 80%"/>
      <region xml:id="r3" tts:origin="90% 10%" tts:extent="10% 80%"/>
      <region xml:id="r4" tts:origin="30% 40%" tts:extent="40% 20%"/>
    </layout>
  </head>
  <body>
    <div>
`)
	clock := func(ms int) string {
		return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
	}
	for i := 0; i < n; i++ {
		start := 5000 + i*1000
		dur := 2500
		if i%50 == 49 {
			dur = 6000
		}
		fmt.Fprintf(&b, "      <p xml:id=\"s%d\" begin=\"%s\" end=\"%s\" region=\"r%d\"><span style=\"it\">字幕 %d</span></p>\n",
			i+1, clock(start), clock(start+dur), i%5, i+1)
	}
	b.WriteString("    </div>\n  </body>\n</tt>\n")
	return b.String()
}

// BenchmarkReadIMSC11 reads a 700-cue IMSC 1.1 document including the
// profile checks (the region sweep is n log n).
func BenchmarkReadIMSC11(b *testing.B) {
	src := imsc11Sample(700)
	d := Read(src)
	if len(d.Cues) != 700 || d.Profile != "imsc1.1" {
		b.Fatalf("sample: %d cues, profile %s", len(d.Cues), d.Profile)
	}
	for _, g := range d.Diagnostics {
		if g.Rule != CodeTooManyRegions {
			b.Fatalf("sample: %+v", g)
		}
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Read(src)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/700, "ns/cue")
}

// BenchmarkRegionSweep times the 4-region check alone on 700 cues.
func BenchmarkRegionSweep(b *testing.B) {
	base := Read(imsc11Sample(700))
	r := newReader("")
	for i := 0; i < 5; i++ {
		r.regions[fmt.Sprintf("r%d", i)] = &regionDef{}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.doc.Cues, r.doc.Diagnostics = base.Cues, r.doc.Diagnostics[:0]
		r.tooManyRegions()
	}
}

// BenchmarkReadFolder reads every .ttml file of the folder
// EXPORTQC_BENCH_DIR names (skipped when unset), recycling each document
// as the engine does: a mixed delivery's files in every language, not only
// the generator's clean English episode.
//
// EXPORTQC_BENCH_DIR=/tmp/mix300 go test ./qc/format/ttml -run '^$' -bench ReadFolder -cpu 1
func BenchmarkReadFolder(b *testing.B) { cuetest.BenchReadFolder(b, Read, ".ttml") }

// BenchmarkReadLanguages reads the generated episode in each language the
// generator writes, recycling each document as the engine does: every
// language but English puts non-ASCII text between the tags.
//
// go test ./qc/format/ttml -run '^$' -bench ReadLanguages -cpu 1
func BenchmarkReadLanguages(b *testing.B) { cuetest.BenchReadRecycledLanguages(b, Read, "ttml") }
