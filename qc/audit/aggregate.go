package audit

import (
	"sort"
	"strings"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// Counting rules, written once here because the scorecards, the body totals
// and the dashboard must agree:
//
//   - a programme is a distinct title (case and spacing ignored); a
//     delivery without a title counts as its own programme;
//   - an episode is a distinct (programme, season, number); a film (no
//     episode numbers) is one episode of its programme, so a redelivery of
//     the same episodes is not counted twice;
//   - an episode is exported in a language when it has full subtitles, SDH
//     or captions in it (a forced narrative alone is not a translation),
//     and to a territory when a delivery holding it names the territory;
//   - findings are counted when not waived.

// topMember and topBody bound the rule lists in scorecards and totals.
const (
	topMember = 5
	topBody   = 10
)

type episodeKey struct {
	programme string
	season    int
	number    int
}

// programmeKey normalises a title so "The Long River" and "the long  river"
// are one programme.
func programmeKey(d *Delivery) string {
	t := strings.Join(strings.Fields(strings.ToLower(d.Title)), " ")
	if t == "" {
		return "\x00" + d.Path
	}
	return t
}

// trackLanguage splits "fr:sdh" into its language and kind ("" is full
// subtitles).
func trackLanguage(t string) (lang, kind string) {
	lang, kind, _ = strings.Cut(t, ":")
	return lang, kind
}

func exportsLanguage(kind string) bool { return kind != "forced" }

// tally accumulates one group of deliveries (a member, or the body).
type tally struct {
	deliveries, files, cues int
	counts                  rule.Counts
	waived                  int
	passed, failed          int
	programmes              map[string]bool
	episodes                map[episodeKey]bool
	langProg                map[string]map[string]bool
	langEp                  map[string]map[episodeKey]bool
	terrProg                map[string]map[string]bool
	terrEp                  map[string]map[episodeKey]bool
	coverage                map[string]*Coverage
	covered, slots          int
	families                map[string]int
	rules                   map[string]int
	ruleMembers             map[string]map[string]bool
}

func newTally() *tally {
	return &tally{
		programmes: map[string]bool{}, episodes: map[episodeKey]bool{},
		langProg: map[string]map[string]bool{}, langEp: map[string]map[episodeKey]bool{},
		terrProg: map[string]map[string]bool{}, terrEp: map[string]map[episodeKey]bool{},
		coverage: map[string]*Coverage{}, families: map[string]int{}, rules: map[string]int{},
		ruleMembers: map[string]map[string]bool{},
	}
}

func addSet[K comparable](m map[string]map[K]bool, key string, v K) {
	s := m[key]
	if s == nil {
		s = map[K]bool{}
		m[key] = s
	}
	s[v] = true
}

func (t *tally) add(d *Delivery, family func(string) string) {
	t.deliveries++
	t.files += d.Files
	t.cues += d.Cues
	t.counts.AddCounts(d.Counts)
	t.waived += d.Waived
	if d.Passed {
		t.passed++
	} else {
		t.failed++
	}
	prog := programmeKey(d)
	t.programmes[prog] = true
	for _, e := range d.Episodes {
		k := episodeKey{prog, d.Season, e.Number}
		t.episodes[k] = true
		for _, tr := range e.Tracks {
			if lang, kind := trackLanguage(tr); exportsLanguage(kind) {
				addSet(t.langProg, lang, prog)
				addSet(t.langEp, lang, k)
			}
		}
		for _, terr := range d.Territories {
			addSet(t.terrEp, terr, k)
		}
	}
	for _, terr := range d.Territories {
		addSet(t.terrProg, terr, prog)
	}
	for i := range d.Coverage {
		c := &d.Coverage[i]
		acc := t.coverage[c.Territory]
		if acc == nil {
			acc = &Coverage{Territory: c.Territory}
			t.coverage[c.Territory] = acc
		}
		acc.Required = union(acc.Required, c.Required)
		acc.Delivered = union(acc.Delivered, c.Delivered)
		acc.Slots += c.Slots
		acc.Covered += c.Covered
		t.slots += c.Slots
		t.covered += c.Covered
	}
	for r, n := range d.unwaivedRules() {
		t.families[family(r)] += n
		t.rules[r] += n
		addSet(t.ruleMembers, r, d.Member)
	}
}

// union merges two sorted distinct lists.
func union(a, b []string) []string {
	if len(b) == 0 {
		if a == nil {
			return []string{}
		}
		return a
	}
	set := make(map[string]bool, len(a)+len(b))
	for _, x := range a {
		set[x] = true
	}
	for _, x := range b {
		set[x] = true
	}
	return sortedKeys(set)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (t *tally) territories() []Coverage {
	out := make([]Coverage, 0, len(t.coverage))
	for _, k := range sortedKeys(t.coverage) {
		c := *t.coverage[k]
		c.Percent = percent(c.Covered, c.Slots)
		out = append(out, c)
	}
	return out
}

func (t *tally) languages() []LanguageExport {
	out := make([]LanguageExport, 0, len(t.langEp))
	for _, l := range sortedKeys(t.langEp) {
		out = append(out, LanguageExport{Language: l, Programmes: len(t.langProg[l]), Episodes: len(t.langEp[l])})
	}
	return out
}

// topRules lists the n most frequent rules, most frequent first, ties by code.
func (t *tally) topRules(n int, info map[string]report.RuleInfo, withMembers bool) []RuleCount {
	out := make([]RuleCount, 0, len(t.rules))
	for code, c := range t.rules {
		r := RuleCount{Rule: code, Name: info[code].Name, Family: familyOf(info, code), Count: c}
		if withMembers {
			r.Members = len(t.ruleMembers[code])
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Rule < out[j].Rule
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// familyOf names a rule's family; codes the run did not describe (a note
// from a newer tool, say) go by their letter.
func familyOf(info map[string]report.RuleInfo, code string) string {
	if r, ok := info[code]; ok && r.Family != "" {
		return r.Family
	}
	switch {
	case strings.HasPrefix(code, "D"):
		return "delivery"
	case strings.HasPrefix(code, "G"):
		return "language"
	case strings.HasPrefix(code, "W"):
		return "waiver"
	}
	return "other"
}

// Summarise computes the scorecards and the body totals from the
// deliveries, which must be sorted by path. It is the only place figures
// are computed, for a whole audit and for a merge alike.
func Summarise(members []Member, deliveries []Delivery, rules []report.RuleInfo) ([]MemberSummary, Totals) {
	info := make(map[string]report.RuleInfo, len(rules))
	for _, r := range rules {
		info[r.Code] = r
	}
	family := func(code string) string { return familyOf(info, code) }
	byMember := map[string]*tally{}
	body := newTally()
	for i := range deliveries {
		d := &deliveries[i]
		t := byMember[d.Member]
		if t == nil {
			t = newTally()
			byMember[d.Member] = t
		}
		t.add(d, family)
		body.add(d, family)
	}
	out := make([]MemberSummary, 0, len(members))
	for _, m := range members {
		t := byMember[m.Name]
		if t == nil {
			t = newTally()
		}
		out = append(out, MemberSummary{
			Name: m.Name, DisplayName: m.DisplayName,
			Deliveries: t.deliveries, Programmes: len(t.programmes), Episodes: len(t.episodes),
			Files: t.files, Cues: t.cues,
			Counts: t.counts, Waived: t.waived,
			PassedDeliveries: t.passed, FailedDeliveries: t.failed,
			PassRate:    percent(t.passed, t.deliveries),
			Coverage:    percent(t.covered, t.slots),
			Territories: t.territories(),
			Families:    t.families,
			TopRules:    t.topRules(topMember, info, false),
			Languages:   t.languages(),
		})
	}
	totals := Totals{
		Members: len(members), Deliveries: body.deliveries, Programmes: len(body.programmes),
		Episodes: len(body.episodes), Files: body.files, Cues: body.cues,
		Counts: body.counts, Waived: body.waived,
		PassedDeliveries: body.passed, FailedDeliveries: body.failed,
		PassRate: percent(body.passed, body.deliveries), Coverage: percent(body.covered, body.slots),
		Languages: body.languages(), Families: body.families,
		TopRules: body.topRules(topBody, info, true),
		Ranking:  ranking(out),
	}
	for _, c := range body.territories() {
		totals.Territories = append(totals.Territories, TerritoryExport{
			Territory: c.Territory, Programmes: len(body.terrProg[c.Territory]),
			Episodes: len(body.terrEp[c.Territory]), Coverage: c})
	}
	// Territories named by deliveries but requiring nothing known still
	// count their exports.
	for _, terr := range sortedKeys(body.terrEp) {
		if _, ok := body.coverage[terr]; !ok {
			totals.Territories = append(totals.Territories, TerritoryExport{
				Territory: terr, Programmes: len(body.terrProg[terr]), Episodes: len(body.terrEp[terr]),
				Coverage: Coverage{Territory: terr, Required: []string{}, Delivered: []string{}}})
		}
	}
	sort.Slice(totals.Territories, func(i, j int) bool {
		return totals.Territories[i].Territory < totals.Territories[j].Territory
	})
	if totals.Territories == nil {
		totals.Territories = []TerritoryExport{}
	}
	return out, totals
}

// ranking orders members by pass rate (best first), then coverage, then
// name; members with no deliveries have no rate and come last.
func ranking(ms []MemberSummary) []string {
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	val := func(p *Percent) float64 {
		if p == nil {
			return -1
		}
		return float64(*p)
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := &ms[idx[a]], &ms[idx[b]]
		if vx, vy := val(x.PassRate), val(y.PassRate); vx != vy {
			return vx > vy
		}
		if vx, vy := val(x.Coverage), val(y.Coverage); vx != vy {
			return vx > vy
		}
		return x.Name < y.Name
	})
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = ms[j].Name
	}
	return out
}
