package ttml

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// maxPresentedRegions is IMSC's limit per intermediate synchronic document
// (IMSC 1.1 §7.12.1.3, IMSC 1.0.1 §6.8.3).
const maxPresentedRegions = 4

// regionEvent is a cue entering (+1) or leaving (-1) its region.
type regionEvent struct {
	t      cue.Time
	delta  int8
	region int32
	cue    int32 // index into doc.Cues
}

// tooManyRegions is P010. Every change in the set of active cues starts a
// new intermediate synchronic document, so sweeping the cue boundaries in
// time order visits every ISD: O(n log n) for the sort, then linear.
// Ends sort before starts at the same instant (intervals are half-open).
// One finding per cluster: from the cue that first makes the count exceed
// the limit until it falls back to the limit.
func (r *reader) tooManyRegions() {
	cues := r.doc.Cues
	if len(cues) <= maxPresentedRegions {
		return
	}
	// Content not flowed into a region is not presented when the document
	// defines regions (TTML1 §9.3.1); without any, it all goes to one
	// default region. Either way it cannot push the count past 4 alone.
	counts := func(c *cue.Cue) bool { return c.End > c.Start && (c.Region != "" || len(r.regions) == 0) }
	ids := make(map[string]int32, len(r.f.regions)+1)
	var names []string
	n := 0
	for i := range cues {
		if c := &cues[i]; counts(c) {
			n++
			if _, ok := ids[c.Region]; !ok {
				ids[c.Region] = int32(len(names))
				names = append(names, c.Region)
			}
		}
	}
	if len(names) <= maxPresentedRegions {
		return // the usual case: nothing to sweep
	}
	events := make([]regionEvent, 0, 2*n)
	for i := range cues {
		if c := &cues[i]; counts(c) {
			id := ids[c.Region]
			events = append(events,
				regionEvent{t: c.Start, delta: +1, region: id, cue: int32(i)},
				regionEvent{t: c.End, delta: -1, region: id, cue: int32(i)})
		}
	}
	slices.SortFunc(events, func(a, b regionEvent) int {
		if c := cmp.Compare(a.t, b.t); c != 0 {
			return c
		}
		if c := cmp.Compare(a.delta, b.delta); c != 0 {
			return c // -1 (end) first
		}
		return cmp.Compare(a.cue, b.cue)
	})
	active := make([]int32, len(names)) // active cues per region
	presented := 0
	over := false
	for _, e := range events {
		a := &active[e.region]
		if e.delta < 0 {
			if *a--; *a == 0 {
				presented--
				if presented <= maxPresentedRegions {
					over = false
				}
			}
			continue
		}
		if *a++; *a == 1 {
			presented++
		}
		if presented > maxPresentedRegions && !over {
			over = true
			var shown []string
			for i, n := range active {
				if n > 0 {
					shown = append(shown, strconv.Quote(names[i]))
				}
			}
			c := &cues[e.cue]
			r.diagCue(CodeTooManyRegions, c, strconv.Itoa(presented)+" regions are shown at "+c.Start.String()+
				" ("+strings.Join(shown, ", ")+"); IMSC allows at most 4 at a time")
		}
	}
}

// regionGeometry is P011 (region outside the root container), P012
// (missing extent) and the region half of P018 (units), per region in
// document order.
func (r *reader) regionGeometry(v11, text bool) {
	rootW, rootH := rootPixels(r.f.rootExtent)
	seen := map[int64]bool{} // attribute positions already judged for units (shared styles)
	for _, g := range r.f.regions {
		geo := r.regionGeo(g)
		name := strconv.Quote(g.id)
		if geo.extent == "" {
			if text {
				r.diagCode(CodeRegionExtentMissing, g.at, "region "+name+" has no tts:extent")
			}
		} else if text && !seen[geo.extentAt.off<<1] {
			seen[geo.extentAt.off<<1] = true
			if why := badRegionUnits(geo.extent, true, v11); why != "" {
				r.diagCode(CodeLengthUnits, geo.extentAt, "region "+name+": tts:extent=\""+geo.extent+"\" "+why)
			}
		}
		if geo.origin != "" && text && !seen[geo.originAt.off<<1|1] {
			seen[geo.originAt.off<<1|1] = true
			if why := badRegionUnits(geo.origin, false, v11); why != "" {
				r.diagCode(CodeLengthUnits, geo.originAt, "region "+name+": tts:origin=\""+geo.origin+"\" "+why)
			}
		}
		if geo.extent == "" || geo.position != "" {
			continue // unknown size, or placed by tts:position: not judged
		}
		x, y, ok1 := fracPair(geo.origin, false, rootW, rootH)
		w, h, ok2 := fracPair(geo.extent, true, rootW, rootH)
		if !ok1 || !ok2 {
			continue
		}
		const eps = 1e-9
		if x < -eps || y < -eps || x+w > 1+eps || y+h > 1+eps {
			at := geo.extentAt
			if geo.origin != "" && (x < -eps || y < -eps) {
				at = geo.originAt
			}
			r.diagCode(CodeRegionOutsideRoot, at, "region "+name+" extends beyond the root container: origin "+
				orAuto(geo.origin)+" + extent "+geo.extent+" reaches "+pct(x+w)+" × "+pct(y+h)+
				" from "+pct(x)+" × "+pct(y))
		}
	}
}

func orAuto(s string) string {
	if s == "" {
		return "auto"
	}
	return s
}

// pct formats a fraction as a percentage with at most 3 decimals.
func pct(f float64) string {
	s := strconv.FormatFloat(f*100, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".") + "%"
}

