package ttml

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestSyntaxErrorKeepsCuesReadSoFar(t *testing.T) {
	src := doc(``, ``, `<div>
      <p begin="0s" end="1s">first</p>
      <p begin="1s" end="2s">second &nbsp; broken</p>
      <p begin="2s" end="3s">never read</p>
    </div>`)
	d := Read(src)
	wantCues(t, d, "00:00:00.000-00:00:01.000 first")
	wantDiag(t, d, 7, "XML syntax error")
}

func TestBillionLaughsFailsFast(t *testing.T) {
	// encoding/xml expands no DTD entities: the first reference to one is a
	// syntax error, so the document cannot blow up.
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>` + "\n" + `<!DOCTYPE tt [` + "\n" + `<!ENTITY lol "lol">` + "\n")
	prev := "lol"
	for i := 1; i <= 9; i++ {
		name := "lol" + string(rune('0'+i))
		b.WriteString(`<!ENTITY ` + name + ` "` + strings.Repeat("&"+prev+";", 10) + `">` + "\n")
		prev = name
	}
	b.WriteString("]>\n" + `<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div>
<p begin="0s" end="1s">ok</p>
<p begin="1s" end="2s">&lol9;</p>
</div></body></tt>`)
	src := b.String()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	d := Read(src)
	elapsed := time.Since(start)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	wantCues(t, d, "00:00:00.000-00:00:01.000 ok")
	wantDiag(t, d, 16, "invalid character entity &lol9;")
	if elapsed > 10*time.Second { // generous: shared CI machines are busy; memory is the real bound
		t.Errorf("took %v", elapsed)
	}
	grew := after.TotalAlloc - before.TotalAlloc
	t.Logf("billion laughs: %d-byte document, %v, %d KB allocated", len(src), elapsed, grew>>10)
	if grew > 1<<20 {
		t.Errorf("allocated %d bytes for a %d-byte document", grew, len(src))
	}
}

func TestDeepNestingIsCapped(t *testing.T) {
	const n = 100_000
	src := doc(``, ``, `<div><p begin="0s" end="1s">fine</p><p begin="1s" end="2s">`+
		strings.Repeat("<span>", n)+"deep"+strings.Repeat("</span>", n)+`</p></div>`)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	d := Read(src)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	wantCues(t, d, "00:00:00.000-00:00:01.000 fine")
	wantDiag(t, d, 5, "nested more than 1000 deep")
	if elapsed > 10*time.Second {
		t.Errorf("took %v", elapsed)
	}
	grew := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d nested spans: %v, %d KB allocated", n, elapsed, grew>>10)
	if grew > 16<<20 {
		t.Errorf("allocated %d MB", grew>>20)
	}
}

func TestHugeText(t *testing.T) {
	word := "subtitle "
	text := strings.Repeat(word, 1<<20/len(word)*8) // ~8 MB in one paragraph
	d := Read(doc(``, ``, `<div><p begin="0s" end="1s">`+text+`</p></div>`))
	wantNoDiags(t, d)
	if len(d.Cues) != 1 || len(d.Cues[0].Text()) != len(text)-1 {
		t.Fatalf("got %d cues", len(d.Cues))
	}
}

func TestEveryPrefixReadsWithoutPanic(t *testing.T) {
	src := doc(`ttp:frameRate="25" ttp:frameRateMultiplier="1000 1001" ttp:tickRate="10000000"`,
		`<styling><style xml:id="s" tts:fontStyle="italic" style="s"/></styling><layout><region xml:id="r" begin="1s"/></layout>`,
		`<div timeContainer="seq"><p begin="00:00:01:02" dur="3t" style="s" region="r">a<br/><span tts:ruby="text">b</span>&amp;</p><p>c</p></div>`)
	for i := 0; i <= len(src); i++ {
		Read(src[:i])
	}
}
