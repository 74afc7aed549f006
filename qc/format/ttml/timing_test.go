package ttml

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

func TestNestedBeginOffsetsAdd(t *testing.T) {
	d := Read(doc(``, ``, `
    <div begin="10s">
      <div begin="2s" end="20s">
        <p begin="1s" end="3s">nested <span begin="0.5s">word</span></p>
        <p begin="00:00:04.000" dur="2s">dur</p>
        <p end="1s">end only</p>
      </div>
    </div>`))
	wantNoDiags(t, d)
	wantCues(t, d,
		"00:00:13.000-00:00:15.000 nested word",
		"00:00:16.000-00:00:18.000 dur",
		"00:00:12.000-00:00:13.000 end only")
}

func TestParentEndClipsChildren(t *testing.T) {
	d := Read(doc(``, ``, `
    <div begin="0s" end="5s">
      <p begin="4s" dur="3s">clipped by the div</p>
      <p begin="1s" end="2s" dur="0.5s">dur wins when shorter</p>
    </div>`))
	wantNoDiags(t, d)
	wantCues(t, d,
		"00:00:04.000-00:00:05.000 clipped by the div",
		"00:00:01.000-00:00:01.500 dur wins when shorter")
}

func TestUntimedParagraphTakesParentInterval(t *testing.T) {
	d := Read(doc(``, ``, `
    <div begin="00:01:09.583" end="00:01:11.125"><p>Lara.</p></div>
    <div dur="2s" begin="1m"><div><p>deep</p></div></div>`))
	wantNoDiags(t, d)
	wantCues(t, d, "00:01:09.583-00:01:11.125 Lara.", "00:01:00.000-00:01:02.000 deep")
}

func TestUntimedParagraphIsReportedAndSkipped(t *testing.T) {
	src := doc(``, ``, `
    <div>
      <p>never ends</p>
      <p begin="3s">starts but never ends</p>
      <p begin="1s" end="2s">fine</p>
      <p></p>
    </div>`)
	d := Read(src)
	wantCues(t, d, "00:00:01.000-00:00:02.000 fine")
	wantDiag(t, d, 7, "no end time")
	wantDiag(t, d, 8, "no end time")
	if len(d.Diagnostics) != 2 {
		t.Errorf("an empty untimed <p> must not be reported: %+v", d.Diagnostics)
	}
}

func TestSeqContainers(t *testing.T) {
	d := Read(doc(`ttp:frameRate="24"`, ``, `
    <div timeContainer="seq" end="30s">
      <div timeContainer="seq" dur="20s">
        <p begin="00:00:05:00" dur="5s">A</p>
        <p begin="5s" dur="00:00:05:00">B</p>
      </div>
      <div timeContainer="seq" dur="20s">
        <p begin="00:00:05:00" dur="5s">C</p>
        <p begin="5s" dur="00:00:05:00">D</p>
      </div>
    </div>
    <div timeContainer="seq" begin="1m">
      <p dur="1s">E</p>
      <p dur="2s">F</p>
    </div>`))
	// TTML1 test MediaSeqTiming005: D would begin at 35 s, after the outer
	// seq ends at 30 s, so it is never shown.
	wantCues(t, d,
		"00:00:05.000-00:00:10.000 A",
		"00:00:15.000-00:00:20.000 B",
		"00:00:25.000-00:00:30.000 C",
		"00:01:00.000-00:01:01.000 E",
		"00:01:01.000-00:01:03.000 F")
	wantDiag(t, d, 13, "never displayed")
}

func TestSeqAfterIndefiniteSiblingNeverBegins(t *testing.T) {
	d := Read(doc(``, ``, `
    <div timeContainer="seq">
      <p begin="1s">open-ended</p>
      <p dur="1s">unreachable</p>
    </div>`))
	if len(d.Cues) != 0 {
		t.Errorf("cues: %v", cueTimes(d))
	}
	wantDiag(t, d, 7, "no end time")
	wantDiag(t, d, 8, "never begins")
}

func TestSpanTimingInsideParagraph(t *testing.T) {
	d := Read(doc(``, ``, `
    <div>
      <p begin="10s" end="14s"><span begin="0s">paint</span> <span begin="1s">on</span> <span begin="2s" end="4s">text</span></p>
      <p><span begin="20s" end="21s">karaoke</span> <span begin="21s" end="23s">words</span></p>
      <p begin="30s"><span dur="1s">only</span> <span begin="1s" dur="1s">spans</span></p>
    </div>`))
	wantNoDiags(t, d)
	wantCues(t, d,
		"00:00:10.000-00:00:14.000 paint on text",
		// untimed p: its interval is the spans' (implicit duration).
		"00:00:20.000-00:00:23.000 karaoke words",
		"00:00:30.000-00:00:32.000 only spans")
}

func TestMalformedTimeSkipsOnlyThatCue(t *testing.T) {
	d := Read(doc(``, ``, `
    <div>
      <p begin="1:0:00" end="00:00:02">bad minutes</p>
      <p begin="00:00:03.000" end="4S">bad metric</p>
      <p begin="5s" end="6s">good</p>
      <p begin="7s" end="8s">span <span begin="x">bad span time is ignored</span></p>
    </div>`))
	wantCues(t, d, "00:00:05.000-00:00:06.000 good", "00:00:07.000-00:00:08.000 span bad span time is ignored")
	wantDiag(t, d, 7, `begin="1:0:00"`)
	wantDiag(t, d, 8, `end="4S"`)
	wantDiag(t, d, 10, `begin="x"`)
}

