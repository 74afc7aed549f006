package gen

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestFilesAreVariedCleanAndDeterministic(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a")
	paths, err := Files(a, FilesOptions{Count: 40, Seed: 3, Cues: 50, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 40 || filepath.Base(paths[0]) != "Batch0001_S01E01."+strings.Split(filepath.Base(paths[0]), ".")[1]+filepath.Ext(paths[0]) {
		t.Fatalf("paths %v", paths[:2])
	}
	langs, formats := map[string]bool{}, map[string]bool{}
	for _, p := range paths {
		parts := strings.Split(filepath.Base(p), ".")
		lang, ext := parts[1], parts[2]
		langs[lang], formats[ext] = true, true
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		format := map[string]string{"srt": "srt", "vtt": "vtt", "ttml": "ttml"}[ext]
		doc := readAny(format, data)
		if len(doc.Cues) != 50 || len(doc.Diagnostics) > 0 {
			t.Errorf("%s: %d cues, %d diagnostics", p, len(doc.Cues), len(doc.Diagnostics))
		}
		if got := judge(doc, limitsFor(t, lang)); got != (CueDefects{}) {
			t.Errorf("%s: not clean: %+v", p, got)
		}
	}
	if len(langs) < 6 || len(formats) != 3 {
		t.Errorf("little variety: languages %v, formats %v", langs, formats)
	}
	b := filepath.Join(t.TempDir(), "b")
	if _, err := Files(b, FilesOptions{Count: 40, Seed: 3, Cues: 50, Workers: 4}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(treeDigest(t, a), treeDigest(t, b)) {
		t.Error("1 and 4 workers wrote different files")
	}
	if _, err := Files(t.TempDir(), FilesOptions{Count: 1, Languages: []string{"xx"}}); err == nil {
		t.Error("unknown language accepted")
	}
	for _, o := range []FilesOptions{
		{Count: 1, Formats: []string{"scc"}, Languages: []string{"ja", "ko"}},
		{Count: 1, Formats: []string{"srt", "ass"}, Defects: CueDefects{TooFast: 1}},
	} {
		dir := t.TempDir()
		if _, err := Files(dir, o); err == nil {
			t.Errorf("%+v accepted", o)
		}
		if names, _ := filepath.Glob(filepath.Join(dir, "*")); len(names) > 0 {
			t.Errorf("%+v: %d files written before the options were refused", o, len(names))
		}
	}
}
