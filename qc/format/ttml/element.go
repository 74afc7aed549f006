package ttml

import (
	"encoding/xml"
	"sort"
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
)

// attrs are the attributes of one element that the reader uses.
type attrs struct {
	begin, end, dur, timeContainer, region, style, id, space, use string
	plainID                                                       string // DFXP drafts and sloppy files write id= for xml:id

	hasBegin, hasEnd, hasDur, hasRegion bool
	beginSrc, endSrc                    valueSrc // where begin= and end= are written
	sty                                 tri      // inline tts:* styles
	geo                                 geometry // inline tts:origin, extent, position
}

// defID is the identifier a style or region is referenced by.
func (a *attrs) defID() string {
	if a.id != "" {
		return a.id
	}
	return a.plainID
}

// scanAttrs reads the attributes of an element of the given kind. They
// are built in a local and returned by value: written through a pointer,
// each string would cost a write barrier while the collector marks. The
// vocabulary checks (P003, P006) only judge TTML's own elements: the
// attributes of ttp:profile and ebuttm:conformsToStandard are not TTML's
// content vocabulary.
func (r *reader) scanAttrs(elem nsClass, kind elemKind, pos at) (a attrs) {
	vocab := kind != kProfile && kind != kConforms && elem&nsIsTT != 0
	// The attribute's parts are taken one by one, not as an xml.Attr: the
	// name's namespace is only needed by the vocabulary checks.
	for i := range r.dec.NumAttr() {
		local, v := r.dec.AttrLocal(i), r.dec.AttrValue(i)
		c := r.ns.of(r.dec.AttrSpace(i), r.dec.AttrSpaceName(i))
		switch {
		case c&nsIsEmpty != 0:
			// The attributes TTML defines and the checks pass over; the
			// others are for checkUnqualified.
			plain := true
			switch local {
			case "begin":
				a.begin, a.hasBegin = v, true
				a.beginSrc = r.timeSrc(i, a.beginSrc)
			case "end":
				a.end, a.hasEnd = v, true
				a.endSrc = r.timeSrc(i, a.endSrc)
			case "dur":
				a.dur, a.hasDur = v, true
			case "timeContainer":
				a.timeContainer = v
			case "region":
				a.region, a.hasRegion = trimXMLSpace(v), true
			case "style":
				a.style = v
			case "use":
				a.use, plain = v, false
			case "xmlns":
				r.profile.noteNamespace(v)
			case "id":
				a.plainID, plain = v, false
			default:
				plain = false
			}
			if vocab && !plain {
				r.checkUnqualified(local, pos)
			}
		case c&nsIsXML != 0:
			switch local {
			case "id":
				a.id = v
			case "space":
				a.space = v
			}
		case c&nsIsXMLNS != 0:
			r.profile.noteNamespace(v)
		case c&nsIsStyling != 0:
			a.sty.applyStyleAttr(local, v)
			switch local {
			case "origin":
				a.geo.origin, a.geo.originAt = trimXMLSpace(v), pos
			case "extent":
				a.geo.extent, a.geo.extentAt = trimXMLSpace(v), pos
			case "position":
				a.geo.position, a.geo.positionAt = trimXMLSpace(v), pos
			}
			if vocab {
				r.checkStyleAttr(r.dec.AttrName(i), v, pos)
			}
		default:
			if c&nsIsEBU != 0 {
				r.profile.ebu = true
			}
			if vocab {
				r.checkOtherAttr(r.dec.AttrName(i), v, pos)
			}
		}
	}
	return a
}

