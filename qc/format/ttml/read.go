package ttml

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/ttml/internal/xmlscan"
)

// maxDepth bounds element nesting. Real documents nest a handful of levels;
// a hostile one with 100,000 nested spans would otherwise grow our stack and
// the XML decoder's without limit.
const maxDepth = 1000

// Read parses a TTML document (TTML1, IMSC1/1.1 text, DFXP, iTT, EBU-TT-D).
// text is decoded UTF-8; a leading U+FEFF and any encoding named in the XML
// declaration are accepted as they are. Read never panics: malformed input
// gives diagnostics and whatever cues could be read.
func Read(text string) *cue.Document { return ReadNamed("", text) }

// ReadNamed is Read for a file of the given name: a name ending in .itt
// makes a document that signals no other profile an Apple iTT one, so
// that the iTT rules (P020-P024) apply to it. Apple's own iTT example
// declares no Apple namespace and no profile, only its timing parameters.
func ReadNamed(name, text string) *cue.Document {
	r := newReader(text)
	r.profile.ittName = len(name) >= 4 && strings.EqualFold(name[len(name)-4:], ".itt")
	r.run()
	r.finish()
	r.release()
	return r.doc
}

type elemKind uint8

const (
	kIgnored   elemKind = iota // anything whose text is not displayed
	kTT                        // the root
	kHead                      // tt/head
	kStyling                   // head/styling
	kStyleDef                  // head/styling/style
	kLayout                    // head/layout
	kRegionDef                 // head/layout/region
	kRegionSty                 // head/layout/region/style
	kHeadMeta                  // head/metadata and everything below it
	kConforms                  // ebuttm:conformsToStandard (profile signalling)
	kProfile                   // head/ttp:profile (profile signalling)
	kBody
	kDiv
	kP
	kSpan
	kBr
)

// frame is one open element. It holds no pointer, so that pushing one on
// the stack is a plain copy, without the write barriers the collector
// needs for pointers.
type frame struct {
	kind     elemKind
	preserve bool // xml:space="preserve" in effect
	noText   bool // character data here is not display text (ruby annotations)
	seq      bool // timeContainer="seq"
	hasEnd   bool // end or dur given
	// indefinite: the element's implicit duration is indefinite (TTML1
	// §10.4: text in a par container, or such a child).
	indefinite bool
	hasChild   bool
	// spanTimed: inside the current <p>, the nearest element with its own
	// timing is a span (karaoke-style text) rather than the p itself.
	spanTimed bool
	begin     cue.Time  // absolute begin
	ownEnd    cue.Time  // absolute end from end/dur (forever if none)
	bound     cue.Time  // min(ownEnd, parent's bound): nothing inside outlives it
	cursor    cue.Time  // seq: where the next child's begin counts from
	childMax  cue.Time  // par: latest end of a child
	inh       tri       // styles specified on body..this element (region styles come on top)
	region    regionUse // region in effect (r.regionUses)
}

type reader struct {
	src  string
	base int64            // bytes skipped before src (a BOM)
	dec  *xmlscan.Decoder // encoding/xml's tokens, offsets and errors, faster
	pos  lineTracker
	doc  *cue.Document

	par       params
	profile   profileInfo
	strict    bool // IMSC/EBU-TT-D: the frame and tick rates must be declared when used
	checked   bool // profile-dependent checks done (at <body>)
	ttAt      at
	timeKinds uint8 // union of kinds seen
	anyPlain  bool  // a time expression that is neither frames nor ticks

	ns     nsClasses // the document's namespaces, classified
	styles map[string]*styleDef
	// regionUses are the regions named by region= attributes, with their
	// definitions, for the frames to refer to by index.
	regionUses  []regionRef
	regionFirst [4]regionRef // regionUses' first array: no allocation for a few regions
	regions     map[string]*regionDef
	ids         *idSet
	scratch     *scratch // buffers kept for the next document (release)
	// cuesGuess is how many cues the document seems to hold (expectedCues),
	// for sizing what grows with them.
	cuesGuess int
	f         facts // for the profile checks (profilecheck.go)

	stack []frame
	// The <p> being read (only one is open at a time: a nested p is read as
	// a span).
	inP            bool
	pSkip          bool // a malformed time: diagnosed, the cue is dropped
	pAt            at
	pID            string
	pInner         int // offset just after the start tag
	pDepth         int // index of the p's frame
	textUntimed    bool
	hasTimedText   bool
	minTimedBegin  cue.Time
	lines          lineBuilder
	pBase          tri // styles of the p's region, under everything else
	curRegion      *regionDef
	conformsBuffer []byte

	// pTimed says whether the open p's own begin/end may be rewritten by fixes.
	pTimed pTiming
}

