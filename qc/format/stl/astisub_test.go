package stl

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asticode/go-astisub"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// astisubCue is a go-astisub result regrouped with our semantics.
type astisubCue struct {
	start, end time.Duration
	text       string
}

// readAstisub runs go-astisub on data, turning a panic into an error.
func readAstisub(data []byte) (subs *astisub.Subtitles, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return astisub.ReadFromSTL(bytes.NewReader(data), astisub.STLOptions{IgnoreTimecodeStartOfProgramme: true})
}

// regroupAstisub maps go-astisub's items (one per TTI block that is not
// user data) back onto the blocks, joins extension blocks into the subtitle
// they belong to and drops comment subtitles, so that the result can be
// compared with our non-comment cues.
func regroupAstisub(data []byte, items []*astisub.Item) ([]astisubCue, error) {
	var out []astisubCue
	k := 0
	joining, comment := false, false
	var cur astisubCue
	for off := gsiSize; off+ttiSize <= len(data); off += ttiSize {
		b := data[off : off+ttiSize]
		if b[3] == 0xFE {
			continue
		}
		if k >= len(items) {
			return out, fmt.Errorf("go-astisub returned %d items for more blocks", len(items))
		}
		it := items[k]
		k++
		if b[3] >= 0xF0 && b[3] < 0xFE {
			continue // reserved: we skip it, go-astisub made an item of it
		}
		if !joining {
			cur = astisubCue{start: it.StartAt, end: it.EndAt}
			comment = b[15] == 1
		} else {
			cur.text += " "
		}
		for i, l := range it.Lines {
			if i > 0 {
				cur.text += " "
			}
			cur.text += l.String()
		}
		joining = b[3] != 0xFF
		if !joining && !comment {
			out = append(out, cur)
		}
	}
	if k != len(items) {
		return out, fmt.Errorf("go-astisub returned %d items for %d blocks", len(items), k)
	}
	return out, nil
}

func TestDifferentialAstisub(t *testing.T) {
	files := corpusSTLFiles(t)
	var rows []string
	var same, unexplained int
	for _, p := range files {
		name, _ := filepath.Rel(testcorpus.Path(t, "stl"), p)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := Read(data)
		var ours []*cue.Cue
		for i := range doc.Cues {
			if !doc.Cues[i].Comment {
				ours = append(ours, &doc.Cues[i])
			}
		}
		subs, err := readAstisub(data)
		if err != nil {
			rows = append(rows, fmt.Sprintf("| %s | %d | error | go-astisub failed: %v |", name, len(ours), err))
			continue
		}
		theirs, err := regroupAstisub(data, subs.Items)
		if err != nil {
			unexplained++
			rows = append(rows, fmt.Sprintf("| %s | %d | %d items | UNEXPLAINED: %v |", name, len(ours), len(subs.Items), err))
			continue
		}
		split := len(subs.Items) - len(theirs)
		var reasons []string
		if split > 0 {
			reasons = append(reasons, fmt.Sprintf("%d extension/comment items regrouped", split))
		}
		if len(theirs) != len(ours) {
			unexplained++
			rows = append(rows, fmt.Sprintf("| %s | %d | %d | UNEXPLAINED: cue counts differ |", name, len(ours), len(theirs)))
			continue
		}
		h, _ := ReadHeader(data)
		timeDiffs, textDiffs := 0, 0
		for i, c := range ours {
			if abs64(c.Start.Milliseconds()-theirs[i].start.Milliseconds()) > 1 ||
				abs64(c.End.Milliseconds()-theirs[i].end.Milliseconds()) > 1 {
				timeDiffs++
			}
			if normalizeSpace(strings.ReplaceAll(c.Text(), "\n", " ")) != normalizeSpace(theirs[i].text) {
				textDiffs++
			}
		}
		if timeDiffs > 0 {
			if h.DFC != "STL25.01" && h.DFC != "STL30.01" {
				reasons = append(reasons, fmt.Sprintf("%d cue times differ: go-astisub reads %s at 25 fps", timeDiffs, h.DFC))
			} else {
				unexplained++
				reasons = append(reasons, fmt.Sprintf("UNEXPLAINED: %d cue times differ", timeDiffs))
			}
		}
		if textDiffs > 0 {
			// Informational: go-astisub drops teletext text outside start-box
			// codes, keeps spaces of attribute cells differently and decodes
			// some ISO 6937 positions otherwise.
			reasons = append(reasons, fmt.Sprintf("%d texts differ (informational)", textDiffs))
		}
		if len(reasons) == 0 {
			same++
			continue
		}
		rows = append(rows, fmt.Sprintf("| %s | %d | %d | %s |", name, len(ours), len(theirs), strings.Join(reasons, "; ")))
	}
	t.Logf("go-astisub differential: %d files, %d agree on cue count, times and text, %d differ:\n| file | our cues | go-astisub cues | reason |\n|---|---|---|---|\n%s",
		len(files), same, len(rows), strings.Join(rows, "\n"))
	if unexplained > 0 {
		t.Errorf("%d files differ from go-astisub for no known reason", unexplained)
	}
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