// classify names an element from its name and its parent's kind. Only the
// TTML structure that carries display text or its styling is tracked;
// anything else (metadata, animation, foreign elements) is ignored with all
// its content.
func classify(n xml.Name, ns nsClass, parent elemKind) elemKind {
	if parent == kHeadMeta {
		if ns&nsIsEBUMet != 0 && n.Local == "conformsToStandard" {
			return kConforms
		}
		return kHeadMeta
	}
	if ns&nsIsTT == 0 {
		if parent == kHead && ns&nsIsParam != 0 && n.Local == "profile" {
			return kProfile
		}
		return kIgnored
	}
	switch parent {
	case kTT:
		switch n.Local {
		case "head":
			return kHead
		case "body":
			return kBody
		}
	case kHead:
		switch n.Local {
		case "styling":
			return kStyling
		case "layout":
			return kLayout
		case "metadata":
			return kHeadMeta
		}
	case kStyling:
		if n.Local == "style" {
			return kStyleDef
		}
	case kLayout:
		if n.Local == "region" {
			return kRegionDef
		}
	case kRegionDef:
		if n.Local == "style" {
			return kRegionSty
		}
	case kBody:
		switch n.Local {
		case "div":
			return kDiv
		case "p": // not allowed by TTML1, but its text is real
			return kP
		}
	case kDiv:
		switch n.Local {
		case "div":
			return kDiv
		case "p":
			return kP
		}
	case kP, kSpan:
		switch n.Local {
		case "span", "p", "div": // a nested p or div is invalid; keep its text as a span's
			return kSpan
		case "br":
			return kBr
		}
	}
	return kIgnored
}

// start handles a start tag; it returns false to stop reading.
func (r *reader) start(pos at) bool {
	name := r.dec.StartName()
	n := len(r.stack)
	if n == 0 {
		if r.ttAt.line != 0 {
			r.diag(pos, "content after the end of <tt>; reading stopped here")
			return false
		}
		if name.Local != "tt" {
			r.diag(pos, "not a TTML document: the root element is <"+name.Local+">, not <tt>")
			return false
		}
		r.startTT(name, pos)
		return true
	}
	parent := &r.stack[n-1]
	ns := r.ns.of(r.dec.StartSpace(), name.Space)
	if ns&nsIsEBU != 0 {
		r.profile.ebu = true
	}
	r.checkElement(name, ns, pos)
	f := frame{
		kind:      classify(name, ns, parent.kind),
		preserve:  parent.preserve,
		noText:    parent.noText,
		spanTimed: parent.spanTimed,
		begin:     parent.begin,
		ownEnd:    forever,
		bound:     parent.bound,
		inh:       parent.inh,
		region:    parent.region,
	}
	if f.kind == kIgnored || f.kind == kHeadMeta {
		// Nothing inside is read: skip attribute work.
		r.stack = append(r.stack, f)
		return true
	}
	a := r.scanAttrs(ns, f.kind, pos)
	if a.id != "" {
		r.noteID(a.id, pos)
	}
	switch a.space {
	case "preserve":
		f.preserve = true
	case "default":
		f.preserve = false
	}
	switch f.kind {
	case kProfile:
		if a.use != "" {
			r.profile.declared = append(r.profile.declared, a.use)
		}
	case kStyleDef, kRegionSty:
		if f.kind == kRegionSty && r.curRegion != nil {
			r.curRegion.nested = r.curRegion.nested.over(a.sty)
			r.curRegion.nestedGeo = r.curRegion.nestedGeo.over(a.geo)
		}
		if id := a.defID(); id != "" {
			r.styles[id] = &styleDef{refs: a.style, own: a.sty, geo: a.geo, at: pos}
		}
	case kRegionDef:
		g := &regionDef{id: a.defID(), refs: a.style, own: a.sty, geo: a.geo, at: pos, end: forever}
		r.f.regions = append(r.f.regions, g)
		if a.hasBegin {
			if v, ok := r.timeAttr("begin", a.begin, pos); ok {
				g.begin = v
			}
		}
		if a.hasEnd {
			if v, ok := r.timeAttr("end", a.end, pos); ok {
				g.end = v
			}
		}
		if a.hasDur {
			if v, ok := r.timeAttr("dur", a.dur, pos); ok {
				g.end = minTime(g.end, addTime(g.begin, v))
			}
		}
		r.curRegion = g
		if id := a.defID(); id != "" {
			r.regions[id] = g
		}
	case kBody, kDiv, kP, kSpan:
		if f.kind == kBody {
			r.atBody()
		}
		r.startContent(&f, parent, &a, pos)
	case kBr:
		if r.inP && !f.noText {
			r.lines.lineBreak()
		}
	}
	r.stack = append(r.stack, f)
	return true
}

