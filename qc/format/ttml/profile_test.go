package ttml

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/cue"
)

// cleanIMSC11 is a Netflix-style Japanese IMSC 1.1 text document that
// breaks no rule: contentProfiles, root extent in px, regions in %, px and
// rw/rh (one through a referenced style, one through a nested style),
// linePadding in c, shear italics, and exactly 4 regions shown at 2 s
// (at 3 s three cues end as the fifth starts: ends count first).
const cleanIMSC11 = `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling"
    xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:ebutts="urn:ebu:tt:style"
    xml:lang="ja" ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/text"
    ttp:frameRate="24" ttp:frameRateMultiplier="1000 1001" ttp:displayAspectRatio="16 9" tts:extent="1920px 1080px">
  <head>
    <styling>
      <style xml:id="base" tts:fontFamily="proportionalSansSerif" tts:fontSize="100%" tts:color="white" ebutts:linePadding="0.5c" ebutts:multiRowAlign="start"/>
      <style xml:id="italic" tts:shear="16.67%"/>
      <style xml:id="geo" tts:origin="0% 0%"/>
    </styling>
    <layout>
      <region xml:id="bottom" tts:origin="10% 80%" tts:extent="80% 15%" tts:displayAlign="after"/>
      <region xml:id="top" tts:origin="192px 0px" tts:extent="1536px 162px"/>
      <region xml:id="left" style="geo" tts:extent="10rw 100rh" tts:writingMode="tbrl"/>
      <region xml:id="right" tts:origin="90% 0%"><style tts:extent="10% 100%"/></region>
      <region xml:id="middle" tts:origin="20% 40%" tts:extent="60% 20%"/>
    </layout>
  </head>
  <body style="base">
    <div>
      <p xml:id="c1" begin="00:00:01.000" end="00:00:03.000" region="bottom">一行目</p>
      <p xml:id="c2" begin="00:00:01.000" end="00:00:03.000" region="top"><span style="italic">二</span></p>
      <p xml:id="c3" begin="00:00:01.000" end="00:00:03.000" region="left">三</p>
      <p xml:id="c4" begin="00:00:02.000" end="00:00:04.000" region="right">四</p>
      <p xml:id="c5" begin="00:00:03.000" end="00:00:05.000" region="middle">五</p>
    </div>
  </body>
</tt>
`

// cleanITT is Apple's iTT example in shape (smpte time base, 24 × 999/1000,
// explicit drop mode, top/bottom regions, a div at -01:00:00:00), with
// Apple's ruby namespace declared as Apple's own tools do, and a top cue
// overlapping a bottom one, which iTT allows.
const cleanITT = `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling"
    xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:ry="http://namespace.itunes.apple.com/itt/ttml-extension#ruby"
    xml:lang="en-US" ttp:timeBase="smpte" ttp:frameRate="24" ttp:frameRateMultiplier="999 1000" ttp:dropMode="nonDrop">
  <head>
    <styling>
      <style xml:id="normal" tts:fontFamily="sansSerif" tts:fontWeight="normal" tts:fontStyle="normal" tts:color="white" tts:fontSize="100%"/>
      <style xml:id="italic" tts:fontFamily="sansSerif" tts:fontStyle="italic" tts:color="white" tts:fontSize="100%"/>
    </styling>
    <layout>
      <region xml:id="top" tts:origin="0% 0%" tts:extent="100% 15%" tts:textAlign="center" tts:displayAlign="before"/>
      <region xml:id="bottom" tts:origin="0% 85%" tts:extent="100% 15%" tts:textAlign="center" tts:displayAlign="after"/>
    </layout>
  </head>
  <body style="normal" region="bottom">
    <div begin="-01:00:00:00">
      <p begin="01:00:06:09" end="01:00:11:13"><span style="italic">iPhone</span> first.</p>
      <p begin="01:00:11:13" end="01:00:14:00" region="top">A sign on the wall.</p>
      <p begin="01:00:12:00" end="01:00:15:00">Shown under the sign.</p>
    </div>
  </body>
</tt>
`

