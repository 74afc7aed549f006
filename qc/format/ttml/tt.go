package ttml

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// Upper bounds for the rate parameters: far above any real value, and low
// enough that products of them stay inside 64 bits.
const (
	maxRate     = 1_000_000
	maxTickRate = 1_000_000_000_000
)

// startTT reads the root element: language, timing parameters and profile
// signals. The root acts as the outermost time container: it begins at 0
// and bounds nothing.
func (r *reader) startTT(name xml.Name, pos at) {
	r.ttAt = pos
	if isLegacyNS(name.Space) {
		r.profile.legacy = true
	}
	hasLang := false
	f := frame{kind: kTT, ownEnd: forever, bound: forever}
	for i := range r.dec.NumAttr() {
		a := r.dec.Attr(i)
		n, v := a.Name, a.Value
		switch {
		case n.Space == nsXML:
			switch n.Local {
			case "lang":
				r.doc.Language, hasLang = v, true
				r.checkLang(v, pos)
			case "space":
				f.preserve = v == "preserve"
			case "id":
				r.noteID(v, pos)
			}
		case n.Space == "xmlns", n.Space == "" && n.Local == "xmlns":
			r.profile.noteNamespace(v)
		case n.Space == "":
			r.checkUnqualified(n.Local, pos)
		case isParam(n.Space):
			r.checkOtherAttr(n, v, pos)
			r.param(n.Local, v, pos)
		case n.Space == nsIMSCParam && n.Local == "aspectRatio":
			r.f.aspectRatio, r.f.aspectRatioAt, r.f.hasAspectRatio = v, pos, true
		case isStyling(n.Space):
			if n.Local == "extent" {
				r.f.rootExtent, r.f.rootExtentAt = trimXMLSpace(v), pos
			}
			r.checkStyleAttr(n, v, pos)
		default:
			if strings.HasPrefix(n.Space, nsEBU) {
				r.profile.ebu = true
			}
			r.checkOtherAttr(n, v, pos)
		}
	}
	if !hasLang {
		r.diagCode(CodeLangMissing, pos, "<tt> has no xml:lang (TTML1 requires it; use xml:lang=\"\" for undetermined)")
	}
	r.par.settle()
	if r.par.frameRateSet {
		r.doc.FrameRate = r.par.effectiveRate()
	}
	r.stack = append(r.stack, f)
}

// param reads one ttp:* attribute of tt.
func (r *reader) param(name, v string, pos at) {
	bad := func(why string) { r.diag(pos, "ttp:"+name+"=\""+v+"\": "+why) }
	v = trimXMLSpace(v)
	switch name {
	case "frameRate":
		if n, ok := positive(v, maxRate); ok {
			r.par.frameRate, r.par.frameRateSet = n, true
			r.profile.rate = true
		} else {
			bad("not a positive integer; 30 fps (TTML1's default) is used")
		}
	case "frameRateMultiplier":
		a, b := nextToken(v)
		b, rest := nextToken(b)
		num, ok1 := positive(a, maxRate)
		den, ok2 := positive(b, maxRate)
		if !ok1 || !ok2 || rest != "" {
			bad("want two positive integers such as \"1000 1001\"")
			return
		}
		r.par.mulNum, r.par.mulDen = num, den
	case "subFrameRate":
		r.f.prohibited.add("ttp:subFrameRate", pos, v)
		if n, ok := positive(v, maxRate); ok {
			r.par.subFrameRate = n
		} else {
			bad("not a positive integer")
		}
	case "tickRate":
		if n, ok := positive(v, maxTickRate); ok {
			r.par.tickNum, r.par.tickDen, r.par.tickRateSet = n, 1, true
		} else {
			bad("not a positive integer")
		}
	case "timeBase":
		switch v {
		case "media":
			r.par.base = baseMedia
		case "smpte":
			r.par.base = baseSMPTE
		case "clock":
			r.par.base = baseClock
		default:
			bad("not media, smpte or clock")
		}
	case "dropMode":
		r.par.dropSet = true
		r.f.prohibited.add("ttp:dropMode", pos, v)
		switch v {
		case "nonDrop":
			r.par.drop = nonDrop
		case "dropNTSC":
			r.par.drop = dropNTSC
		case "dropPAL":
			r.par.drop = dropPAL
		default:
			bad("not nonDrop, dropNTSC or dropPAL")
		}
	case "markerMode":
		r.f.prohibited.add("ttp:markerMode", pos, v)
		switch v {
		case "continuous":
		case "discontinuous":
			r.par.discontinuous = true
		default:
			bad("not continuous or discontinuous")
		}
	case "profile":
		r.profile.declared = append(r.profile.declared, v)
	case "contentProfiles":
		r.f.hasContentProfiles = true
		for rest := v; ; {
			var tok string
			if tok, rest = nextToken(rest); tok == "" {
				break
			}
			r.profile.declared = append(r.profile.declared, tok)
			r.f.contentProfiles = append(r.f.contentProfiles, tok)
		}
	case "displayAspectRatio":
		r.f.displayAspectRatio, r.f.displayAspectRatioAt, r.f.hasDisplayAspect = v, pos, true
	case "pixelAspectRatio", "clockMode":
		// Prohibited by IMSC 1.0.1's feature table, and by IMSC 1.1's by
		// omission; not read.
		r.f.prohibited.add("ttp:"+name, pos, v)
	case "processorProfiles":
		r.f.prohibited11.add("ttp:"+name, pos, v) // a TTML2 feature IMSC 1.1 does not list
	}
}

