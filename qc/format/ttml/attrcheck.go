package ttml

import (
	"encoding/xml"
	"strings"

	"golang.org/x/text/language"
)

// The checks in this file note attribute-level facts while the document is
// read; profilecheck.go turns them into findings once the profile is known.

// checkLang judges the xml:lang on <tt> (P002). An empty value is valid
// TTML ("undetermined").
func (r *reader) checkLang(v string, pos at) {
	v = trimXMLSpace(v)
	if v == "" {
		return
	}
	if strings.Contains(v, "_") {
		r.diagCode(CodeLangMalformed, pos, "xml:lang=\""+v+"\" uses '_'; BCP 47 separates subtags with '-' (\""+
			strings.ReplaceAll(v, "_", "-")+"\")")
		return
	}
	if _, err := language.Parse(v); err != nil {
		r.diagCode(CodeLangMalformed, pos, "xml:lang=\""+v+"\" is not a well-formed BCP 47 language tag")
	}
}

// checkUnqualified notes an attribute without a namespace on a TTML
// element: id= (P003) or one TTML does not define (P006).
func (r *reader) checkUnqualified(local string, pos at) {
	switch {
	case local == "id":
		r.f.plainID.add(pos, "")
	case local == "condition" || local == "animate":
		// TTML2 vocabulary that IMSC 1.1 prohibits (#condition, #animation-version-2).
		r.f.prohibited11.add(local+"=", pos, "")
	case !knownUnqualified(local):
		r.f.unknown.add(local, pos, "")
	}
}

// checkStyleAttr notes what the profile checks need from one tts:*
// attribute: whether TTML defines it, whether IMSC 1.1 prohibits it, and
// the units of its lengths.
func (r *reader) checkStyleAttr(n xml.Name, v string, pos at) {
	if n.Space == nsStyling && !knownStyling(n.Local) {
		r.f.unknown.add("tts:"+n.Local, pos, v)
	}
	if n.Space == nsStyling {
		r.checkStyleValue(n.Local, v, pos)
	}
	if imsc11ProhibitedStyle(n.Local) {
		r.f.prohibited11.add("tts:"+n.Local, pos, v)
	}
	// Counted once per attribute, however many of its components use the unit.
	px, c, lengths := false, false, 0
	unitsIn(v, func(unit string) {
		px = px || unit == "px"
		c = c || unit == "c"
		lengths++
	})
	if n.Local == "fontSize" && lengths == 2 {
		// #fontSize-anamorphic: prohibited by IMSC 1.0.1 §7.4, and by IMSC
		// 1.1 §6, which permits only #fontSize-isomorphic.
		r.f.prohibited.add("tts:fontSize with two values (#fontSize-anamorphic)", pos, "")
	}
	if px {
		r.f.px.addAttr(pos, "tts:"+n.Local, v)
	}
	if c {
		r.f.units.add("tts:"+n.Local+" uses c units, which IMSC allows only in ebutts:linePadding (IMSC 1.1 §7.12.8)", pos, v)
	}
}

// checkOtherAttr notes namespaced attributes outside tts: that the checks
// care about.
func (r *reader) checkOtherAttr(n xml.Name, v string, pos at) {
	switch n.Space {
	case nsParameter:
		if !knownParameter(n.Local) {
			r.f.unknown.add("ttp:"+n.Local, pos, v)
		}
	case nsMetadata:
		if !knownMetadata(n.Local) {
			r.f.unknown.add("ttm:"+n.Local, pos, v)
		}
	case nsSMPTE:
		if strings.HasPrefix(n.Local, "backgroundImage") {
			r.f.images.add(pos, "smpte:"+n.Local)
		}
	case nsEBUStyle:
		if n.Local == "linePadding" {
			bad := ""
			unitsIn(v, func(unit string) {
				if unit != "c" && bad == "" {
					bad = unit
				}
			})
			if bad != "" {
				r.f.units.add("ebutts:linePadding uses "+bad+" units; IMSC 1.1 §8.4.12 allows only c units", pos, v)
			}
		}
	}
}

// checkElement notes elements the text profiles exclude, whatever their
// place in the document (images in metadata are still images).
func (r *reader) checkElement(n xml.Name, ns nsClass, pos at) {
	switch {
	case n.Local == "image" && ns&(nsIsSMPTE|nsIsTTML) != 0:
		r.f.images.add(pos, "<"+n.Local+">")
	case ns&nsIsTTML != 0 && imsc11ProhibitedElement(n.Local):
		r.f.prohibited11.add("<"+n.Local+">", pos, "")
	}
}
