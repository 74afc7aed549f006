package webvtt

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// knownWPTDeviations lists WPT file-parsing tests whose assertions we do
// not meet on purpose, with the reason. Keep it short; a listed test that
// passes fails the run, so the list cannot go stale.
var knownWPTDeviations = map[string]string{}

// assertion harness: a failed assertion is recorded and the script goes on,
// so that one run counts every expectation of a file.
const harness = `
var __results = [];
function __same(a, b) {
  if (typeof a === "number" && typeof b === "number") {
    if (a !== a && b !== b) return true;
    if (a === 0 && b === 0) return 1 / a === 1 / b;
  }
  return a === b;
}
function __fmt(v) { try { return JSON.stringify(v); } catch (e) { return String(v); } }
function assert_equals(actual, expected, msg) {
  __results.push(__same(actual, expected) ? "" : "expected " + __fmt(expected) + ", got " + __fmt(actual) + (typeof msg === "string" ? " (" + msg + ")" : ""));
}
function assert_not_equals(actual, expected, msg) {
  __results.push(!__same(actual, expected) ? "" : "expected anything but " + __fmt(expected) + (typeof msg === "string" ? " (" + msg + ")" : ""));
}
function assert_true(v, msg) { assert_equals(v, true, msg); }
function assert_false(v, msg) { assert_equals(v, false, msg); }
`

// jsCues builds the TextTrackCue/VTTCue view of a Document that the WPT
// assertions read: the spec's cue attributes from our cue and its settings.
func jsCues(vm *goja.Runtime, doc *cue.Document, regions []Region) goja.Value {
	// One object per region, shared by the cues in it (tests compare identity).
	regionObj := map[string]goja.Value{}
	for _, rg := range regions {
		regionObj[rg.ID] = vm.ToValue(map[string]any{"id": rg.ID, "width": rg.Width, "lines": rg.Lines,
			"regionAnchorX": rg.RegionAnchorX, "regionAnchorY": rg.RegionAnchorY, "viewportAnchorX": rg.ViewportAnchorX,
			"viewportAnchorY": rg.ViewportAnchorY, "scroll": rg.Scroll})
	}
	var out []any
	for _, c := range doc.Cues {
		st, _ := ParseSettings(c.Settings)
		o := map[string]any{"id": c.ID, "text": c.Raw, "startTime": c.Start.Seconds(), "endTime": c.End.Seconds(),
			"align": st.Align, "snapToLines": st.SnapToLines, "lineAlign": st.LineAlign, "positionAlign": st.PositionAlign,
			"size": st.Size, "vertical": st.Vertical, "region": nil}
		o["line"] = any("auto")
		if !st.LineAuto {
			o["line"] = st.Line
		}
		o["position"] = any("auto")
		if !st.PositionAuto {
			o["position"] = st.Position
		}
		if c.Region != "" {
			o["region"] = regionObj[c.Region]
		}
		out = append(out, o)
	}
	return vm.ToValue(out)
}

