package engine

// Delivery mode. A folder holding a manifest (native YAML/JSON, an IMF
// ASSETMAP, an iTunes metadata.xml, a MovieLabs MMC manifest or checksum
// sidecars), or the one folder named with --manifest, or any named folder
// when territories are requested (file names then describe it), is checked
// as a delivery:
//
//   - the subtitle files its manifest lists join the per-file pass, in the
//     same sorted input list and worker pool as loose files, with their
//     language, kind, episode and frame rate from the manifest;
//   - after that pass, the delivery rules (qc/deliverycheck) compare the
//     manifest with the disk and the territories' requirements; each
//     delivery's findings fill its own slot, so reports stay identical for
//     any --jobs.
//
// Walking stops at a delivery folder: what lies below it belongs to the
// delivery (a file it does not list is D003, not a loose file to check).

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/delivery/load"
	"github.com/exportqc/exportqc/qc/deliverycheck"
	"github.com/exportqc/exportqc/qc/format"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

// DeliveryResolver is what a Resolver offers when it knows territory packs;
// without it deliveries are checked with no territory layer and no
// territory requirements.
type DeliveryResolver interface {
	// ResolveIn is Resolve with the layers of the given territories (codes
	// or territory pack ids, valid ones) applied above the language.
	ResolveIn(language string, territories []string) (map[string]*rule.Config, error)
	// Territories returns what the territories require, the run's variants
	// folded in, and the built-in language equivalence classes. An invalid
	// code is an error.
	Territories(territories []string) ([]*territory.Territory, []territory.Class, error)
}

// unit is one delivery of the run.
type unit struct {
	root        string // as reported: slash-separated, cleaned
	disk        string // as walked, for the file system
	d           *delivery.Delivery
	terrs       []string               // the manifest's valid territories, then the run's
	territories []*territory.Territory // the packs of terrs, with the run's variants folded in
	classes     []territory.Class
	findings    []rule.Finding // set after the per-file pass
}

// fileMeta is what a delivery says about one of its subtitle files.
type fileMeta struct {
	u       *unit
	rel     string
	file    *delivery.File // first declaration
	episode *delivery.Episode
}

// plan expands the inputs and finds the deliveries among them.
func plan(opts *Options) ([]input, []*unit, error) {
	if opts.Manifest != "" {
		var folders []string
		for _, a := range opts.Paths {
			if st, err := os.Stat(a); err == nil && st.IsDir() {
				folders = append(folders, a)
			}
		}
		if len(folders) != 1 || len(opts.Paths) != 1 {
			return nil, nil, fmt.Errorf("--manifest describes one delivery: name exactly one folder (got %d paths)", len(opts.Paths))
		}
	}
	var units []*unit
	// A manifest named as a path stands for its delivery folder.
	var paths []string
	for _, a := range opts.Paths {
		if !load.IsManifestFile(a) {
			paths = append(paths, a)
			continue
		}
		u, err := openUnit(opts, filepath.Dir(a), a)
		if err != nil {
			return nil, nil, err
		}
		if u != nil {
			units = append(units, u)
		}
	}
	var loadErr error
	// The roots of the units so far: a tree of ten thousand deliveries
	// asks about every folder, and a scan of the units each time cost most
	// of the planning.
	roots := map[string]bool{}
	for _, u := range units {
		roots[u.root] = true
	}
	claim := func(dir string, arg bool) bool {
		if loadErr != nil {
			return false
		}
		if roots[slashClean(dir)] {
			return true // already read through a manifest named on the command line
		}
		explicit := ""
		if arg {
			explicit = opts.Manifest
		}
		if explicit == "" && !load.LooksLikeDelivery(dir) {
			return false
		}
		u, err := openUnit(opts, dir, explicit)
		if err != nil {
			loadErr = err
			return false
		}
		if u == nil {
			return false
		}
		units = append(units, u)
		roots[u.root] = true
		return true
	}
	inputs, err := discover(paths, claim)
	if err != nil {
		return nil, nil, err
	}
	if loadErr != nil {
		return nil, nil, loadErr
	}
	// With territories requested, a named folder that holds no delivery is
	// one, described by its file names.
	if len(opts.Territories) > 0 {
		for _, a := range opts.Paths {
			st, err := os.Stat(a)
			if err != nil || !st.IsDir() || containsUnit(units, a) {
				continue
			}
			d, err := load.Open(a, load.Options{Patterns: opts.Patterns})
			if err != nil {
				return nil, nil, err
			}
			u := newUnit(opts, a, d)
			units = append(units, u)
		}
	}
	sort.Slice(units, func(i, j int) bool { return units[i].root < units[j].root })
	joinPackages(units)
	// A delivery that declares no file (its manifest cannot be read) has
	// its subtitle files checked on their own all the same.
	for _, u := range units {
		if len(u.d.Files) == 0 {
			more, err := discover([]string{u.disk}, nil)
			if err != nil {
				return nil, nil, err
			}
			inputs = append(inputs, more...)
		}
	}
	// Loose files inside a delivery are the delivery's business, unless it
	// declares none (its manifest cannot be read): they are still checked
	// on their own.
	declaring := map[string]bool{}
	for _, u := range units {
		if len(u.d.Files) > 0 {
			declaring[u.root] = true
		}
	}
	inputs = slices.DeleteFunc(inputs, func(in input) bool { return insideAny(in.path, declaring) })
	for _, u := range units {
		inputs = append(inputs, u.inputs()...)
	}
	sort.SliceStable(inputs, func(i, j int) bool { return inputs[i].path < inputs[j].path })
	inputs = slices.CompactFunc(inputs, func(a, b input) bool { return a.path == b.path })
	return inputs, units, nil
}

