package engine

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// fill sets every field of the value v points to, recursively, to
// something other than its zero value, so that a field the codec forgets
// comes back different.
func fill(v reflect.Value, seed int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + strings.Repeat("é", seed%3) + "\xff" + string(rune('a'+seed%26)))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(-3*seed - 1))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Uint8:
		v.SetUint(uint64(seed%250 + 1))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), seed+1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), seed+i+1)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), seed+i)
			}
		}
	default:
		panic("fill: no case for " + v.Kind().String())
	}
}

// What comes back from the spill is what went in, field for field: every
// field of the record and of the findings (filled by reflection, so a
// field added later and not spilled fails here), nil and empty kept apart.
func TestSpillCodecRoundTrip(t *testing.T) {
	var full fileResult
	full.skip, full.folder = true, true
	fill(reflect.ValueOf(&full.record).Elem(), 1)
	full.findings = make([]rule.Finding, 3)
	for i := range full.findings {
		fill(reflect.ValueOf(&full.findings[i]).Elem(), 10*i)
	}
	full.findings[2].Fixes = []rule.SuggestedFix{{Message: "m"}} // nil edits
	full.findings[1].Fixes = []rule.SuggestedFix{}               // empty, not nil
	for _, r := range []fileResult{full, {}, {record: report.File{Path: "a.srt", PathBytes: []byte{}}}} {
		back, err := decodeResult(appendResult(nil, &r))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, r) {
			t.Errorf("round trip:\n got %+v\nwant %+v", back, r)
		}
	}
	good := appendResult(nil, &full)
	for cut := range len(good) {
		if _, err := decodeResult(good[:cut]); err == nil {
			t.Fatalf("cut at %d of %d bytes: no error", cut, len(good))
		}
	}
	if _, err := decodeResult(append(good, 0)); err == nil {
		t.Error("trailing byte: no error")
	}
}

// A delivery whose results are spilled reports what one kept in memory
// reports: every format, byte for byte, at --jobs 1, 2 and 7, with every
// result of every delivery forced through the spill, or some of them.
func TestRunStreamSpilledDeliveriesWriteWhatRunWrites(t *testing.T) {
	// One big-ish generated delivery with dense findings, and the
	// delivery fixtures (manifests, held findings, files outside).
	tree := t.TempDir()
	if _, err := gen.AuditTree(tree, gen.AuditOptions{Members: 1, Episodes: 12, Programmes: 2, Languages: 3, Seed: 4,
		DefectRate: 0.5}); err != nil {
		t.Fatal(err)
	}
	sets := map[string][]string{"generated": {tree}, "deliveries": {fixture(t)}}
	sets["delivery rule fixtures"] = ruleFixtureFolders(t)
	for name, paths := range sets {
		whole := run(t, testOptions(t, paths...))
		if len(whole.Deliveries) == 0 || len(whole.Findings) == 0 {
			t.Fatalf("%s: %d deliveries, %d findings: the comparison would prove little", name,
				len(whole.Deliveries), len(whole.Findings))
		}
		inDelivery := 0
		for _, f := range whole.Files {
			if f.Delivery != "" {
				inDelivery++
			}
		}
		// Every result spilled, and a limit that keeps the first few
		// (whichever the workers finish first) and spills the rest.
		for _, limit := range []int64{-1, 3000} {
			spilled := 0
			streamedEqualsWhole(t, name, whole, func() Options {
				o := testOptions(t, paths...)
				o.spillAbove, o.spilled = limit, &spilled
				return o
			})
			// The generated delivery is big enough to be split between
			// memory and the spill; the fixtures may fit under the limit.
			mixed := name == "generated" && (spilled == 0 || spilled >= 3*inDelivery)
			if limit < 0 && spilled < 3*inDelivery || limit > 0 && mixed {
				t.Errorf("%s, limit %d: %d results spilled over three runs of %d files in deliveries", name, limit, spilled, inDelivery)
			}
		}
	}
}

// The spill leaves nothing behind: its file is unlinked as soon as it is
// made, so the temporary folder holds no file of ours during or after a
// run, and nothing is written inside the delivery.
func TestSpillLeavesNoFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	tree := filepath.Join(t.TempDir(), "tree")
	if _, err := gen.AuditTree(tree, gen.AuditOptions{Members: 1, Episodes: 4, Programmes: 1, Languages: 2, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	before := listTree(t, tree)
	spilled := 0
	o := testOptions(t, tree)
	o.spillAbove, o.spilled = -1, &spilled
	streamParts(t, o)
	if spilled == 0 {
		t.Fatal("nothing spilled")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
	if after := listTree(t, tree); !reflect.DeepEqual(after, before) {
		t.Errorf("the delivery changed:\n%v\n%v", before, after)
	}
}

func listTree(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, p+" "+info.ModTime().String()+" "+info.Mode().String())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Without a usable temporary folder the results stay in memory: the run
// emits what it would have, rather than failing for want of a spill.
func TestSpillWithoutTempFolderKeepsResultsInMemory(t *testing.T) {
	opts := testOptions(t, fixture(t))
	opts.Jobs = 2
	wantRules, wantParts, wantTail := streamParts(t, opts)
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "absent"))
	spilled := 0
	opts.spillAbove, opts.spilled = -1, &spilled
	rules, parts, tail := streamParts(t, opts)
	if spilled != 0 {
		t.Errorf("%d results spilled with no temporary folder", spilled)
	}
	if len(parts) == 0 || !reflect.DeepEqual(rules, wantRules) || !reflect.DeepEqual(parts, wantParts) || !reflect.DeepEqual(tail, wantTail) {
		t.Errorf("%d parts, want the same %d as with results in memory", len(parts), len(wantParts))
	}
}
