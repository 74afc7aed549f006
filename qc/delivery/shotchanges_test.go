package delivery

import (
	"strconv"
	"strings"
	"testing"
)

// An episode's shot_changes: is a path inside the delivery, checked like a
// file's: cleaned, never escaping the root, a string.
func TestNativeEpisodeShotChanges(t *testing.T) {
	src := "manifest_version: 1\nepisodes:\n  - number: 1\n    shot_changes: E01/./cuts.edl\n" +
		"  - number: 2\n    shot_changes: ../other/cuts.edl\n  - number: 3\n    shot_changes: [a, b]\n"
	d := ParseNative([]byte(src), "/tmp/x", "manifest.yaml")
	if len(d.Episodes) != 3 || d.Episodes[0].ShotChanges != "E01/cuts.edl" || d.Episodes[1].ShotChanges != "" || d.Episodes[2].ShotChanges != "" {
		t.Fatalf("episodes %+v", d.Episodes)
	}
	var got []string
	for _, p := range d.Problems {
		got = append(got, p.Rule+":"+strconv.Itoa(p.Line))
	}
	if strings.Join(got, " ") != "D011:6 D009:8" {
		t.Errorf("problems %+v", d.Problems)
	}
}

// An episode's video: is a path inside the delivery, checked like
// shot_changes:.
func TestNativeEpisodeVideo(t *testing.T) {
	src := "manifest_version: 1\nepisodes:\n  - number: 1\n    video: pic/E01.mov\n" +
		"  - number: 2\n    video: ../E02.mov\n"
	d := ParseNative([]byte(src), "/tmp/x", "manifest.yaml")
	if len(d.Episodes) != 2 || d.Episodes[0].Video != "pic/E01.mov" || d.Episodes[1].Video != "" {
		t.Fatalf("episodes %+v", d.Episodes)
	}
	if len(d.Problems) != 1 || d.Problems[0].Line != 6 {
		t.Errorf("problems %+v", d.Problems)
	}
}
