package ttml

import (
	"strconv"
	"strings"
)

// designatorIMSC11Text is the IMSC 1.1 Text Profile designator (IMSC 1.1 §8.1).
const designatorIMSC11Text = "http://www.w3.org/ns/ttml/profile/imsc1.1/text"

// profileChecks turns the facts collected while reading into findings, for
// the rules that apply to the document's profile. It runs once, after the
// cues are final, and never changes them.
func (r *reader) profileChecks() {
	r.headerChecks()
	switch r.doc.Profile {
	case "imsc1", "imsc1.1", "ebu-tt-d":
		// UTF-8 is required by IMSC and EBU-TT-D, not by TTML1 (whose
		// own validation suite has a valid us-ascii document).
		r.checkDeclaredEncoding()
	}
	switch r.doc.Profile {
	case "imsc1", "imsc1.1":
		r.imscChecks()
	case "itt":
		r.ittChecks()
	}
}

// headerChecks are the TTML header rules that apply to every document
// (P003, P004, P006, P025; P001, P002 and P005 are reported where they
// are met).
func (r *reader) headerChecks() {
	if u := &r.f.plainID; u.n > 0 {
		r.diagCode(CodePlainID, u.at, "id= is not a TTML attribute: use xml:id"+u.times())
	}
	if u := &r.f.badID; u.n > 0 {
		r.diagCode(CodeXMLIDInvalid, u.at, "xml:id=\""+u.value+"\" is not a valid XML name (it must start with a letter or '_' and hold no spaces or ':')"+u.times())
	}
	for _, name := range r.f.unknown.order {
		u := r.f.unknown.by[name]
		r.diagCode(CodeUnknownAttribute, u.at, "attribute "+name+" is not defined by TTML"+u.times())
	}
	if u := &r.f.lenientTimes; u.n > 0 {
		r.diag(u.at, lenientTimesMessage(u))
	}
	for _, name := range r.f.badValues.order {
		u := r.f.badValues.by[name]
		r.diagCode(CodeInvalidStyleValue, u.at, u.value+u.times())
	}
}

// imscChecks are the IMSC 1.0.1 / 1.1 constraints. The image profile
// shares the common provisions (regions, pixels, aspect ratio, timing
// features) but not the text profile's.
func (r *reader) imscChecks() {
	v11 := r.doc.Profile == "imsc1.1"
	text := !r.profile.imageOnly()
	r.tooManyRegions()
	r.regionGeometry(v11, text)
	r.reportProhibited(&r.f.prohibited, "")
	if v11 {
		r.reportProhibited(&r.f.prohibited11, " (a TTML2 feature IMSC 1.1 does not permit)")
	}
	if text {
		if u := &r.f.images; u.n > 0 {
			r.diagCode(CodeProhibitedFeature, u.at, u.value+" is image content, which the IMSC text profile prohibits"+u.times())
		}
		for _, msg := range r.f.units.order {
			u := r.f.units.by[msg]
			r.diagCode(CodeLengthUnits, u.at, msg+": \""+u.value+"\""+u.times())
		}
	}
	if u := &r.f.px; u.n > 0 && r.f.rootExtent == "" {
		r.diagCode(CodePixelsWithoutExtent, u.at, u.value+" uses px but <tt> has no tts:extent to give pixels a size"+u.times())
	}
	r.aspectRatioChecks()
	if v11 && text {
		r.contentProfilesCheck()
	}
}

func (r *reader) reportProhibited(m *namedUses, why string) {
	for _, name := range m.order {
		u := m.by[name]
		what := name
		if u.value != "" {
			what += "=\"" + u.value + "\""
		}
		r.diagCode(CodeProhibitedFeature, u.at, what+" is prohibited in "+r.doc.Profile+why+u.times())
	}
}