func TestEndBeforeBeginIsKeptForTheRules(t *testing.T) {
	d := Read(doc(``, ``, `<div><p begin="5s" end="3s">backwards</p></div>`))
	wantNoDiags(t, d)
	wantCues(t, d, "00:00:05.000-00:00:03.000 backwards")
}

func TestRegionTimingBoundsContent(t *testing.T) {
	d := Read(doc(``, `<layout><region xml:id="r1" begin="0s" end="10s"/><region xml:id="r2" begin="10s" end="20s"/></layout>`, `
    <div region="r1"><p>untimed, shown while r1 is</p></div>
    <div region="r2"><p begin="5s" end="15s">clipped</p><p begin="21s" end="22s">outside</p></div>`))
	wantCues(t, d, "00:00:00.000-00:00:10.000 untimed, shown while r1 is", "00:00:10.000-00:00:15.000 clipped")
	wantDiag(t, d, 7, "never displayed")
}

func TestFrameAndTickDocuments(t *testing.T) {
	d := Read(doc(`ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001"`, ``, `
    <div><p begin="00:00:01:00" end="00:00:02:15">frames</p><p begin="934f" end="1153f">offset frames</p></div>`))
	wantNoDiags(t, d)
	if d.FrameRate != (cue.FrameRate{Num: 30000, Den: 1001}) {
		t.Errorf("FrameRate %v", d.FrameRate)
	}
	if d.TimePrecision != cue.Flick {
		t.Errorf("all times are frames: precision %d, want a flick", d.TimePrecision)
	}
	c := d.Cues
	if c[0].Start != cue.Second || c[0].End != 2*cue.Second+cue.FromRatio(15*1001, 30000) {
		t.Errorf("media time base: %d %d", c[0].Start, c[0].End)
	}
	if c[1].Start != d.FrameRate.Frames(934) || c[1].End != d.FrameRate.Frames(1153) {
		t.Errorf("offset frames: %v %v", c[1].Start, c[1].End)
	}

	ticks := Read(doc(`ttp:tickRate="10000000"`, ``, `<div><p begin="79249170t" end="120119999t">ticks</p></div>`))
	if ticks.TimePrecision != cue.Flick || !ticks.FrameRate.IsZero() {
		t.Errorf("ticks: precision %d, frame rate %v", ticks.TimePrecision, ticks.FrameRate)
	}
	if got, want := ticks.Cues[0].Start, cue.FromRatio(79249170, 10_000_000); got != want {
		t.Errorf("ticks: %d want %d", got, want)
	}

	mixed := Read(doc(`ttp:frameRate="25"`, ``, `<div><p begin="00:00:01:00" end="00:00:02.500">mixed</p></div>`))
	if mixed.TimePrecision != cue.Millisecond {
		t.Errorf("a clock fraction makes the precision a millisecond, got %d", mixed.TimePrecision)
	}
}

func TestSMPTETimeBase(t *testing.T) {
	d := Read(doc(`ttp:timeBase="smpte" ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001" ttp:dropMode="dropNTSC"`, ``,
		`<div><p begin="00:10:00:00" end="01:00:00:00">drop frame</p></div>`))
	wantNoDiags(t, d)
	r := cue.FrameRate{Num: 30000, Den: 1001}
	wantCues(t, d, r.Frames(17982).String()+"-"+r.Frames(107892).String()+" drop frame")
	if d.Cues[0].End != r.Frames(107892) {
		t.Errorf("01:00:00;00 drop-frame is frame 107892: got %v", d.Cues[0].End)
	}
}

func TestIMSCRequiresDeclaredRates(t *testing.T) {
	d := Read(`<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xml:lang="en"
  ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text"><body><div>
  <p begin="00:00:00:01" end="2s">frames</p>
  <p begin="3t" end="4s">ticks</p>
</div></body></tt>`)
	wantDiag(t, d, 3, "no ttp:frameRate")
	wantDiag(t, d, 4, "no ttp:tickRate")
	// Plain TTML1 has defaults (30 fps, 1 tick/s): no complaint.
	wantNoDiags(t, Read(doc(``, ``, `<div><p begin="00:00:00:01" end="3t">x</p></div>`)))
}

func TestMissingBeginDefaultsToTheParentsBegin(t *testing.T) {
	// astisub panics on each of these paragraphs.
	d := Read(doc(``, ``, `
    <div begin="10s">
      <p dur="2s">dur only</p>
      <p end="3s">end only</p>
    </div>
    <div begin="20s" end="25s"><p>nothing</p></div>
    <div><p begin="1s" dur="2s">begin and dur</p></div>`))
	wantNoDiags(t, d)
	wantCues(t, d,
		"00:00:10.000-00:00:12.000 dur only",
		"00:00:10.000-00:00:13.000 end only",
		"00:00:20.000-00:00:25.000 nothing",
		"00:00:01.000-00:00:03.000 begin and dur")
}

// A paragraph inside its container whose spans all begin after it ends
// (times written as absolute, as Apple's lyrics TTML does) is reported for
// what it is: the spans, with the time they begin at, not the container.
func TestSpansBeginningAfterTheirParagraphAreNamed(t *testing.T) {
	d := Read(doc(``, ``, `<div begin="10s" end="60s">
      <p begin="10s" end="12s"><span begin="10s" end="11s">When</span> <span begin="11s" end="12s">you</span></p>
      <p begin="30s" end="32s">shown</p>
    </div>`))
	wantCues(t, d, "00:00:40.000-00:00:42.000 shown")
	wantDiag(t, d, 6, "all its text is in spans, the first of which begins at 00:00:30.000, after the paragraph ends at 00:00:22.000")
	for _, g := range d.Diagnostics {
		if strings.Contains(g.Message, "outside its container") {
			t.Errorf("blames the container: %s", g.Message)
		}
	}
}