func TestWPTFileParsing(t *testing.T) {
	dir := testcorpus.Path(t, "vtt", "wpt-webvtt", "file-parsing")
	files, _ := filepath.Glob(filepath.Join(dir, "*.vtt"))
	if len(files) == 0 {
		t.Fatal("no WPT file-parsing tests found")
	}
	var passed, failed, skipped, assertions int
	var report []string
	for _, vtt := range files {
		name := strings.TrimSuffix(filepath.Base(vtt), ".vtt")
		js, err := os.ReadFile(strings.TrimSuffix(vtt, ".vtt") + ".expected.txt")
		if err != nil {
			skipped++
			report = append(report, name+": skipped (no expectations file)")
			continue
		}
		data, err := os.ReadFile(vtt)
		if err != nil {
			t.Fatal(err)
		}
		doc, regions := ReadWithRegions(string(data))
		results, err := runAssertions(doc, regions, string(js))
		var fails []string
		for _, r := range results {
			if r != "" {
				fails = append(fails, r)
			}
		}
		if err != nil {
			fails = append(fails, "script error: "+err.Error())
		}
		assertions += len(results)
		reason, known := knownWPTDeviations[name]
		switch {
		case len(results) == 0 && err == nil:
			skipped++
			report = append(report, name+": skipped (no assertions: "+strings.TrimSpace(firstLine(string(js)))+")")
		case len(fails) == 0:
			passed++
			if known {
				t.Errorf("%s passes but is listed as a known deviation (%s)", name, reason)
			}
		case known:
			skipped++
			report = append(report, fmt.Sprintf("%s: known deviation, %d of %d assertions fail: %s", name, len(fails), len(results), reason))
		default:
			failed++
			t.Errorf("%s: %d of %d assertions fail:\n  %s\n  diagnostics: %v", name, len(fails), len(results), strings.Join(fails, "\n  "), doc.Diagnostics)
		}
	}
	sort.Strings(report)
	t.Logf("WPT webvtt/file-parsing: %d passed, %d failed, %d skipped (%d assertions)\n  %s", passed, failed, skipped, assertions,
		strings.Join(report, "\n  "))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func runAssertions(doc *cue.Document, regions []Region, script string) (results []string, err error) {
	vm := goja.New()
	if err := vm.Set("cues", jsCues(vm, doc, regions)); err != nil {
		return nil, err
	}
	if _, err := vm.RunString(harness); err != nil {
		return nil, err
	}
	_, runErr := vm.RunString(script)
	if err := vm.ExportTo(vm.Get("__results"), &results); err != nil {
		return nil, err
	}
	return results, runErr
}

// TestWPTFileParsingExtra runs the two newer WPT tests whose expectations
// are written into the cue texts themselves.
func TestWPTFileParsingExtra(t *testing.T) {
	data, err := os.ReadFile(testcorpus.Path(t, "vtt", "wpt-webvtt", "file-parsing-extra", "comment-in-cue-text.vtt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := Read(string(data))
	if len(doc.Cues) != 2 || doc.Cues[0].Raw != "NOTE text" || doc.Cues[1].Raw != "NOTE text\nNOTE text2" || len(doc.Diagnostics) != 0 {
		t.Errorf("comment-in-cue-text: %+v %+v", doc.Cues, doc.Diagnostics)
	}

	data, err = os.ReadFile(testcorpus.Path(t, "vtt", "wpt-webvtt", "file-parsing-extra", "header-regions.vtt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, regions := ReadWithRegions(string(data))
	if len(doc.Cues) != 9 {
		t.Fatalf("header-regions: %d cues", len(doc.Cues))
	}
	for _, c := range doc.Cues {
		var want map[string]any
		if c.Raw == `"no region"` {
			if c.Region != "" {
				t.Errorf("header-regions line %d: region %q, want none", c.Line, c.Region)
			}
			continue
		}
		if err := json.Unmarshal([]byte(c.Raw), &want); err != nil {
			t.Fatalf("line %d: %v", c.Line, err)
		}
		var rg *Region
		for k := range regions {
			if regions[k].ID == c.Region {
				rg = &regions[k] // the last one of that id wins
			}
		}
		if rg == nil {
			t.Errorf("header-regions line %d: no region, want %v", c.Line, want)
			continue
		}
		got := map[string]any{"width": rg.Width, "lines": rg.Lines, "regionAnchorX": rg.RegionAnchorX, "regionAnchorY": rg.RegionAnchorY,
			"viewportAnchorX": rg.ViewportAnchorX, "viewportAnchorY": rg.ViewportAnchorY, "scroll": rg.Scroll}
		for k, v := range want {
			if fmt.Sprint(got[k]) != fmt.Sprint(v) {
				t.Errorf("header-regions line %d region %q: %s = %v, want %v", c.Line, c.Region, k, got[k], v)
			}
		}
	}
}