// positive parses a decimal integer in 1..limit.
func positive(s string, limit int64) (int64, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > limit {
		return 0, false
	}
	for i := 0; i < len(s); i++ { // ParseInt accepts a sign; TTML does not
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	return n, true
}

// finishP turns a closed <p> into a cue. natural is the end its own timing
// or content gives, end the same after clipping to its ancestors; rawEnd is
// the offset of its end tag.
func (r *reader) finishP(f *frame, natural, end cue.Time, rawEnd int) {
	r.inP = false
	visible := r.lines.finish()
	if r.pSkip {
		return // the malformed time was reported
	}
	if !visible {
		// A paragraph with no text is not a subtitle: nothing shows, so
		// there is nothing to time (TTML test suites time thousands of
		// empty <p/> to exercise time expressions).
		return
	}
	start := f.begin
	if r.hasTimedText && !r.textUntimed {
		// All text is in timed spans: the cue starts with the first of them.
		start = maxT(start, r.minTimedBegin)
	}
	if start == forever {
		r.diagCode(CodeTextNeverShown, r.pAt, "paragraph never begins: an earlier sibling in its seq container never ends")
		return
	}
	if f.hasEnd && f.ownEnd < f.begin {
		// Authored end before begin: keep it for the timing rules to report.
		r.emit(f, maxT(f.begin, 0), maxT(f.ownEnd, 0), rawEnd)
		return
	}
	if start < 0 {
		// Only below an iTT div with a negative begin (itt.go): the part
		// before time zero is not shown.
		if end <= 0 {
			r.diagCode(CodeTextNeverShown, r.pAt, "paragraph ends "+(-end).String()+" before time zero once its container's negative begin is applied")
			return
		}
		start = 0
	}
	if g := r.regionUses[f.region]; g.def != nil && g.name != "" {
		// Content shows only while its region is active.
		start = maxT(start, g.def.begin)
		end = minTime(end, g.def.end)
	}
	switch {
	case end == forever:
		r.diagCode(CodeTextWithoutEnd, r.pAt, "paragraph has no end time: neither it nor any ancestor sets end or dur, so it would show until the end of the programme")
		return
	case end <= start && r.hasTimedText && !r.textUntimed && r.minTimedBegin >= natural:
		// Its own interval may sit well inside its container: what is
		// never shown is its text, every span of which begins once the
		// paragraph has ended. Saying so (with the span's time as a player
		// computes it) shows the usual cause: span times written as if
		// absolute, when TTML counts them from the paragraph's begin.
		r.diagCode(CodeTextNeverShown, r.pAt, "paragraph is never displayed: all its text is in spans, the first of which begins at "+
			r.minTimedBegin.String()+", after the paragraph ends at "+natural.String()+
			" (a span's begin counts from its paragraph's begin, "+f.begin.String()+": were its times written as absolute?)")
		return
	case end <= start && (end < natural || start > f.begin):
		r.diagCode(CodeTextNeverShown, r.pAt, "paragraph is never displayed: its interval ["+f.begin.String()+", "+natural.String()+") falls outside its container or region (active until "+end.String()+")")
		return
	}
	r.emit(f, start, end, rawEnd)
}

// emit adds the cue of the paragraph just read; its lines are given once
// the document is read (lineBuilder.settle).
func (r *reader) emit(f *frame, start, end cue.Time, rawEnd int) {
	raw := ""
	var rawSrc cue.Range // where raw is: text fixes map lines into it (MapLines)
	if r.pInner <= rawEnd && rawEnd <= len(r.src) {
		raw = r.src[r.pInner:rawEnd]
		rawSrc = cue.Range{From: int64(r.pInner) + r.base, To: int64(rawEnd) + r.base}
	}
	// Appended empty and filled in place: the cue is not built on the
	// stack and then copied into the list.
	c := r.doc.NewCue()
	c.Index = len(r.doc.Cues)
	c.ID = r.pID
	c.Line, c.Offset = r.pAt.line, r.pAt.off
	c.Start, c.End = start, end
	c.Raw, c.TextSrc = raw, rawSrc
	c.Region = r.regionUses[f.region].name
	r.lines.keep()
	r.sources(c, f)
}

// finish settles what is only known at the end.
func (r *reader) finish() {
	if r.ttAt.line == 0 {
		return
	}
	r.atBody() // for documents without a body
	if r.timeKinds != 0 && !r.anyPlain {
		// Every time was a frame or tick count: times are exact to the flick.
		r.doc.TimePrecision = cue.Flick
	}
	r.profileChecks()
	r.doc.Images = r.f.images.n
	r.doc.Respell = r.par.respell
}
