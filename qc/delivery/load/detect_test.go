package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
)

// A file with a native manifest's name that cannot be read or parsed makes
// its folder a delivery whose only finding from the manifest is one D009
// saying why; another tool's file of that name does not make a delivery.
func TestBrokenNativeManifest(t *testing.T) {
	big := strings.Repeat("# padding\n", delivery.MaxManifestSize/10+1)
	cases := []struct {
		name, file, content string
		broken              string // "" for a file that is not ours
	}{
		{"empty", "manifest.yaml", "", "empty"},
		{"blank", "manifest.yml", "\ufeff \n\n", "empty"},
		{"binary", "manifest.yaml", "\x00\x01\x02PK\x03\x04\xff\xfe", "not valid YAML/JSON"},
		{"list", "manifest.yaml", "- a\n- b\n", "a list"},
		{"scalar", "exportqc.yaml", "hello\n", "a single value"},
		{"bad json", "manifest.json", "{\"files\": [", "not valid YAML/JSON"},
		{"too large", "manifest.yaml", big, "too large"},
		{"another tool's mapping", "manifest.json", `{"files": [{"path": "a.srt"}]}`, ""},
		{"another tool's JSON list", "manifest.json", `[{"path": "doc001.ttml", "begin": 0}]`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, c.file)
			if err := os.WriteFile(p, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := LooksLikeDelivery(dir); got != (c.broken != "") {
				t.Fatalf("LooksLikeDelivery = %v", got)
			}
			if got := IsManifestFile(p); got != (c.broken != "") {
				t.Errorf("IsManifestFile = %v", got)
			}
			if c.broken == "" {
				return
			}
			d, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Problems) != 1 || d.Problems[0].Rule != delivery.RuleManifestInvalid ||
				d.Problems[0].File != c.file || !strings.Contains(d.Problems[0].Message, c.broken) {
				t.Errorf("problems %+v, want one D009 at %s saying %q", d.Problems, c.file, c.broken)
			}
		})
	}
}

// A manifest the user running the tool may not read is a D009, not a pass.
// Root reads anything, so the case needs an unprivileged user.
func TestUnreadableNativeManifest(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop reading")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "manifest.yaml")
	if err := os.WriteFile(p, []byte("manifest_version: 1\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	if !LooksLikeDelivery(dir) {
		t.Fatal("a folder with an unreadable manifest is not a delivery")
	}
	d, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 1 || d.Problems[0].Rule != delivery.RuleManifestInvalid {
		t.Errorf("problems %+v", d.Problems)
	}
}
