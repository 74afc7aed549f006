package audit

import (
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

// collector turns the engine's report of one audit run into the audit's
// per-delivery records. It reads the report once, keeping per delivery
// only counts, the episodes' track lists and compact findings (no cues,
// no thresholds), so the engine's report can be dropped once it is read.
type collector struct {
	prefix string // how the engine's paths start: the root, slash-separated, with "/"
	index  map[string]int
	out    []Delivery
	tracks [][]track // per delivery, for coverage
	notes  []Finding
}

// Collect maps the engine's report of the deliveries in sel (paths
// relative to root) onto them: each delivery record, file record and
// finding goes to the delivery whose folder holds it; findings outside
// every delivery (about a waiver file, say) become notes. Paths become
// relative to root, so the audit reads the same wherever the tree is
// mounted, and fingerprints are taken on those paths. req gives the
// territories' requirements for coverage (nil: no coverage); waive, if
// not nil, applies waivers to the findings (see Waive).
func Collect(root string, sel []Planned, rep *report.Report, failOn rule.Severity, req Requirements, waive Waive) ([]Delivery, []Finding, error) {
	c := &collector{prefix: rootPrefix(root), index: make(map[string]int, len(sel)),
		out: make([]Delivery, len(sel)), tracks: make([][]track, len(sel))}
	for i, p := range sel {
		c.index[p.Path] = i
		c.out[i] = Delivery{Member: p.Member, Path: p.Path, Territories: []string{}, Episodes: []Episode{},
			Coverage: []Coverage{}, Findings: []Finding{}}
	}
	numbers := make([][]int, len(sel))
	for i := range rep.Deliveries {
		rd := &rep.Deliveries[i]
		j, ok := c.index[c.rel(rd.Path)]
		if !ok {
			continue
		}
		d := &c.out[j]
		d.Kind, d.Title, d.Season = rd.Kind, rd.Title, rd.Season
		d.Territories = append(d.Territories, rd.Territories...)
		for _, e := range rd.Episodes {
			numbers[j] = append(numbers[j], e.Number)
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
	var notes []rule.Finding
	if waive != nil {
		waived, notes = waive(findings)
	}
	for i := range findings {
		w := findings[i].Waived // a waiver the engine applied, if it was given one
		if i < len(waived) && waived[i] != nil {
			w = waived[i]
		}
		c.finding(&findings[i], w)
	}
	for i := range notes {
		c.note(&notes[i], rep.Rules)
	}
	rc := &requirementsCache{resolve: req, cache: map[string][]*territory.Territory{}}
	for i := range c.out {
		d := &c.out[i]
		units := episodeUnits(numbers[i], c.tracks[i])
		d.Episodes = episodes(units, c.tracks[i])
		d.Coverage = coverage(rc.get(d.Territories), units, c.tracks[i])
		sortFindings(d.Findings)
		d.Passed = !failsAt(d, failOn)
		c.tracks[i] = nil
	}
	return c.out, c.notes, rc.err
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
func (c *collector) rel(p string) string {
	p = filepath.ToSlash(p)
	if c.prefix != "" && strings.HasPrefix(p, c.prefix) {
		return p[len(c.prefix):]
	}
	return p
}

// ownerIndex is the index of the delivery whose folder holds rel (or is
// rel), or -1.
func (c *collector) ownerIndex(rel string) int {
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
		Waived: w, Fingerprint: rule.Fingerprint(f)}
	if f.Start != nil {
		af.Start = string(cue.Time(*f.Start).AppendTimecode(nil))
	}
	return af
}

// finding files a (root-relative) finding under its delivery, or as a note
// when no delivery holds it.
func (c *collector) finding(f *rule.Finding, w *rule.Waiver) {
	af := compact(f, w)
	j := c.ownerIndex(f.File)
	if j < 0 {
		c.notes = append(c.notes, af)
		return
	}
	d := &c.out[j]
	d.Findings = append(d.Findings, af)
	switch {
	case af.Waived != nil:
		d.Waived++
	case f.Severity == rule.Error:
		d.Errors++
	case f.Severity == rule.Warning:
		d.Warnings++
	default:
		d.Infos++
	}
}

// note keeps a waiver note (W001, W002): it is about the waiver file,
// never a delivery's, whatever folder that file is in. Its severity is the
// one the run configured for the rule, when the rule is in the run's rule
// list, else the waiver package's default.
func (c *collector) note(f *rule.Finding, rules []report.RuleInfo) {
	for _, r := range rules {
		if r.Code == f.Rule {
			f.Severity = r.Severity
		}
	}
	c.notes = append(c.notes, compact(f, nil))
}

// Waive decides which findings (root-relative paths, report order) waivers
// accept: waived is parallel to findings (nil entries, or nil, for none)
// and notes are findings about the waivers themselves. waiver.Set.Apply,
// with its clock, is one.
type Waive func(findings []rule.Finding) (waived []*rule.Waiver, notes []rule.Finding)
