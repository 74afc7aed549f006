package scc

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// manifestEntry is the part of the corpus manifest that describes SCC files;
// the stats were computed by the corpus curators, not by this reader.
type manifestEntry struct {
	Path         string `json:"path"`
	Format       string `json:"format"`
	Role         string `json:"role"`
	Timecodes    int    `json:"scc_timecodes"`
	DropFrame    int    `json:"scc_drop_frame"`
	NonDropFrame int    `json:"scc_non_drop_frame"`
	Monotonic    bool   `json:"scc_monotonic"`
	Header       bool   `json:"scc_header"`
}

func sccManifest(t *testing.T) []manifestEntry {
	t.Helper()
	b, err := os.ReadFile(testcorpus.Path(t, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Files []manifestEntry `json:"files"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var out []manifestEntry
	for _, f := range m.Files {
		if f.Format == "scc" && f.Role == "data" {
			out = append(out, f)
		}
	}
	return out
}

// TestCorpus reads every SCC input of the shared corpus and checks what can
// be checked without a reference decoder: the timecode kinds the manifest
// counted, the header, the ordering, and cue counts against a plain count of
// the lines that carry an EOC (pop-on) or CR (roll-up) code.
func TestCorpus(t *testing.T) {
	entries := sccManifest(t)
	if len(entries) != 31 {
		t.Errorf("manifest lists %d SCC inputs, want 31", len(entries))
	}
	var table []string
	for _, e := range entries {
		b, err := os.ReadFile(testcorpus.Path(t, filepath.FromSlash(e.Path)))
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		doc, st := read(src)

		if st.dropFrame != e.DropFrame || st.nonDropFrame != e.NonDropFrame {
			t.Errorf("%s: %d DF / %d NDF timecodes, manifest says %d / %d", e.Path, st.dropFrame, st.nonDropFrame, e.DropFrame, e.NonDropFrame)
		}
		mixed := countCode(doc, CodeMixedTimecode) > 0
		if mixed != (e.DropFrame > 0 && e.NonDropFrame > 0) {
			t.Errorf("%s: C004 reported %v with %d DF / %d NDF", e.Path, mixed, e.DropFrame, e.NonDropFrame)
		}
		missing := false
		impossible := false
		for _, d := range doc.Diagnostics {
			missing = missing || d.Rule == "" && strings.Contains(d.Message, "header")
			impossible = impossible || d.Rule == "" && strings.Contains(d.Message, "does not exist")
		}
		if missing == e.Header {
			t.Errorf("%s: header reported missing %v, manifest header %v", e.Path, missing, e.Header)
		}
		backwards := false
		for _, d := range doc.Diagnostics {
			backwards = backwards || d.Rule == CodeTimecodeOrder && strings.Contains(d.Message, "is not after")
		}
		// The manifest compares labels; with an impossible label (frame 84)
		// frame order and label order differ, so only clean files compare.
		if !impossible && backwards == e.Monotonic {
			t.Errorf("%s: timecodes going backwards %v, manifest monotonic %v", e.Path, backwards, e.Monotonic)
		}

		eocLines, crLines := 0, 0
		for _, l := range strings.Split(src, "\n") {
			if strings.Contains(l, "942f") {
				eocLines++
			}
			if strings.Contains(l, "94ad") {
				crLines++
			}
		}
		modes := map[string]int{}
		for i, c := range doc.Cues {
			modes[c.Region]++
			if c.Index != i+1 || len(c.Lines) == 0 || c.Line <= 0 {
				t.Errorf("%s: cue %d index %d lines %d source line %d", e.Path, i+1, c.Index, len(c.Lines), c.Line)
			}
		}
		switch {
		case eocLines+crLines == 0 && !strings.Contains(src, "9429"):
			if len(doc.Cues) != 0 {
				t.Errorf("%s: no EOC, CR or RDC code, yet %d cues", e.Path, len(doc.Cues))
			}
		case eocLines >= 100:
			if n := modes["pop-on"]; n < eocLines*95/100 || n > eocLines*105/100 {
				t.Errorf("%s: %d pop-on cues for %d lines with an EOC", e.Path, n, eocLines)
			}
		case crLines >= 100:
			if n := modes["roll-up"]; n < crLines*95/100 || n > crLines*105/100 {
				t.Errorf("%s: %d roll-up cues for %d lines with a CR", e.Path, n, crLines)
			}
		default:
			if len(doc.Cues) == 0 {
				t.Errorf("%s: caption codes present but no cue", e.Path)
			}
		}

		var mode []string
		for m := range modes {
			mode = append(mode, m)
		}
		sort.Strings(mode)
		byCode := map[string]int{}
		for _, c := range codes(doc) {
			byCode[c]++
		}
		var diags []string
		for c, n := range byCode {
			diags = append(diags, fmt.Sprintf("%s×%d", c, n))
		}
		sort.Strings(diags)
		table = append(table, fmt.Sprintf("%-72s %-24s %5d  %s", e.Path, strings.Join(mode, "+"), len(doc.Cues), strings.Join(diags, " ")))
	}
	t.Logf("%-72s %-24s %5s  %s\n%s", "file", "mode", "cues", "diagnostics", strings.Join(table, "\n"))
}
