package delivery

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestCleanPath(t *testing.T) {
	good := map[string]string{
		"S01E01/a.srt": "S01E01/a.srt", "./a.srt": "a.srt", "x/../a.srt": "a.srt",
		`S01E01\a.srt`: "S01E01/a.srt", " a.srt ": "a.srt", "a//b.srt": "a/b.srt",
		"resources/VEEP__043_787232:de_audio.mov": "resources/VEEP__043_787232:de_audio.mov",
	}
	for in, want := range good {
		if got, err := CleanPath(in); err != nil || got != want {
			t.Errorf("CleanPath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	escapes := []string{"../x", "a/../../x", "/etc/passwd", `C:\x.srt`, "c:x.srt", `\\server\share\x`, "//host/x", ".."}
	for _, in := range escapes {
		if _, err := CleanPath(in); !errors.Is(err, ErrEscapesRoot) {
			t.Errorf("CleanPath(%q) err = %v, want ErrEscapesRoot", in, err)
		}
	}
	for _, in := range []string{"", "  ", ".", "a/..", "a\x00b"} {
		if _, err := CleanPath(in); err == nil || errors.Is(err, ErrEscapesRoot) {
			t.Errorf("CleanPath(%q) err = %v, want a plain error", in, err)
		}
	}
}

func TestResolveRefusesSymlinkEscape(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "delivery")
	outside := filepath.Join(base, "outside")
	for _, d := range []string{root, outside, filepath.Join(root, "sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "sub", "in.srt"))
	write(filepath.Join(outside, "secret.srt"))
	if err := os.Symlink(filepath.Join(outside, "secret.srt"), filepath.Join(root, "link.srt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "dirlink")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "sub", "in.srt"), filepath.Join(root, "inner.srt")); err != nil {
		t.Fatal(err)
	}
	if abs, err := Resolve(root, "sub/in.srt"); err != nil || filepath.Base(abs) != "in.srt" {
		t.Errorf("plain file: %q %v", abs, err)
	}
	if abs, err := Resolve(root, "inner.srt"); err != nil || filepath.Base(abs) != "in.srt" {
		t.Errorf("link inside root: %q %v", abs, err)
	}
	for _, rel := range []string{"link.srt", "dirlink/secret.srt", "../outside/secret.srt"} {
		if _, err := Resolve(root, rel); !errors.Is(err, ErrEscapesRoot) {
			t.Errorf("Resolve(%q) err = %v, want ErrEscapesRoot", rel, err)
		}
	}
	if _, err := Resolve(root, "missing.srt"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file err = %v, want ErrNotExist", err)
	}
	// The delivery root itself may be reached through a symlink.
	alias := filepath.Join(base, "alias")
	if err := os.Symlink(root, alias); err != nil {
		t.Fatal(err)
	}
	if _, err := Resolve(alias, "sub/in.srt"); err != nil {
		t.Errorf("root via symlink: %v", err)
	}
}

func TestCanonicalLanguage(t *testing.T) {
	for in, want := range map[string]string{"EN": "en", "nl-nl": "nl-NL", "zh-hans": "zh-Hans", "iw": "he",
		"pt_BR": "pt-BR", "es-419": "es-419", "cmn-Hans": "cmn-Hans", "no": "no"} {
		if got, ok := CanonicalLanguage(in); !ok || got != want {
			t.Errorf("CanonicalLanguage(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "english please", "x-"} {
		if got, ok := CanonicalLanguage(bad); ok {
			t.Errorf("CanonicalLanguage(%q) = %q, want not ok", bad, got)
		}
	}
}
