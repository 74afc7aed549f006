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
// territories' requirements for coverage (nil: no coverage).
func Collect(root string, sel []Planned, rep *report.Report, failOn rule.Severity, req Requirements) ([]Delivery, []Finding, error) {
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
	for i := range rep.Findings {
		c.finding(&rep.Findings[i])
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

func (c *collector) finding(f *rule.Finding) {
	rel := c.rel(f.File)
	af := Finding{Rule: f.Rule, Severity: f.Severity, File: rel, Line: f.Line, Cue: f.Cue, Message: f.Message,
		Waived: waiverOf(f)}
	if f.Start != nil {
		af.Start = string(cue.Time(*f.Start).AppendTimecode(nil))
	}
	// The fingerprint is taken on the root-relative path: the same finding
	// in the same tree matches across audits wherever the tree is mounted.
	fc := *f
	fc.File = rel
	af.Fingerprint = rule.Fingerprint(&fc)
	j := c.ownerIndex(rel)
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

// waiverOf is the waiver the engine attached to a finding, if any.
// TODO(waivers): read the finding's waiver once the engine attaches it.
func waiverOf(*rule.Finding) *rule.Waiver { return nil }
