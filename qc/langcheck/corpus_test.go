package langcheck

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/abadojack/whatlanggo"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/scc"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/format/ssa"
	"github.com/exportqc/exportqc/qc/format/stl"
	"github.com/exportqc/exportqc/qc/format/ttml"
	"github.com/exportqc/exportqc/qc/format/webvtt"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/textenc"
)

// corpusEntry is the part of the corpus manifest this test reads.
type corpusEntry struct {
	Path     string `json:"path"`
	Format   string `json:"format"`
	Role     string `json:"role"`
	Language string `json:"language"`
}

// corpusDeclaration turns the manifest's language note into the tag a
// correct delivery would declare. header is true when the note only
// repeats what the file's own header claims (STL GSI LC): that is a
// declaration to check, not ground truth. ok is false for files with no
// language (empty, junk) or several on equal terms.
func corpusDeclaration(note string) (tag string, mixed, header, ok bool) {
	switch {
	case note == "-" || note == "" || strings.HasPrefix(note, "multi") || strings.HasPrefix(note, "junk"):
		return "", false, false, false
	case strings.HasPrefix(note, "ja (romaji)"):
		return "ja-Latn", true, false, true // Japanese song lyrics in romaji, English translation
	}
	header = strings.Contains(note, "GSI LC")
	mixed = strings.Contains(note, "+")
	tag = strings.TrimRight(strings.FieldsFunc(note, func(r rune) bool { return r == ' ' || r == '/' || r == '+' || r == '(' })[0], "*")
	return tag, mixed, header, true
}

// corpusLines reads a corpus file with the project's own readers, the way
// the engine will, and returns the text of its displayed cues.
func corpusLines(t *testing.T, path string) ([]string, *cue.Document) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The format packages' own readers, chosen by extension (the corpus
	// names its files by format), so this test does not depend on the
	// engine's dispatch.
	text := func() string { return textenc.Decode(data).Text }
	var doc *cue.Document
	switch strings.ToLower(filepath.Ext(path)) {
	case ".srt":
		doc = srt.Read(text())
	case ".vtt":
		doc = webvtt.Read(text())
	case ".ttml", ".xml", ".dfxp", ".itt":
		doc = ttml.Read(text())
	case ".ass", ".ssa":
		doc = ssa.Read(text())
	case ".scc":
		doc = scc.Read(text())
	case ".stl":
		doc = stl.Read(data)
	default:
		return nil, nil
	}
	var out []string
	for i := range doc.Cues {
		if doc.Cues[i].Comment {
			continue
		}
		for _, l := range doc.Cues[i].Lines {
			out = append(out, l.Text)
		}
	}
	return out, doc
}

// mislabelled are corpus files whose manifest language is not the language
// of their text, checked by reading them: the corpus notes "en/Latin" mean
// "English or Latin-script test text". G002 must flag them, as the text
// it names; they are true positives, not false ones.
var mislabelled = map[string]struct{ text, why string }{
	"ttml/subtitlesparser/Orange.is.the.new.black.s01e01.ttml": {"fr",
		"French subtitles (\"Je sors dans une seconde. Promis.\"), though the corpus lists the file as en/Latin"},
	"ttml/subtitlesparserv2/ttml-frame.ttml": {"fr",
		"mostly French nonsense verse (\"Les moutons dansent au-dessus du ciel\") with lorem ipsum and a few English lines, under xml:lang=\"en\""},
	"ttml/subtitlesparserv2/ttml-frame-frameMultiplier.ttml": {"fr",
		"the same text as ttml-frame.ttml"},
}

// TestCorpusFalsePositives runs G002 and G003 over every corpus subtitle
// file whose language the corpus manifest records, declared as that
// language, and logs a table. A correctly declared file that is flagged
// fails the test. Files whose only language information is their own STL
// header (GSI LC) are checked and listed too, but a finding there is the
// check doing its job on a header, not a false positive: the log says what
// the text is.
func TestCorpusFalsePositives(t *testing.T) {
	dir := testcorpus.Dir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var man struct{ Files []corpusEntry }
	if err := json.Unmarshal(raw, &man); err != nil {
		t.Fatal(err)
	}
	sort.Slice(man.Files, func(i, j int) bool { return man.Files[i].Path < man.Files[j].Path })
	var table []string
	var checked, judged, identifierJudged, flagged, headerChecked, headerFlagged, truePositives int
	for _, e := range man.Files {
		if e.Role != "data" {
			continue
		}
		tag, mixed, header, ok := corpusDeclaration(e.Language)
		if !ok {
			continue
		}
		ls, doc := corpusLines(t, filepath.Join(dir, e.Path))
		if doc == nil {
			continue
		}
		st := measure(ls)
		m := DetectMismatch(tag, ls, MismatchOptions{})
		if m == nil {
			m = ScriptMismatch(tag, ChineseScript(ls), ScriptOptions{})
		}
		best := "-"
		if st.runningLetters() > 0 {
			best = whatlanggo.Detect(strings.Join(ls, "\n")).Lang.Iso6393()
		}
		def := DefaultMismatchOptions()
		judgedHere := st.runningLetters() >= def.MinLetters || st.scripts.total() >= def.MinScriptLetters
		identifierHere := st.runningLetters() >= def.MinLetters && st.distinctWords() >= minDistinctWords && profiled[st.scripts.dominant()][foldTag(tag)]
		result := "ok"
		if !judgedHere {
			result = "too little text"
		}
		if m != nil {
			result = fmt.Sprintf("FLAGGED %s %s→%s (%s, %.2f): %s", m.Rule, m.Declared, m.Detected, m.Basis, m.Confidence, m.Message)
		}
		note := ""
		if mixed {
			note = " (bilingual)"
		}
		table = append(table, fmt.Sprintf("| %s | %s | %s%s | %q | %d | %d | %s | %s | %s |",
			e.Path, e.Format, tag, note, doc.Language, st.scripts.total(), st.runningLetters(), st.scripts.dominant(), best, result))
		if header {
			headerChecked++
			if m != nil {
				headerFlagged++
			}
			continue
		}
		if known, ok := mislabelled[e.Path]; ok {
			if m == nil || m.Detected != known.text {
				t.Errorf("%s (%s) is not flagged as %s: %+v", e.Path, known.why, known.text, m)
			} else {
				truePositives++
			}
			continue
		}
		checked++
		if judgedHere {
			judged++
		}
		if identifierHere {
			identifierJudged++
		}
		if m != nil {
			flagged++
			t.Errorf("%s declared %s (corpus: %q) is flagged: %s", e.Path, tag, e.Language, m.Message)
		}
	}
	t.Logf("\n| file | format | declared | in-file lang | letters | running | script | whatlanggo | result |\n|---|---|---|---|---|---|---|---|---|\n%s", strings.Join(table, "\n"))
	t.Logf("correctly declared files: %d; with enough text for the script check: %d, also for the identifier: %d; flagged: %d (false-positive rate %.1f%% of judged files)",
		checked, judged, identifierJudged, flagged, 100*float64(flagged)/float64(max(judged, 1)))
	t.Logf("mislabelled in the corpus manifest and flagged as their real language: %d of %d", truePositives, len(mislabelled))
	t.Logf("STL files declared by their GSI LC only: %d checked, %d flagged", headerChecked, headerFlagged)
	if checked == 0 {
		t.Fatal("no corpus file with a known language: manifest format changed?")
	}
}
