package gen

import (
	"fmt"
	"math"
	"sort"

	"github.com/exportqc/exportqc/qc/cue"
)

// Kinds of seeded defect, as EXPECTED.json names them, with the rule each
// is meant to trigger. A file carries at most one defect kind.
const (
	DefectMissingLanguage  = "missing_language"  // D001: an episode lacks a language a declared territory requires (neither listed nor on disk)
	DefectMissingFile      = "missing_file"      // D002: listed in the manifest, absent from disk
	DefectChecksumMismatch = "checksum_mismatch" // D004: on disk altered after hashing, same size
	DefectSizeMismatch     = "size_mismatch"     // D005: manifest size wrong, checksum right
	DefectEpisodeGap       = "episode_gap"       // D006: an episode number skipped
	DefectOverlap          = "overlap"           // T003, counted per cue
	DefectTooShort         = "too_short"         // T001, counted per cue
	DefectTooFast          = "too_fast"          // T005, counted per cue
	DefectLineTooLong      = "line_too_long"     // L001, counted per cue
)

// DefectRules maps each defect kind to the rule code it should raise.
var DefectRules = map[string]string{
	DefectMissingLanguage: "D001", DefectMissingFile: "D002", DefectChecksumMismatch: "D004",
	DefectSizeMismatch: "D005", DefectEpisodeGap: "D006", DefectOverlap: "T003",
	DefectTooShort: "T001", DefectTooFast: "T005", DefectLineTooLong: "L001",
}

// fileDefect is the one defect a file slot may carry.
type fileDefect uint8

const (
	fileClean fileDefect = iota
	fileMissingLanguage
	fileMissingFile
	fileChecksum
	fileSize
	fileCueDefects // timing/layout: see filePlan.cues
)

type filePlan struct {
	path    string // relative to the delivery folder
	lang    string
	episode int
	defect  fileDefect
	cues    CueDefects
	// sizeDelta is how far the manifest's size is off (size mismatch).
	sizeDelta int64
	// Filled in by the worker that generates the file.
	sha  [32]byte
	size int64
}

type episodeMeta struct {
	number int
	frames int64 // programme duration in frames at the delivery's rate
	cues   int
	files  []int // indexes into deliveryPlan.files, manifest order
}

type deliveryPlan struct {
	member      int
	dir         string // slash-separated, relative to the root: member/programme_sNN
	title       string
	camel       string
	season      int
	rate        cue.FrameRate
	format      string
	languages   []string
	territories []string
	count       int // episode_count: highest number, gaps included
	gap         int // the skipped episode number, 0 for none
	episodes    []episodeMeta
	files       []filePlan
}

type memberPlan struct {
	name, slug string
	deliveries []int
}

type auditPlan struct {
	members    []memberPlan
	deliveries []deliveryPlan
}

// planAudit decides the whole tree from the seed, sequentially, before any
// file is written: names, programmes, episodes, languages and every seeded
// defect. Workers then only render what the plan says, so the tree does
// not depend on how many there are.
func planAudit(o *AuditOptions) (*auditPlan, error) {
	r := newRNG(o.Seed, "audit-plan")
	p := &auditPlan{members: make([]memberPlan, o.Members)}
	seen := map[string]bool{}
	for i := range p.members {
		n := uniqueName(seen, func() string { return companyName(r) })
		p.members[i] = memberPlan{name: n, slug: slug(n)}
	}
	// Member sizes follow a Zipf-like law: a few large exporters, many
	// small ones, every member with at least one programme.
	weights := make([]float64, o.Members)
	for i := range weights {
		weights[i] = 1 / math.Pow(float64(i+1), 1.1)
	}
	progs := apportion(o.Programmes, weights)
	// Episodes per programme: mostly drama seasons of 6–13, some 20–26,
	// a few long-running 40–52, and single specials.
	var pw []float64
	for range o.Programmes {
		var w float64
		switch x := r.intn(100); {
		case x < 60:
			w = float64(r.between(6, 13))
		case x < 85:
			w = float64(r.between(20, 26))
		case x < 95:
			w = float64(r.between(40, 52))
		default:
			w = float64(r.between(1, 3))
		}
		pw = append(pw, w)
	}
	eps := apportion(o.Episodes, pw)
	seenTitles := map[string]bool{}
	k := 0
	for m := range p.members {
		for range progs[m] {
			title := uniqueName(seenTitles, func() string { return programmeTitle(r) })
			d := deliveryPlan{member: m, title: title, camel: camel(title), season: r.between(1, 5)}
			d.dir = p.members[m].slug + "/" + slug(title) + fmt.Sprintf("_s%02d", d.season)
			d.rate = pick(r, o.FrameRates)
			d.format = o.pickFormat(r)
			d.languages = pickLanguages(r, o.Languages)
			for _, l := range d.languages {
				if t := mustLanguage(l).Territory; t != "" {
					d.territories = append(d.territories, t)
				}
			}
			p.members[m].deliveries = append(p.members[m].deliveries, len(p.deliveries))
			p.deliveries = append(p.deliveries, d)
			planDelivery(&p.deliveries[len(p.deliveries)-1], eps[k], o)
			k++
		}
	}
	return p, nil
}