// cleanTTML1 signals no profile: only the header rules apply, so five
// simultaneous regions and pixels without a root extent are not findings.
const cleanTTML1 = `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="pt-BR">
  <head>
    <layout>
      <region xml:id="r1" tts:origin="0px 0px" tts:extent="100px 10px"/><region xml:id="r2"/><region xml:id="r3"/>
      <region xml:id="r4"/><region xml:id="r5" tts:origin="90% 90%" tts:extent="50% 50%"/>
    </layout>
  </head>
  <body>
    <div>
      <p xml:id="a" begin="1s" end="3s" region="r1">a</p><p begin="1s" end="3s" region="r2">b</p>
      <p begin="1s" end="3s" region="r3">c</p><p begin="1s" end="3s" region="r4">d</p>
      <p begin="1s" end="3s" region="r5">e</p><p begin="2s" end="4s" region="r5">overlap</p>
    </div>
  </body>
</tt>
`

// mutate applies old→new replacements, failing if one does not match:
// a synthetic case must change what it says it changes.
func mutate(t *testing.T, src string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(src, pairs[i]) {
			t.Fatalf("mutation target %q not in the document", pairs[i])
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

func TestCleanDocumentsHaveNoFindings(t *testing.T) {
	for _, c := range []struct{ name, src, file, profile string }{
		{"IMSC 1.1 text", cleanIMSC11, "", "imsc1.1"},
		{"iTT", cleanITT, "", "itt"},
		{"TTML1", cleanTTML1, "", "ttml1"},
	} {
		d := ReadNamed(c.file, c.src)
		if d.Profile != c.profile {
			t.Errorf("%s: profile %q, want %q", c.name, d.Profile, c.profile)
		}
		for _, g := range d.Diagnostics {
			t.Errorf("%s: unexpected %s at line %d: %s", c.name, g.Rule, g.Line, g.Message)
		}
		if len(d.Cues) < 3 {
			t.Errorf("%s: %d cues", c.name, len(d.Cues))
		}
	}
}

// TestEachRuleFiresOnce mutates a clean document so that it breaks exactly
// one rule, once, and checks that this is the only diagnostic.
func TestEachRuleFiresOnce(t *testing.T) {
	cases := []struct {
		code, name string
		src        string
		line       int    // expected line of the finding
		msg        string // part of the message
	}{
		// Header rules, on the IMSC document (they apply to every profile).
		{CodeLangMissing, "no xml:lang", mutate(t, cleanIMSC11, `xml:lang="ja" `, ``), 2, "no xml:lang"},
		{CodeLangMalformed, "underscore", mutate(t, cleanIMSC11, `xml:lang="ja"`, `xml:lang="ja_JP"`), 2, `"ja-JP"`},
		{CodeLangMalformed, "not a tag", mutate(t, cleanITT, `xml:lang="en-US"`, `xml:lang="english"`), 2, "well-formed"},
		{CodePlainID, "id=", mutate(t, cleanIMSC11, `<p xml:id="c2"`, `<p id="c2"`), 23, "use xml:id"},
		{CodeXMLIDInvalid, "digit first", mutate(t, cleanIMSC11, `xml:id="c3"`, `xml:id="3"`), 24, `xml:id="3"`},
		{CodeXMLIDDuplicate, "duplicate", mutate(t, cleanIMSC11, `xml:id="c3"`, `xml:id="c1"`), 24, "already used at line 22"},
		{CodeTextWithoutEnd, "untimed paragraph", mutate(t, cleanIMSC11, `<p xml:id="c5" begin="00:00:03.000" end="00:00:05.000"`, `<p xml:id="c5"`), 26, "no end time"},
		{CodeUnknownAttribute, "ccol", mutate(t, cleanTTML1, `<p xml:id="a"`, `<p xml:id="a" ccol="3"`), 11, "attribute ccol"},
		{CodeUnknownAttribute, "tts:ccrow", mutate(t, cleanITT, `<p begin="01:00:06:09"`, `<p tts:ccrow="14" begin="01:00:06:09"`), 17, "tts:ccrow"},
		{CodeInvalidStyleValue, "pink", mutate(t, cleanTTML1, `<body>`, `<body tts:color="pink">`), 9, `tts:color="pink" is not a TTML colour`},
		{CodeInvalidStyleValue, "rgb out of range", mutate(t, cleanIMSC11, `tts:color="white"`, `tts:color="rgb(0,300,0)"`), 8, "rgb(0,300,0)"},
		{CodeInvalidStyleValue, "negative extent", mutate(t, cleanTTML1, `tts:extent="50% 50%"`, `tts:extent="-50% 50%"`), 6, "negative width or height"},
		{CodeTextNeverShown, "cut by its div", mutate(t, cleanTTML1, `<div>`, `<div end="2s">`, `<p begin="2s" end="4s"`, `<p begin="5s" end="6s"`), 13, "never displayed"},
		{CodeEncodingDeclared, "us-ascii", mutate(t, cleanIMSC11, `encoding="UTF-8"`, `encoding="us-ascii"`), 1, `encoding="us-ascii"`},
		// IMSC 1.1.
		{CodeTooManyRegions, "five at 2.5 s", mutate(t, cleanIMSC11, `begin="00:00:03.000" end="00:00:05.000"`, `begin="00:00:02.500" end="00:00:05.000"`), 26, `5 regions are shown at 00:00:02.500 ("bottom", "top", "left", "right", "middle")`},
		{CodeRegionOutsideRoot, "extent past 100%", mutate(t, cleanIMSC11, `tts:extent="60% 20%"`, `tts:extent="60% 61%"`), 17, "reaches 80% × 101%"},
		{CodeRegionOutsideRoot, "px past the root", mutate(t, cleanIMSC11, `tts:extent="1536px 162px"`, `tts:extent="1729px 162px"`), 14, "reaches 100.052% × 15%"},
		{CodeRegionOutsideRoot, "origin from a style", mutate(t, cleanIMSC11, `tts:origin="0% 0%"`, `tts:origin="95% 0%"`), 15, `region "left" extends beyond the root container: origin 95% 0% + extent 10rw 100rh reaches 105% × 100%`},
		{CodeRegionExtentMissing, "no extent", mutate(t, cleanIMSC11, `tts:origin="20% 40%" tts:extent="60% 20%"`, `tts:origin="20% 40%"`), 17, `region "middle" has no tts:extent`},
		{CodeProhibitedFeature, "markerMode", mutate(t, cleanIMSC11, `ttp:frameRate="24"`, `ttp:markerMode="continuous" ttp:frameRate="24"`), 2, "ttp:markerMode"},
		{CodeProhibitedFeature, "smpte time base", mutate(t, cleanIMSC11, `ttp:frameRate="24"`, `ttp:timeBase="smpte" ttp:frameRate="24"`), 2, `ttp:timeBase="smpte"`},
		{CodeProhibitedFeature, "image", mutate(t, cleanIMSC11, `<p xml:id="c5"`, `<image src="a.png"/><p xml:id="c5"`), 26, "<image> is image content"},
		{CodeProhibitedFeature, "anamorphic font size", mutate(t, cleanIMSC11, `tts:fontSize="100%"`, `tts:fontSize="100% 120%"`), 8, "two values (#fontSize-anamorphic) is prohibited in imsc1.1"},
		{CodeProhibitedFeature, "TTML2 textOrientation", mutate(t, cleanIMSC11, `tts:shear="16.67%"`, `tts:textOrientation="upright"`), 9, "tts:textOrientation"},
		{CodeFrameRateUndeclared, "frames without rate", mutate(t, cleanIMSC11, `ttp:frameRate="24" ttp:frameRateMultiplier="1000 1001" `, ``, `begin="00:00:02.000"`, `begin="00:00:02:00"`), 25, "no ttp:frameRate"},
		{CodeTickRateUndeclared, "ticks without rate", mutate(t, cleanIMSC11, `end="00:00:04.000"`, `end="96t"`), 25, "no ttp:tickRate"},
		{CodeContentProfiles, "only ttp:profile", mutate(t, cleanIMSC11, `ttp:contentProfiles=`, `ttp:profile=`), 2, "no ttp:contentProfiles"},
		{CodeContentProfiles, "designator misspelt", mutate(t, cleanIMSC11, `imsc1.1/text"`, `imsc1.1/text/"`), 2, "does not include"},
		{CodePixelsWithoutExtent, "no root extent", mutate(t, cleanIMSC11, ` tts:extent="1920px 1080px"`, ``), 14, `tts:origin="192px 0px" uses px but <tt> has no tts:extent to give pixels a size (2 times`},
		{CodeLengthUnits, "em extent", mutate(t, cleanIMSC11, `tts:extent="60% 20%"`, `tts:extent="60% 2em"`), 17, "uses em"},
		{CodeLengthUnits, "rh for a width", mutate(t, cleanIMSC11, `tts:extent="10rw 100rh"`, `tts:extent="10rh 100rh"`), 15, "rh for the width"},
		{CodeLengthUnits, "c outside linePadding", mutate(t, cleanIMSC11, `tts:fontSize="100%"`, `tts:fontSize="1c"`), 8, "tts:fontSize uses c units"},
		{CodeLengthUnits, "linePadding in px", mutate(t, cleanIMSC11, `ebutts:linePadding="0.5c"`, `ebutts:linePadding="5px"`), 8, "only c units"},
		{CodeAspectRatio, "both ratios", mutate(t, cleanIMSC11, `ttp:displayAspectRatio="16 9"`, `ttp:displayAspectRatio="16 9" xmlns:ittp="http://www.w3.org/ns/ttml/profile/imsc1#parameter" ittp:aspectRatio="16 9"`), 2, "both present"},
		{CodeAspectRatio, "zero", mutate(t, cleanIMSC11, `ttp:displayAspectRatio="16 9"`, `ttp:displayAspectRatio="16 0"`), 2, "non-zero"},
		// iTT.
		{CodeITTFrameRateMissing, "no frame rate", mutate(t, cleanITT, ` ttp:frameRate="24"`, ``), 2, "no ttp:frameRate"},
		{CodeITTTimeBase, "media time", mutate(t, cleanITT, `ttp:timeBase="smpte" `, ``), 2, `ttp:timeBase is "media"`},
		{CodeITTTimeBase, "drop mode unsaid", mutate(t, cleanITT, ` ttp:dropMode="nonDrop"`, ``), 2, "ttp:dropMode is not declared"},
		{CodeITTTimeNotFrames, "fractional clock", mutate(t, cleanITT, `end="01:00:11:13"`, `end="01:00:11.500"`), 17, `end="01:00:11.500"`},
		{CodeITTRegionOverlap, "same region", mutate(t, cleanITT, `begin="01:00:12:00"`, `begin="01:00:11:00"`), 19, "while the cue at line 17"},
		{CodeITTImage, "background image", mutate(t, cleanITT, `<div begin="-01:00:00:00">`, `<div begin="-01:00:00:00" xmlns:smpte="http://www.smpte-ra.org/schemas/2052-1/2010/smpte-tt" smpte:backgroundImage="#img">`), 16, "smpte:backgroundImage"},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.code] = true
		d := Read(c.src)
		if len(d.Diagnostics) != 1 || d.Diagnostics[0].Rule != c.code {
			t.Errorf("%s %s: want exactly one %s, got %+v", c.code, c.name, c.code, d.Diagnostics)
			continue
		}
		g := d.Diagnostics[0]
		if g.Line != c.line || !strings.Contains(g.Message, c.msg) {
			t.Errorf("%s %s: line %d %q, want line %d containing %q", c.code, c.name, g.Line, g.Message, c.line, c.msg)
		}
	}
	for _, r := range Rules {
		if !covered[r.Code] {
			t.Errorf("rule %s %s has no synthetic case", r.Code, r.Name)
		}
	}
}

func TestRulesAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.Code] || seen[r.Name] {
			t.Errorf("duplicate %s %s", r.Code, r.Name)
		}
		seen[r.Code], seen[r.Name] = true, true
		if len(r.Code) != 4 || r.Code[0] != 'P' || r.Family != "ttml-profile" || r.Run != nil {
			t.Errorf("%s: code/family/run", r.Code)
		}
		if r.Summary == "" || len(r.Doc) < 200 || !strings.Contains(r.Doc, "Confidence") || !strings.Contains(r.Doc, "Fix") {
			t.Errorf("%s: doc must say what, why, how to fix, source and confidence", r.Code)
		}
		if strings.ToLower(r.Name) != r.Name || strings.Contains(r.Name, " ") {
			t.Errorf("%s: name %q is not kebab-case", r.Code, r.Name)
		}
	}
}