// joinPackages resolves, across the IMF packages of one run, the track
// files a composition references by ID that its own package does not list.
// A supplemental IMP (a new subtitle language, a textless version) reuses
// its OV's picture and sound and is delivered in a folder of its own,
// beside the OV's: each folder is its own delivery, but when another
// package of the run lists the asset, the reference is met and is not a
// D002. (The OV's own checks say whether that file is really there.) An
// audit plans each delivery folder on its own, so there the OV must be in
// the same delivery folder as its supplementals, as it is in practice.
func joinPackages(units []*unit) {
	owner := map[string]string{} // asset ID → the first package listing it
	for _, u := range units {
		if u.d.Kind != delivery.KindIMF {
			continue
		}
		for i := range u.d.Files {
			if id := u.d.Files[i].ID; id != "" && owner[id] == "" {
				owner[id] = u.root
			}
		}
	}
	if len(owner) == 0 {
		return
	}
	for _, u := range units {
		u.d.Problems = slices.DeleteFunc(u.d.Problems, func(p delivery.Problem) bool {
			o := owner[p.Asset]
			return p.Asset != "" && o != "" && o != u.root
		})
	}
}

// insideAny reports whether path is one of roots or inside one: its
// folders are looked up, one by one, not every root compared.
func insideAny(path string, roots map[string]bool) bool {
	if roots["."] || roots[path] {
		return true
	}
	for i := strings.LastIndexByte(path, '/'); i > 0; i = strings.LastIndexByte(path[:i], '/') {
		if roots[path[:i]] {
			return true
		}
	}
	return false
}

func containsUnit(units []*unit, dir string) bool {
	root := slashClean(dir)
	for _, u := range units {
		if u.root == root || root == "." || strings.HasPrefix(u.root, root+"/") {
			return true
		}
	}
	return false
}

func slashClean(p string) string { return filepath.ToSlash(filepath.Clean(p)) }

// openUnit reads the delivery at dir; nil when nothing there describes a
// delivery after all (only file names, and no territory requested).
func openUnit(opts *Options, dir, manifest string) (*unit, error) {
	d, err := load.Open(dir, load.Options{Manifest: manifest, Patterns: opts.Patterns})
	if err != nil {
		if manifest != "" {
			return nil, err // the user named it: a usage error
		}
		// An unreadable manifest in a walked folder is that delivery's
		// problem, not the run's.
		d = &delivery.Delivery{Root: dir, Kind: delivery.KindNative}
		d.Problemf(delivery.RuleManifestInvalid, "", 0, "the delivery's manifest cannot be read: "+err.Error())
		d.Finish()
	}
	if d.Kind == delivery.KindInferred && len(opts.Territories) == 0 {
		return nil, nil
	}
	return newUnit(opts, dir, d), nil
}

func newUnit(opts *Options, dir string, d *delivery.Delivery) *unit {
	u := &unit{root: slashClean(dir), disk: dir, d: d}
	dr, _ := opts.Resolver.(DeliveryResolver)
	// Manifest territories first, then the run's; a manifest code no pack
	// or region knows is a manifest problem (D009), not a run failure.
	for _, t := range append(slices.Clone(d.Territories), opts.Territories...) {
		if slices.ContainsFunc(u.terrs, func(s string) bool { return strings.EqualFold(s, t) }) {
			continue
		}
		if dr != nil {
			if _, _, err := dr.Territories([]string{t}); err != nil {
				manifest := ""
				if len(d.Manifests) > 0 {
					manifest = d.Manifests[0]
				}
				d.Problemf(delivery.RuleManifestInvalid, manifest, deliverycheck.ManifestKeyLine(d, "territories"),
					err.Error()) // names the code, the known territories and the code likely meant
				continue
			}
		}
		u.terrs = append(u.terrs, t)
	}
	if dr != nil {
		u.territories, u.classes, _ = dr.Territories(u.terrs)
	}
	return u
}

