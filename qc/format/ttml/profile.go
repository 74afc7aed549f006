package ttml

import "strings"

// Namespaces. TTML1 and its profiles use the /ns/ttml family; DFXP drafts
// (still produced by some streaming pipelines) use the 2006 ttaf1 ones.
const (
	nsTTML   = "http://www.w3.org/ns/ttml"
	nsXML    = "http://www.w3.org/XML/1998/namespace"
	nsEBU    = "urn:ebu:tt:" // prefix of every EBU-TT namespace
	nsEBUMet = "urn:ebu:tt:metadata"
)

var legacyNS = [...]string{
	"http://www.w3.org/2006/10/ttaf1",
	"http://www.w3.org/2006/04/ttaf1",
	"http://www.w3.org/2006/02/ttaf1",
}

func isLegacyNS(s string) bool {
	for _, ns := range legacyNS {
		if s == ns {
			return true
		}
	}
	return false
}

// isTT reports whether an element namespace is TTML's. A document without
// any namespace is read too: such files exist and players accept them.
func isTT(s string) bool { return s == nsTTML || s == "" || isLegacyNS(s) }

// isTTSub reports whether s is the TTML (or DFXP) namespace followed by
// suffix ("#parameter", "#styling"). An undeclared prefix (encoding/xml
// leaves it as the namespace) is accepted too, for files that forgot the
// declaration.
func isTTSub(s, suffix, prefix string) bool {
	if s == prefix {
		return true
	}
	base, ok := strings.CutSuffix(s, suffix)
	return ok && (base == nsTTML || isLegacyNS(base))
}

func isParam(s string) bool { return isTTSub(s, "#parameter", "ttp") }

// isStyling also takes "#style", the styling namespace of the 2006 DFXP
// drafts.
func isStyling(s string) bool {
	return isTTSub(s, "#styling", "tts") || isLegacyNS(strings.TrimSuffix(s, "#style"))
}

// profileInfo collects the signals a document gives about its profile.
type profileInfo struct {
	legacy   bool     // root in a DFXP draft namespace
	declared []string // ttp:profile, ttp:contentProfiles, <ttp:profile use>
	conforms []string // ebuttm:conformsToStandard
	ebu      bool     // an EBU-TT element or attribute is used
	itunes   bool     // Apple's iTT extension namespace is declared
	imscNS   bool     // the ittp/itts namespaces are declared
	rate     bool     // ttp:frameRate is declared
	ittName  bool     // the file is named .itt (ReadNamed)
}

func (p *profileInfo) noteNamespace(uri string) {
	switch {
	case strings.Contains(uri, "itunes.apple.com/itt"):
		p.itunes = true
	case strings.HasPrefix(uri, "http://www.w3.org/ns/ttml/profile/imsc1#"):
		p.imscNS = true
	}
}

// name picks the Document.Profile. Explicit IMSC signalling wins, then EBU's
// own; iTT is recognised by Apple's namespace or, failing that, by its usual
// shape (IMSC's ittp/itts namespaces with a declared frame rate and no
// profile signalled, which IMSC itself requires).
func (p *profileInfo) name() string {
	if p.legacy {
		return "dfxp"
	}
	if v := imscVersion(p.declared); v != "" {
		return v
	}
	if p.itunes {
		return "itt"
	}
	for _, c := range p.conforms {
		if strings.HasPrefix(c, "urn:ebu:tt:distribution") {
			return "ebu-tt-d"
		}
	}
	if p.ebu {
		return "ebu-tt-d"
	}
	if v := imscVersion(p.conforms); v != "" {
		return v
	}
	if p.imscNS && p.rate && len(p.declared) == 0 {
		return "itt"
	}
	for _, u := range p.declared {
		// Netflix's and others' "dfxp-*" delivery profiles; W3C's own
		// dfxp-full/-presentation/-transformation are plain TTML1.
		if strings.Contains(u, "dfxp") && !strings.HasPrefix(u, "http://www.w3.org/") && !strings.HasPrefix(u, "dfxp-") {
			return "dfxp"
		}
	}
	if p.ittName {
		// Apple's own iTT example signals nothing but its .itt name.
		return "itt"
	}
	return "ttml1"
}

func imscVersion(uris []string) string {
	v := ""
	for _, u := range uris {
		switch {
		case strings.Contains(u, "/profile/imsc1.1/"), strings.HasSuffix(u, "/profile/imsc1.1"):
			return "imsc1.1"
		case strings.Contains(u, "/profile/imsc1/"), strings.HasSuffix(u, "/profile/imsc1"):
			v = "imsc1"
		}
	}
	return v
}

// strictRates reports whether the profile requires ttp:frameRate /
// ttp:tickRate to be declared before frames / ticks are used (IMSC1 §6.5
// and EBU-TT-D), instead of TTML1's defaults.
func strictRates(profile string) bool {
	switch profile {
	case "imsc1", "imsc1.1", "ebu-tt-d":
		return true
	}
	return false
}
