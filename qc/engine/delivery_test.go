package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

func deliveryOptions(t testing.TB, variants []string, paths ...string) Options {
	t.Helper()
	lib, err := testLibrary()
	if err != nil {
		t.Fatal(err)
	}
	r := lib.NewRunResolver(pack.Request{Variants: variants})
	return Options{Paths: paths, Rules: checks.All(), Resolver: r, FailOn: rule.Error, Jobs: 4}
}

func fixture(t testing.TB, parts ...string) string {
	return filepath.Join(append([]string{testcorpus.RepoRoot(t), "fixtures", "deliveries"}, parts...)...)
}

func run(t testing.TB, opts Options) *report.Report {
	t.Helper()
	rep, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// keys lists findings as "RULE path[:line]" with paths relative to root.
func keys(t testing.TB, rep *report.Report, root string) []string {
	t.Helper()
	root = filepath.ToSlash(root)
	var out []string
	for _, f := range rep.Findings {
		k := f.Rule + " " + strings.TrimPrefix(f.File, root+"/")
		if f.Line > 0 {
			k += ":" + strconv.Itoa(f.Line)
		}
		out = append(out, k)
	}
	return out
}

// expectedFindings reads the ```findings block of a fixture's EXPECTED.md.
func expectedFindings(t *testing.T, root string) []string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(root, "EXPECTED.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```findings\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("EXPECTED.md has no ```findings block")
	}
	var want []string
	for _, l := range strings.Split(string(m[1]), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			want = append(want, l)
		}
	}
	slices.Sort(want)
	return want
}

func assertExpected(t *testing.T, root string, rep *report.Report) {
	t.Helper()
	want := expectedFindings(t, root)
	got := keys(t, rep, root)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings differ from EXPECTED.md\n got: %s\nwant: %s", strings.Join(got, " | "), strings.Join(want, " | "))
		for _, f := range rep.Findings {
			t.Logf("%s %s:%d %s", f.Rule, f.File, f.Line, f.Message)
		}
	}
}

// The language fixture gives exactly its EXPECTED.md: one finding per
// language rule, nothing else.
func TestMixedTonguesExactFindings(t *testing.T) {
	root := fixture(t, "mixed-tongues")
	assertExpected(t, root, run(t, deliveryOptions(t, nil, root)))
}

// The broken-river delivery gives exactly the findings its EXPECTED.md
// lists: one per defect, at the manifest line or the file and cue.
func TestBrokenRiverExactFindings(t *testing.T) {
	root := fixture(t, "broken-river")
	rep := run(t, deliveryOptions(t, nil, root))
	assertExpected(t, root, rep)
	// The messages say what a user must fix.
	for _, f := range rep.Findings {
		switch {
		case f.Rule == "D001" && f.Line == 39:
			for _, w := range []string{"episode 3", "US", "English", "subtitles"} {
				if !strings.Contains(f.Message, w) {
					t.Errorf("D001 message %q does not name %q", f.Message, w)
				}
			}
			if f.Source == "" {
				t.Error("D001 carries no source for the requirement")
			}
		case f.Rule == "D007":
			if f.Cue != 6 || !strings.Contains(f.Message, "cue 5") || !strings.Contains(f.Message, "episode 3") {
				t.Errorf("D007 %+v", f)
			}
		case f.Rule == "D008":
			if f.Cue != 3 || !strings.Contains(f.Message, "ENTRÉE INTERDITE") {
				t.Errorf("D008 %+v", f)
			}
		case f.Rule == "D005":
			if f.Expected != "379" || f.Actual != "367" {
				t.Errorf("D005 expected/actual %q/%q", f.Expected, f.Actual)
			}
		}
	}
	if len(rep.Deliveries) != 1 {
		t.Fatalf("deliveries %+v", rep.Deliveries)
	}
	d := rep.Deliveries[0]
	if d.Kind != "native" || d.Title != "The Broken River" || strings.Join(d.Territories, ",") != "FR,US" ||
		len(d.Episodes) != 2 || d.Episodes[1].Duration != "00:00:20.000" || d.Passed || d.Checked != 5 {
		t.Errorf("delivery record %+v", d)
	}
}

// The good delivery is good: not one finding, of any rule or severity, and
// every file read with the manifest's language, kind, episode and rate.
func TestLongRiverIsClean(t *testing.T) {
	root := fixture(t, "long-river")
	rep := run(t, deliveryOptions(t, nil, root))
	for _, f := range rep.Findings {
		t.Errorf("%s %s:%d %s", f.Rule, f.File, f.Line, f.Message)
	}
	if len(rep.Files) != 18 || !rep.Summary.Passed {
		t.Errorf("%d files, passed %v", len(rep.Files), rep.Summary.Passed)
	}
	for _, f := range rep.Files {
		// SRT and WebVTT take the manifest's 25 fps; TTML declares its own.
		wantRate := "manifest"
		if f.Format == "ttml" {
			wantRate = "file"
		}
		if f.LanguageSource != "manifest" || f.FrameRateSource != wantRate || f.FrameRate != "25" ||
			f.Episode == 0 || f.Kind == "" || f.Delivery != filepath.ToSlash(root) {
			t.Errorf("file record %+v", f)
		}
	}
	if len(rep.Deliveries) != 1 || strings.Join(rep.Deliveries[0].Territories, ",") != "FR,MENA,CN" {
		t.Errorf("deliveries %+v", rep.Deliveries)
	}
}

// The real manifest formats run through the same pipeline: no internal
// error anywhere, and the defects the sample packages really carry.
func TestDeliverySamples(t *testing.T) {
	cases := []struct {
		dir  []string
		kind string
		want []string // findings that must be there ("RULE path:line")
		none []string // rules that must not fire
	}{
		{[]string{"imf", "photon-timedtext"}, "imf", []string{
			"D002 PKL_c458a5c8-8700-4c1c-aa41-f31cb9f6018e.xml:9",  // the video MXF, absent upstream
			"D002 PKL_c458a5c8-8700-4c1c-aa41-f31cb9f6018e.xml:18", // the audio MXF, not copied
			"D005 PKL_c458a5c8-8700-4c1c-aa41-f31cb9f6018e.xml:27", // the CPL is 20902 B, the PKL says 20915
		}, nil},
		{[]string{"imf", "countdown-audio"}, "imf", []string{
			"D004 PKL_e8aa8652-f9de-4d8d-b337-53123066605e.xml:9", // CPL re-indented after hashing
			"D005 PKL_e8aa8652-f9de-4d8d-b337-53123066605e.xml:9",
		}, []string{"D002"}},
		{[]string{"imf", "plugfest-2015"}, "imf", []string{
			"D009 PKL_befcd2d4-f35c-45d7-99bb-7f64b51b103c.xml:2", // the 20XX namespace
			"D002 PKL_befcd2d4-f35c-45d7-99bb-7f64b51b103c.xml:9",
		}, nil},
		{[]string{"mmc", "movie-1"}, "mmc", []string{
			"D002 ManifestCore_Example1_forcedsub.xml:62", // the English caption file is not shipped
		}, []string{"D006"}},
		{[]string{"mmc", "veep-s5e5"}, "mmc", []string{
			"D002 VEEP_Season5_E5_manifest.xml:40",
		}, []string{"D006"}}, // episode 5 alone is not a gap
		{[]string{"itunes"}, "itunes", nil, []string{"D001", "D002", "D003", "D004", "D005", "D008"}},
		{[]string{"sums", "A002R2EC"}, "sums", []string{
			"D010 ascmhl/0001_A002R2EC_2024-03-01_101500Z.mhl:30", // c4 cannot be computed
		}, []string{"D002", "D003", "D004", "D005"}}, // the xxh64 and md5 values are right
	}
	for _, c := range cases {
		t.Run(strings.Join(c.dir, "/"), func(t *testing.T) {
			root := fixture(t, c.dir...)
			rep := run(t, deliveryOptions(t, nil, root))
			got := keys(t, rep, root)
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %s in %v", w, got)
				}
			}
			for _, f := range rep.Findings {
				if slices.Contains(c.none, f.Rule) {
					t.Errorf("unexpected %s %s:%d %s", f.Rule, f.File, f.Line, f.Message)
				}
				if strings.Contains(f.Message, "internal error") {
					t.Errorf("%s: %s", f.File, f.Message)
				}
			}
			if len(rep.Deliveries) != 1 || rep.Deliveries[0].Kind != c.kind {
				t.Errorf("deliveries %+v", rep.Deliveries)
			}
		})
	}
}

// The README's first command: the parent folder is walked, every delivery
// in it is read through its manifest, and broken-river's findings show.
func TestDeliveriesFolderFindsEveryDelivery(t *testing.T) {
	root := fixture(t)
	rep := run(t, deliveryOptions(t, nil, root))
	var paths []string
	for _, d := range rep.Deliveries {
		paths = append(paths, strings.TrimPrefix(d.Path, filepath.ToSlash(root)+"/"))
	}
	want := []string{"broken-river", "imf/countdown-audio", "imf/photon-timedtext", "imf/plugfest-2015",
		"itunes", "long-river", "mixed-tongues", "mmc/movie-1", "mmc/veep-s5e5", "sums/A002R2EC"}
	if !slices.Equal(paths, want) {
		t.Errorf("deliveries %v, want %v", paths, want)
	}
	got := keys(t, rep, root)
	for _, w := range []string{"D008 broken-river/S01E01/BrokenRiver_S01E01.fr.forced.srt:9", "D006 broken-river/manifest.yaml:5"} {
		if !slices.Contains(got, w) {
			t.Errorf("missing %s", w)
		}
	}
	// A notice beside the deliveries is not a subtitle and not a delivery.
	for _, f := range rep.Files {
		if f.Delivery == "" {
			t.Errorf("loose file checked: %s", f.Path)
		}
	}
	if rep.Summary.Passed {
		t.Error("the run passed with broken-river in it")
	}
}

// Deliveries keep the determinism contract: byte-identical JSON for any
// worker count, territories and hashing included.
func TestDeliveriesDeterministicAcrossJobs(t *testing.T) {
	var first []byte
	for _, jobs := range []int{1, 3, 16} {
		opts := deliveryOptions(t, []string{"broadcast"}, fixture(t))
		opts.Jobs = jobs
		opts.Territories = []string{"GB", "TW"}
		js, err := json.Marshal(run(t, opts))
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = js
			continue
		}
		if !bytes.Equal(first, js) {
			t.Fatalf("--jobs %d gives a different report than --jobs 1", jobs)
		}
	}
}

// Run territories add to the manifest's: with GB, long-river lacks nothing
// (English is there) but TW wants Traditional Chinese, which its
// Simplified files do not give.
func TestRunTerritoriesJoinManifestOnes(t *testing.T) {
	root := fixture(t, "long-river")
	opts := deliveryOptions(t, nil, root)
	opts.Territories = []string{"GB", "TW"}
	rep := run(t, opts)
	var lines []string
	for _, f := range rep.Findings {
		lines = append(lines, f.Rule+"@"+strconv.Itoa(f.Line))
		if f.Rule == "D001" && (!strings.Contains(f.Message, "TW") || !strings.Contains(f.Message, "zh-Hant")) {
			t.Errorf("D001 %q", f.Message)
		}
	}
	if strings.Join(lines, ",") != "D001@11,D001@45,D001@79" {
		t.Errorf("findings %v, want D001 once per episode (lines 11, 45, 79)", lines)
	}
	if got := strings.Join(rep.Deliveries[0].Territories, ","); got != "FR,MENA,CN,GB,TW" {
		t.Errorf("territories %s", got)
	}

	// The broadcast variant adds the broadcast duties of every territory:
	// FR wants French SDH (absent here), GB English SDH (present), and GB
	// takes EBU-TT or STL only (DPP), so the SRT and WebVTT files are
	// reported once each; the TTML ones pass.
	opts = deliveryOptions(t, []string{"broadcast"}, root)
	opts.Territories = []string{"GB"}
	rep = run(t, opts)
	count := map[string]int{}
	for _, f := range rep.Findings {
		count[f.Rule]++
		if f.Rule == "D001" && !strings.Contains(f.Message, "French (fr) SDH subtitles, which territory FR") {
			t.Errorf("D001 %q", f.Message)
		}
	}
	if count["D012"] != 15 || count["D001"] != 3 || len(count) != 2 {
		t.Errorf("findings by rule %v, want 15 D012 and 3 D001", count)
	}
}

// A folder of plain subtitle files is loose files, unless territories are
// requested: then its file names describe a delivery.
func TestTerritoryMakesAFolderADelivery(t *testing.T) {
	dir := t.TempDir()
	srt := "1\n00:00:01,000 --> 00:00:03,000\nBonjour.\n"
	for _, n := range []string{"Show_S01E01.fr.srt", "Show_S01E02.fr.srt", "Show_S01E02.en.srt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(srt), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep := run(t, deliveryOptions(t, nil, dir))
	if len(rep.Deliveries) != 0 || len(rep.Files) != 3 {
		t.Fatalf("without territories: %d deliveries, %d files", len(rep.Deliveries), len(rep.Files))
	}
	opts := deliveryOptions(t, nil, dir)
	opts.Territories = []string{"US"}
	rep = run(t, opts)
	if len(rep.Deliveries) != 1 || rep.Deliveries[0].Kind != "inferred" || len(rep.Deliveries[0].Episodes) != 2 {
		t.Fatalf("deliveries %+v", rep.Deliveries)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Rule+" "+f.Message)
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "D001 episode 1 has no English") {
		t.Errorf("findings %v", got)
	}
}

// --manifest names the manifest of the one folder given, wherever it is.
func TestExplicitManifest(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.fr.srt"), []byte("1\n00:00:01,000 --> 00:00:03,000\nSalut.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := filepath.Join(t.TempDir(), "list.yaml")
	os.WriteFile(m, []byte("manifest_version: 1\nterritories: [FR]\nfiles:\n  - {path: a.fr.srt, kind: subtitles, language: fr}\n  - {path: b.fr.srt, kind: sdh, language: fr}\n"), 0o644)
	opts := deliveryOptions(t, nil, dir)
	opts.Manifest = m
	rep := run(t, opts)
	got := keys(t, rep, dir)
	if len(got) != 1 || !strings.HasPrefix(got[0], "D002 ") {
		t.Errorf("findings %v", got)
	}
	opts.Paths = []string{dir, dir + "/a.fr.srt"}
	if _, err := Run(context.Background(), opts); err == nil {
		t.Error("--manifest with two paths was accepted")
	}
}

// A symbolic link leading out of the delivery is a finding and is never
// read; one inside the delivery is an ordinary file.
func TestSymlinksAreNotFollowedOut(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.srt")
	os.WriteFile(secret, []byte("1\n00:00:01,000 --> 00:00:03,000\nsecret\n"), 0o644)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte("manifest_version: 1\nfiles:\n  - {path: link.fr.srt, kind: subtitles, language: fr}\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "link.fr.srt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	os.Symlink(secret, filepath.Join(dir, "stray.srt"))
	rep := run(t, deliveryOptions(t, nil, dir))
	got := keys(t, rep, dir)
	slices.Sort(got)
	if strings.Join(got, " | ") != "D011 manifest.yaml:3 | D011 stray.srt" {
		t.Errorf("findings %v", got)
	}
	if len(rep.Files) != 0 {
		t.Errorf("a file outside the delivery was read: %+v", rep.Files)
	}
}

// In a delivery described by file names, a subtitle file whose name holds
// no language is reported on the file itself.
func TestInferredFileWithoutLanguage(t *testing.T) {
	dir := t.TempDir()
	srt := "1\n00:00:01,000 --> 00:00:03,000\nHello there.\n"
	os.WriteFile(filepath.Join(dir, "Show_S01E01.en.srt"), []byte(srt), 0o644)
	os.WriteFile(filepath.Join(dir, "Show_S01E01.srt"), []byte(srt), 0o644)
	opts := deliveryOptions(t, nil, dir)
	opts.Territories = []string{"US"}
	got := keys(t, run(t, opts), dir)
	if strings.Join(got, " | ") != "D001 Show_S01E01.srt" {
		t.Errorf("findings %v", got)
	}
}

// A manifest named on the command line stands for its delivery.
func TestManifestAsPath(t *testing.T) {
	root := fixture(t, "broken-river")
	rep := run(t, deliveryOptions(t, nil, filepath.Join(root, "manifest.yaml")))
	if len(rep.Deliveries) != 1 || rep.Deliveries[0].Path != filepath.ToSlash(root) {
		t.Fatalf("deliveries %+v", rep.Deliveries)
	}
	assertExpected(t, root, rep)
}

// A territory in the manifest that no pack or region code knows is a
// manifest problem at its line, and the rest of the delivery is checked.
func TestUnknownManifestTerritory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.fr.srt"), []byte("1\n00:00:01,000 --> 00:00:03,000\nSalut.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte("manifest_version: 1\nterritories: [FR, Atlantis]\nfiles:\n  - {path: a.fr.srt, kind: subtitles, language: fr}\n"), 0o644)
	rep := run(t, deliveryOptions(t, nil, dir))
	got := keys(t, rep, dir)
	if strings.Join(got, " | ") != "D009 manifest.yaml:2" || !strings.Contains(rep.Findings[0].Message, "Atlantis") {
		t.Errorf("findings %v", got)
	}
	if d := rep.Deliveries[0]; strings.Join(d.Territories, ",") != "FR" || d.Checked != 1 {
		t.Errorf("delivery %+v", d)
	}
}

// A supplemental IMP in a folder of its own reuses its OV's picture by
// UUID. Checked with the OV (the folder holding both), the reference is
// met; checked alone, it is a D002 naming the missing track file.
func TestSupplementalBesideItsOV(t *testing.T) {
	const (
		pklOV, pklSupp = "urn:uuid:00000000-0000-4000-8000-0000000000b1", "urn:uuid:00000000-0000-4000-8000-0000000000b2"
		cplOV, cplSupp = "urn:uuid:00000000-0000-4000-8000-0000000000c1", "urn:uuid:00000000-0000-4000-8000-0000000000c2"
		video, german  = "urn:uuid:00000000-0000-4000-8000-0000000000a1", "urn:uuid:00000000-0000-4000-8000-0000000000a2"
	)
	assetMap := func(pkl string, assets ...[2]string) string {
		s := `<AssetMap xmlns="http://www.smpte-ra.org/schemas/429-9/2007/AM"><AssetList>
<Asset><Id>` + pkl + `</Id><PackingList>true</PackingList><ChunkList><Chunk><Path>PKL.xml</Path></Chunk></ChunkList></Asset>
`
		for _, a := range assets {
			s += "<Asset><Id>" + a[0] + "</Id><ChunkList><Chunk><Path>" + a[1] + "</Path></Chunk></ChunkList></Asset>\n"
		}
		return s + "</AssetList></AssetMap>\n"
	}
	pkl := func(id, hash string, size int) string {
		return `<PackingList xmlns="http://www.smpte-ra.org/schemas/429-8/2007/PKL"><AssetList>
<Asset><Id>` + id + `</Id><Hash>` + hash + `</Hash><Size>` + strconv.Itoa(size) + `</Size><Type>application/mxf</Type></Asset>
</AssetList></PackingList>
`
	}
	cpl := func(title, seqs string) string {
		return `<CompositionPlaylist xmlns="http://www.smpte-ra.org/schemas/2067-3/2016" xmlns:cc="http://www.smpte-ra.org/schemas/2067-2/2016">
<ContentTitle>` + title + `</ContentTitle><EditRate>25 1</EditRate>
<SegmentList><Segment><SequenceList>
` + seqs + `
</SequenceList></Segment></SegmentList></CompositionPlaylist>
`
	}
	res := func(kind, id string) string {
		return "<cc:" + kind + "><ResourceList><Resource><TrackFileId>" + id + "</TrackFileId><IntrinsicDuration>250</IntrinsicDuration></Resource></ResourceList></cc:" + kind + ">\n"
	}
	root := t.TempDir()
	for p, body := range map[string]string{
		"OV/ASSETMAP.xml":    assetMap(pklOV, [2]string{cplOV, "CPL.xml"}, [2]string{video, "video.mxf"}),
		"OV/PKL.xml":         pkl(video, "qvTGHdzF6KLavt4PO0gs2a6pQ00=", 5), // sha1("hello")
		"OV/CPL.xml":         cpl("RIVER_S01E01", res("MainImageSequence", video)),
		"OV/video.mxf":       "hello",
		"VF_DE/ASSETMAP.xml": assetMap(pklSupp, [2]string{cplSupp, "CPL.xml"}, [2]string{german, "de.mxf"}),
		"VF_DE/PKL.xml":      pkl(german, "2jmj7l5rSw0yVb/vlWAYkK/YBwk=", 0), // sha1("")
		"VF_DE/CPL.xml":      cpl("RIVER_S01E01_DE", res("MainImageSequence", video)+res("SubtitlesSequence", german)),
		"VF_DE/de.mxf":       "",
	} {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d002 := func(rep *report.Report) []string {
		var out []string
		for _, f := range rep.Findings {
			if f.Rule == "D002" {
				out = append(out, f.File+": "+f.Message)
			}
		}
		return out
	}
	together := run(t, deliveryOptions(t, nil, root))
	if len(together.Deliveries) != 2 {
		t.Fatalf("deliveries %+v, want the OV and the supplemental", together.Deliveries)
	}
	if got := d002(together); len(got) != 0 {
		t.Errorf("checked beside its OV, the supplemental still misses files: %v", got)
	}
	alone := run(t, deliveryOptions(t, nil, filepath.Join(root, "VF_DE")))
	got := d002(alone)
	if len(got) != 1 || !strings.Contains(got[0], "VF_DE/CPL.xml") || !strings.Contains(got[0], video[9:]) {
		t.Errorf("checked alone, want one D002 for the OV's video in VF_DE/CPL.xml, got %v", got)
	}
}

// A folder whose manifest.yaml cannot be read as a manifest is a delivery
// that fails with a D009, in check and in an audit (RunEach), and its
// subtitle files are still checked.
func TestBrokenManifestFailsTheDelivery(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte("- just\n- a list\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "show.en.srt"), []byte("1\n00:00:01,000 --> 00:00:03,000\nHello\n"), 0o644)
	check := func(t *testing.T, rep *report.Report) {
		t.Helper()
		if len(rep.Deliveries) != 1 || rep.Deliveries[0].Passed || rep.Summary.Passed {
			t.Fatalf("deliveries %+v, passed %v", rep.Deliveries, rep.Summary.Passed)
		}
		got := keys(t, rep, dir)
		if !slices.Contains(got, "D009 manifest.yaml:1") || len(rep.Files) != 1 || rep.Files[0].Cues != 1 {
			t.Errorf("findings %v, files %+v", got, rep.Files)
		}
	}
	check(t, run(t, deliveryOptions(t, nil, dir)))
	var parts []*report.Report
	if _, err := RunEach(context.Background(), deliveryOptions(t, nil, dir), func(p Part) error {
		parts = append(parts, p.Report)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(parts) != 1 {
		t.Fatalf("%d parts", len(parts))
	}
	check(t, parts[0])
}

// The hostile manifests of the fail-closed campaign (an absurd
// episode_count, thousands of episodes with every other one missing)
// finish quickly, in bounded memory, with a bounded report.
func TestHostileManifestsBounded(t *testing.T) {
	var evens strings.Builder
	evens.WriteString("manifest_version: 1\nepisodes:\n")
	for n := 2; n <= 20000; n += 2 {
		evens.WriteString("  - number: " + strconv.Itoa(n) + "\n")
	}
	cases := map[string]string{
		"count-million": "manifest_version: 1\ntitle: x\nepisode_count: 1000000\nepisodes:\n  - number: 1\n",
		"count-2e9":     "manifest_version: 1\ntitle: x\nepisode_count: 2000000000\nepisodes:\n  - number: 1\n",
		"count-max-int": "manifest_version: 1\ntitle: x\nepisode_count: 9223372036854775807\nepisodes:\n  - number: 1\n",
		"evens":         evens.String(),
	}
	for name, manifest := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(manifest), 0o644)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			// Bounded is judged by what the run allocates and writes, not by
			// its wall time (0.2 s alone, 8 s under -race on a busy machine):
			// a run that walked a million declared episodes would allocate
			// far more, and one that looped without allocating would meet
			// the test timeout.
			rep := run(t, deliveryOptions(t, nil, dir))
			js, err := json.Marshal(rep)
			if err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 200<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
			if len(js) > 1<<20 {
				t.Errorf("report is %d KiB", len(js)>>10)
			}
			if rep.Summary.Passed {
				t.Error("passed")
			}
		})
	}
}

// A delivery rule that panics costs the delivery none of the other rules'
// findings: the panic is a finding of that rule, at the manifest, and the
// delivery fails.
func TestPanickingDeliveryRule(t *testing.T) {
	dir := fixture(t, "broken-river")
	want := keys(t, run(t, deliveryOptions(t, nil, dir)), dir)
	opts := deliveryOptions(t, nil, dir)
	opts.Rules = append(slices.Clone(opts.Rules), &rule.Rule{Code: "Z998", Name: "always-panics", Family: "test",
		Summary: "panics", Doc: "panics", RunDelivery: func(*rule.DeliveryPass) { panic("boom") }})
	rep := run(t, opts)
	got := keys(t, rep, dir)
	if !slices.Contains(got, "Z998 manifest.yaml") || len(got) != len(want)+1 || rep.Deliveries[0].Passed {
		t.Errorf("findings %v\nwithout the rule: %v", got, want)
	}
}
