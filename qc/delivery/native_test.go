package delivery

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func fixture(t testing.TB, parts ...string) string {
	t.Helper()
	return filepath.Join(append([]string{testcorpus.RepoRoot(t), "fixtures", "deliveries"}, parts...)...)
}

func TestLongRiverNativeManifest(t *testing.T) {
	root := fixture(t, "long-river")
	mf := Find(root)
	if filepath.Base(mf) != "manifest.yaml" {
		t.Fatalf("Find = %q, want manifest.yaml", mf)
	}
	d, err := ReadNative(root, mf)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 0 {
		t.Fatalf("good manifest has problems: %+v", d.Problems)
	}
	if d.Kind != KindNative || d.Title != "The Long River" || d.Season != 1 || d.EpisodeCount != 3 {
		t.Errorf("header = %q %q S%d count %d", d.Kind, d.Title, d.Season, d.EpisodeCount)
	}
	if strings.Join(d.Territories, ",") != "FR,MENA,CN" {
		t.Errorf("territories = %v", d.Territories)
	}
	if d.FrameRate != (cue.FrameRate{Num: 25, Den: 1}) {
		t.Errorf("frame rate = %v", d.FrameRate)
	}
	if strings.Join(d.Manifests, ",") != "manifest.yaml" {
		t.Errorf("manifests = %v", d.Manifests)
	}
	// Durations as a person reads them off the timecodes at 25 fps.
	wantDur := []cue.Time{
		(44*60 + 30) * cue.Second,
		(46*60+12)*cue.Second + 10*cue.Second/25,
		(43*60+58)*cue.Second + 20*cue.Second/25,
	}
	wantTitle := []string{"The Source", "The Ferry", "The Delta"}
	if len(d.Episodes) != 3 {
		t.Fatalf("%d episodes", len(d.Episodes))
	}
	for i, ep := range d.Episodes {
		if ep.Number != i+1 || ep.Title != wantTitle[i] || ep.Duration != wantDur[i] {
			t.Errorf("episode %d = %d %q %v, want %d %q %v", i, ep.Number, ep.Title, ep.Duration, i+1, wantTitle[i], wantDur[i])
		}
		if len(ep.Files) != 6 {
			t.Errorf("episode %d has %d files", ep.Number, len(ep.Files))
		}
		for _, fi := range ep.Files {
			if d.Files[fi].Episode != ep.Number {
				t.Errorf("%s: episode %d, listed under %d", d.Files[fi].Path, d.Files[fi].Episode, ep.Number)
			}
		}
	}
	if len(d.Files) != 18 {
		t.Fatalf("%d files", len(d.Files))
	}
	// Kind and language follow from each file's name suffix.
	suffix := map[string][2]string{
		".fr.srt": {Subtitles, "fr"}, ".en.vtt": {Subtitles, "en"}, ".ar.srt": {Subtitles, "ar"},
		".zh-Hans.ttml": {Subtitles, "zh-Hans"}, ".fr.forced.srt": {Forced, "fr"}, ".en.sdh.vtt": {SDH, "en"},
	}
	for _, f := range d.Files {
		var want [2]string
		for s, w := range suffix {
			if strings.HasSuffix(f.Path, s) && len(s) > len(want[0]) {
				want = w
			}
		}
		// the longest matching suffix wins (.fr.forced.srt over .srt)
		for s, w := range suffix {
			if strings.HasSuffix(f.Path, s) && (s == ".fr.forced.srt" || s == ".en.sdh.vtt") {
				want = w
			}
		}
		if f.Kind != want[0] || f.Language != want[1] || f.LanguageTag != want[1] {
			t.Errorf("%s: kind %q lang %q (%q), want %v", f.Path, f.Kind, f.Language, f.LanguageTag, want)
		}
		// Declared digests and sizes are those of the bytes on disk.
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Errorf("%s: %v", f.Path, err)
			continue
		}
		sum := sha256.Sum256(b)
		if f.Hashes["sha256"] != hex.EncodeToString(sum[:]) || f.Size != int64(len(b)) {
			t.Errorf("%s: declared sha256 %s size %d, file has %x size %d", f.Path, f.Hashes["sha256"], f.Size, sum, len(b))
		}
		if f.Manifest != "manifest.yaml" || f.Line == 0 {
			t.Errorf("%s: declared at %s:%d", f.Path, f.Manifest, f.Line)
		}
	}
}

type wantProblem struct {
	rule string
	line int
	text string // substring of the message
}

