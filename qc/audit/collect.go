package audit

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

// Collector turns the engine's results into the audit's per-delivery
// records, part by part as the engine finishes them (engine.RunEach): it
// keeps per delivery only counts and compact findings (no cues, no
// thresholds, no file list), so nothing of the engine's outlives the part
// it came in and an audit's memory does not grow with its files; with
// SpillTo, the findings too go to disk as each delivery completes.
//
// Each delivery is completed (episodes, coverage, verdict) when the part
// holding it is added, so a delivery must come in one part. Not safe for
// concurrent use: RunEach's emit calls come one at a time.
type Collector struct {
	prefix  string // how the engine's paths start: the root, slash-separated, with "/"
	index   map[string]int
	out     []Delivery
	numbers [][]int   // per delivery, its manifest's episode numbers
	tracks  [][]track // per delivery, for coverage; dropped once complete
	done    []bool
	failOn  rule.Severity
	rc      *requirementsCache
	waive   Waive
	// loose are findings outside every delivery (about a waiver file, say),
	// kept whole until Finish sorts them into report order.
	loose []looseFinding
	spill *Spill // where completed deliveries' findings go; nil: kept in memory
	// plan is what the rules about the audit's plan inspect (SetPlan);
	// planRules are those rules, planConfigs their configuration by code.
	plan        *rule.AuditPlan
	planRules   []*rule.Rule
	planConfigs map[string]*rule.Config
}

// SetPlan gives Finish the audit's plan (planFacts) and the rules that
// inspect it: of rules, those with RunAudit run once every delivery is in,
// each configured by configs (by code; a rule without a configuration runs
// at its default severity), so packs, --disable and --severity apply to
// them as to any rule. Without SetPlan no plan rule runs: a delivery
// folder with nothing to check then has no finding.
func (c *Collector) SetPlan(plan *rule.AuditPlan, rules []*rule.Rule, configs map[string]*rule.Config) {
	c.plan, c.planRules, c.planConfigs = plan, rules, configs
}

// SpillTo sends the findings of each delivery, once complete, to s instead
// of keeping them in memory.
func (c *Collector) SpillTo(s *Spill) { c.spill = s }

type looseFinding struct {
	f rule.Finding
	w *rule.Waiver
}

// NewCollector starts collecting the deliveries in sel (paths relative to
// root): each delivery record, file record and finding the engine reports
// goes to the delivery whose folder holds it. Paths become relative to
// root, so the audit reads the same wherever the tree is mounted, and
// fingerprints are taken on those paths. req gives the territories'
// requirements for coverage (nil: no coverage); waive, if not nil, applies
// waivers to the findings.
func NewCollector(root string, sel []Planned, failOn rule.Severity, req Requirements, waive Waive) *Collector {
	c := &Collector{prefix: rootPrefix(root), index: make(map[string]int, len(sel)),
		out: make([]Delivery, len(sel)), numbers: make([][]int, len(sel)), tracks: make([][]track, len(sel)),
		done: make([]bool, len(sel)), failOn: failOn, waive: waive,
		rc: &requirementsCache{resolve: req, cache: map[string][]*territory.Territory{}}}
	for i, p := range sel {
		c.index[p.Path] = i
		c.out[i] = Delivery{Member: p.Member, Path: p.Path, Territories: []string{}, Episodes: []Episode{},
			Coverage: []Coverage{}, Findings: []Finding{}}
	}
	return c
}