func newReader(text string) *reader {
	r := &reader{src: text, doc: cue.NewDocument()}
	r.doc.Format, r.doc.TimePrecision = "ttml", cue.Millisecond
	if strings.HasPrefix(text, "\ufeff") {
		r.src = text[3:]
		r.base = 3
	}
	r.pos = newLineTracker(r.src)
	r.cuesGuess = expectedCues(r.src)
	r.doc.MakeCues(r.cuesGuess)
	r.scratch = scratchPool.Get().(*scratch)
	r.lines.init(r.src, r.cuesGuess, r.scratch)
	r.par = defaultParams()
	// The text is already UTF-8 whatever the declaration says (the encoding
	// layer decoded it): xmlscan reads any declared charset as is.
	r.dec = xmlscan.NewDecoder(r.src)
	r.stack = make([]frame, 0, 16)
	r.styles = map[string]*styleDef{}
	r.regions = map[string]*regionDef{}
	r.regionUses = r.regionFirst[:1] // regionUse 0: none
	return r
}

// minCueBytes is fewer bytes than any real timed paragraph takes
// (<p begin="1s" end="2s">x</p> is 28; deliveries write 60 and more).
const minCueBytes = 64

// expectedCues guesses how many cues a document holds from its paragraph
// end tags (</p>, </tt:p>), so that the cue list is allocated once instead
// of grown and copied. A document of nothing but end tags cannot make it
// reserve more than one cue per minCueBytes bytes.
func expectedCues(src string) int {
	n := 0
	// Every end tag has a '/', which is rarer in TTML than '<' or ':'.
	for i := strings.IndexByte(src, '/'); i >= 0; {
		j := i + 1
		for j < len(src) && src[j] != '>' && src[j] != '<' && src[j] != '/' && j-i <= 64 {
			j++
		}
		if name := src[i+1 : j]; j < len(src) && src[j] == '>' && (name == "p" || strings.HasSuffix(name, ":p")) {
			n++
		}
		k := strings.IndexByte(src[j:], '/')
		if k < 0 {
			break
		}
		i = j + k
	}
	return min(n, len(src)/minCueBytes)
}

// at is a source position: a 1-based line and the offset of its first
// byte in the text given to Read.
type at struct {
	line int
	off  int64
}

// where returns the position of a byte offset of src.
func (r *reader) where(off int64) at {
	l, s := r.pos.at(int(off))
	return at{line: l, off: int64(s) + r.base}
}

func (r *reader) diag(a at, msg string) {
	r.doc.Diagnostics = append(r.doc.Diagnostics, cue.Diagnostic{Line: a.line, Offset: a.off, Message: msg})
}

func (r *reader) run() {
	r.scan()
	r.lines.settle(r.doc)
}

// scan reads the tokens until the end of the document or the first error.
func (r *reader) scan() {
	for {
		start := r.dec.InputOffset()
		kind, err := r.dec.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				if r.ttAt.line == 0 {
					r.diag(at{line: 1, off: r.base}, "no <tt> element: the file is empty or not XML")
				}
				return
			}
			pos := r.where(r.dec.InputOffset())
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
			}
			r.diag(pos, "XML syntax error, reading stopped here: "+msg)
			return
		}
		switch kind {
		case xmlscan.Start:
			pos := r.where(start)
			if len(r.stack) >= maxDepth {
				r.diag(pos, "elements are nested more than "+strconv.Itoa(maxDepth)+" deep; reading stopped here")
				return
			}
			if !r.start(pos) {
				return
			}
		case xmlscan.End:
			r.end(start)
		case xmlscan.Text:
			r.charData(r.dec.TextSource())
		}
	}
}