func TestProfileRulesDoNotRunOnOtherProfiles(t *testing.T) {
	// The same 5-region, overlapping, px-without-extent content is clean as
	// TTML1 and EBU-TT-D, and breaks the IMSC and iTT rules.
	body := strings.SplitN(cleanTTML1, "<head>", 2)[1]
	for _, c := range []struct {
		profile string
		tt      string
		want    []string
	}{
		{"ttml1", `<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="en">`, nil},
		{"imsc1", `<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text" xml:lang="en">`,
			[]string{CodeRegionExtentMissing, CodeRegionExtentMissing, CodeRegionExtentMissing, CodeTooManyRegions, CodeRegionOutsideRoot, CodePixelsWithoutExtent}},
		{"itt", `<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ry="http://namespace.itunes.apple.com/itt/ttml-extension#ruby" xml:lang="en">`,
			[]string{CodeITTFrameRateMissing, CodeITTTimeBase, CodeITTTimeNotFrames, CodeITTRegionOverlap}},
	} {
		d := Read(c.tt + "\n<head>" + body)
		if d.Profile != c.profile {
			t.Fatalf("profile %q, want %q", d.Profile, c.profile)
		}
		var got []string
		for _, g := range d.Diagnostics {
			got = append(got, g.Rule)
		}
		slices.Sort(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: codes %v, want %v (%+v)", c.profile, got, want, d.Diagnostics)
		}
	}
}