// Add maps one part of the engine's results and completes the deliveries
// it holds.
func (c *Collector) Add(rep *report.Report) error {
	touched := map[int]bool{}
	for i := range rep.Deliveries {
		rd := &rep.Deliveries[i]
		j, ok := c.index[c.rel(rd.Path)]
		if !ok {
			continue
		}
		touched[j] = true
		d := &c.out[j]
		d.Kind, d.Title, d.Season = rd.Kind, rd.Title, rd.Season
		d.Territories = append(d.Territories, rd.Territories...)
		for _, e := range rd.Episodes {
			c.numbers[j] = append(c.numbers[j], e.Number)
		}
	}
	for i := range rep.Files {
		f := &rep.Files[i]
		rel := c.rel(f.Path)
		if f.Delivery != "" {
			rel = c.rel(f.Delivery)
		}
		j := c.ownerIndex(rel)
		if j < 0 {
			continue
		}
		touched[j] = true
		c.out[j].Files++
		c.out[j].Cues += f.Cues
		c.tracks[j] = append(c.tracks[j], track{episode: f.Episode, language: f.Language, kind: f.Kind})
	}
	// Findings with root-relative paths: what waivers match, fingerprints
	// are taken on, and the audit reports.
	findings := make([]rule.Finding, len(rep.Findings))
	for i, f := range rep.Findings {
		f.File = c.rel(f.File)
		findings[i] = f
	}
	var waived []*rule.Waiver
	if c.waive != nil {
		waived = c.waive.Apply(findings)
	}
	for i := range findings {
		f := &findings[i]
		w := f.Waived // a waiver the engine applied, if it was given one
		if i < len(waived) && waived[i] != nil {
			w = waived[i]
		}
		j := c.ownerIndex(f.File)
		if j < 0 {
			c.loose = append(c.loose, looseFinding{*f, w})
			continue
		}
		touched[j] = true
		c.finding(j, f, w)
	}
	for j := range touched {
		if c.done[j] {
			return fmt.Errorf("delivery %s came in two parts of the run (overlapping paths?)", c.out[j].Path)
		}
	}
	for j := range touched {
		if err := c.complete(j); err != nil {
			return err
		}
	}
	return c.rc.err
}

// complete derives a delivery's episodes, coverage and verdict once all of
// it is in, drops its track list and spills its findings.
func (c *Collector) complete(j int) error {
	d := &c.out[j]
	units := episodeUnits(c.numbers[j], c.tracks[j])
	d.Episodes = episodes(units, c.tracks[j])
	d.Coverage = coverage(c.rc.get(d.Territories), units, c.tracks[j])
	sortFindings(d.Findings)
	d.Passed = !failsAt(d, c.failOn)
	c.tracks[j], c.numbers[j] = nil, nil
	c.done[j] = true
	if c.spill != nil {
		return d.spillFindings(c.spill)
	}
	return nil
}

// Finish runs the plan's rules (SetPlan), completes the deliveries no part
// held (nothing found there) and returns the records in sel's order and
// the notes: findings outside every delivery in report order, then the
// plan rules' notes, then the waivers' notes (with the severity rules, the
// run's rule list, gives them).
func (c *Collector) Finish(rules []report.RuleInfo) ([]Delivery, []Finding, error) {
	// No part held these: the engine found neither a manifest nor a
	// subtitle file there.
	var empty []int
	for j := range c.out {
		if !c.done[j] {
			empty = append(empty, j)
		}
	}
	// The plan's rules report on an empty delivery (B004) under that
	// delivery, so it fails; on the plan as a whole, as notes.
	var planNotes []rule.Finding
	for _, f := range c.runPlanRules(empty) {
		if j, ok := c.index[f.File]; ok && !c.done[j] {
			c.finding(j, &f, nil)
		} else {
			planNotes = append(planNotes, f)
		}
	}
	for _, j := range empty {
		if err := c.complete(j); err != nil {
			return nil, nil, err
		}
	}
	sort.SliceStable(c.loose, func(a, b int) bool { return rule.Less(&c.loose[a].f, &c.loose[b].f) })
	var notes []Finding
	for i := range c.loose {
		notes = append(notes, compact(&c.loose[i].f, c.loose[i].w))
	}
	for i := range planNotes {
		notes = append(notes, compact(&planNotes[i], nil))
	}
	if c.waive != nil {
		for _, n := range c.waive.Notes() {
			notes = append(notes, c.note(&n, rules))
		}
	}
	return c.out, notes, c.rc.err
}

// runPlanRules runs the plan's rules (SetPlan) once, in registry order,
// with the deliveries at indexes empty as the plan's Empty.
func (c *Collector) runPlanRules(empty []int) []rule.Finding {
	if c.plan == nil {
		return nil
	}
	plan := *c.plan
	plan.Empty = nil
	for _, j := range empty {
		plan.Empty = append(plan.Empty, c.out[j].Path)
	}
	var found []rule.Finding
	for _, r := range c.planRules {
		if r.RunAudit == nil {
			continue
		}
		cfg := c.planConfigs[r.Code]
		if cfg == nil {
			cfg = &rule.Config{Enabled: true, Severity: r.DefaultSeverity}
		}
		if cfg.Enabled {
			rule.NewAuditPass(r, &plan, cfg, func(f rule.Finding) { found = append(found, f) }).RunAudit()
		}
	}
	return found
}

