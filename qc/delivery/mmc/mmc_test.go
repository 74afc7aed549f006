package mmc

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func fixture(t *testing.T, parts ...string) string {
	return filepath.Join(append([]string{testcorpus.RepoRoot(t), "fixtures", "deliveries", "mmc"}, parts...)...)
}

func find(d *delivery.Delivery, suffix string) []*delivery.File {
	var out []*delivery.File
	for i := range d.Files {
		if strings.HasSuffix(d.Files[i].Path, suffix) {
			out = append(out, &d.Files[i])
		}
	}
	return out
}

// MovieLabs' forced-subtitle example: a film with SDH, forced and normal
// subtitle tracks in three languages, audio dubs, and MEC metadata.
func TestMovieForcedSubtitles(t *testing.T) {
	root := fixture(t, "movie-1")
	d, err := Read(root, filepath.Join(root, "ManifestCore_Example1_forcedsub.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 0 {
		t.Errorf("problems %+v", d.Problems)
	}
	if d.Kind != delivery.KindMMC || d.Title != "The Counselor" || len(d.Episodes) != 0 {
		t.Errorf("kind %q title %q episodes %d", d.Kind, d.Title, len(d.Episodes))
	}
	want := []struct{ suffix, kind, lang string }{
		{"closed_caption_ENG.scc", delivery.SDH, "en"},
		{"closed_forced_ENG.scc", delivery.Forced, "en"},
		{"closed_caption_FR.scc", delivery.Subtitles, "fr"},
		{"closed_forced_FR.scc", delivery.Forced, "fr"},
		{"closed_caption_PT-BR.scc", delivery.Subtitles, "pt-BR"},
		{"closed_forced_PT-BR.scc", delivery.Forced, "pt-BR"},
		{"feature_video_PT-BR.mpg", delivery.Audio, "pt-BR"},
		{"art_BLX.jpg", delivery.Other, "nl-nl"},
	}
	for _, w := range want {
		fs := find(d, w.suffix)
		if len(fs) != 1 {
			t.Errorf("%s: %d files", w.suffix, len(fs))
			continue
		}
		f := fs[0]
		if f.Kind != w.kind || f.Language != w.lang || !strings.HasPrefix(f.Path, "resources/") || f.Line == 0 {
			t.Errorf("%s: %+v, want %s %s", w.suffix, f, w.kind, w.lang)
		}
	}
	if f := find(d, "art_BLX.jpg")[0]; f.LanguageTag != "nl-NL" {
		t.Errorf("nl-nl canonicalised to %q", f.LanguageTag)
	}
	// The feature's English .mpg carries both the video and the English
	// audio track: two declarations, one path.
	if eng := find(d, "feature_video_ENG.mpg"); len(eng) != 2 || eng[0].Kind != delivery.Audio || eng[1].Kind != delivery.Video {
		t.Errorf("ENG mpg declarations %+v", eng)
	}
	paths := d.Paths()
	if len(paths) >= len(d.Files) {
		t.Errorf("Paths() should fold the shared containers: %d paths for %d files", len(paths), len(d.Files))
	}
	if !contains(d.Manifests, "resources/ManifestCore_Example1_MEC_movie.xml") {
		t.Errorf("manifests %v", d.Manifests)
	}
}

// VEEP season 5 episode 5: the episode number and title come from the
// linked MEC file; container locations are wrapped across lines.
func TestVeepEpisodeFromMEC(t *testing.T) {
	root := fixture(t, "veep-s5e5")
	d, err := Read(root, filepath.Join(root, "VEEP_Season5_E5_manifest.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 0 {
		t.Errorf("problems %+v", d.Problems)
	}
	if len(d.Episodes) != 1 || d.Episodes[0].Number != 5 || d.Episodes[0].Title != "Thanksgiving" || d.Episodes[0].Manifest != "VEEP_Season5_E5_mec.xml" {
		t.Fatalf("episodes %+v", d.Episodes)
	}
	if n := len(d.Episodes[0].Files); n != 4 {
		t.Errorf("episode 5 has %d files, want video + 2 audio + 1 subtitle", n)
	}
	sub := find(d, ":de_subtitle.sdb")
	if len(sub) != 1 || sub[0].Path != "resources/VEEP__043_787232_858219:de_subtitle.sdb" || sub[0].Kind != delivery.Subtitles ||
		sub[0].Language != "de" || sub[0].Format != "TTML" || sub[0].Episode != 5 {
		t.Errorf("subtitle %+v", sub)
	}
	for _, f := range find(d, "SeasonPhoto.jpg") {
		if f.Episode != 0 {
			t.Errorf("artwork assigned to episode %d", f.Episode)
		}
	}
}

func TestMMCProblems(t *testing.T) {
	src := `<?xml version="1.0"?>
<manifest:MediaManifest xmlns:manifest="http://www.movielabs.com/schema/manifest/v1.10/manifest" xmlns:md="http://www.movielabs.com/schema/md/v2.9/md">
<manifest:Inventory>
<manifest:Subtitle SubtitleTrackID="a"><md:Type>Normal</md:Type><md:Language>fr</md:Language>
  <manifest:ContainerReference><manifest:ContainerLocation>a.ttml</manifest:ContainerLocation>
  <manifest:Length>12x</manifest:Length>
  <manifest:Hash method="CRC32">1234abcd</manifest:Hash>
  <manifest:Hash method="MD5">38charsb89e770f461xa59b464a7b89e770f46</manifest:Hash>
  <manifest:Hash method="MD5">D41D8CD98F00B204E9800998ECF8427E</manifest:Hash></manifest:ContainerReference></manifest:Subtitle>
<manifest:Subtitle SubtitleTrackID="b"><md:Type>SDH</md:Type><md:FormatType>SCC</md:FormatType>
  <manifest:ContainerReference><manifest:ContainerLocation>../../etc/b.scc</manifest:ContainerLocation></manifest:ContainerReference></manifest:Subtitle>
<manifest:Audio AudioTrackID="c"><manifest:ContainerReference><manifest:ContainerLocation>https://cdn.example/c.wav</manifest:ContainerLocation></manifest:ContainerReference></manifest:Audio>
<manifest:Subtitle SubtitleTrackID="d"><md:Type>normal</md:Type><md:FormatType>SCC</md:FormatType>
  <manifest:ContainerReference><manifest:ContainerLocation>file://./cc/d.scc</manifest:ContainerLocation></manifest:ContainerReference></manifest:Subtitle>
</manifest:Inventory>
</manifest:MediaManifest>
`
	d := Parse([]byte(src), "/r", "mmc.xml", nil)
	want := []struct {
		rule string
		line int
		text string
	}{
		{"D009", 4, `"Normal"`},
		{"D009", 6, "Length"},
		{"D010", 7, "CRC32"},
		{"D009", 8, "not a hex md5"},
		{"D011", 11, "b.scc"},
		{"D009", 12, "URL"},
	}
	if len(d.Problems) != len(want) {
		t.Fatalf("problems %+v", d.Problems)
	}
	for i, w := range want {
		p := d.Problems[i]
		if p.Rule != w.rule || p.Line != w.line || !strings.Contains(p.Message, w.text) {
			t.Errorf("problem %d = %+v, want %+v", i, p, w)
		}
	}
	if len(d.Files) != 2 || d.Files[0].Hashes["md5"] != "d41d8cd98f00b204e9800998ecf8427e" || d.Files[0].Size != -1 {
		t.Errorf("files %+v", d.Files)
	}
	if d.Files[1].Path != "cc/d.scc" || d.Files[1].Kind != delivery.Captions {
		t.Errorf("SCC subtitle %+v, want captions at cc/d.scc", d.Files[1])
	}
	if bad := Parse([]byte("<manifest:MediaManifest xmlns:manifest=\"x\"/>"), "/r", "m.xml", nil); len(bad.Problems) != 1 || bad.Problems[0].Rule != "D009" {
		t.Errorf("foreign root: %+v", bad.Problems)
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// The episode's one video track is its picture, for shot-change detection.
func TestVeepEpisodeVideo(t *testing.T) {
	root := fixture(t, "veep-s5e5")
	d, err := Read(root, filepath.Join(root, "VEEP_Season5_E5_manifest.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var videos []string
	for _, f := range d.Files {
		if f.Kind == delivery.Video && f.Episode == 5 {
			videos = append(videos, f.Path)
		}
	}
	if len(videos) != 1 || len(d.Episodes) != 1 || d.Episodes[0].Video != videos[0] {
		t.Errorf("episode video %q, want the one video track %v", d.Episodes[0].Video, videos)
	}
}
