package audit

import (
	"sort"
	"strings"

	"github.com/exportqc/exportqc/qc/territory"
)

// Requirements resolves the territories a delivery was checked for into
// what they require (the territory packs with the run's variants folded
// in), as D001 sees them. Nil means no territory knowledge: deliveries get
// no coverage.
type Requirements func(territories []string) ([]*territory.Territory, error)

// track is one timed-text file of an episode, for coverage.
type track struct {
	episode  int
	language string
	kind     string
}

// trackLabel names a track: "fr" for full subtitles, "fr:sdh" otherwise.
func trackLabel(language, kind string) string {
	if kind == "" || kind == "subtitles" {
		return language
	}
	return language + ":" + kind
}

// requirementLabel names a requirement the same way.
func requirementLabel(r *territory.Requirement) string { return trackLabel(r.Language, r.Kind) }

// coverage compares each territory's requirements with the tracks the
// delivery's files hold, per unit: each episode, or the programme when the
// delivery has no episode numbers. A requirement is met in a unit as D001
// decides it (the territory's language equivalences, the kinds it
// accepts), but only by files that exist and were checked: a declared file
// missing from disk (D002) delivers nothing.
func coverage(terrs []*territory.Territory, units []int, tracks []track) []Coverage {
	out := make([]Coverage, 0, len(terrs))
	for _, t := range terrs {
		c := Coverage{Territory: t.ID, Required: []string{}, Delivered: []string{}}
		delivered := map[string]bool{}
		seen := map[string]bool{}
		for ri := range t.Requires {
			r := &t.Requires[ri]
			label := requirementLabel(r)
			if !seen[label] {
				seen[label] = true
				c.Required = append(c.Required, label)
			}
			for _, u := range units {
				c.Slots++
				if meets(t, r, u, units, tracks) {
					c.Covered++
					delivered[label] = true
				}
			}
		}
		sort.Strings(c.Required)
		c.Delivered = sortedKeys(delivered)
		c.Percent = percent(c.Covered, c.Slots)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Territory < out[j].Territory })
	return out
}

// meets reports whether unit u has a track meeting r. With a single
// programme unit (no episodes) every track counts.
func meets(t *territory.Territory, r *territory.Requirement, u int, units []int, tracks []track) bool {
	whole := len(units) == 1 && units[0] == 0
	for _, tr := range tracks {
		if !whole && tr.episode != u {
			continue
		}
		kind := tr.kind
		if kind == "" {
			kind = "subtitles"
		}
		if tr.language != "" && r.Accepted(kind) && t.Satisfies(r.Language, tr.language) {
			return true
		}
	}
	return false
}

// requirementsCache resolves each distinct territory list once per audit.
type requirementsCache struct {
	resolve Requirements
	cache   map[string][]*territory.Territory
	err     error
}

func (rc *requirementsCache) get(territories []string) []*territory.Territory {
	if rc == nil || rc.resolve == nil || len(territories) == 0 {
		return nil
	}
	key := strings.Join(territories, "\x00")
	if t, ok := rc.cache[key]; ok {
		return t
	}
	t, err := rc.resolve(territories)
	if err != nil && rc.err == nil {
		rc.err = err
	}
	rc.cache[key] = t
	return t
}