// episodeUnits are the episode numbers of a delivery: those its manifest
// declares, and any its files carry; {0} for a film.
func episodeUnits(declared []int, tracks []track) []int {
	set := map[int]bool{}
	for _, n := range declared {
		set[n] = true
	}
	for _, t := range tracks {
		if t.episode > 0 {
			set[t.episode] = true
		}
	}
	if len(set) == 0 {
		return []int{0}
	}
	out := make([]int, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// episodes lists each unit's distinct track labels.
func episodes(units []int, tracks []track) []Episode {
	whole := len(units) == 1 && units[0] == 0
	out := make([]Episode, len(units))
	for i, n := range units {
		set := map[string]bool{}
		for _, t := range tracks {
			if t.language != "" && (whole || t.episode == n) {
				set[trackLabel(t.language, t.kind)] = true
			}
		}
		out[i] = Episode{Number: n, Tracks: sortedKeys(set)}
	}
	return out
}

// failsAt reports whether a delivery has a finding, not waived, at or above
// the fail-on severity.
func failsAt(d *Delivery, failOn rule.Severity) bool {
	for i := range d.Findings {
		if d.Findings[i].Waived == nil && d.Findings[i].Severity >= failOn {
			return true
		}
	}
	return false
}

func rootPrefix(root string) string {
	r := filepath.ToSlash(filepath.Clean(root))
	if r == "." {
		return ""
	}
	return strings.TrimSuffix(r, "/") + "/"
}

// rel is an engine path relative to the root (unchanged when outside it).
func (c *Collector) rel(p string) string {
	p = filepath.ToSlash(p)
	if c.prefix != "" && strings.HasPrefix(p, c.prefix) {
		return p[len(c.prefix):]
	}
	return p
}

// ownerIndex is the index of the delivery whose folder holds rel (or is
// rel), or -1.
func (c *Collector) ownerIndex(rel string) int {
	for p := rel; p != "." && p != "/" && p != ""; p = path.Dir(p) {
		if i, ok := c.index[p]; ok {
			return i
		}
	}
	return -1
}

// compact is the audit's form of a finding whose path is root-relative.
func compact(f *rule.Finding, w *rule.Waiver) Finding {
	af := Finding{Rule: f.Rule, Severity: f.Severity, File: f.File, Line: f.Line, Cue: f.Cue, Message: f.Message,
		Waived: w, Fingerprint: rule.Fingerprint(f), More: f.More}
	if f.Start != nil {
		af.Start = string(cue.Time(*f.Start).AppendTimecode(nil))
	}
	return af
}

// finding files a (root-relative) finding under delivery j.
func (c *Collector) finding(j int, f *rule.Finding, w *rule.Waiver) {
	af := compact(f, w)
	d := &c.out[j]
	d.Findings = append(d.Findings, af)
	if af.Waived != nil {
		d.Waived++
	} else {
		d.AddFinding(f)
	}
}

// note is a waiver note (W001, W002) in the audit's form: it is about the
// waiver file, never a delivery's, whatever folder that file is in. Its
// severity is the one the run configured for the rule, when the rule is in
// the run's rule list, else the waiver package's default.
func (c *Collector) note(f *rule.Finding, rules []report.RuleInfo) Finding {
	severityFrom(f, rules)
	return compact(f, nil)
}

// severityFrom gives f the severity the run configured for its rule, when
// the rule is in the run's rule list.
func severityFrom(f *rule.Finding, rules []report.RuleInfo) {
	for _, r := range rules {
		if r.Code == f.Rule {
			f.Severity = r.Severity
		}
	}
}

// Waive decides which findings (root-relative paths) waivers accept, in
// batches: Apply's result is parallel to its findings (nil entries, or nil,
// for none) and Notes, once every batch is in, are findings about the
// waivers themselves. *waiver.Applier, with its clock, is one.
type Waive interface {
	Apply(findings []rule.Finding) []*rule.Waiver
	Notes() []rule.Finding
}