// startContent reads the timing, styling and region of body, div, p and span.
func (r *reader) startContent(f, parent *frame, a *attrs, pos at) {
	syncBase := parent.begin
	if parent.seq {
		syncBase = parent.cursor
	}
	f.begin = syncBase
	bad := false
	if a.hasBegin {
		if v, applies, ok := r.negativeOffset(f.kind, a.begin, pos); applies {
			if ok && syncBase != forever {
				f.begin = syncBase - v
			} else if !ok {
				bad = true
			}
		} else if v, ok := r.timeAttr("begin", a.begin, pos); ok {
			f.begin = addTime(syncBase, v)
		} else {
			bad = true
		}
	}
	if a.hasEnd {
		if v, ok := r.timeAttr("end", a.end, pos); ok {
			f.ownEnd, f.hasEnd = addTime(syncBase, v), true
		} else {
			bad = true
		}
	}
	if a.hasDur {
		if r.par.discontinuous {
			r.diag(pos, "dur is not allowed with ttp:markerMode=\"discontinuous\" (TTML1 §6.2.6)")
		}
		if v, ok := r.timeAttr("dur", a.dur, pos); ok {
			f.ownEnd, f.hasEnd = minTime(f.ownEnd, addTime(f.begin, v)), true
		} else {
			bad = true
		}
	}
	f.bound = minTime(f.ownEnd, parent.bound)
	f.cursor, f.childMax = f.begin, f.begin
	switch a.timeContainer {
	case "", "par":
	case "seq":
		f.seq = true
	default:
		r.diag(pos, "timeContainer=\""+a.timeContainer+"\" is neither par nor seq")
	}
	if a.style != "" {
		f.inh = f.inh.over(r.resolveRefs(a.style, pos))
	}
	f.inh = f.inh.over(a.sty)
	if a.hasRegion {
		def := r.regions[a.region]
		f.region = r.useRegion(a.region, def)
		if def == nil {
			r.diag(pos, "region \""+a.region+"\" is not defined in head/layout")
		}
	}
	switch f.kind {
	case kP:
		if r.inP {
			break // read as a span (classify)
		}
		r.inP = true
		r.pSkip = bad
		r.pAt = pos
		r.pID = a.id
		r.pInner = int(r.dec.InputOffset())
		r.pTimed = pTimingOf(a, parent)
		r.pDepth = len(r.stack)
		r.textUntimed, r.hasTimedText = false, false
		r.minTimedBegin = forever
		r.pBase = tri{}
		if g := r.regionUses[f.region]; g.def != nil && g.name != "" {
			r.pBase = r.regionStyle(g.def)
		}
		f.spanTimed = false
		r.lines.reset()
	case kSpan:
		if a.hasBegin || a.hasEnd || a.hasDur {
			f.spanTimed = true
		}
		if f.inh.val&rubyNote != 0 {
			f.noText = true
		}
	}
}

// timeAttr parses a time attribute, reporting malformed values.
func (r *reader) timeAttr(name, v string, pos at) (cue.Time, bool) {
	t, kind, why := r.par.parseTime(v)
	if why != "" {
		lt, ok := lenientTime(v)
		if !ok {
			r.diag(pos, name+"=\""+v+"\": "+why)
			return 0, false
		}
		r.f.lenientTimes.addAttr(pos, name, v)
		t, kind = lt, 0
	}
	r.timeKinds |= kind
	if kind == 0 {
		r.anyPlain = true
	}
	if kind&smpteFormed == 0 {
		r.f.notFrames.addAttr(pos, name, v)
	}
	if r.strict {
		if kind&usesFrames != 0 && !r.par.frameRateSet {
			r.diagCode(CodeFrameRateUndeclared, pos, name+"=\""+v+"\" counts frames but the document declares no ttp:frameRate (required by "+r.doc.Profile+")")
		}
		if kind&usesTicks != 0 && !r.par.tickRateSet {
			r.diagCode(CodeTickRateUndeclared, pos, name+"=\""+v+"\" counts ticks but the document declares no ttp:tickRate (required by "+r.doc.Profile+")")
		}
	}
	return t, true
}

