package engine

import (
	"os"
	"path/filepath"
	"testing"
)

// A run with --manifest (one folder, described by the manifest named)
// streams like any run with a delivery, with the bytes of the whole run:
// the manifest inside its folder, and outside it, sorting before or after
// the folder's files (its findings, about a path without a record, go at
// their place in report order).
func TestRunStreamManifestNamed(t *testing.T) {
	dir := t.TempDir()
	river := filepath.Join(dir, "m-river")
	copyTree(t, fixture(t, "broken-river"), river)
	manifest, err := os.ReadFile(filepath.Join(river, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a-first.yaml", "z-last.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, name), manifest, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := map[string][2]string{ // folder, manifest
		"inside":          {river, filepath.Join(river, "manifest.yaml")},
		"outside, before": {river, filepath.Join(dir, "a-first.yaml")},
		"outside, after":  {river, filepath.Join(dir, "z-last.yaml")},
		"itunes":          {fixture(t, "itunes", "LONGRIVER_S01E02.itmsp"), fixture(t, "itunes", "LONGRIVER_S01E02.itmsp", "metadata.xml")},
		"long-river":      {fixture(t, "long-river"), fixture(t, "long-river", "manifest.yaml")},
	}
	for name, c := range cases {
		opts := func() Options {
			o := testOptions(t, c[0])
			o.Manifest = c[1]
			return o
		}
		whole := run(t, opts())
		if len(whole.Deliveries) != 1 || len(whole.Files) == 0 {
			t.Fatalf("%s: %d deliveries, %d files: not the one delivery with files to compare", name, len(whole.Deliveries), len(whole.Files))
		}
		named := false
		for _, f := range whole.Findings {
			named = named || f.File == filepath.ToSlash(c[1])
		}
		if !named && c[0] == river { // broken-river's manifest has findings
			t.Errorf("%s: no finding names the manifest: its place in the report is not tested", name)
		}
		streamedEqualsWhole(t, "--manifest "+name, whole, opts)
	}
}

// copyTree copies a folder of regular files.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