func TestAppleNegativeDivOffset(t *testing.T) {
	// Apple's example shifts 01:00:00:00-based timecodes to zero with a
	// negative div begin. Recognised as iTT, the first cue starts 153
	// frames (6 s 9 f) in at 24 × 999/1000.
	// Both timecodes are converted (each rounded to a flick) before the
	// offset is applied, so allow one flick either way.
	d := Read(cleanITT)
	rate := cue.FrameRate{Num: 24 * 999, Den: 1000}
	near := func(got, want cue.Time) bool { return got-want <= 1 && want-got <= 1 }
	if got, want := d.Cues[0].Start, rate.Frames(6*24+9); !near(got, want) {
		t.Errorf("first cue at %d, want %d", got, want)
	}
	if got, want := d.Cues[2].End, rate.Frames(15*24); !near(got, want) {
		t.Errorf("last cue ends at %d, want %d", got, want)
	}
	// Apple's example itself declares no Apple namespace: only the file
	// name tells it is iTT. Read as plain TTML the minus sign is an error
	// and the times stay an hour late; ReadNamed reads it as Apple means.
	plain := mutate(t, cleanITT, ` xmlns:ry="http://namespace.itunes.apple.com/itt/ttml-extension#ruby"`, ``)
	if d := Read(plain); d.Profile != "ttml1" || len(d.Diagnostics) != 1 || d.Cues[0].Start < cue.Hour {
		t.Errorf("as TTML1: profile %q, diagnostics %+v, first cue %v", d.Profile, d.Diagnostics, d.Cues[0].Start)
	}
	d = ReadNamed("Movie_en-US.ITT", plain)
	if d.Profile != "itt" || len(d.Diagnostics) != 0 || !near(d.Cues[0].Start, rate.Frames(6*24+9)) {
		t.Errorf("named .itt: profile %q, diagnostics %+v, first cue %v", d.Profile, d.Diagnostics, d.Cues[0].Start)
	}
	// A paragraph that ends before zero after the shift is reported, not shown.
	early := mutate(t, cleanITT, `<p begin="01:00:06:09"`, `<p begin="00:59:00:00" end="00:59:01:00">gone</p><p begin="01:00:06:09"`)
	if d := Read(early); len(d.Cues) != 3 || len(d.Diagnostics) != 1 || !strings.Contains(d.Diagnostics[0].Message, "before time zero") {
		t.Errorf("cue before zero: %d cues, %+v", len(d.Cues), d.Diagnostics)
	}
	// The convention is iTT's only: an IMSC div cannot begin before zero.
	imsc := mutate(t, cleanIMSC11, `<div>`, `<div begin="-00:00:01.000">`)
	if d := Read(imsc); len(d.Diagnostics) != 1 || d.Diagnostics[0].Rule != "" {
		t.Errorf("negative begin in IMSC: %+v", d.Diagnostics)
	}
}

