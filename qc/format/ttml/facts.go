package ttml

import (
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
)

// facts are what the profile checks need and the timing reader does not:
// collected while reading (the profile is only known once the head is
// read, and some of it only at the end), judged in finish.
type facts struct {
	rootExtent   string // tts:extent on <tt>
	rootExtentAt at

	aspectRatio, displayAspectRatio     string // ittp:aspectRatio, ttp:displayAspectRatio
	aspectRatioAt, displayAspectRatioAt at
	hasAspectRatio, hasDisplayAspect    bool

	contentProfiles    []string // ttp:contentProfiles tokens
	hasContentProfiles bool

	regions []*regionDef // in document order

	px        use // lengths in px
	plainID   use // id= instead of xml:id
	badID     use // xml:id values that are not NCNames
	notFrames use // time expressions not written hh:mm:ss:ff
	images    use // <image>, smpte:image, smpte:backgroundImage

	// Attributes TTML does not define, and features IMSC prohibits, by
	// qualified name in order of first use (reported once each).
	unknown      namedUses
	prohibited   namedUses // in IMSC 1.0.1 and 1.1
	prohibited11 namedUses // TTML2 features IMSC 1.1 leaves out
	// Length-unit problems found while reading attributes (c units outside
	// ebutts:linePadding, other units inside it), by attribute.
	units namedUses
	// Style values TTML does not allow, by attribute (styleval.go).
	badValues namedUses
	// Times read by lenientTime (lenient.go), reported once per file.
	lenientTimes use
}

// use counts the occurrences of one kind of problem and remembers the
// first, which the finding points at.
type use struct {
	n     int
	at    at
	value string
}

func (u *use) add(a at, value string) {
	if u.n == 0 {
		u.at, u.value = a, value
	}
	u.n++
}

// addAttr is add for an attribute, building its name="value" text only
// for the first use: time expressions and lengths are noted on every
// element, and most of them are never reported.
func (u *use) addAttr(a at, name, value string) {
	if u.n == 0 {
		u.at, u.value = a, name+"=\""+value+"\""
	}
	u.n++
}

// times is " (n times; the first is here)" for n > 1.
func (u *use) times() string {
	if u.n <= 1 {
		return ""
	}
	return " (" + strconv.Itoa(u.n) + " times; the first is here)"
}

// namedUses keeps one use per name, in order of first appearance, so that
// findings come out in document order whatever the map does.
type namedUses struct {
	order []string
	by    map[string]*use
}

func (m *namedUses) add(name string, a at, value string) {
	if m.by == nil {
		m.by = make(map[string]*use, 4)
	}
	u := m.by[name]
	if u == nil {
		u = &use{}
		m.by[name] = u
		m.order = append(m.order, name)
	}
	u.add(a, value)
}

// geometry is the region placement a style set specifies: the raw
// attribute values (empty when unspecified) and where each was written.
type geometry struct {
	origin, extent, position       string
	originAt, extentAt, positionAt at
}

// over returns g with b's specified values taking priority.
func (g geometry) over(b geometry) geometry {
	if b.origin != "" {
		g.origin, g.originAt = b.origin, b.originAt
	}
	if b.extent != "" {
		g.extent, g.extentAt = b.extent, b.extentAt
	}
	if b.position != "" {
		g.position, g.positionAt = b.position, b.positionAt
	}
	return g
}

// diagCode records a diagnostic with a specific rule code.
func (r *reader) diagCode(code string, a at, msg string) {
	r.doc.Diagnostics = append(r.doc.Diagnostics, cue.Diagnostic{Rule: code, Line: a.line, Offset: a.off, Message: msg})
}

// diagCue records a diagnostic about one cue (1-based index), at its line.
func (r *reader) diagCue(code string, c *cue.Cue, msg string) {
	r.doc.Diagnostics = append(r.doc.Diagnostics, cue.Diagnostic{Rule: code, Line: c.Line, Offset: c.Offset, Cue: c.Index, Message: msg})
}
