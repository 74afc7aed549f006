package ttml

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

func TestCuePositionsIDRegion(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		src := strings.Join([]string{
			`<?xml version="1.0" encoding="UTF-8"?>`,
			`<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en-US">`,
			`<head><layout><region xml:id="bottom"/><region xml:id="top"/></layout></head>`,
			`<body region="bottom"><div>`,
			`  <p xml:id="c1" begin="1s" end="2s">one</p>`,
			``,
			`  <p xml:id="c2" region="top"`,
			`     begin="3s" end="4s">two<br/>lines</p>`,
			`</div></body></tt>`,
		}, eol)
		d := Read(src)
		wantNoDiags(t, d)
		if len(d.Cues) != 2 {
			t.Fatalf("%q: %v", eol, cueTimes(d))
		}
		for i, want := range []struct {
			line   int
			id     string
			region string
		}{{5, "c1", "bottom"}, {7, "c2", "top"}} {
			c := d.Cues[i]
			if c.Index != i+1 || c.Line != want.line || c.ID != want.id || c.Region != want.region {
				t.Errorf("%q cue %d: index %d line %d id %q region %q", eol, i, c.Index, c.Line, c.ID, c.Region)
			}
			if !strings.HasPrefix(src[c.Offset:], "  <p xml:id=\""+want.id) {
				t.Errorf("%q cue %d: Offset %d does not start its line: %q", eol, i, c.Offset, src[c.Offset:min(len(src), int(c.Offset)+20)])
			}
		}
		if d.Language != "en-US" || d.Format != "ttml" || d.Profile != "ttml1" {
			t.Errorf("document: %q %q %q", d.Language, d.Format, d.Profile)
		}
		if !d.FrameRate.IsZero() || d.TimePrecision != cue.Millisecond {
			t.Errorf("no frame rate declared: got %v, precision %d", d.FrameRate, d.TimePrecision)
		}
	}
}

func TestBOMAndForeignEncodingDeclaration(t *testing.T) {
	// The encoding layer has already decoded the file to UTF-8; the
	// declaration still says what the bytes were.
	src := "\ufeff<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\" xml:lang=\"fr\">\n<body><div><p begin=\"0s\" end=\"1s\">Ça va</p></div></body></tt>"
	d := Read(src)
	wantNoDiags(t, d)
	wantCues(t, d, "00:00:00.000-00:00:01.000 Ça va")
	if c := d.Cues[0]; c.Line != 3 || !strings.HasPrefix(src[c.Offset:], "<body>") {
		t.Errorf("line %d offset %d", c.Line, c.Offset)
	}
}

func TestLegacyDFXPNamespace(t *testing.T) {
	// The shape of streaming DFXP in the 2006 draft namespace: ticks, styles
	// inside regions, italics through a referenced style.
	src := `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<tt xmlns:tt="http://www.w3.org/2006/10/ttaf1" xmlns:ttp="http://www.w3.org/2006/10/ttaf1#parameter" xmlns:tts="http://www.w3.org/2006/10/ttaf1#styling" ttp:tickRate="10000000" ttp:timeBase="media" xmlns="http://www.w3.org/2006/10/ttaf1" xml:lang="en">
<head><layout><region xml:id="BOTTOM"><style tts:textAlign="center"/></region></layout>
<styling><style tts:fontStyle="italic" xml:id="style_0"/></styling></head>
<body><div xml:space="preserve">
<p begin="464634169t" end="513432919t" region="BOTTOM" xml:id="subtitle0"><span style="style_0">Have you ever felt like</span><br/><span style="style_0">you were a little bit different?</span></p>
<p begin="655665010t" end="667757090t" region="BOTTOM" xml:id="subtitle5">Go ahead, Flint.</p>
</div></body></tt>`
	d := Read(src)
	wantNoDiags(t, d)
	if d.Profile != "dfxp" || d.TimePrecision != cue.Flick {
		t.Errorf("profile %q precision %d", d.Profile, d.TimePrecision)
	}
	wantCues(t, d,
		"00:00:46.463-00:00:51.343 Have you ever felt like|you were a little bit different?",
		"00:01:05.567-00:01:06.776 Go ahead, Flint.")
	if c := d.Cues[0]; !c.Lines[0].Italic() || !c.Lines[1].Italic() || d.Cues[1].Lines[0].Italic() {
		t.Errorf("italics: %+v / %+v", c.Lines, d.Cues[1].Lines)
	}
	if d.Cues[0].Start != cue.FromRatio(464634169, 10_000_000) {
		t.Errorf("tick time not exact: %d", d.Cues[0].Start)
	}
}