// fracPair converts an origin or extent to fractions of the root
// container. An unspecified or "auto" origin is 0 0 and an "auto" extent
// the whole root container (TTML1 §8.2.7, §8.2.14). ok is false when a
// component cannot be converted exactly.
func fracPair(v string, extent bool, rootW, rootH float64) (x, y float64, ok bool) {
	if v == "" {
		return 0, 0, !extent
	}
	lx, ly, auto, ok := parsePair(v)
	switch {
	case !ok:
		return 0, 0, false
	case auto && extent:
		return 1, 1, true
	case auto:
		return 0, 0, true
	}
	x, ok1 := frac(lx, true, rootW, rootH)
	y, ok2 := frac(ly, false, rootW, rootH)
	return x, y, ok1 && ok2
}

// badRegionUnits says what is wrong with the units of a region's extent
// (or origin), or "" if nothing: IMSC 1.1 §8.4.2/§8.4.7/§7.12.9, IMSC
// 1.0.1 §7.4.
func badRegionUnits(v string, extent, v11 bool) string {
	x, y, auto, ok := parsePair(v)
	if auto {
		return ""
	}
	if !ok {
		return "is not two lengths"
	}
	for i, l := range [2]length{x, y} {
		horizontal := i == 0
		switch l.unit {
		case "%", "px":
			continue
		case "rw", "rh":
			if !extent || !v11 {
				break
			}
			if l.unit == "rh" && horizontal {
				return "uses rh for the width (§7.12.9: rw only)"
			}
			if l.unit == "rw" && !horizontal {
				return "uses rw for the height (§7.12.9: rh only)"
			}
			continue
		}
		allowed := "px or %"
		if extent && v11 {
			allowed = "px, % or rw/rh"
		}
		unit := l.unit
		if unit == "" {
			unit = "no unit"
		}
		return "uses " + unit + "; IMSC allows " + allowed
	}
	return ""
}

// regionGeo resolves a region's origin, extent and position the way its
// styles resolve: referenced styles (chained), then nested <style>
// children, then its own attributes (TTML1 §8.4.4).
func (r *reader) regionGeo(g *regionDef) geometry {
	return r.refsGeo(g.refs).over(g.nestedGeo).over(g.geo)
}

// refsGeo merges the geometry of the styles named in a style="..."
// attribute, later references winning. Each style's chain is resolved
// once (memoised, like resolveStyle): chains that fan out to the same
// styles again and again must not cost exponential time. A style met again
// while it is being resolved (a loop, reported by resolveStyle) adds
// nothing.
func (r *reader) refsGeo(refs string) geometry {
	var g geometry
	for refs != "" {
		var name string
		if name, refs = nextToken(refs); name == "" {
			break
		}
		if s := r.styles[name]; s != nil {
			g = g.over(r.styleGeo(s))
		}
	}
	return g
}

func (r *reader) styleGeo(s *styleDef) geometry {
	switch s.geoState {
	case 1:
		return geometry{}
	case 2:
		return s.geoRes
	}
	s.geoState = 1
	s.geoRes = r.refsGeo(s.refs).over(s.geo)
	s.geoState = 2
	return s.geoRes
}

// sameRegionOverlaps is P023: in iTT, cues may overlap only in different
// regions. Cues are ordered by region, then start; within a region a cue
// that starts before the latest end so far overlaps the cue holding it.
func (r *reader) sameRegionOverlaps() {
	cues := r.doc.Cues
	order := make([]int32, 0, len(cues))
	for i := range cues {
		if cues[i].End > cues[i].Start {
			order = append(order, int32(i))
		}
	}
	slices.SortFunc(order, func(a, b int32) int {
		ca, cb := &cues[a], &cues[b]
		if c := strings.Compare(ca.Region, cb.Region); c != 0 {
			return c
		}
		if c := cmp.Compare(ca.Start, cb.Start); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	var found []int32 // pairs: the overlapping cue, the one it overlaps
	holder := int32(-1)
	for _, i := range order {
		c := &cues[i]
		if holder >= 0 && cues[holder].Region == c.Region && c.Start < cues[holder].End {
			found = append(found, i, holder)
			if c.End <= cues[holder].End {
				continue
			}
		}
		holder = i
	}
	// Report in file order.
	pairs := make([][2]int32, 0, len(found)/2)
	for k := 0; k < len(found); k += 2 {
		pairs = append(pairs, [2]int32{found[k], found[k+1]})
	}
	slices.SortFunc(pairs, func(a, b [2]int32) int { return cmp.Compare(a[0], b[0]) })
	for _, p := range pairs {
		c, o := &cues[p[0]], &cues[p[1]]
		region := "the default region"
		if c.Region != "" {
			region = "region " + strconv.Quote(c.Region)
		}
		r.diagCue(CodeITTRegionOverlap, c, "cue starts at "+c.Start.String()+" while the cue at line "+
			strconv.Itoa(o.Line)+" ("+o.Start.String()+"-"+o.End.String()+") is still shown in "+region+
			"; iTT allows overlapping cues only in different regions")
	}
}

// regionUse indexes reader.regionUses; 0 is no region.
type regionUse int32

// regionRef is a region named by a region= attribute and its definition
// when there is one.
type regionRef struct {
	name string
	def  *regionDef
}

// useRegion returns the index of name with its definition def in
// r.regionUses, adding it unless one of the last few uses is the same
// (documents name one region on every paragraph, or alternate a few).
func (r *reader) useRegion(name string, def *regionDef) regionUse {
	ref := regionRef{name: name, def: def}
	for i := len(r.regionUses) - 1; i >= max(0, len(r.regionUses)-4); i-- {
		if r.regionUses[i] == ref {
			return regionUse(i)
		}
	}
	r.regionUses = append(r.regionUses, ref)
	return regionUse(len(r.regionUses) - 1)
}
