package gen

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
)

func smallTree(t *testing.T, o AuditOptions) (string, *Expected) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "audit")
	exp, err := AuditTree(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	return dir, exp
}

// recount rebuilds, from the manifests and files on disk alone, the defect
// counts of every delivery, keyed by its path relative to root.
func recount(t *testing.T, root string) map[string]DeliveryExpected {
	t.Helper()
	out := map[string]DeliveryExpected{}
	members, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		if !m.IsDir() {
			continue
		}
		dels, _ := os.ReadDir(filepath.Join(root, m.Name()))
		for _, de := range dels {
			rel := m.Name() + "/" + de.Name()
			out[rel] = recountDelivery(t, filepath.Join(root, m.Name(), de.Name()), rel)
		}
	}
	return out
}

func recountDelivery(t *testing.T, dir, rel string) DeliveryExpected {
	t.Helper()
	d, err := delivery.ReadNative(dir, filepath.Join(dir, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Problems {
		t.Errorf("%s: manifest problem %s at line %d: %s", rel, p.Rule, p.Line, p.Message)
	}
	e := DeliveryExpected{Path: rel, Title: d.Title, Season: d.Season, Episodes: len(d.Episodes),
		EpisodeCount: d.EpisodeCount, Territories: d.Territories, FrameRate: d.FrameRate.String()}
	// The delivery's languages are those any episode lists.
	langs := map[string]bool{}
	for _, f := range d.Files {
		langs[f.Language] = true
	}
	present := map[int]bool{}
	for _, ep := range d.Episodes {
		present[ep.Number] = true
		have := map[string]bool{}
		for _, i := range ep.Files {
			have[d.Files[i].Language] = true
		}
		e.Defects.MissingLanguage += len(langs) - len(have)
	}
	for n := 1; n <= d.EpisodeCount; n++ {
		if !present[n] {
			e.Defects.EpisodeGap++
		}
	}
	listed := map[string]bool{}
	for _, f := range d.Files {
		listed[f.Path] = true
		e.FilesListed++
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if errors.Is(err, fs.ErrNotExist) {
			e.Defects.MissingFile++
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		e.FilesOnDisk++
		e.Bytes += int64(len(data))
		sum := sha256.Sum256(data)
		shaOK := hex.EncodeToString(sum[:]) == f.Hashes["sha256"]
		sizeOK := int64(len(data)) == f.Size
		switch {
		case !shaOK && sizeOK:
			e.Defects.ChecksumMismatch++
		case shaOK && !sizeOK:
			e.Defects.SizeMismatch++
		case !shaOK && !sizeOK:
			t.Errorf("%s/%s: both checksum and size are wrong; a file carries one defect", rel, f.Path)
		}
		format := strings.TrimPrefix(path.Ext(f.Path), ".")
		doc := readAny(format, data)
		if len(doc.Diagnostics) > 0 {
			t.Errorf("%s/%s: %d read diagnostics, first %+v", rel, f.Path, len(doc.Diagnostics), doc.Diagnostics[0])
		}
		c := judge(doc, limitsFor(t, f.Language))
		e.Defects.Overlap += c.Overlap
		e.Defects.TooShort += c.TooShort
		e.Defects.TooFast += c.TooFast
		e.Defects.LineTooLong += c.LineTooLong
	}
	// Nothing on disk that the manifest does not list (no file-unlisted).
	filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
		if err == nil && !de.IsDir() && de.Name() != "manifest.yaml" {
			r, _ := filepath.Rel(dir, p)
			if !listed[filepath.ToSlash(r)] {
				t.Errorf("%s: %s is on disk but not in the manifest", rel, r)
			}
		}
		return nil
	})
	return e
}

func TestAuditTreeMatchesExpected(t *testing.T) {
	root, exp := smallTree(t, AuditOptions{Members: 3, Episodes: 20, Languages: 3, Seed: 11, DefectRate: 0.35, Cues: 60})
	// EXPECTED.json on disk says what AuditTree returned.
	var disk Expected
	data, err := os.ReadFile(filepath.Join(root, "EXPECTED.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &disk); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&disk, exp) {
		t.Fatal("EXPECTED.json differs from the returned summary")
	}
	if len(disk.Members) != 3 || disk.Totals.Episodes != 20 {
		t.Fatalf("%d members, %d episodes; want 3 and 20", len(disk.Members), disk.Totals.Episodes)
	}
	got := recount(t, root)
	var sum Counts
	deliveries := 0
	for _, m := range disk.Members {
		var member Counts
		for _, de := range m.Deliveries {
			deliveries++
			r, ok := got[de.Path]
			if !ok {
				t.Errorf("%s: listed in EXPECTED.json, not on disk", de.Path)
				continue
			}
			if r.Defects != de.Defects {
				t.Errorf("%s: on disk %+v\nEXPECTED.json %+v", de.Path, r.Defects, de.Defects)
			}
			if r.Episodes != de.Episodes || r.EpisodeCount != de.EpisodeCount || r.FilesListed != de.FilesListed ||
				r.FilesOnDisk != de.FilesOnDisk || r.Bytes != de.Bytes || r.Title != de.Title || r.Season != de.Season ||
				r.FrameRate != de.FrameRate || !reflect.DeepEqual(r.Territories, de.Territories) {
				t.Errorf("%s: on disk %+v\nEXPECTED.json %+v", de.Path, r, de)
			}
			member.Add(r.Defects)
		}
		if member != m.Totals.Defects {
			t.Errorf("member %s: on disk %+v, EXPECTED.json totals %+v", m.Slug, member, m.Totals.Defects)
		}
		sum.Add(member)
	}
	if deliveries != len(got) {
		t.Errorf("%d delivery folders on disk, %d in EXPECTED.json", len(got), deliveries)
	}
	if sum != disk.Totals.Defects {
		t.Errorf("tree totals: on disk %+v, EXPECTED.json %+v", sum, disk.Totals.Defects)
	}
	// The seed is chosen so that every kind is exercised; if generation
	// changes and a kind disappears, pick another seed rather than let
	// the recount above check nothing.
	for kind, n := range sum.ByKind() {
		if n == 0 {
			t.Errorf("no %s defect seeded in the test tree", kind)
		}
	}
}

func treeDigest(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !de.IsDir() {
			data, _ := os.ReadFile(p)
			sum := sha256.Sum256(data)
			r, _ := filepath.Rel(root, p)
			out[filepath.ToSlash(r)] = hex.EncodeToString(sum[:])
		}
		return nil
	})
	return out
}

