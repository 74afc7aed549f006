package imf

import (
	"crypto/sha1"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func fixture(t *testing.T, name string) string { return filepath.Join(fixtureDir(t), name) }

func fixtureDir(t testing.TB) string {
	return filepath.Join(testcorpus.RepoRoot(t), "fixtures", "deliveries", "imf")
}

func byPath(d *delivery.Delivery) map[string]*delivery.File {
	m := map[string]*delivery.File{}
	for i := range d.Files {
		m[d.Files[i].Path] = &d.Files[i]
	}
	return m
}

func sha1File(t *testing.T, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := sha1.Sum(b)
	return hex.EncodeToString(s[:])
}

// sandflow/repkl countdown-audio: 4 × 24 frames of image at 24 fps, and a
// WAV track labelled en-US on its soundfield group.
func TestCountdownAudio(t *testing.T) {
	root := fixture(t, "countdown-audio")
	d, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 0 {
		t.Errorf("problems: %+v", d.Problems)
	}
	if d.Kind != delivery.KindIMF || d.FrameRate != (cue.FrameRate{Num: 24, Den: 1}) {
		t.Errorf("kind %q rate %v", d.Kind, d.FrameRate)
	}
	if len(d.Episodes) != 1 {
		t.Fatalf("episodes %+v", d.Episodes)
	}
	ep := d.Episodes[0]
	if ep.Number != 1 || ep.Title != "Image and audio test clip" || ep.Duration != 4*cue.Second {
		t.Errorf("episode %d %q %v, want 1, the ContentTitle, 4s", ep.Number, ep.Title, ep.Duration)
	}
	files := byPath(d)
	img, wav := files["countdown-small.mxf"], files["WAV_d01bc6be-ae2f-436b-9705-c402e1d92212.mxf"]
	if img == nil || wav == nil || len(d.Files) != 4 {
		t.Fatalf("files %+v", d.Files)
	}
	if img.Kind != delivery.Video || wav.Kind != delivery.Audio || wav.Language != "en-US" || wav.Episode != 1 {
		t.Errorf("image %s/%q, wav %s/%q ep %d", img.Kind, img.Language, wav.Kind, wav.Language, wav.Episode)
	}
	// The PKL's base64 SHA-1 becomes the hex digest of the real bytes.
	for _, f := range []*delivery.File{img, wav} {
		if got := sha1File(t, filepath.Join(root, f.Path)); f.Hashes["sha1"] != got {
			t.Errorf("%s: declared sha1 %s, file %s", f.Path, f.Hashes["sha1"], got)
		}
		st, _ := os.Stat(filepath.Join(root, f.Path))
		if f.Size != st.Size() {
			t.Errorf("%s: declared size %d, file %d", f.Path, f.Size, st.Size())
		}
		if f.ID == "" || !strings.HasPrefix(f.ID, "urn:uuid:") {
			t.Errorf("%s: id %q", f.Path, f.ID)
		}
	}
	// The upstream CPL was re-indented after its PKL was written: the PKL
	// size no longer matches (a real D005 case the rules must catch).
	cpl := files["CPL_0b976350-bea1-4e62-ba07-f32b28aaaf30.xml"]
	st, _ := os.Stat(filepath.Join(root, cpl.Path))
	if cpl.Size != 15830 || st.Size() == cpl.Size || cpl.Kind != delivery.Other {
		t.Errorf("CPL declared %d on disk %d kind %s", cpl.Size, st.Size(), cpl.Kind)
	}
	wantManifests := "ASSETMAP.xml PKL_e8aa8652-f9de-4d8d-b337-53123066605e.xml CPL_0b976350-bea1-4e62-ba07-f32b28aaaf30.xml"
	if strings.Join(d.Manifests, " ") != wantManifests {
		t.Errorf("manifests %v", d.Manifests)
	}
}

// Netflix/photon TimedTextImageAndTextProfile: IMSC text and image
// subtitle tracks in English, 24 frames at 23.976.
func TestPhotonTimedText(t *testing.T) {
	root := fixture(t, "photon-timedtext")
	d, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 0 {
		t.Errorf("problems: %+v", d.Problems)
	}
	if len(d.Episodes) != 1 || d.Episodes[0].Duration != cue.FromRatio(24*1001, 24000) || len(d.Episodes[0].Files) != 4 {
		t.Fatalf("episodes %+v", d.Episodes)
	}
	files := byPath(d)
	text := files["Plugfest_IMSC_text_IMP1_01_en_tt.mxf"]
	image := files["Image-IMP1_01_tt.mxf"]
	audio := files["AUDIO_bc1a3912-a90a-41b2-b16c-0915a2a1e088.mxf"]
	if text.Kind != delivery.Subtitles || text.Language != "en" || !strings.HasSuffix(text.Format, "imsc1/text") {
		t.Errorf("text track %+v", text)
	}
	if image.Kind != delivery.Subtitles || !strings.HasSuffix(image.Format, "imsc1/image") {
		t.Errorf("image track %+v", image)
	}
	if audio.Kind != delivery.Audio || audio.Language != "en" || audio.Size != 555112 {
		t.Errorf("audio %+v", audio)
	}
	for _, f := range []*delivery.File{text, image} {
		if got := sha1File(t, filepath.Join(root, f.Path)); f.Hashes["sha1"] != got {
			t.Errorf("%s: declared sha1 %s, file %s", f.Path, f.Hashes["sha1"], got)
		}
	}
	// VOLINDEX is package structure, not an unlisted file.
	if !contains(d.Manifests, "VOLINDEX.xml") {
		t.Errorf("manifests %v lack VOLINDEX.xml", d.Manifests)
	}
}

// Photon's copy of the Netflix/Sony 2015 plugfest: ST 2067-3:2013 CPLs,
// the LAS audio labelled with the legacy RFC5646AudioLanguageCode, and a
// packing list in a namespace that does not exist (2067-2/20XX).
func TestPlugfest2015(t *testing.T) {
	d, err := Read(fixture(t, "plugfest-2015"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 1 || d.Problems[0].Rule != "D009" || d.Problems[0].Line != 2 || !strings.Contains(d.Problems[0].Message, "20XX") {
		t.Errorf("problems %+v", d.Problems)
	}
	if len(d.Episodes) != 2 {
		t.Fatalf("episodes %+v", d.Episodes)
	}
	rate := cue.FrameRate{Num: 24000, Den: 1001}
	// LAS: 900+48+1915+48+2624+48+388 frames; ENG: one 7148-frame resource.
	want := map[string]cue.Time{"BLACKL_202_HD_REC709_178_LAS": rate.Frames(5971), "BLACKL_202_HD_REC709_178_ENG": rate.Frames(7148)}
	for _, ep := range d.Episodes {
		if ep.Duration != want[ep.Title] || ep.FrameRate != rate {
			t.Errorf("%s: %v at %v, want %v", ep.Title, ep.Duration, ep.FrameRate, want[ep.Title])
		}
	}
	files := byPath(d)
	if f := files["Netflix_Plugfest_Oct2015_LAS51.mxf"]; f.Kind != delivery.Audio || f.Language != "es-MX" || f.Size != 283554285 {
		t.Errorf("LAS audio %+v", f)
	}
	if f := files["Netflix_Plugfest_Oct2015.mxf"]; f.Size != 10517511198 || f.Kind != delivery.Video {
		t.Errorf("main video %+v", f) // 10 GB: sizes are int64
	}
	// The MainSubtitleSequence is commented out upstream: the IMSC files
	// are carried but not used by any CPL.
	if f := files["Netflix_Plugfest_Oct2015_FULL_Vers_IMSC.mxf"]; f.Kind != delivery.Other || f.Episode != 0 {
		t.Errorf("unused IMSC %+v", f)
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

// A CPL's picture is the episode's video when it plays one track file once
// from its first frame (photon: one resource, EntryPoint 0; the path is the ASSETMAP's); the countdown
// plays its file four times, so its times are not the file's and no video
// is named.
func TestEpisodeVideo(t *testing.T) {
	for name, want := range map[string]string{"photon-timedtext": "VIDEO_a3542de6-5010-41aa-8ab0-d90b90b7f5dc.mxf", "countdown-audio": ""} {
		d, err := Read(fixture(t, name))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Episodes) != 1 || d.Episodes[0].Video != want {
			t.Errorf("%s: episodes %+v, want video %q", name, d.Episodes, want)
		}
	}
}