func TestRepeatedProblemsAreCountedOnce(t *testing.T) {
	src := doc(``, ``, `<div><p id="a" ccol="1" begin="0s" end="1s">a</p><p id="b" ccol="2" begin="1s" end="2s">b</p>`+
		`<p xml:id="3" ccol="3" begin="2s" end="3s">c</p><p xml:id="4x" begin="3s" end="4s">d</p></div>`)
	d := Read(src)
	want := map[string]string{
		CodePlainID:          "(2 times; the first is here)",
		CodeUnknownAttribute: "attribute ccol is not defined by TTML (3 times",
		CodeXMLIDInvalid:     `xml:id="3" is not a valid XML name (it must start with a letter or '_' and hold no spaces or ':') (2 times`,
	}
	if len(d.Diagnostics) != len(want) {
		t.Fatalf("diagnostics %+v", d.Diagnostics)
	}
	for _, g := range d.Diagnostics {
		if !strings.Contains(g.Message, want[g.Rule]) || g.Line != 5 {
			t.Errorf("%s line %d: %q, want %q", g.Rule, g.Line, g.Message, want[g.Rule])
		}
	}
}

func TestTooManyRegionsOncePerCluster(t *testing.T) {
	// Two separate moments with 5 regions give two findings; staying above
	// 4 while more cues start gives no more.
	var b strings.Builder
	regions := ""
	for _, r := range []string{"a", "b", "c", "d", "e", "f"} {
		regions += `<region xml:id="` + r + `" tts:extent="10% 10%"/>`
	}
	b.WriteString(`<div>`)
	for _, r := range []string{"a", "b", "c", "d", "e", "f"} {
		b.WriteString(`<p begin="1s" end="2s" region="` + r + `">x</p>`)
	}
	for _, r := range []string{"a", "b", "c", "d", "e"} {
		b.WriteString(`<p begin="5s" end="6s" region="` + r + `">y</p>`)
	}
	// Four regions, one of them twice: not over the limit.
	for _, r := range []string{"a", "b", "c", "d", "d"} {
		b.WriteString(`<p begin="8s" end="9s" region="` + r + `">z</p>`)
	}
	b.WriteString(`</div>`)
	src := doc(`ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/text"`, `<layout>`+regions+`</layout>`, b.String())
	d := Read(src)
	var at []string
	for _, g := range d.Diagnostics {
		if g.Rule != CodeTooManyRegions || g.Cue == 0 {
			t.Errorf("unexpected %+v", g)
			continue
		}
		at = append(at, d.Cues[g.Cue-1].Start.String())
	}
	if strings.Join(at, " ") != "00:00:01.000 00:00:05.000" {
		t.Errorf("findings at %v", at)
	}
}

