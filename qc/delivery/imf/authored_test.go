package imf

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery"
)

// An OV with two episode CPLs and a supplemental IMP whose CPL reuses the
// OV's video by UUID, written here so every field has a known value.
const (
	uE1 = "urn:uuid:00000000-0000-4000-8000-0000000000e1"
	uE2 = "urn:uuid:00000000-0000-4000-8000-0000000000e2"
	uV1 = "urn:uuid:00000000-0000-4000-8000-0000000000a1"
	uV2 = "urn:uuid:00000000-0000-4000-8000-0000000000a2"
	uFR = "urn:uuid:00000000-0000-4000-8000-0000000000f1"
	uFN = "urn:uuid:00000000-0000-4000-8000-0000000000f2"
	uSD = "urn:uuid:00000000-0000-4000-8000-0000000000f3"
	uDE = "urn:uuid:00000000-0000-4000-8000-0000000000f4"
	uS2 = "urn:uuid:00000000-0000-4000-8000-0000000000e3"
)

func assetMap(pkl string, assets ...[2]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<AssetMap xmlns="http://www.smpte-ra.org/schemas/429-9/2007/AM">
  <AssetList>
    <Asset><Id>` + pkl + `</Id><PackingList>true</PackingList><ChunkList><Chunk><Path>PKL.xml</Path></Chunk></ChunkList></Asset>
`)
	for _, a := range assets {
		b.WriteString("    <Asset><Id>" + a[0] + "</Id><ChunkList><Chunk><Path>" + a[1] + "</Path></Chunk></ChunkList></Asset>\n")
	}
	b.WriteString("  </AssetList>\n</AssetMap>\n")
	return b.String()
}

const ovPKL = `<?xml version="1.0" encoding="UTF-8"?>
<PackingList xmlns="http://www.smpte-ra.org/schemas/429-8/2007/PKL">
  <AssetList>
    <Asset><Id>` + uV1 + `</Id><Hash>qvTGHdzF6KLavt4PO0gs2a6pQ00=</Hash><Size>5</Size><Type>application/mxf</Type></Asset>
    <Asset><Id>` + uFR + `</Id><Hash>not base64!</Hash><Size>7</Size><Type>application/mxf</Type></Asset>
    <Asset><Id>` + uFN + `</Id><Hash>AAAA</Hash><Size>8</Size><HashAlgorithm Algorithm="urn:example:crc32"/></Asset>
    <Asset><Id>urn:uuid:00000000-0000-4000-8000-0000000000ff</Id><Hash>qvTGHdzF6KLavt4PO0gs2a6pQ00=</Hash><Size>1</Size><OriginalFileName>lost.mxf</OriginalFileName></Asset>
    <Asset><Id>` + uSD + `</Id><Hash>qvTGHdzF6KLavt4PO0gs2a6pQ00=</Hash><Size>-3</Size></Asset>
  </AssetList>
</PackingList>
`

func cpl(ns, title, rate, descs, seqs string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<CompositionPlaylist xmlns="` + ns + `" xmlns:cc="http://www.smpte-ra.org/schemas/2067-2/2016" xmlns:r0="http://www.smpte-ra.org/reg/395/2014/13/1/aaf" xmlns:r1="http://www.smpte-ra.org/reg/335/2012">
  <ContentTitle>` + title + `</ContentTitle>
  <EssenceDescriptorList>` + descs + `</EssenceDescriptorList>
  <EditRate>` + rate + `</EditRate>
  <SegmentList><Segment><SequenceList>
` + seqs + `
  </SequenceList></Segment></SegmentList>
</CompositionPlaylist>
`
}

func ttDesc(id, lang string) string {
	return `<EssenceDescriptor><Id>` + id + `</Id><r0:DCTimedTextDescriptor><r1:NamespaceURI>http://www.w3.org/ns/ttml/profile/imsc1/text</r1:NamespaceURI><r1:RFC5646LanguageTagList>` + lang + `</r1:RFC5646LanguageTagList></r0:DCTimedTextDescriptor></EssenceDescriptor>`
}

func seq(name, body string) string {
	return "    <cc:" + name + "><ResourceList>" + body + "</ResourceList></cc:" + name + ">\n"
}

func res(track, enc, extra string) string {
	return "<Resource><TrackFileId>" + track + "</TrackFileId><SourceEncoding>" + enc + "</SourceEncoding>" + extra + "</Resource>"
}