func TestAuditTreeIsDeterministicAcrossWorkers(t *testing.T) {
	o := AuditOptions{Members: 4, Episodes: 30, Languages: 4, Seed: 5, DefectRate: 0.2, Cues: 40,
		Formats: []string{"srt", "vtt", "ttml"}}
	o.Workers = 1
	a, _ := smallTree(t, o)
	o.Workers = 5
	b, _ := smallTree(t, o)
	da, db := treeDigest(t, a), treeDigest(t, b)
	if !reflect.DeepEqual(da, db) {
		t.Fatalf("1 and 5 workers wrote different trees (%d vs %d files)", len(da), len(db))
	}
	o.Seed = 6
	c, _ := smallTree(t, o)
	if reflect.DeepEqual(da, treeDigest(t, c)) {
		t.Fatal("seeds 5 and 6 wrote the same tree")
	}
}

// planOnly summarises the plan of a tree without writing it.
func planOnly(t *testing.T, o AuditOptions) *Expected {
	t.Helper()
	o, err := o.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	p, err := planAudit(&o)
	if err != nil {
		t.Fatal(err)
	}
	return summarise(p, &o)
}

// At the trade body's proportions the tree has the requested episodes,
// about 470 programmes per 9,600 episodes, and skewed member sizes.
func TestAuditTreeDistribution(t *testing.T) {
	exp := planOnly(t, AuditOptions{Members: 58, Episodes: 10000, Languages: 5, Seed: 1, DefectRate: 0.02})
	if exp.Totals.Episodes != 10000 || len(exp.Members) != 58 {
		t.Fatalf("%d episodes, %d members", exp.Totals.Episodes, len(exp.Members))
	}
	if p := exp.Totals.Programmes; p != 490 {
		t.Errorf("%d programmes, want 10,000 × 470 / 9,600 = 490", p)
	}
	var sizes []int
	slugs := map[string]bool{}
	for _, m := range exp.Members {
		if m.Totals.Deliveries < 1 {
			t.Errorf("member %s has no delivery", m.Slug)
		}
		if slugs[m.Slug] {
			t.Errorf("member slug %s used twice", m.Slug)
		}
		slugs[m.Slug] = true
		sizes = append(sizes, m.Totals.Episodes)
		for _, d := range m.Deliveries {
			if len(d.Languages) != 5 || d.Languages[0] != "en" {
				t.Errorf("%s: languages %v", d.Path, d.Languages)
			}
		}
	}
	sort.Ints(sizes)
	if sizes[len(sizes)-1] < 10*sizes[len(sizes)/2] {
		t.Errorf("member sizes not skewed: median %d, largest %d", sizes[len(sizes)/2], sizes[len(sizes)-1])
	}
	want := 5*10000 - exp.Totals.Defects.MissingLanguage
	if exp.Totals.FilesListed != want || exp.Totals.FilesOnDisk != want-exp.Totals.Defects.MissingFile {
		t.Errorf("files listed %d, on disk %d; want %d listed", exp.Totals.FilesListed, exp.Totals.FilesOnDisk, want)
	}
	// The seeded rate: each file slot with probability 2 %, spread evenly
	// over eight kinds (cue kinds seed one to three cues each).
	files := float64(5 * 10000)
	d := exp.Totals.Defects
	slots := d.MissingLanguage + d.MissingFile + d.ChecksumMismatch + d.SizeMismatch
	if got := float64(slots) / files; got < 0.007 || got > 0.013 {
		t.Errorf("file-level defects on %.2f %% of slots, want about 1 %%", 100*got)
	}
	small := planOnly(t, AuditOptions{Members: 58, Episodes: 9600, Languages: 1, Seed: 1, DefectRate: 0})
	if p := small.Totals.Programmes; p != 470 {
		t.Errorf("9,600 episodes in %d programmes, want 470", p)
	}
	if small.Totals.Defects.Total() != 0 || small.Totals.CleanDeliveries != 470 {
		t.Errorf("defect rate 0 seeded %+v", small.Totals.Defects)
	}
	few := planOnly(t, AuditOptions{Members: 58, Episodes: 1000, Seed: 1})
	if p := few.Totals.Programmes; p != 58 {
		t.Errorf("1,000 episodes: %d programmes, want one per member (58)", p)
	}
}

func TestAuditTreeRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "old.srt"), []byte("x"), 0o644)
	if _, err := AuditTree(dir, AuditOptions{Members: 1, Episodes: 1, Languages: 1, Cues: 10}); err == nil {
		t.Fatal("wrote into a folder with files in it")
	}
	for _, o := range []AuditOptions{
		{Members: 5, Episodes: 3},
		{Languages: 99},
		{DefectRate: 1.5},
		{Formats: []string{"stl"}},
	} {
		if _, err := AuditTree(filepath.Join(t.TempDir(), "x"), o); err == nil {
			t.Errorf("%+v accepted", o)
		}
	}
}

func BenchmarkAuditTree(b *testing.B) {
	var bytes int64
	for i := 0; i < b.N; i++ {
		exp, err := AuditTree(filepath.Join(b.TempDir(), "t"), AuditOptions{Members: 10, Episodes: 200, Languages: 5, Seed: uint64(i), DefectRate: 0.02})
		if err != nil {
			b.Fatal(err)
		}
		bytes = exp.Totals.Bytes
	}
	b.SetBytes(bytes)
}
