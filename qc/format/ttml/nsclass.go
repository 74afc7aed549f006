package ttml

import "strings"

// nsClass says what the reader makes of a namespace name (or of a prefix
// kept as written): the tests below, answered once per namespace of a
// document instead of by comparing URIs at every tag and attribute.
type nsClass uint16

const (
	nsIsTT      nsClass = 1 << iota // isTT: TTML, a DFXP draft, or none
	nsIsTTML                        // exactly nsTTML
	nsIsEmpty                       // "": no namespace
	nsIsXML                         // nsXML
	nsIsXMLNS                       // "xmlns", the prefix of a declaration
	nsIsStyling                     // isStyling
	nsIsParam                       // isParam
	nsIsEBU                         // an EBU-TT namespace (nsEBU prefix)
	nsIsEBUMet                      // exactly nsEBUMet
	nsIsSMPTE                       // exactly nsSMPTE
	nsKnown                         // set on every cached class: 0 is "not yet"
)

// classOf classifies one namespace name.
func classOf(s string) nsClass {
	c := nsKnown
	set := func(ok bool, bit nsClass) {
		if ok {
			c |= bit
		}
	}
	set(isTT(s), nsIsTT)
	set(s == nsTTML, nsIsTTML)
	set(s == "", nsIsEmpty)
	set(s == nsXML, nsIsXML)
	set(s == "xmlns", nsIsXMLNS)
	set(isStyling(s), nsIsStyling)
	set(isParam(s), nsIsParam)
	set(strings.HasPrefix(s, nsEBU), nsIsEBU)
	set(s == nsEBUMet, nsIsEBUMet)
	set(s == nsSMPTE, nsIsSMPTE)
	return c
}

// emptyClass is the class of "", the Space of every unprefixed attribute.
var emptyClass = classOf("")

// nsClasses caches classOf by the decoder's namespace numbers
// (xmlscan.Decoder.StartSpace). A document binds a handful of namespaces:
// the first ones are kept in the reader itself, without an allocation.
type nsClasses struct {
	first [8]nsClass
	more  []nsClass // numbers from len(first) up
}

// of returns the class of the namespace numbered id, whose name is space;
// a negative id (a prefix kept as written) is classified every time.
func (c *nsClasses) of(id int32, space string) nsClass {
	switch {
	case id < 0 && space == "":
		return emptyClass
	case id < 0:
		return classOf(space)
	}
	var slot *nsClass
	if int(id) < len(c.first) {
		slot = &c.first[id]
	} else {
		i := int(id) - len(c.first)
		for i >= len(c.more) {
			c.more = append(c.more, 0)
		}
		slot = &c.more[i]
	}
	if *slot == 0 {
		*slot = classOf(space)
	}
	return *slot
}