func writeTree(t *testing.T, files map[string]string) string {
	root := t.TempDir()
	for p, body := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestOVAndSupplemental(t *testing.T) {
	root := writeTree(t, map[string]string{
		"OV/ASSETMAP.xml": assetMap("urn:uuid:00000000-0000-4000-8000-0000000000b1",
			[2]string{uE1, "CPL_E01.xml"}, [2]string{uE2, "CPL_E02.xml"}, [2]string{uV1, "v1.mxf"}, [2]string{uV2, "v2.mxf"},
			[2]string{uFR, "fr.mxf"}, [2]string{uFN, "fr_forced.mxf"}, [2]string{uSD, "en_sdh.mxf"},
			[2]string{"urn:uuid:00000000-0000-4000-8000-0000000000ee", "../../outside.mxf"}),
		"OV/PKL.xml": ovPKL,
		"OV/CPL_E01.xml": cpl("http://www.smpte-ra.org/schemas/2067-3/2016", "LONG_RIVER_S01E01", "25 1",
			ttDesc("urn:uuid:d1", "fr")+ttDesc("urn:uuid:d2", "fr-FR"),
			seq("MainImageSequence", res(uV1, "urn:uuid:dv", "<IntrinsicDuration>1000</IntrinsicDuration><SourceDuration>1000</SourceDuration><RepeatCount>2</RepeatCount>"))+
				seq("SubtitlesSequence", res(uFR, "urn:uuid:d1", "<IntrinsicDuration>2000</IntrinsicDuration>"))+
				seq("ForcedNarrativeSequence", res(uFN, "urn:uuid:d2", "<IntrinsicDuration>2000</IntrinsicDuration>"))),
		"OV/CPL_E02.xml": cpl("http://www.smpte-ra.org/schemas/2067-3/2013", "LONG_RIVER_S01E02", "25 1",
			ttDesc("urn:uuid:d3", "en"),
			seq("MainImageSequence", res(uV2, "urn:uuid:dv", "<IntrinsicDuration>500</IntrinsicDuration><EntryPoint>100</EntryPoint>"))+
				seq("HearingImpairedCaptionsSequence", res(uSD, "urn:uuid:d3", "<IntrinsicDuration>400</IntrinsicDuration>")+
					res("urn:uuid:00000000-0000-4000-8000-00000000dead", "urn:uuid:d3", "<IntrinsicDuration>1</IntrinsicDuration>"))),
		"SUPP/ASSETMAP.xml": assetMap("urn:uuid:00000000-0000-4000-8000-0000000000b2", [2]string{uS2, "CPL_E02_textless.xml"}, [2]string{uDE, "de.mxf"}),
		"SUPP/PKL.xml": `<PackingList xmlns="http://www.smpte-ra.org/schemas/2067-2/2016/PKL"><AssetList>
<Asset><Id>` + uDE + `</Id><Hash>2jmj7l5rSw0yVb/vlWAYkK/YBwk=</Hash><Size>0</Size><HashAlgorithm Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/></Asset>
</AssetList></PackingList>`,
		"SUPP/CPL_E02_textless.xml": cpl("http://www.smpte-ra.org/schemas/2067-3/2016", "The Long River Episode 2 (textless)", "25 1",
			ttDesc("urn:uuid:d4", "de"),
			seq("MainImageSequence", res(uV2, "urn:uuid:dv", "<IntrinsicDuration>500</IntrinsicDuration><SourceDuration>400</SourceDuration>"))+
				seq("SubtitlesSequence", res(uDE, "urn:uuid:d4", "<IntrinsicDuration>400</IntrinsicDuration>"))),
	})
	d, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	if d.Season != 1 || d.Title != "LONG_RIVER" || d.FrameRate != (cue.FrameRate{Num: 25, Den: 1}) {
		t.Errorf("season %d title %q rate %v", d.Season, d.Title, d.FrameRate)
	}
	if len(d.Episodes) != 2 {
		t.Fatalf("episodes %+v", d.Episodes)
	}
	e1, e2 := d.Episodes[0], d.Episodes[1]
	if e1.Number != 1 || e1.Duration != 80*cue.Second {
		t.Errorf("E01 %d %v, want 2000 frames = 80s", e1.Number, e1.Duration)
	}
	if e2.Number != 2 || e2.Duration != 16*cue.Second {
		t.Errorf("E02 %d %v, want 500-100 frames = 16s", e2.Number, e2.Duration)
	}
	files := byPath(d)
	check := func(p, kind, lang string, ep int) {
		t.Helper()
		f := files[p]
		if f == nil {
			t.Errorf("%s not in the model", p)
			return
		}
		if f.Kind != kind || f.Language != lang || f.Episode != ep {
			t.Errorf("%s: %s %q ep %d, want %s %q ep %d", p, f.Kind, f.Language, f.Episode, kind, lang, ep)
		}
	}
	check("OV/v1.mxf", delivery.Video, "", 1)
	check("OV/fr.mxf", delivery.Subtitles, "fr", 1)
	check("OV/fr_forced.mxf", delivery.Forced, "fr-FR", 1)
	check("OV/en_sdh.mxf", delivery.SDH, "en", 2)
	check("SUPP/de.mxf", delivery.Subtitles, "de", 2)                                    // the textless supplemental joins episode 2
	if files["OV/v1.mxf"].Hashes["sha1"] != "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d" { // sha1("hello")
		t.Errorf("v1 sha1 %q", files["OV/v1.mxf"].Hashes["sha1"])
	}
	if files["SUPP/de.mxf"].Size != 0 || files["SUPP/de.mxf"].Hashes["sha1"] != "da39a3ee5e6b4b0d3255bfef95601890afd80709" {
		t.Errorf("de %+v", files["SUPP/de.mxf"])
	}
	inE2 := map[string]bool{}
	for _, i := range e2.Files {
		inE2[d.Files[i].Path] = true
	}
	if !inE2["OV/v2.mxf"] || !inE2["SUPP/de.mxf"] || !inE2["OV/en_sdh.mxf"] {
		t.Errorf("episode 2 files %v", inE2)
	}
	want := []struct {
		rule, file string
		line       int
		text       string
	}{
		{"D011", "OV/ASSETMAP.xml", 12, "outside.mxf"},
		{"D009", "OV/PKL.xml", 5, "not a base64 sha1"},
		{"D010", "OV/PKL.xml", 6, "urn:example:crc32"},
		{"D002", "OV/PKL.xml", 7, "lost.mxf"},
		{"D009", "OV/PKL.xml", 8, "<Size>"},
		{"D002", "OV/CPL_E02.xml", 8, "00000000dead"},
	}
	if len(d.Problems) != len(want) {
		t.Fatalf("problems %+v", d.Problems)
	}
	for i, w := range want {
		p := d.Problems[i]
		if p.Rule != w.rule || p.File != w.file || p.Line != w.line || !strings.Contains(p.Message, w.text) {
			t.Errorf("problem %d = %+v, want %+v", i, p, w)
		}
	}
	for _, m := range []string{"OV/ASSETMAP.xml", "OV/PKL.xml", "OV/CPL_E01.xml", "SUPP/CPL_E02_textless.xml"} {
		if !contains(d.Manifests, m) {
			t.Errorf("manifests %v lack %s", d.Manifests, m)
		}
	}
}

func TestBrokenXMLIsAProblemWithItsLine(t *testing.T) {
	root := writeTree(t, map[string]string{
		"ASSETMAP.xml": assetMap("urn:uuid:p", [2]string{"urn:uuid:c", "CPL.xml"}),
		"PKL.xml":      "<PackingList xmlns=\"http://www.smpte-ra.org/schemas/2067-2/2016/PKL\">\n<AssetList>\n<Asset>\n</AssetList>\n",
		"CPL.xml":      "<CompositionPlaylist xmlns=\"http://www.smpte-ra.org/schemas/2067-3/2016\">\n<EditRate>25</EditRate>\n</CompositionPlaylist>\n",
	})
	d, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Problems {
		got = append(got, p.Rule+" "+p.File+":"+itoa(p.Line))
	}
	want := "D009 PKL.xml:4 D009 CPL.xml:2"
	if strings.Join(got, " ") != want {
		t.Errorf("problems %v (%+v), want %s", got, d.Problems, want)
	}
	if _, err := Read(t.TempDir()); err == nil {
		t.Error("a folder without ASSETMAP must be an error")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// A composition rate no picture has (its frame arithmetic would overflow
// and count every subtitle gap as frames long) is a problem on its line,
// not the rate the episode's subtitles are checked at.
func TestImplausibleCompositionRateIsAProblem(t *testing.T) {
	root := writeTree(t, map[string]string{
		"ASSETMAP.xml": assetMap("urn:uuid:p", [2]string{"urn:uuid:c", "CPL.xml"}),
		"CPL.xml": cpl("http://www.smpte-ra.org/schemas/2067-3/2016", "SHOW_S01E01", "1 2147483647", "",
			seq("MainImageSequence", res(uV1, "urn:uuid:dv", "<IntrinsicDuration>10</IntrinsicDuration>"))),
	})
	d, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range d.Problems {
		found = found || (p.File == "CPL.xml" && strings.Contains(p.Message, "between 1 and 1000 frames per second"))
	}
	if !found {
		t.Errorf("no problem for the rate: %+v", d.Problems)
	}
	for _, ep := range d.Episodes {
		if !ep.FrameRate.IsZero() {
			t.Errorf("episode rate %v taken from an implausible EditRate", ep.FrameRate)
		}
	}
}