// planDelivery numbers the episodes and draws the delivery's defects from
// its own stream.
func planDelivery(d *deliveryPlan, n int, o *AuditOptions) {
	r := newRNG(o.Seed, "delivery\x00"+d.dir)
	fm := newFraming(d.rate)
	d.count = n
	if n >= 2 && r.chance(math.Min(1, o.DefectRate*10)) {
		d.gap = r.between(2, n) // an interior number: 1 and the last stay
		d.count = n + 1
	}
	var dense *rng
	if o.Density != nil {
		dense = newRNG(o.Seed, "density\x00"+d.dir)
	}
	kinds := []fileDefect{fileMissingLanguage, fileMissingFile, fileChecksum, fileSize,
		fileCueDefects, fileCueDefects, fileCueDefects, fileCueDefects}
	for num := 1; num <= d.count; num++ {
		if num == d.gap {
			continue
		}
		secs := float64(r.between(42*60, 48*60))
		frames := fm.round(secs) + int64(r.intn(int(fm.round(1))))
		ep := episodeMeta{number: num, frames: frames}
		ep.cues = max(1, int(math.Round(float64(o.Cues)*fm.secs(frames)/(45*60))))
		for _, lang := range d.languages {
			f := filePlan{lang: lang, episode: num}
			f.path = fmt.Sprintf("S%02dE%02d/", d.season, num) + FileName(d.camel, d.season, num, lang, d.format)
			if r.chance(o.DefectRate) {
				k := r.intn(len(kinds))
				if kinds[k] == fileMissingLanguage && mustLanguage(lang).Territory == "" {
					// No territory requires it, so its absence is no
					// defect: draw one of the other kinds.
					k = 1 + r.intn(len(kinds)-1)
				}
				switch kinds[k] {
				case fileCueDefects:
					f.defect = fileCueDefects
					c := r.between(1, 3)
					switch k - 4 {
					case 0:
						f.cues.Overlap = c
					case 1:
						f.cues.TooShort = c
					case 2:
						f.cues.TooFast = c
					default:
						f.cues.LineTooLong = c
					}
					if 3*c > ep.cues {
						f.defect, f.cues = fileClean, CueDefects{}
					}
				case fileSize:
					f.defect = fileSize
					f.sizeDelta = int64(r.between(1, 4096))
					if r.chance(0.5) {
						f.sizeDelta = -f.sizeDelta
					}
				default:
					f.defect = kinds[k]
				}
			}
			if dense != nil && (f.defect == fileClean || f.defect == fileCueDefects) {
				if c := o.Density.draw(dense, d.format, ep.cues); c.Total() > 0 {
					f.defect, f.cues = fileCueDefects, c
				}
			}
			ep.files = append(ep.files, len(d.files))
			d.files = append(d.files, f)
		}
		d.episodes = append(d.episodes, ep)
	}
	// A language missing from every episode would leave no trace of having
	// been expected: keep the first occurrence.
	for _, lang := range d.languages {
		present := false
		for i := range d.files {
			if d.files[i].lang == lang && d.files[i].defect != fileMissingLanguage {
				present = true
				break
			}
		}
		if !present {
			for i := range d.files {
				if d.files[i].lang == lang {
					d.files[i].defect = fileClean
					break
				}
			}
		}
	}
}

// apportion splits total into len(weights) whole parts of at least one,
// proportional to the weights (largest remainder, ties to the lower index).
func apportion(total int, weights []float64) []int {
	n := len(weights)
	out := make([]int, n)
	if n == 0 {
		return out
	}
	rest := total - n
	var sum float64
	for _, w := range weights {
		sum += w
	}
	type rem struct {
		i int
		f float64
	}
	rems := make([]rem, n)
	given := 0
	for i, w := range weights {
		share := float64(rest) * w / sum
		out[i] = 1 + int(share)
		given += int(share)
		rems[i] = rem{i, share - math.Floor(share)}
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].f > rems[b].f })
	for j := 0; given < rest; j++ {
		out[rems[j%n].i]++
		given++
	}
	return out
}

// pickLanguages returns n languages: English, which every export carries,
// then others drawn without replacement, in table order.
func pickLanguages(r *rng, n int) []string {
	chosen := map[int]bool{0: true}
	for len(chosen) < n {
		chosen[1+r.intn(len(languages)-1)] = true
	}
	var out []string
	for i, l := range languages {
		if chosen[i] {
			out = append(out, l.Tag)
		}
	}
	return out
}

func mustLanguage(tag string) *language {
	l, err := lookupLanguage(tag)
	if err != nil {
		panic(err) // tags come from the table itself
	}
	return l
}

func (o *AuditOptions) pickFormat(r *rng) string {
	if len(o.Formats) > 0 {
		return pick(r, o.Formats)
	}
	// Default mix: SRT is still the commonest delivery, then TTML/IMSC,
	// then WebVTT.
	switch x := r.intn(10); {
	case x < 5:
		return "srt"
	case x < 8:
		return "ttml"
	}
	return "vtt"
}
