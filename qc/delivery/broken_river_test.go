package delivery

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The broken-river fixture must carry exactly the defects EXPECTED.md
// lists: the reader reports the manifest-level ones, and comparing the
// model with the disk (as the D rules will) finds the others.
func TestBrokenRiverCarriesItsDefects(t *testing.T) {
	root := fixture(t, "broken-river")
	d, err := ReadNative(root, filepath.Join(root, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var probs []string
	for _, p := range d.Problems {
		probs = append(probs, p.Rule+"@"+itoa(p.Line))
	}
	if got := strings.Join(probs, " "); got != "D010@37 D009@49 D011@53" {
		t.Errorf("reader problems %s: %+v", got, d.Problems)
	}
	if d.EpisodeCount != 3 || len(d.Episodes) != 2 || d.Episodes[0].Number != 1 || d.Episodes[1].Number != 3 {
		t.Errorf("episodes %+v (count %d): episode 2 must be the missing one", d.Episodes, d.EpisodeCount)
	}
	if d.Episodes[1].Duration.Seconds() != 20 {
		t.Errorf("episode 3 duration %v", d.Episodes[1].Duration)
	}
	var missing, badSum, badSize, noLang []string
	declared := map[string]bool{}
	for _, f := range d.Files {
		declared[f.Path] = true
		if f.Language == "" {
			noLang = append(noLang, f.Path)
		}
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil {
			missing = append(missing, f.Path)
			continue
		}
		sum := sha256.Sum256(b)
		if f.Hashes["sha256"] != hex.EncodeToString(sum[:]) {
			badSum = append(badSum, f.Path)
		}
		if f.Size != int64(len(b)) {
			badSize = append(badSize, f.Path)
		}
	}
	var unlisted []string
	filepath.WalkDir(root, func(p string, de os.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if err == nil && !de.IsDir() && rel != "manifest.yaml" && rel != "EXPECTED.md" && !declared[rel] {
			unlisted = append(unlisted, rel)
		}
		return nil
	})
	sort.Strings(unlisted)
	check := func(what string, got []string, want string) {
		t.Helper()
		if strings.Join(got, " ") != want {
			t.Errorf("%s: %v, want %s", what, got, want)
		}
	}
	check("D002 missing", missing, "S01E01/BrokenRiver_S01E01.ar.srt")
	check("D004 checksum", badSum, "S01E01/BrokenRiver_S01E01.fr.srt")
	check("D005 size", badSize, "S01E01/BrokenRiver_S01E01.en.vtt")
	check("D003 unlisted", unlisted, "S01E01/BrokenRiver_S01E01.de.srt")
	check("D001 no language", noLang, "S01E01/BrokenRiver_S01E01.es.srt")
	for _, f := range d.Files {
		if f.Path == "S01E01/BrokenRiver_S01E01.es.srt" && f.Hashes["sha256"] == "" {
			t.Error("the D010 key must not drop the file's sha256")
		}
	}
	// D007/D008 need the subtitle parsers; here we only check the bytes
	// say what EXPECTED.md claims.
	fr3, _ := os.ReadFile(filepath.Join(root, "S01E03", "BrokenRiver_S01E03.fr.srt"))
	forced, _ := os.ReadFile(filepath.Join(root, "S01E01", "BrokenRiver_S01E01.fr.forced.srt"))
	full, _ := os.ReadFile(filepath.Join(root, "S01E01", "BrokenRiver_S01E01.fr.srt"))
	if !strings.Contains(string(fr3), "00:00:23,000 --> 00:00:26,000") ||
		!strings.Contains(string(forced), "00:00:27,000 --> 00:00:29,000\nENTRÉE INTERDITE") || strings.Contains(string(full), "ENTRÉE") {
		t.Error("the D007/D008 cues are not where EXPECTED.md says")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
