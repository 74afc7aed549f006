package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/report"
)

// twelveRealFiles are professional deliveries of every text format in the
// corpus: Netflix DFXP and WebVTT, SRTs in three languages and encodings,
// SSA, SCC and EBU STL.
var twelveRealFiles = []string{
	"ttml/subtitlesparser/Orange.is.the.new.black.s01e01.ttml",
	"ttml/subtitlesparser/cloudy.with.a.risk.of.meatballs.ttml",
	"vtt/webvtt-py/netflix_chicas_del_cable.vtt",
	"srt/subtitlesparser/Annie_Hall_-_Eng_25fps.srt",
	"srt/subtitlesparser/The_Mentalist_-_3x11_-_Episode_11.fr.srt",
	"srt/subtitlesparser/4989_ES.srt",
	"srt/pysrt/utf-8.srt",
	"ass/subtitlesparser/HP2.ssa",
	"ass/subtitlesparser/Lost_and_Delirious_fr.ssa",
	"scc/caption-inspector/Plan9fromOuterSpace.scc",
	"stl/hurdlea-stl2ttml/TX003881-Dreamer.stl",
	"stl/hurdlea-stl2ttml/MD111047_TX129542-CurbYour_S01E01_v01.stl",
}

func twelvePaths(t *testing.T) []string {
	var ps []string
	for _, rel := range twelveRealFiles {
		ps = append(ps, testcorpus.Path(t, rel))
	}
	return ps
}

// The measure: thousands of findings in 12 real files read as a few
// screens by default, with the per-rule table; --all lists every one.
func TestTextOfTwelveRealFilesFitsAFewScreens(t *testing.T) {
	paths := twelvePaths(t)
	_, js, _ := run(t, append([]string{"check", "-q", "--format", "json"}, paths...)...)
	var rep struct {
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) < 1000 {
		t.Fatalf("only %d findings; the corpus files changed?", len(rep.Findings))
	}

	code, out, _ := run(t, append([]string{"check", "-q"}, paths...)...)
	if code != ExitFail {
		t.Errorf("exit %d, want %d", code, ExitFail)
	}
	// The per-rule table has a row for every rule with findings, so the
	// bound grows a little with the rule list (X018/X019 added two rows).
	if n := strings.Count(out, "\n"); n >= 160 {
		t.Errorf("default text is %d lines, want under 160", n)
	}
	for _, want := range []string{"Findings per rule:\n", "Worst files (5 of 12 with findings):\n", "— --all to list\n", "12 files, "} {
		if !strings.Contains(out, want) {
			t.Errorf("default text lacks %q", want)
		}
	}

	_, all, _ := run(t, append([]string{"check", "-q", "--all"}, paths...)...)
	if n := countFindingLines(all); n != len(rep.Findings) {
		t.Errorf("--all printed %d finding lines, the JSON has %d findings", n, len(rep.Findings))
	}

	// --errors-only hides the rest but not from the verdict or exit code.
	code, errs, _ := run(t, append([]string{"check", "-q", "--all", "--errors-only"}, paths...)...)
	if code != ExitFail {
		t.Errorf("--errors-only changed the exit code to %d", code)
	}
	if strings.Contains(errs, ": warning: ") || strings.Contains(errs, ": info: ") {
		t.Error("--errors-only still lists warnings or info")
	}
	if !strings.Contains(errs, "not shown (--min-severity)") {
		t.Error("--errors-only does not say what it hid")
	}
}

// countFindingLines counts lines in the compiler style "path[:line]: severity: ".
func countFindingLines(out string) int {
	n := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, " ") {
			continue
		}
		for _, sev := range []string{": error: ", ": warning: ", ": info: "} {
			if strings.Contains(l, sev) {
				n++
				break
			}
		}
	}
	return n
}

func TestHumanFlagsAreChecked(t *testing.T) {
	f := fixture(t, "ok/clean.en.srt")
	if code, _, stderr := run(t, "check", "-q", "--errors-only", "--max-per-file", "0", f); code != ExitPass {
		t.Fatalf("valid flags: exit %d: %s", code, stderr)
	}
	for _, args := range [][]string{
		{"--min-severity", "loud"},
		{"--max-per-file", "-1"},
		{"--errors-only", "--min-severity", "warning"},
		{"--max-annotations", "-3"},
	} {
		code, _, stderr := run(t, append(append([]string{"check", "-q"}, args...), f)...)
		if code != ExitUsage || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, stderr)
		}
	}
}

func TestStepSummaryInActions(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(summary, []byte("earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GITHUB_ACTIONS", "true")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	code, _, stderr := run(t, "check", "-q", "--config", emptyConfig(t), fixture(t, "T003/overlap.srt"))
	if code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"earlier step\n## ❌ exportqc: FAIL", "### Findings per rule", "T003"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("step summary lacks %q:\n%s", want, got)
		}
	}
}

// The corpus as one run: the Markdown fits a GitHub comment.
func TestMarkdownOfTheCorpusFitsAComment(t *testing.T) {
	code, out, stderr := run(t, "check", "-q", "--config", emptyConfig(t), "--format", "markdown", testcorpus.Dir(t))
	if code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := utf8.RuneCountInString(out); n > report.GitHubCommentLimit {
		t.Errorf("corpus Markdown is %d characters, over %d", n, report.GitHubCommentLimit)
	}
	if !strings.Contains(out, "### Findings per rule") || !strings.Contains(out, "not listed here") {
		t.Error("corpus Markdown lacks the per-rule table or the count of what it left out")
	}
}

// The corpus's HTML report was 45 MB with every row in the markup; with the
// findings embedded once as data it is a few.
func TestHTMLOfTheCorpusIsSmall(t *testing.T) {
	out := filepath.Join(t.TempDir(), "corpus.html")
	code, _, stderr := run(t, "check", "-q", "--config", emptyConfig(t), "--format", "html", "-o", out, testcorpus.Dir(t))
	if code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	st, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() > 10<<20 {
		t.Errorf("corpus HTML is %d bytes, want under 10 MiB", st.Size())
	}
}

// The README's native manifest example is a valid manifest, and its kinds
// table names every kind the schema has.
func TestReadmeManifestExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testcorpus.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	_, after, ok := strings.Cut(readme, "### The native manifest")
	if !ok {
		t.Fatal("README lacks the native manifest section")
	}
	_, block, ok := strings.Cut(after, "```yaml\n")
	if !ok {
		t.Fatal("no YAML example in the native manifest section")
	}
	block, _, _ = strings.Cut(block, "```")
	d := delivery.ParseNative([]byte(block), t.TempDir(), "manifest.yaml")
	for _, p := range d.Problems {
		t.Errorf("README example: %s line %d: %s", p.Rule, p.Line, p.Message)
	}
	if len(d.Episodes) != 1 || len(d.Files) != 2 || d.Title != "The Long River" || d.EpisodeCount != 3 {
		t.Errorf("README example read as %d episodes, %d files, title %q", len(d.Episodes), len(d.Files), d.Title)
	}
	_, kinds, _ := strings.Cut(after, "File **kinds**")
	kinds, _, _ = strings.Cut(kinds, "###")
	for _, k := range delivery.FileKinds {
		if !strings.Contains(kinds, "`"+k+"`") {
			t.Errorf("README kinds table lacks %q", k)
		}
	}
}
