package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// "hoh" in a file name marks hard-of-hearing subtitles; it is not the
// language Hobyót. With a manifest saying fr, check reads the name as
// French too, so the declarations agree: no G004 (it used to give one).
func TestKindWordInNameIsNoLanguage(t *testing.T) {
	dir := t.TempDir()
	srt := "1\n00:00:01,000 --> 00:00:03,000\nBonjour.\n"
	os.WriteFile(filepath.Join(dir, "Show.S01E01.fr.hoh.srt"), []byte(srt), 0o644)
	os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte("manifest_version: 1\nfiles:\n  - {path: Show.S01E01.fr.hoh.srt, kind: sdh, language: fr}\n"), 0o644)
	rep := run(t, deliveryOptions(t, nil, dir))
	if got := keys(t, rep, dir); len(got) != 0 {
		t.Errorf("findings %v", got)
	}
	if len(rep.Files) != 1 || rep.Files[0].Language != "fr" || rep.Files[0].LanguageSource != "manifest" {
		t.Errorf("file records %+v", rep.Files)
	}
	// Loose, the name alone gives French.
	loose := t.TempDir()
	os.WriteFile(filepath.Join(loose, "Show.S01E01.fr.hoh.srt"), []byte(srt), 0o644)
	rep = run(t, testOptions(t, loose))
	if len(rep.Files) != 1 || rep.Files[0].Language != "fr" || rep.Files[0].LanguageSource != "filename" {
		t.Errorf("file records %+v", rep.Files)
	}
}

// The corpus files the issue names: a test-suite word before the extension
// (_div, _tti) is no language, so the file's own declaration stands alone
// and no G004 follows.
func TestCorpusNamesAreNoLanguages(t *testing.T) {
	for _, rel := range []string{"ttml/androidx-media/inherit_begin_from_div.xml", "stl/ttconv/sandflow/contained_tti.stl"} {
		p := testcorpus.Path(t, filepath.FromSlash(rel))
		rep := run(t, testOptions(t, p))
		for _, f := range rep.Findings {
			if f.Rule == "G004" {
				t.Errorf("%s: %s", rel, f.Message)
			}
		}
		if len(rep.Files) != 1 || rep.Files[0].LanguageSource == "filename" || strings.Contains(rep.Files[0].Language, "dv") {
			t.Errorf("%s: record %+v", rel, rep.Files)
		}
	}
}