func TestNativeManifestErrors(t *testing.T) {
	cases := []struct {
		name, src string
		want      []wantProblem
	}{
		{"not yaml", "manifest_version: 1\ntitle: [unclosed\n", []wantProblem{{"D009", 2, "not valid"}}},
		{"bad indent", "manifest_version: 1\ntitle: x\n season: 1\n", []wantProblem{{"D009", 3, "not valid"}}},
		{"json trailing comma", "{\n \"manifest_version\": 1,\n \"territories\": [\"FR\",\n}\n", []wantProblem{{"D009", 4, "not valid"}}},
		{"empty", "", []wantProblem{{"D009", 1, "empty"}}},
		{"list at top", "- a\n- b\n", []wantProblem{{"D009", 1, "mapping"}}},
		{"missing version", "title: x\n", []wantProblem{{"D009", 1, `"manifest_version" is missing`}}},
		{"future version", "manifest_version: 2\n", []wantProblem{{"D009", 1, "not supported"}}},
		{"unknown top key", "manifest_version: 1\ntitel: x\n", []wantProblem{{"D009", 2, `unknown key "titel"`}}},
		{"duplicate key", "manifest_version: 1\ntitle: a\ntitle: b\n", []wantProblem{{"D009", 3, "twice"}}},
		{"bad kind", "manifest_version: 1\nfiles:\n  - path: a.srt\n    kind: subtitle\n", []wantProblem{{"D009", 4, `"subtitle" is not one of`}}},
		{"missing kind", "manifest_version: 1\nfiles:\n  - path: a.srt\n", []wantProblem{{"D009", 3, `"kind" is missing`}}},
		{"bad size", "manifest_version: 1\nfiles:\n  - path: a.srt\n    kind: sdh\n    size: big\n", []wantProblem{{"D009", 5, "size"}}},
		{"negative size", "manifest_version: 1\nfiles:\n  - {path: a.srt, kind: sdh, size: -4}\n", []wantProblem{{"D009", 3, "size"}}},
		{"bad sha256", "manifest_version: 1\nfiles:\n  - path: a.srt\n    kind: sdh\n    sha256: abc\n", []wantProblem{{"D009", 5, "not a sha256 digest"}}},
		{"crc32", "manifest_version: 1\nfiles:\n  - path: a.srt\n    kind: sdh\n    crc32: 1234abcd\n", []wantProblem{{"D010", 5, `"crc32"`}}},
		{"hashes map xxh3", "manifest_version: 1\nfiles:\n  - path: a.srt\n    kind: sdh\n    hashes:\n      xxh3: 00ff\n      md5: d41d8cd98f00b204e9800998ecf8427e\n", []wantProblem{{"D010", 6, `"xxh3"`}}},
		{"escape", "manifest_version: 1\nfiles:\n  - path: ../secret.srt\n    kind: sdh\n", []wantProblem{{"D011", 3, "not followed"}}},
		{"absolute", "manifest_version: 1\nfiles:\n  - path: /etc/passwd\n    kind: sdh\n", []wantProblem{{"D011", 3, "absolute"}}},
		{"drive", "manifest_version: 1\nfiles:\n  - path: 'C:\\subs\\a.srt'\n    kind: sdh\n", []wantProblem{{"D011", 3, "drive"}}},
		{"episode zero", "manifest_version: 1\nepisodes:\n  - number: 0\n", []wantProblem{{"D009", 3, "number"}}},
		{"episode twice", "manifest_version: 1\nepisodes:\n  - number: 2\n  - number: 2\n", []wantProblem{{"D009", 4, "already declared at line 3"}}},
		{"timecode without rate", "manifest_version: 1\nepisodes:\n  - number: 1\n    duration: \"00:44:30:00\"\n", []wantProblem{{"D009", 4, "needs a frame rate"}}},
		{"frame past rate", "manifest_version: 1\nprogramme: {frame_rate: 25}\nepisodes:\n  - number: 1\n    duration: \"00:44:30:25\"\n", []wantProblem{{"D009", 5, "frame 25"}}},
		{"bad frame rate", "manifest_version: 1\nprogramme:\n  frame_rate: fast\n", []wantProblem{{"D009", 3, "frame_rate"}}},
		{"alias", "manifest_version: 1\ntitle: &t x\nseason: *t\n", []wantProblem{{"D009", 1, "aliases"}}},
		{"json error line", "{\n  \"manifest_version\": 1,\n  \"files\": [\n    {\"path\": \"a.srt\", \"kind\": \"audio\", \"size\": \"1\"}\n  ]\n}\n", []wantProblem{{"D009", 4, "size"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := ParseNative([]byte(c.src), "/tmp/x", "manifest.yaml")
			if len(d.Problems) != len(c.want) {
				t.Fatalf("problems = %+v, want %+v", d.Problems, c.want)
			}
			for i, w := range c.want {
				p := d.Problems[i]
				if p.Rule != w.rule || p.Line != w.line || !strings.Contains(p.Message, w.text) || p.File != "manifest.yaml" {
					t.Errorf("problem %d = %+v, want %+v", i, p, w)
				}
			}
		})
	}
}

func TestNativeKeepsReadingAfterErrors(t *testing.T) {
	src := "manifest_version: 1\nepisodes:\n  - number: 1\n    files:\n      - {path: a.srt, kind: bogus, language: fr}\n      - {path: ../b.srt, kind: sdh}\n      - {path: c.srt, kind: sdh, language: en, size: 10}\n  - number: 2\n"
	d := ParseNative([]byte(src), "r", "m.yaml")
	if len(d.Problems) != 2 {
		t.Fatalf("problems %+v", d.Problems)
	}
	if len(d.Files) != 2 || d.Files[0].Path != "a.srt" || d.Files[1].Path != "c.srt" || d.Files[1].Size != 10 {
		t.Fatalf("files %+v", d.Files)
	}
	if len(d.Episodes) != 2 || len(d.Episodes[0].Files) != 2 {
		t.Fatalf("episodes %+v", d.Episodes)
	}
	if d.Files[0].Size != -1 {
		t.Errorf("undeclared size = %d, want -1", d.Files[0].Size)
	}
}

func TestDurationForms(t *testing.T) {
	for src, want := range map[string]cue.Time{
		"2670":          2670 * cue.Second,
		"2670.5":        2670*cue.Second + cue.Second/2,
		`"2670s"`:       2670 * cue.Second,
		`"00:44:30"`:    2670 * cue.Second,
		`"00:44:30.5"`:  2670*cue.Second + cue.Second/2,
		`"00:00:01:12"`: cue.FromRatio(42*1001, 30000), // 29.97 NDF: 30 nominal frames a second, then 12
	} {
		d := ParseNative([]byte("manifest_version: 1\nprogramme: {frame_rate: 29.97}\nepisodes:\n  - number: 1\n    duration: "+src+"\n"), "r", "m")
		if len(d.Problems) > 0 || d.Episodes[0].Duration != want {
			t.Errorf("%s: %v %+v, want %v", src, d.Episodes[0].Duration, d.Problems, want)
		}
	}
}
