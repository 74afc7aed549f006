package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/pack"
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

// srtOf makes an SRT of one cue per line, two seconds each.
func srtOf(lines ...string) string {
	var b strings.Builder
	for i, l := range lines {
		fmt.Fprintf(&b, "%d\n00:00:%02d,000 --> 00:00:%02d,500\n%s\n\n", i+1, 2*i, 2*i+1, l)
	}
	return b.String()
}

// A file that declares no language gets the one its text is in, that
// language's pack, language_source "content" and a G005 info; a text too
// short to tell stays "unknown" with the defaults and no G005.
func TestLanguageFromContent(t *testing.T) {
	dir := t.TempDir()
	english := srtOf("Where were you last night?", "I told you already. I was at my sister's place until midnight.",
		"Your sister says you left before ten.", "Then she's mistaken. We watched the match together.",
		"The match ended at half past nine, Daniel.", "Look, I don't know what you want me to say.",
		"The truth would be a good start.", "I didn't touch that money. I swear on my children.",
		"Nobody mentioned any money.", "Everyone in the village is talking about it.",
		"Sit down. We're going to go through it again, slowly.")
	os.WriteFile(filepath.Join(dir, "interview.srt"), []byte(english), 0o644)
	os.WriteFile(filepath.Join(dir, "short.srt"), []byte(srtOf("Hello.")), 0o644)
	rep := run(t, testOptions(t, dir))
	if len(rep.Files) != 2 {
		t.Fatalf("files %+v", rep.Files)
	}
	got := map[string]string{}
	for _, f := range rep.Files {
		got[filepath.Base(f.Path)] = f.Language + "/" + f.LanguageSource
	}
	if got["interview.srt"] != "en/content" || got["short.srt"] != "/unknown" {
		t.Errorf("languages %v", got)
	}
	var g005 []string
	for _, f := range rep.Findings {
		if f.Rule == "G005" {
			g005 = append(g005, filepath.Base(f.File)+": "+f.Message)
			if f.Severity.String() != "info" {
				t.Errorf("G005 severity %s", f.Severity)
			}
		}
	}
	if len(g005) != 1 || !strings.HasPrefix(g005[0], "interview.srt: the file declares no language") || !strings.Contains(g005[0], "English (en)") {
		t.Errorf("G005 findings %q", g005)
	}
	// --lang declares it: nothing is identified.
	opts := testOptions(t, filepath.Join(dir, "interview.srt"))
	opts.Language = "en"
	rep = run(t, opts)
	if rep.Files[0].LanguageSource != "flag" {
		t.Errorf("with --lang: %+v", rep.Files[0])
	}
	for _, f := range rep.Findings {
		if f.Rule == "G005" {
			t.Errorf("G005 with --lang: %s", f.Message)
		}
	}
}

// G005 only reports the identification: with it off (--disable G005,
// or --enable-only of other rules) a rule that depends on the language
// still gets it, so --enable-only X004 on an untagged English file finds
// its "...". A run of rules no language pack sets identifies nothing.
func TestLanguageFromContentWithoutG005(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "interview.srt"), []byte(srtOf("Where were you last night?", "I told you already. I was at my sister's place until midnight.",
		"Your sister says you left before ten...", "Then she's mistaken. We watched the match together.",
		"The match ended at half past nine, Daniel.", "Look, I don't know what you want me to say.",
		"The truth would be a good start.", "I didn't touch that money. I swear on my children.",
		"Nobody mentioned any money.", "Everyone in the village is talking about it.")), 0o644)
	lib, err := pack.Load(checks.All())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		flags pack.FlagValues
		lang  string // language/language_source in the report
		x004  int
	}{
		{"--disable G005", pack.FlagValues{Disable: []string{"G005"}}, "en/content", 1},
		{"--enable-only X004", pack.FlagValues{EnableOnly: []string{"X004"}}, "en/content", 1},
		{"--enable-only X003", pack.FlagValues{EnableOnly: []string{"X003"}}, "/unknown", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			flags, err := lib.ParseFlags(c.flags)
			if err != nil {
				t.Fatal(err)
			}
			opts := testOptions(t, dir)
			opts.Resolver = lib.NewRunResolver(pack.Request{Flags: flags})
			rep := run(t, opts)
			if f := rep.Files[0]; f.Language+"/"+f.LanguageSource != c.lang {
				t.Errorf("language %s/%s, want %s", f.Language, f.LanguageSource, c.lang)
			}
			x004 := 0
			for _, f := range rep.Findings {
				switch f.Rule {
				case "G005":
					t.Errorf("G005 reported while off: %s", f.Message)
				case "X004":
					x004++
				}
			}
			if x004 != c.x004 {
				t.Errorf("X004 findings %d, want %d (the English pack's ellipsis)", x004, c.x004)
			}
		})
	}
}