func (r *reader) noteID(id string, pos at) {
	if r.ids == nil {
		r.ids = newIDSet(r.src, max(64, r.cuesGuess+16), r.scratch) // mostly the paragraphs' ids
	}
	if !isNCName(id) {
		r.f.badID.add(pos, id)
	}
	if first := r.ids.add(id, pos.line); first != 0 {
		r.diagCode(CodeXMLIDDuplicate, pos, "xml:id \""+id+"\" is already used at line "+strconv.Itoa(first))
	}
}

// atBody runs once the head is read: the profile is known by then, and so
// are the checks that depend on it.
func (r *reader) atBody() {
	if r.checked {
		return
	}
	r.checked = true
	r.doc.Profile = r.profile.name()
	// Resolve every style now, referenced or not, so that reference loops
	// are reported once, at the style.
	// In document order: map order would make which style of a loop gets
	// the finding vary from run to run.
	names := make([]string, 0, len(r.styles))
	for name := range r.styles {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return r.styles[names[i]].at.off < r.styles[names[j]].at.off })
	for _, name := range names {
		r.resolveStyle(name, r.styles[name])
	}
	r.strict = strictRates(r.doc.Profile)
	if r.strict && r.par.base != baseMedia {
		// IMSC #timeBase-smpte/#timeBase-clock prohibited; EBU-TT-D requires media.
		r.diagCode(CodeProhibitedFeature, r.ttAt, "ttp:timeBase=\""+r.par.base.String()+"\" is not allowed in "+r.doc.Profile+" (media time only)")
	}
}

// end handles an end tag whose token starts at offset start.
func (r *reader) end(start int64) {
	n := len(r.stack)
	if n == 0 {
		return
	}
	f := &r.stack[n-1]
	if n > 1 {
		parent := &r.stack[n-2]
		switch f.kind {
		case kBody, kDiv, kP, kSpan:
			natural, end := endTimed(f, parent)
			if f.kind == kP && r.inP && n-1 == r.pDepth {
				r.finishP(f, natural, end, int(start))
			}
		case kRegionDef:
			r.curRegion = nil
		case kConforms:
			r.profile.conforms = append(r.profile.conforms, trimXMLSpace(string(r.conformsBuffer)))
			r.conformsBuffer = r.conformsBuffer[:0]
		}
	}
	r.stack = r.stack[:n-1]
}

// endTimed resolves the active end of a closing element (TTML1 §10.4 with
// SMIL semantics: an explicit end or dur, else the implicit duration from
// its children) and passes it to the parent's implicit duration.
func endTimed(f, parent *frame) (natural, end cue.Time) {
	switch {
	case f.hasEnd:
		natural = f.ownEnd
	case f.indefinite:
		natural = forever
	case f.seq && f.hasChild:
		natural = f.cursor
	case f.hasChild:
		natural = f.childMax
	default: // empty: zero duration
		natural = f.begin
	}
	end = minTime(natural, parent.bound)
	if parent.seq {
		parent.cursor = maxT(f.begin, end)
	} else if end == forever {
		parent.indefinite = true
	} else {
		parent.childMax = maxT(parent.childMax, end)
	}
	parent.hasChild = true
	return natural, end
}

// charData handles text; off is where it is written as is in r.src, or -1.
func (r *reader) charData(data string, off int) {
	n := len(r.stack)
	if n == 0 {
		return
	}
	f := &r.stack[n-1]
	switch f.kind {
	case kConforms:
		r.conformsBuffer = append(r.conformsBuffer, data...)
	case kP, kSpan:
		if !r.inP || f.noText {
			return
		}
		// Text with anything but XML whitespace counts for timing: TTML1
		// §10.4: text is an anonymous span, of indefinite duration in a par
		// container and of none in a seq one. Whitespace-only text between
		// tags is pruned in the default xml:space mode; we ignore it for
		// timing in either mode.
		if r.lines.text(data, off, f.preserve, r.pBase.over(f.inh).style()) {
			if !f.seq {
				f.indefinite = true
				f.hasChild = true
			}
			if f.spanTimed {
				r.hasTimedText = true
				r.minTimedBegin = minTime(r.minTimedBegin, f.begin)
			} else {
				r.textUntimed = true
			}
		}
	}
}