// inputs lists the delivery's files the per-file rules check: the distinct
// declared paths of timed-text kinds named like a subtitle format, present
// on disk inside the delivery. Absent and escaping paths are the delivery
// rules' findings.
func (u *unit) inputs() []input {
	var out []input
	seen := map[string]bool{}
	for i := range u.d.Files {
		f := &u.d.Files[i]
		if seen[f.Path] {
			continue
		}
		seen[f.Path] = true
		// Only what the manifest calls timed text is checked as subtitles:
		// a file whose kind is invalid (D009) or "other" waits for the
		// manifest to say what it is.
		if !delivery.IsText(f.Kind) || format.ByExt(f.Path) == nil {
			continue // and MXF-wrapped timed text is not readable as a file
		}
		real, err := delivery.Resolve(u.disk, f.Path)
		if err != nil {
			continue
		}
		if st, err := os.Stat(real); err != nil || !st.Mode().IsRegular() {
			continue
		}
		p := slashClean(filepath.Join(u.disk, filepath.FromSlash(f.Path)))
		out = append(out, input{path: p, explicit: true,
			meta: &fileMeta{u: u, rel: f.Path, file: f, episode: u.d.Episode(f.Episode)}})
	}
	return out
}

func (m *fileMeta) frameRate() cue.FrameRate {
	if m.episode != nil && !m.episode.FrameRate.IsZero() {
		return m.episode.FrameRate
	}
	return m.u.d.FrameRate
}

// resolveFor is the file's rule configuration: its delivery's territory
// layers apply above its language.
func resolveFor(opts *Options, in input, lang, format string) (map[string]*rule.Config, error) {
	if fr, ok := opts.Resolver.(FormatResolver); ok && format != "" {
		var terrs []string
		if in.meta != nil && len(in.meta.u.terrs) > 0 {
			terrs = in.meta.u.terrs
		}
		return fr.ResolveFormat(lang, terrs, format)
	}
	if in.meta != nil && len(in.meta.u.terrs) > 0 {
		if dr, ok := opts.Resolver.(DeliveryResolver); ok {
			return dr.ResolveIn(lang, in.meta.u.terrs)
		}
	}
	return opts.Resolver.Resolve(lang)
}

// programme is what the delivery says about the programme the file times,
// for D007.
func (m *fileMeta) programme() *rule.Programme {
	if ep := m.episode; ep != nil {
		return &rule.Programme{Label: fmt.Sprintf("episode %d", ep.Number), Episode: ep.Number,
			Duration: ep.Duration, FrameRate: ep.FrameRate}
	}
	return nil
}

// stampDelivery records a delivery file's delivery, kind and episode.
func stampDelivery(res *fileResult, in input) {
	if in.meta == nil || res.skip {
		return
	}
	res.record.Delivery = in.meta.u.root
	res.record.Kind = in.meta.file.Kind
	res.record.Episode = in.meta.file.Episode
}

// checkDeliveries runs the delivery rules of every unit once the per-file
// pass is done, each unit's findings in its own slot.
func checkDeliveries(ctx context.Context, opts *Options, units []*unit, inputs []input, results []fileResult, hasher *hashing.Hasher, jobs int) error {
	for _, u := range units {
		if err := ctx.Err(); err != nil {
			return err
		}
		cfg, err := resolveFor(opts, input{meta: &fileMeta{u: u}}, "", "")
		if err != nil {
			return err
		}
		files := map[string]rule.DeliveryFile{}
		for i := range inputs {
			if m := inputs[i].meta; m != nil && m.u == u && !results[i].skip && results[i].record.Format != "unknown" {
				files[m.rel] = rule.DeliveryFile{Format: results[i].record.Format}
			}
		}
		d := &rule.Delivery{Root: u.root, Model: u.d, Territories: u.territories, Classes: u.classes, Configs: cfg,
			Hasher: hasher, Jobs: jobs, Files: files, Load: func(p string) (*cue.Document, error) { return loadDoc(p, opts.maxFileSize()) }, Ctx: ctx}
		u.findings = nil
		for _, r := range opts.Rules {
			c := configFor(r, cfg)
			if r.RunDelivery == nil || c == nil || !c.Enabled {
				continue
			}
			runDeliveryRule(r, d, c, u)
		}
	}
	return ctx.Err()
}

