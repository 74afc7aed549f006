package ssa

import (
	"strings"
	"testing"
)

// Layers and positions are how ASS lays events out side by side: the
// reader says so, so that overlap rules leave them alone.
func TestLayersAndOwnPositionsAreMarked(t *testing.T) {
	doc := Read(script(
		"Dialogue: 0,0:00:01.00,0:00:04.00,Default,,0,0,0,,plain dialogue",
		"Dialogue: 1,0:00:02.00,0:00:03.00,Default,,0,0,0,,on layer 1",
		`Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,{\pos(10,20)}sign`,
		`Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,{\move(1,2,3,4)}moving`,
		`Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,{\an8}top`,
		"Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,120,,raised",
		`Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,{\an2}where the style puts it`,
		`Dialogue: 0,0:00:02.00,0:00:03.00,Sign,,0,0,0,,{\an8}where the Sign style puts it`,
	))
	type want struct {
		region string
		may    bool
	}
	wants := []want{{"layer 0", false}, {"layer 1", false}, {"layer 0", true}, {"layer 0", true}, {"layer 0", true}, {"layer 0", true},
		{"layer 0", false}, {"layer 0", false}}
	if len(doc.Cues) != len(wants) {
		t.Fatalf("%d cues, want %d: %v", len(doc.Cues), len(wants), doc.Diagnostics)
	}
	for i, w := range wants {
		if c := doc.Cues[i]; c.Region != w.region || c.MayOverlap != w.may {
			t.Errorf("cue %d %q: region %q may-overlap %v, want %q %v", i+1, c.Text(), c.Region, c.MayOverlap, w.region, w.may)
		}
	}
}

// androidx-media's invalid_layer.ass: libass and ffmpeg show all three
// events (blank, "a", "1.1" layers); the reader used to drop them all.
func TestNonIntegerLayerKeepsTheEvent(t *testing.T) {
	doc := Read(script(
		"Dialogue: ,0:00:00.00,0:00:01.23,Default,,0,0,0,,Blank layer.",
		"Dialogue: a,0:00:02.34,0:00:03.45,Default,,0,0,0,,Non-numeric layer.",
		"Dialogue: 1.1,0:00:04.56,0:00:05.67,Default,,0,0,0,,Non-integer layer.",
	))
	mustTexts(t, doc, "Blank layer.", "Non-numeric layer.", "Non-integer layer.")
	if got := countCode(doc, CodeFieldInvalid); got != 3 {
		t.Errorf("%d %s warnings, want 3: %v", got, CodeFieldInvalid, doc.Diagnostics)
	}
	if doc.Cues[2].Region != "layer 1" || countCode(doc, "") != 0 {
		t.Errorf("layer %q, diagnostics %v", doc.Cues[2].Region, doc.Diagnostics)
	}
}

// Issue 16: a start of 99,999,999 hours overflowed to a negative time (a
// cue 8.9e9 s long). Out-of-range and negative times are parse errors at
// their line, and the other events are kept.
func TestOutOfRangeAndNegativeTimesAreParseErrors(t *testing.T) {
	doc := Read(script(
		dlg("99999999:00:00.00", "99999999:00:01.00", "Default", "overflow"),
		dlg("-0:00:01.00", "0:00:02.00", "Default", "negative"),
		dlg("0:00:03.00", "0:00:04.00", "Default", "fine"),
		dlg("0:00:99999999999999.00", "0:00:05.00", "Default", "seconds overflow"),
	))
	mustTexts(t, doc, "fine")
	errs := filter(doc, "")
	if len(errs) != 3 || errs[2].Line != 16 || !strings.Contains(errs[2].Message, "out of range") || errs[0].Line != 13 || errs[1].Line != 14 ||
		!strings.Contains(errs[0].Message, "out of range") || !strings.Contains(errs[1].Message, "negative") {
		t.Errorf("diagnostics %+v", errs)
	}
	for _, c := range doc.Cues {
		if c.Start < 0 || c.End < c.Start {
			t.Errorf("cue %q %v–%v", c.Text(), c.Start, c.End)
		}
	}
}

// A time written with a colon before its centiseconds (0:00:04:56) is a
// parse error at its line that says how SSA writes times, not the
// library's "No hours, minutes or seconds detected"; the other events stay.
func TestColonCentisecondsSaySo(t *testing.T) {
	doc := Read(script(
		dlg("0:00:01.00", "0:00:03.00", "Default", "before"),
		dlg("0:00:04:56", "0:00:06.00", "Default", "colon"),
		dlg("0:00:07.00", "0:00:09.00", "Default", "after"),
		dlg("0:00:10:123", "0:00:12.00", "Default", "three digits"),
	))
	mustTexts(t, doc, "before", "after")
	errs := filter(doc, "")
	if len(errs) != 2 || errs[0].Line != 14 || strings.Contains(errs[1].Message, " if 123 are centiseconds") ||
		!strings.Contains(errs[1].Message, "not a colon)") ||
		!strings.Contains(errs[0].Message, `Start time "0:00:04:56" is not H:MM:SS.cc`) ||
		!strings.Contains(errs[0].Message, "0:00:04.56 if 56 are centiseconds") {
		t.Errorf("diagnostics %+v", errs)
	}
}

// Start is named before End: an empty or non-time Start is the problem
// reported, even when End is written with a colon before its centiseconds.
func TestBadStartNamedBeforeEnd(t *testing.T) {
	doc := Read(script(
		dlg("", "0:00:10:90", "Default", "empty start"),
		dlg("abc", "0:00:10:90", "Default", "word start"),
		dlg("0:00:01.00", "0:00:02.00", "Default", "fine"),
	))
	mustTexts(t, doc, "fine")
	errs := filter(doc, "")
	if len(errs) != 2 || !strings.HasPrefix(errs[0].Message, `Start time "" is empty`) ||
		!strings.HasPrefix(errs[1].Message, `Start time "abc" is not H:MM:SS.cc`) {
		t.Errorf("diagnostics %+v", errs)
	}
}
