package gen

import "math"

// Density is how many seeded cue defects an audit tree's files carry,
// drawn per file from a distribution of findings per cue, by format.
type Density struct {
	Name string
	// Deciles are, per generator format, the 0th, 10th, …, 100th
	// percentiles of findings per cue.
	Deciles map[string][11]float64
}

// CorpusDensity is the real corpus's: findings per cue of its
// episode-length files (100 cues or more; 16 SRT, 4 TTML, 3 WebVTT),
// every default rule, netflix profile. Derived with
//
//	exportqc check ../shared/corpus/srt ../shared/corpus/vtt ../shared/corpus/ttml \
//	    --config /dev/null -q --format json -o corpus.json
//	jq -c '[.files[] | select(.cues >= 100) | {format, r: ((.errors + .warnings + .infos) / .cues)}]
//	    | group_by(.format) | map(([.[].r] | sort) as $v | {format: .[0].format, n: ($v|length),
//	    deciles: [range(0;11) as $i | $v[(($i * (($v|length) - 1) / 10) + 0.5 | floor)] * 1000 | round / 1000]})[]' corpus.json
//
// (2026-12-07). Real files carry far more findings than a generated file
// can be seeded with (one defect per three cues at most, see
// placeDefects): most files get that cap.
var CorpusDensity = &Density{Name: "corpus", Deciles: map[string][11]float64{
	"srt":  {0.417, 0.518, 0.536, 0.549, 0.636, 0.731, 0.896, 1.185, 1.553, 2.544, 2.658},
	"ttml": {0.285, 0.285, 0.956, 0.956, 0.956, 1.043, 1.043, 1.043, 1.043, 1.154, 1.154},
	"vtt":  {1.041, 1.041, 1.041, 1.221, 1.221, 1.221, 1.221, 1.221, 2.658, 2.658, 2.658},
}}

// Densities are the densities qcgen audit --density accepts by name.
var Densities = map[string]*Density{"corpus": CorpusDensity}

// draw is a file's seeded cue defects: a findings-per-cue ratio drawn
// between the format's deciles (linearly), times the file's cues, capped
// at what fits, spread evenly over the four kinds.
func (d *Density) draw(r *rng, format string, cues int) CueDefects {
	q, ok := d.Deciles[format]
	if !ok {
		return CueDefects{}
	}
	x := r.float() * 10
	i := min(int(x), 9)
	ratio := q[i] + (q[i+1]-q[i])*(x-float64(i))
	n := min(int(math.Round(ratio*float64(cues))), cues/3)
	var c CueDefects
	for k := range n {
		switch k % 4 {
		case 0:
			c.TooFast++
		case 1:
			c.TooShort++
		case 2:
			c.Overlap++
		default:
			c.LineTooLong++
		}
	}
	return c
}