// runDeliveryRule runs one delivery rule; a panic becomes a manifest
// problem of the delivery, naming the rule, so that one failing rule costs
// neither the other rules nor the other deliveries their results.
func runDeliveryRule(r *rule.Rule, d *rule.Delivery, c *rule.Config, u *unit) {
	defer func() {
		if p := recover(); p != nil {
			f := rule.Finding{Rule: r.Code, Name: r.Name, Severity: rule.Error, File: d.Manifest(),
				Message: fmt.Sprintf("internal error in rule %s (please report it): %v", r.ID(), p)}
			u.findings = append(u.findings, f)
		}
	}()
	rule.NewDeliveryPass(r, d, c, func(f rule.Finding) { u.findings = append(u.findings, f) }).Run()
}

// addDeliveries puts the delivery findings and records into the report:
// findings are counted in the summary and in the record of the file they
// name, and each delivery's record counts its files' findings too.
func addDeliveries(rep *report.Report, opts *Options, units []*unit, inputs []input, results []fileResult) {
	if len(units) == 0 {
		return
	}
	byPath := make(map[string]int, len(rep.Files))
	for i := range rep.Files {
		byPath[rep.Files[i].Path] = i
	}
	var unitFindings []rule.Finding
	for _, u := range units {
		rec := unitRecord(opts, u, inputs, results)
		for j := range u.findings {
			f := &u.findings[j]
			if !counts(f) {
				rep.Summary.Waived++
				continue
			}
			rep.Summary.AddFinding(f)
			if k, ok := byPath[f.File]; ok {
				rep.Files[k].AddFinding(f)
			}
		}
		unitFindings = append(unitFindings, u.findings...)
		rep.Deliveries = append(rep.Deliveries, rec)
	}
	rep.Findings = mergeFindings(rep.Findings, unitFindings)
}

// unitRecord is u's record in the report: its files' findings (those of
// inputs that are u's) and its own, counted once the delivery rules ran.
func unitRecord(opts *Options, u *unit, inputs []input, results []fileResult) report.Delivery {
	rec := unitRecordUncounted(u, inputs, results)
	for i := range inputs {
		if m := inputs[i].meta; m == nil || m.u != u || results[i].skip {
			continue
		}
		for j := range results[i].findings {
			countInRecord(&rec, &results[i].findings[j], opts.FailOn)
		}
	}
	for j := range u.findings {
		countInRecord(&rec, &u.findings[j], opts.FailOn)
	}
	return rec
}

// countInRecord counts one finding in a delivery's record, unless a
// waiver accepted it.
func countInRecord(rec *report.Delivery, f *rule.Finding, failOn rule.Severity) {
	if !counts(f) {
		return
	}
	rec.AddFinding(f)
	rec.Passed = rec.Passed && f.Severity < failOn
}

// unitRecordUncounted is u's record before any finding is counted in it:
// what the manifest says, and how many of its files were checked.
func unitRecordUncounted(u *unit, inputs []input, results []fileResult) report.Delivery {
	rec := report.Delivery{Path: u.root, Kind: u.d.Kind, Manifests: u.d.Manifests, Title: u.d.Title,
		Season: u.d.Season, Territories: u.terrs, Files: len(u.d.Paths())}
	for _, e := range u.d.Episodes {
		de := report.DeliveryEpisode{Number: e.Number, Title: e.Title, Files: len(e.Files)}
		if e.Duration > 0 {
			de.Duration = string(e.Duration.AppendTimecode(nil))
		}
		rec.Episodes = append(rec.Episodes, de)
	}
	rec.Passed = true
	for i := range inputs {
		if m := inputs[i].meta; m != nil && m.u == u && !results[i].skip {
			rec.Checked++
		}
	}
	return rec
}

// loadDoc reads a subtitle file into cues the way the per-file pass does,
// for delivery rules that compare files (D008).
func loadDoc(p string, limit int64) (doc *cue.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("internal error reading %s: %v", p, r)
		}
	}()
	file := &rule.File{Path: p}
	doc, _, _, _ = openDoc(input{path: p, explicit: true}, file, func(p string) ([]byte, error) { return readFile(p, limit) }, false)
	if doc == nil {
		msgs := make([]string, 0, len(file.Problems))
		for _, pr := range file.Problems {
			msgs = append(msgs, pr.Message)
		}
		return nil, fmt.Errorf("%s: %s", p, strings.Join(msgs, "; "))
	}
	return doc, nil
}