// contentProfilesCheck is P016: IMSC 1.1 §7.9.1 (SHOULD), a must for
// Netflix Japanese deliveries.
func (r *reader) contentProfilesCheck() {
	if !r.f.hasContentProfiles {
		r.diagCode(CodeContentProfiles, r.ttAt, "<tt> has no ttp:contentProfiles; IMSC 1.1 documents should declare \""+designatorIMSC11Text+"\" there")
		return
	}
	text, image := false, false
	for _, d := range r.f.contentProfiles {
		switch d {
		case designatorIMSC11Text:
			text = true
		case "http://www.w3.org/ns/ttml/profile/imsc1.1/image":
			image = true
		}
	}
	switch {
	case !text:
		r.diagCode(CodeContentProfiles, r.ttAt, "ttp:contentProfiles does not include the IMSC 1.1 Text designator \""+designatorIMSC11Text+"\" (exactly as written)")
	case image:
		r.diagCode(CodeContentProfiles, r.ttAt, "ttp:contentProfiles names both the IMSC 1.1 Text and Image profiles; a document conforms to one of them")
	}
}

// aspectRatioChecks is P019.
func (r *reader) aspectRatioChecks() {
	if r.f.hasAspectRatio && !twoNonZero(r.f.aspectRatio) {
		r.diagCode(CodeAspectRatio, r.f.aspectRatioAt, "ittp:aspectRatio=\""+r.f.aspectRatio+"\" is not two non-zero integers \"numerator denominator\"")
	}
	if r.f.hasDisplayAspect && !twoNonZero(r.f.displayAspectRatio) {
		r.diagCode(CodeAspectRatio, r.f.displayAspectRatioAt, "ttp:displayAspectRatio=\""+r.f.displayAspectRatio+"\" is not two non-zero integers \"numerator denominator\"")
	}
	if r.f.hasAspectRatio && r.f.hasDisplayAspect {
		r.diagCode(CodeAspectRatio, r.f.aspectRatioAt, "ittp:aspectRatio and ttp:displayAspectRatio are both present; keep only ttp:displayAspectRatio")
	}
}

// twoNonZero reports whether s is two positive decimal integers separated
// by XML whitespace (the syntax of ittp:aspectRatio, IMSC 1.1 §7.8.1, and
// of ttp:displayAspectRatio).
func twoNonZero(s string) bool {
	a, rest := nextToken(s)
	b, rest := nextToken(rest)
	if extra, _ := nextToken(rest); extra != "" {
		return false
	}
	_, ok1 := positive(a, 1<<62)
	_, ok2 := positive(b, 1<<62)
	return ok1 && ok2
}

// ittChecks are Apple iTT's (P020-P024).
func (r *reader) ittChecks() {
	if !r.par.frameRateSet {
		r.diagCode(CodeITTFrameRateMissing, r.ttAt, "<tt> declares no ttp:frameRate; iTT timecodes count frames at the video's rate")
	}
	if r.par.base != baseSMPTE {
		r.diagCode(CodeITTTimeBase, r.ttAt, "ttp:timeBase is \""+r.par.base.String()+"\"; iTT documents use ttp:timeBase=\"smpte\"")
	} else if !r.par.dropSet && r.par.mulNum != r.par.mulDen {
		r.diagCode(CodeITTTimeBase, r.ttAt, "ttp:dropMode is not declared at a fractional frame rate ("+
			strconv.FormatInt(r.par.frameRate, 10)+" × "+strconv.FormatInt(r.par.mulNum, 10)+"/"+strconv.FormatInt(r.par.mulDen, 10)+
			"); declare nonDrop or dropNTSC as the video's timecode is")
	}
	if u := &r.f.notFrames; u.n > 0 {
		r.diagCode(CodeITTTimeNotFrames, u.at, u.value+" is not an HH:MM:SS:FF timecode"+u.times())
	}
	if u := &r.f.images; u.n > 0 {
		r.diagCode(CodeITTImage, u.at, u.value+" is image content; iTT carries text only"+u.times())
	}
	r.sameRegionOverlaps()
}

// imageOnly reports whether the document declares only IMSC image profile
// designators (so the text profile's constraints do not apply).
func (p *profileInfo) imageOnly() bool {
	image := false
	for _, list := range [2][]string{p.declared, p.conforms} {
		for _, d := range list {
			switch {
			case strings.HasSuffix(d, "/image"):
				image = true
			case strings.HasSuffix(d, "/text"):
				return false
			}
		}
	}
	return image
}