func TestProfileDetection(t *testing.T) {
	const ns = `xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xml:lang="en"`
	cases := []struct{ name, tt, head, want string }{
		{"plain", `<tt ` + ns + `>`, ``, "ttml1"},
		{"W3C dfxp-full is TTML1", `<tt ` + ns + ` ttp:profile="http://www.w3.org/ns/ttml/profile/dfxp-full">`, ``, "ttml1"},
		{"imsc1 text", `<tt ` + ns + ` ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text">`, ``, "imsc1"},
		{"imsc1 via profile element", `<tt ` + ns + `>`, `<ttp:profile use="http://www.w3.org/ns/ttml/profile/imsc1/text"/>`, "imsc1"},
		{"imsc1.1 content profiles", `<tt ` + ns + ` ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/text">`, ``, "imsc1.1"},
		{"legacy namespace", `<tt xmlns="http://www.w3.org/2006/04/ttaf1" xml:lang="en">`, ``, "dfxp"},
		{"Netflix dfxp profile", `<tt ` + ns + `>`, `<ttp:profile use="http://netflix.com/ttml/profile/dfxp-ls-sdh"/>`, "dfxp"},
		{"EBU-TT-D", `<tt ` + ns + ` xmlns:ebuttm="urn:ebu:tt:metadata">`,
			`<metadata><ebuttm:documentMetadata><ebuttm:conformsToStandard>urn:ebu:tt:distribution:2014-01</ebuttm:conformsToStandard></ebuttm:documentMetadata></metadata>`, "ebu-tt-d"},
		{"EBU-TT-D by its style attributes", `<tt ` + ns + ` xmlns:ebutts="urn:ebu:tt:style">`,
			`<styling><style xml:id="s" ebutts:linePadding="0.5c"/></styling>`, "ebu-tt-d"},
		{"iTT by Apple's namespace", `<tt ` + ns + ` xmlns:ry="http://namespace.itunes.apple.com/itt/ttml-extension#ruby" ttp:timeBase="smpte" ttp:frameRate="24">`, ``, "itt"},
		{"iTT by shape", `<tt ` + ns + ` xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ittp="http://www.w3.org/ns/ttml/profile/imsc1#parameter" xmlns:itts="http://www.w3.org/ns/ttml/profile/imsc1#styling" ttp:frameRate="25" ttp:timeBase="smpte">`, ``, "itt"},
		{"IMSC with itts is still IMSC", `<tt ` + ns + ` xmlns:itts="http://www.w3.org/ns/ttml/profile/imsc1#styling" ttp:frameRate="25" ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text">`, ``, "imsc1"},
	}
	for _, c := range cases {
		d := Read(c.tt + `<head>` + c.head + `</head><body/></tt>`)
		if d.Profile != c.want {
			t.Errorf("%s: profile %q want %q", c.name, d.Profile, c.want)
		}
	}
}

func TestDocumentDiagnostics(t *testing.T) {
	src := `<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:frameRate="0" ttp:tickRate="-5">
<head><styling>
<style xml:id="s1" style="s2"/>
<style xml:id="s2" style="s1"/>
</styling></head>
<body><div>
<p xml:id="a" begin="0s" end="1s" style="nope" region="nowhere">x</p>
<p xml:id="a" begin="1s" end="2s">y</p>
</div></body></tt>`
	d := Read(src)
	wantDiag(t, d, 1, "no xml:lang")
	wantDiag(t, d, 1, `ttp:frameRate="0"`)
	wantDiag(t, d, 1, `ttp:tickRate="-5"`)
	wantDiag(t, d, 7, `style "nope" is not defined`)
	wantDiag(t, d, 7, `region "nowhere" is not defined`)
	wantDiag(t, d, 8, `xml:id "a" is already used at line 7`)
	loops := 0
	for _, g := range d.Diagnostics {
		if strings.Contains(g.Message, "refers back to itself") {
			loops++
		}
	}
	if loops != 1 {
		t.Errorf("style loop reported %d times, want once: %+v", loops, d.Diagnostics)
	}
	// None of these stop the cues.
	wantCues(t, d, "00:00:00.000-00:00:01.000 x", "00:00:01.000-00:00:02.000 y")
}

func TestNotTTML(t *testing.T) {
	for _, src := range []string{"", "   ", "WEBVTT\n\n00:00.000 --> 00:01.000\nhi", `<?xml version="1.0"?><transcript><text start="1">hi</text></transcript>`} {
		d := Read(src)
		if len(d.Cues) != 0 || len(d.Diagnostics) == 0 {
			t.Errorf("%q: cues %v diagnostics %v", src, cueTimes(d), d.Diagnostics)
		}
	}
}

// The ASCII shortcut of isNCName judges every name of one to three ASCII
// bytes as the rune-by-rune check does.
func TestASCIINCNameAgreesWithUnicode(t *testing.T) {
	var names []string
	for a := 0; a < 128; a++ {
		names = append(names, string(rune(a)))
		for b := 0; b < 128; b++ {
			names = append(names, string([]byte{byte(a), byte(b)}), string([]byte{'x', byte(a), byte(b)}))
		}
	}
	valid := 0
	for _, s := range names {
		ok, ascii := asciiNCName(s)
		if !ascii || ok != unicodeNCName(s) {
			t.Fatalf("%q: ascii check %v (ascii %v), rune check %v", s, ok, ascii, unicodeNCName(s))
		}
		if ok {
			valid++
		}
	}
	if valid == 0 || valid == len(names) {
		t.Fatalf("%d of %d names valid", valid, len(names))
	}
	if _, ascii := asciiNCName("caf\u00e9"); ascii {
		t.Error("a name beyond ASCII taken as ASCII")
	}
}