func TestTooManyRegionsScales(t *testing.T) {
	// 200,000 cues, each overlapping the next 9 across 10 regions: a
	// pairwise check would take 2·10^10 steps; the sweep is n log n.
	const n = 200_000
	cues := make([]cue.Cue, n)
	for i := range cues {
		cues[i] = cue.Cue{Index: i + 1, Line: i + 1, Start: cue.Time(i) * cue.Second, End: cue.Time(i+10) * cue.Second,
			Region: string(rune('a' + i%10))}
	}
	r := newReader("")
	r.doc.Cues = cues
	for i := 0; i < 10; i++ {
		r.regions[string(rune('a'+i))] = &regionDef{}
	}
	r.tooManyRegions()
	if len(r.doc.Diagnostics) != 1 || r.doc.Diagnostics[0].Cue != 5 {
		t.Errorf("one cluster from cue 5 expected, got %d findings, first %+v", len(r.doc.Diagnostics), r.doc.Diagnostics[:min(1, len(r.doc.Diagnostics))])
	}
}

func TestRegionStyleFanOutIsNotExponential(t *testing.T) {
	// Each style references the next ten times: resolving a region's
	// geometry without memoising would visit 10^60 styles.
	var styles strings.Builder
	for i := 0; i < 60; i++ {
		next := strings.Repeat(" s"+strconv.Itoa(i+1), 10)
		styles.WriteString(`<style xml:id="s` + strconv.Itoa(i) + `" style="` + next + `"/>`)
	}
	styles.WriteString(`<style xml:id="s60" tts:origin="50% 50%" tts:extent="60% 10%"/>`)
	src := doc(`ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/text"`,
		`<styling>`+styles.String()+`</styling><layout><region xml:id="r" style="s0"/></layout>`,
		`<div><p begin="0s" end="1s" region="r">x</p></div>`)
	start := time.Now()
	d := Read(src)
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("took %v", el)
	}
	// The extent reached through 61 styles puts the region past the edge.
	if len(d.Diagnostics) != 1 || d.Diagnostics[0].Rule != CodeRegionOutsideRoot {
		t.Errorf("diagnostics %+v", d.Diagnostics)
	}
}
