package xmlscan

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

const (
	xmlURL      = "http://www.w3.org/XML/1998/namespace"
	xmlnsPrefix = "xmlns"
	xmlPrefix   = "xml"
)

// Decoder reads the tokens of one XML document. Its zero value is not
// usable: make one with NewDecoder.
//
// Offsets and error positions follow encoding/xml's byte-at-a-time reader
// exactly: pos is where its offset would be, including the places where it
// reads a byte and puts it back.
type Decoder struct {
	src string
	pos int
	// err is returned by every later call once set, as in encoding/xml;
	// io.EOF is set when character data ran to the end of the input.
	err error

	// The token Next read. Names and attributes are kept as offsets into
	// src, not as strings: records without pointers cost no write barrier
	// and nothing for the garbage collector to scan, and a tag costs no
	// allocation. StartElement and EndElement build encoding/xml's structs
	// from them on demand.
	startName, endName   qname
	startSpace, endSpace int32 // resolved namespaces (spaceID)
	attrs                []attr
	// expanded holds the attribute values of the current start tag whose
	// references or line ends were rewritten (attr.exp indexes it); each
	// is its own string, so a value once handed out never changes.
	expanded []string
	tokAttrs []xml.Attr // StartElement's Attr slice, reused from tag to tag
	buf      []byte     // CharData; also where expanded text is built
	// raw says the text token is src[rawLo:rawHi] as written (nothing to
	// expand): it is copied into buf only if CharData asks (copied).
	raw, copied  bool
	rawLo, rawHi int
	other        xml.Token // Comment, ProcInst or Directive

	// declares: an attribute of the start tag may declare a namespace
	// (its name starts with xmlns), which Next then looks for.
	declares bool

	// A self-closing element's end token is due.
	needClose bool
	toClose   qname

	// ns maps prefixes ("" for the default namespace) to namespace names
	// (their index in uris); undo records the bindings each open element
	// replaced.
	ns     map[string]int32
	uris   []string         // every namespace name bound so far, once each
	uriIDs map[string]int32 // uris' inverse
	undo   []binding
	open   []openElem
	// def is ns[""] (or asWritten when unbound), which every unprefixed
	// element name needs; last caches the latest lookup of a prefix (TTML
	// documents use a handful of prefixes over and over). Both are kept
	// in step with ns by bind and popElement.
	def  int32
	last struct {
		valid  bool
		prefix string
		id     int32
		bound  bool
	}

	nameOK map[string]bool // non-ASCII names already judged
}

// Kind says which token Next read.
type Kind uint8

const (
	None  Kind = iota // no token: Next returned an error or io.EOF
	Start             // StartElement
	End               // EndElement
	Text              // CharData
	Other             // Comment, ProcInst or Directive
)

type binding struct {
	prefix string
	old    int32
	had    bool
}

type openElem struct {
	name qname // as written
	mark int   // len(undo) before the element's own bindings
}

// qname is a name as written at src[lo:hi]: its prefix is src[lo:pfx]
// ("" when pfx == lo) and its local part src[loc:hi]. A name with an empty
// prefix or local part around its colon is all local part, as in
// encoding/xml.
type qname struct{ lo, pfx, loc, hi int }

// Resolved namespaces are indexes into Decoder.uris, or asWritten: the
// name's Space is its prefix as written (no prefix, xmlns, an unbound
// prefix). xmlSpaceID is the XML namespace, bound from the start.
const (
	asWritten  int32 = -1
	xmlSpaceID int32 = 0
)

// attr is one attribute of the current start tag: its name, its resolved
// namespace, and its value as written between the quotes at src[lo:hi],
// or expanded[exp] when exp >= 0.
type attr struct {
	name   qname
	space  int32
	lo, hi int
	exp    int32
}

// NewDecoder returns a decoder of src.
func NewDecoder(src string) *Decoder {
	d := &Decoder{src: src, ns: make(map[string]int32), buf: make([]byte, 0, 256), def: asWritten}
	d.intern(xmlURL) // xmlSpaceID
	return d
}

// intern returns the index of the namespace name uri in d.uris.
func (d *Decoder) intern(uri string) int32 {
	if id, ok := d.uriIDs[uri]; ok {
		return id
	}
	if d.uriIDs == nil {
		d.uriIDs = make(map[string]int32)
	}
	id := int32(len(d.uris))
	d.uris = append(d.uris, uri)
	d.uriIDs[uri] = id
	return id
}

// InputOffset is the byte offset in src of the end of the last token read
// and the start of the next, as in encoding/xml; after an error it is
// where encoding/xml stops.
func (d *Decoder) InputOffset() int64 { return int64(d.pos) }

// Token returns the next token, or nil and io.EOF at the end of a
// well-formed input, or nil and the error encoding/xml would report.
//
// StartElement.Attr and CharData refer to buffers reused by the next call.
func (d *Decoder) Token() (xml.Token, error) {
	k, err := d.Next()
	switch k {
	case Start:
		return d.StartElement(), nil
	case End:
		return d.EndElement(), nil
	case Text:
		return d.CharData(), nil
	case Other:
		return d.other, nil
	}
	return nil, err
}

// Next reads the next token like Token, without boxing it in an interface:
// the token is then had from StartElement, EndElement, CharData or
// OtherToken according to the kind. At the end of a well-formed input it
// returns None and io.EOF; on malformed input, None and the error.
func (d *Decoder) Next() (Kind, error) {
	k, err := d.rawToken()
	switch k {
	case None:
		if err == io.EOF && len(d.open) > 0 {
			err = d.syntaxError("unexpected EOF")
		}
		return None, err
	case Start:
		mark := len(d.undo)
		if d.declares { // else no attribute name starts with xmlns (startTag)
			d.bindAll()
		}
		d.open = append(d.open, openElem{name: d.startName, mark: mark})
		d.startSpace = d.translate(d.startName, true)
		for i := range d.attrs {
			d.attrs[i].space = d.translate(d.attrs[i].name, false)
		}
	case End:
		if !d.popElement() {
			return None, d.err
		}
	}
	return k, nil
}

// bindAll makes the namespace declarations of the start tag's attributes.
func (d *Decoder) bindAll() {
	for i := range d.attrs {
		a := &d.attrs[i]
		p, l := d.prefix(a.name), d.local(a.name)
		if p == xmlnsPrefix {
			d.bind(l, d.value(a))
		}
		if p == "" && l == xmlnsPrefix {
			d.bind("", d.value(a))
		}
	}
}

func (d *Decoder) prefix(n qname) string { return d.src[n.lo:n.pfx] }
func (d *Decoder) local(n qname) string  { return d.src[n.loc:n.hi] }

// resolved is the xml.Name of n once its prefix resolved to space.
func (d *Decoder) resolved(n qname, space int32) xml.Name {
	if space == asWritten {
		return xml.Name{Space: d.prefix(n), Local: d.local(n)}
	}
	return xml.Name{Space: d.uris[space], Local: d.local(n)}
}

func (d *Decoder) value(a *attr) string {
	if a.exp >= 0 {
		return d.expanded[a.exp]
	}
	return d.src[a.lo:a.hi]
}

// StartName is the name of the start tag Next read, as in StartElement.
func (d *Decoder) StartName() xml.Name { return d.resolved(d.startName, d.startSpace) }

// StartSpace numbers the namespace of the start tag's name: every name in
// one namespace gets the same number n >= 0 throughout the document, and
// SpaceName(n) is that namespace; -1 says the name's Space is its prefix
// as written (see StartName). A caller that classifies namespaces can so
// classify each once instead of comparing URIs tag after tag.
func (d *Decoder) StartSpace() int32 { return d.startSpace }

// AttrSpace is StartSpace for the start tag's i-th attribute.
func (d *Decoder) AttrSpace(i int) int32 { return d.attrs[i].space }

// SpaceName is the namespace StartSpace or AttrSpace numbered n >= 0.
func (d *Decoder) SpaceName(n int32) string { return d.uris[n] }

// NumAttr is how many attributes the start tag Next read has.
func (d *Decoder) NumAttr() int { return len(d.attrs) }

// Attr is the start tag's i-th attribute, as in StartElement. Its strings
// stay valid after the next call to Next.
func (d *Decoder) Attr(i int) xml.Attr {
	a := &d.attrs[i]
	return xml.Attr{Name: d.resolved(a.name, a.space), Value: d.value(a)}
}

// AttrName is Attr(i).Name.
func (d *Decoder) AttrName(i int) xml.Name {
	a := &d.attrs[i]
	return d.resolved(a.name, a.space)
}

// AttrLocal, AttrSpaceName and AttrValue are the parts of Attr(i), for a
// caller that needs only some of them: Attr(i).Name.Local,
// Attr(i).Name.Space and Attr(i).Value.
func (d *Decoder) AttrLocal(i int) string { return d.local(d.attrs[i].name) }
func (d *Decoder) AttrValue(i int) string { return d.value(&d.attrs[i]) }
func (d *Decoder) AttrSpaceName(i int) string {
	a := &d.attrs[i]
	if a.space == asWritten {
		return d.prefix(a.name)
	}
	return d.uris[a.space]
}

// AttrSource is where the start tag's i-th attribute value is written in
// the input, between its quotes (before any reference is expanded).
func (d *Decoder) AttrSource(i int) (lo, hi int) { return d.attrs[i].lo, d.attrs[i].hi }

// AttrNameStart is the offset in the input of the first byte of the start
// tag's i-th attribute name.
func (d *Decoder) AttrNameStart(i int) int { return d.attrs[i].name.lo }

// StartElement is the start tag Next read. Its Attr slice is reused by
// the next call to Next.
func (d *Decoder) StartElement() xml.StartElement {
	attrs := d.tokAttrs[:0]
	for i := range d.attrs {
		attrs = append(attrs, d.Attr(i))
	}
	d.tokAttrs = attrs
	if attrs == nil {
		attrs = []xml.Attr{} // encoding/xml's is never nil
	}
	return xml.StartElement{Name: d.StartName(), Attr: attrs}
}

// EndElement is the end tag Next read (also after a self-closing tag).
func (d *Decoder) EndElement() xml.EndElement {
	return xml.EndElement{Name: d.resolved(d.endName, d.endSpace)}
}

// CharData is the text Next read; it is overwritten by the next call to
// Next and must not be modified.
func (d *Decoder) CharData() xml.CharData {
	if d.raw && !d.copied {
		d.buf = append(d.buf[:0], d.src[d.rawLo:d.rawHi]...)
		d.copied = true
	}
	return d.buf
}

// TextSource is the text Next read, as CharData, with where it is in the
// input: off >= 0 when the text is src[off:off+len(text)] exactly as
// written, -1 when it was rewritten (references, line ends). The string is
// valid until the next call to Next; it costs no copy.
func (d *Decoder) TextSource() (text string, off int) {
	if d.raw {
		return d.src[d.rawLo:d.rawHi], d.rawLo
	}
	return unsafe.String(unsafe.SliceData(d.buf), len(d.buf)), -1
}

// indentEnd returns how many bytes of s from the start are spaces, tabs
// and LFs (CR is left to text, which rewrites it).
func indentEnd(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
		i++
	}
	return i
}

// setText records the text token src[lo:hi], or d.buf when expanded.
func (d *Decoder) setText(lo, hi int, expanded bool) {
	if expanded {
		return
	}
	d.raw, d.copied, d.rawLo, d.rawHi = true, false, lo, hi
}

// OtherToken is the comment, processing instruction or directive Next
// read.
func (d *Decoder) OtherToken() xml.Token { return d.other }

func (d *Decoder) bind(prefix, uri string) {
	old, had := d.ns[prefix]
	d.undo = append(d.undo, binding{prefix: prefix, old: old, had: had})
	id := d.intern(uri)
	d.ns[prefix] = id
	if prefix == "" {
		d.def = id
	}
	d.last.valid = false
}

// translate resolves a name's prefix: the default namespace applies to
// element names only, xml is always the XML namespace, xmlns and unknown
// prefixes stay as they are.
func (d *Decoder) translate(n qname, isElementName bool) int32 {
	p := d.prefix(n)
	switch {
	case p == xmlnsPrefix:
		return asWritten
	case p == "" && !isElementName:
		return asWritten
	case p == xmlPrefix:
		// A prefix is made of name characters, so no binding can have the
		// URL as its key: the XML namespace stays.
		return xmlSpaceID
	case p == "" && d.local(n) == xmlnsPrefix:
		return asWritten
	}
	// An unbound default namespace leaves Space "" (there is no
	// DefaultSpace); an unbound prefix stays as the Space.
	if p == "" {
		return d.def
	}
	if !d.last.valid || d.last.prefix != p {
		d.last.id, d.last.bound = d.ns[p]
		d.last.prefix, d.last.valid = p, true
	}
	if d.last.bound {
		return d.last.id
	}
	return asWritten
}

// popElement checks an end tag against the innermost open element, then
// resolves its name and drops the element's bindings.
func (d *Decoder) popElement() bool {
	name := d.endName
	n := len(d.open)
	if n == 0 {
		d.fail("unexpected end element </" + d.local(name) + ">")
		return false
	}
	s := d.open[n-1]
	d.open = d.open[:n-1]
	switch {
	case d.local(s.name) != d.local(name):
		d.fail("element <" + d.local(s.name) + "> closed by </" + d.local(name) + ">")
		return false
	case d.prefix(s.name) != d.prefix(name):
		ns := d.prefix(name)
		if ns == "" {
			ns = `""`
		}
		d.fail("element <" + d.local(s.name) + "> in space " + d.prefix(s.name) +
			" closed by </" + d.local(name) + "> in space " + ns)
		return false
	}
	d.endSpace = d.translate(name, true)
	for i := len(d.undo) - 1; i >= s.mark; i-- {
		b := d.undo[i]
		if b.had {
			d.ns[b.prefix] = b.old
		} else {
			delete(d.ns, b.prefix)
		}
		if b.prefix == "" {
			d.def = asWritten // when it was unbound
			if b.had {
				d.def = b.old
			}
		}
		d.last.valid = false
	}
	d.undo = d.undo[:s.mark]
	return true
}

// syntaxError makes an error at the current position; its line counts the
// newlines before it, as encoding/xml's running count does.
func (d *Decoder) syntaxError(msg string) error {
	return &xml.SyntaxError{Msg: msg, Line: 1 + strings.Count(d.src[:d.pos], "\n")}
}

// fail records a syntax error at the current position and returns it.
func (d *Decoder) fail(msg string) error {
	d.err = d.syntaxError(msg)
	return d.err
}

// eof fails with encoding/xml's error for input that ends inside a token.
func (d *Decoder) eof() (Kind, error) {
	d.pos = len(d.src)
	return None, d.fail("unexpected EOF")
}

func (d *Decoder) rawToken() (Kind, error) {
	d.raw = false
	if d.err != nil {
		return None, d.err
	}
	if d.needClose {
		d.needClose = false
		d.endName = d.toClose
		return End, nil
	}
	src := d.src
	if d.pos >= len(src) {
		d.err = io.EOF
		return None, d.err
	}
	if src[d.pos] != '<' {
		if hi := d.pos + indentEnd(src[d.pos:]); hi < len(src) && src[hi] == '<' {
			// Indentation between tags, the most common text of all: it
			// has nothing to expand or validate.
			d.setText(d.pos, hi, false)
			d.pos = hi
			return Text, nil
		}
		lo, hi, expanded, ok := d.text(-1, false)
		if !ok {
			return None, d.err
		}
		d.setText(lo, hi, expanded)
		return Text, nil
	}
	d.pos++
	if d.pos >= len(src) {
		return d.eof()
	}
	b := src[d.pos]
	d.pos++
	switch b {
	case '/':
		return d.endTag()
	case '?':
		return d.procInst()
	case '!':
		return d.bang()
	}
	d.pos--
	return d.startTag()
}

func (d *Decoder) endTag() (Kind, error) {
	name, ok := d.nsname()
	if !ok {
		if d.err == nil {
			d.fail("expected element name after </")
		}
		return None, d.err
	}
	d.space()
	if d.pos >= len(d.src) {
		return d.eof()
	}
	b := d.src[d.pos]
	d.pos++
	if b != '>' {
		return None, d.fail("invalid characters between </" + d.local(name) + " and >")
	}
	d.endName = name
	return End, nil
}

func (d *Decoder) procInst() (Kind, error) {
	target, ok := d.name()
	if !ok {
		if d.err == nil {
			d.fail("expected target name after <?")
		}
		return None, d.err
	}
	d.space()
	body := d.pos
	k := strings.Index(d.src[body:], "?>")
	if k < 0 {
		return d.eof()
	}
	inst := d.src[body : body+k]
	d.pos = body + k + 2
	if target == "xml" {
		if ver := declParam(inst, "version"); ver != "" && ver != "1.0" {
			d.err = fmt.Errorf("xml: unsupported version %q; only version 1.0 is supported", ver)
			return None, d.err
		}
		// A declared encoding needs no reader: the text is UTF-8 already
		// (the TTML reader's encoding layer decoded it).
	}
	d.other = xml.ProcInst{Target: target, Inst: []byte(inst)}
	return Other, nil
}

// declParam finds param="value" or param='value' in the body of an XML
// declaration the way encoding/xml does: the first occurrence of param=
// followed by a quote (param may end another word), up to the next same
// quote; "" when there is none.
func declParam(s, param string) string {
	key := param + "="
	for {
		k := strings.Index(s, key)
		if k < 0 || k+len(key) >= len(s) {
			return ""
		}
		q := s[k+len(key)]
		s = s[k+len(key)+1:]
		if q == '"' || q == '\'' {
			if j := strings.IndexByte(s, q); j >= 0 {
				return s[:j]
			}
			return ""
		}
	}
}

// bang reads what follows "<!": a comment, a CDATA section or a directive.
func (d *Decoder) bang() (Kind, error) {
	src := d.src
	if d.pos >= len(src) {
		return d.eof()
	}
	b := src[d.pos]
	d.pos++
	switch b {
	case '-':
		if d.pos >= len(src) {
			return d.eof()
		}
		b = src[d.pos]
		d.pos++
		if b != '-' {
			return None, d.fail("invalid sequence <!- not part of <!--")
		}
		// The comment ends at its first "--", which must be followed by '>'.
		start := d.pos
		k := strings.Index(src[start:], "--")
		if k < 0 || start+k+2 >= len(src) {
			return d.eof()
		}
		d.pos = start + k + 3
		if src[start+k+2] != '>' {
			return None, d.fail(`invalid sequence "--" not allowed in comments`)
		}
		d.other = xml.Comment([]byte(src[start : start+k]))
		return Other, nil
	case '[':
		for i := 0; i < len("CDATA["); i++ {
			if d.pos >= len(src) {
				return d.eof()
			}
			b = src[d.pos]
			d.pos++
			if b != "CDATA["[i] {
				return None, d.fail("invalid <![ sequence")
			}
		}
		lo, hi, expanded, ok := d.text(-1, true)
		if !ok {
			return None, d.err
		}
		d.setText(lo, hi, expanded)
		return Text, nil
	}
	return d.directive(b)
}

// directive reads <!DOCTYPE ...> and the like up to the '>' that closes
// it, as encoding/xml does: quoted '>' and '<' do not count, other '<'...'>'
// pairs nest, and comments inside become a single space. Its first byte
// (b, already read) is taken as it is.
func (d *Decoder) directive(b byte) (Kind, error) {
	src := d.src
	out := []byte{b}
	var inquote byte
	depth := 0
	pending := false // b was read while looking for "<!--" and is still to handle
	for {
		if !pending {
			if d.pos >= len(src) {
				return d.eof()
			}
			b = src[d.pos]
			d.pos++
			if inquote == 0 && b == '>' && depth == 0 {
				break
			}
		}
		pending = false
		out = append(out, b)
		switch {
		case b == inquote:
			inquote = 0
		case inquote != 0:
		case b == '\'' || b == '"':
			inquote = b
		case b == '>':
			depth--
		case b == '<':
			const open = "!--"
			for i := 0; i < len(open); i++ {
				if d.pos >= len(src) {
					return d.eof()
				}
				b = src[d.pos]
				d.pos++
				if b != open[i] {
					out = append(out, open[:i]...)
					depth++
					pending = true
					break
				}
			}
			if pending {
				continue
			}
			out = out[:len(out)-1] // the '<'
			k := strings.Index(src[d.pos:], "-->")
			if k < 0 {
				return d.eof()
			}
			d.pos += k + 3
			out = append(out, ' ')
		}
	}
	d.other = xml.Directive(out)
	return Other, nil
}

func (d *Decoder) startTag() (Kind, error) {
	name, ok := d.nsname()
	if !ok {
		if d.err == nil {
			d.fail("expected element name after <")
		}
		return None, d.err
	}
	src := d.src
	attrs := d.attrs[:0]
	d.expanded = d.expanded[:0]
	d.declares = false
	empty := false
	for {
		d.space()
		if d.pos >= len(src) {
			return d.eof()
		}
		b := src[d.pos]
		d.pos++
		if b == '/' {
			if d.pos >= len(src) {
				return d.eof()
			}
			b = src[d.pos]
			d.pos++
			if b != '>' {
				return None, d.fail("expected /> in element")
			}
			empty = true
			break
		}
		if b == '>' {
			break
		}
		d.pos--
		an, ok := d.nsname()
		if !ok {
			if d.err == nil {
				d.fail("expected attribute name in element")
			}
			return None, d.err
		}
		d.space()
		if d.pos >= len(src) {
			return d.eof()
		}
		b = src[d.pos]
		d.pos++
		if b != '=' {
			return None, d.fail("attribute name without = in element")
		}
		d.space()
		if d.pos >= len(src) {
			return d.eof()
		}
		b = src[d.pos]
		d.pos++
		if b != '"' && b != '\'' {
			return None, d.fail("unquoted or missing attribute value in element")
		}
		from := d.pos
		_, _, expanded, ok := d.text(int(b), false)
		if !ok {
			return None, d.err
		}
		exp := int32(-1)
		if expanded {
			exp = int32(len(d.expanded))
			d.expanded = append(d.expanded, string(d.buf))
		}
		if an.hi-an.lo >= len(xmlnsPrefix) && src[an.lo:an.lo+len(xmlnsPrefix)] == xmlnsPrefix {
			d.declares = true // xmlns or xmlns:*, or a name merely starting so
		}
		attrs = append(attrs, attr{name: an, lo: from, hi: d.pos - 1, exp: exp})
	}
	d.attrs = attrs
	d.startName = name
	if empty {
		d.needClose = true
		d.toClose = name
	}
	return Start, nil
}

// space skips XML white space. At the end of the input it stops; the read
// that always follows reports the unexpected EOF.
func (d *Decoder) space() {
	for d.pos < len(d.src) {
		switch d.src[d.pos] {
		case ' ', '\r', '\n', '\t':
			d.pos++
		default:
			return
		}
	}
}

// isNameByte reports the ASCII bytes a name is made of; every byte from
// 0x80 up is taken into a name too, and checked afterwards.
func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

// What nameSeen notes of a name's bytes, from nameBytes: one table load
// per byte instead of a chain of comparisons, and the colon and bytes
// beyond ASCII noted on the way, so that neither the name check nor the
// split at the colon reads the name again (names are a fifth of a TTML
// document's reading).
const (
	nameByte  = 1 << iota // a byte nameSeen takes: isNameByte, or ≥ 0x80
	nonASCII              // ≥ 0x80
	colonByte             // ':'
)

var nameBytes = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = nameByte | nonASCII
		case isNameByte(byte(c)):
			t[c] = nameByte
		}
	}
	t[':'] |= colonByte
	return t
}()

func (d *Decoder) name() (string, bool) {
	s, _, ok := d.nameSeen()
	return s, ok
}

// nameSeen is name with the union of its bytes' nameBytes. ok is false
// with d.err nil when no name starts at pos, and with d.err set when the
// input ends inside it (encoding/xml needs the byte after a name) or the
// name is not one. The bytes are read in this one loop: names are a fifth
// of a TTML document's reading.
func (d *Decoder) nameSeen() (string, uint8, bool) {
	src := d.src
	start := d.pos
	if start >= len(src) {
		d.eof()
		return "", 0, false
	}
	if nameBytes[src[start]] == 0 {
		return "", 0, false
	}
	var seen uint8
	end := start
	for ; end < len(src); end++ {
		t := nameBytes[src[end]]
		if t == 0 {
			break
		}
		seen |= t
	}
	if end == len(src) {
		d.eof()
		return "", 0, false
	}
	d.pos = end
	s := src[start:end]
	if seen&nonASCII != 0 && !d.nonASCIIName(s) || seen&nonASCII == 0 && !asciiName(s) {
		d.fail("invalid XML name: " + s)
		return "", 0, false
	}
	return s, seen, true
}

// nsname reads a name and splits it at its colon. A name with more than
// one colon fails with d.err nil (the caller says what was expected); an
// empty prefix or local part leaves the whole name as the local part.
func (d *Decoder) nsname() (qname, bool) {
	lo := d.pos
	s, seen, ok := d.nameSeen()
	if !ok {
		return qname{}, false
	}
	hi := lo + len(s)
	whole := qname{lo: lo, pfx: lo, loc: lo, hi: hi}
	if seen&colonByte == 0 {
		return whole, true
	}
	// Names are short: a loop here is cheaper than two calls to find the
	// colon and to rule out a second one.
	c := -1
	for k := 0; k < len(s); k++ {
		if s[k] == ':' {
			if c >= 0 {
				return qname{}, false
			}
			c = k
		}
	}
	if c == 0 || c == len(s)-1 {
		return whole, true
	}
	return qname{lo: lo, pfx: lo + c, loc: lo + c + 1, hi: hi}, true
}

// asciiName checks the XML Name production for a name of ASCII name bytes
// (nameSeen's): a letter, '_' or ':' first; digits, '.' and '-' after that.
func asciiName(s string) bool {
	c := s[0]
	return !('0' <= c && c <= '9' || c == '.' || c == '-')
}

// nonASCIIName asks encoding/xml whether s is a name, by reading it as the
// target of a processing instruction (which is checked with the same
// tables as element and attribute names). Subtitle documents name things
// in ASCII; this is for fidelity on anything else.
func (d *Decoder) nonASCIIName(s string) bool {
	if ok, seen := d.nameOK[s]; seen {
		return ok
	}
	_, err := xml.NewDecoder(strings.NewReader("<?" + s + "?>")).RawToken()
	if d.nameOK == nil {
		d.nameOK = map[string]bool{}
	}
	if len(d.nameOK) < 1024 { // a hostile document's names are not all kept
		d.nameOK[s] = err == nil
	}
	return err == nil
}

// Byte classes for text: which bytes stop the fast scan.
const (
	plain   = iota
	special // markup, references, quotes, CR: handled in the loop
	check   // control characters and non-ASCII: the text must be validated
)

var textClass = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = check
	}
	t['\t'], t['\n'] = plain, plain
	for c := 0x80; c < 0x100; c++ {
		t[c] = check
	}
	for _, c := range []byte{'<', '>', '&', '\r', '"', '\''} {
		t[c] = special
	}
	return t
}()

// text reads character data from pos: plain text (quote < 0, not cdata)
// up to the next '<' or the end of the input, a CDATA section's content up
// to "]]>" (cdata), or an attribute value up to the closing quote byte.
// References are expanded (not in CDATA) and CR and CRLF become LF. The
// result is src[lo:hi] when nothing was rewritten, else d.buf. The whole
// result is then checked for UTF-8 and the XML character range, so an
// error met while scanning wins over an invalid character before it, as
// in encoding/xml.
func (d *Decoder) text(quote int, cdata bool) (lo, hi int, expanded, ok bool) {
	src := d.src
	n := len(src)
	start := d.pos
	i := start
	mark := start // src[mark:i] is output not yet copied to d.buf
	// What the output must be validated for: controls (a C0 control
	// byte, or a character reference, which may name any character)
	// needs invalidChar's walk; nonASCII alone only validUTF8Chars'
	// faster test, and once met, the rest of the scan passes over
	// non-ASCII bytes a word at a time (text in Cyrillic, Arabic or CJK is
	// mostly such bytes; stopping at each cost more than the whole test).
	controls, nonASCII := false, false
	d.buf = d.buf[:0]
	end := -1 // end of the output in src
scan:
	for {
		if nonASCII {
			i = plainRunUTF8(src, i)
		} else {
			i = plainRun(src, i)
		}
		if i >= n {
			if cdata {
				d.pos = n
				d.fail("unexpected EOF in CDATA section")
				return 0, 0, false, false
			}
			d.pos = n
			d.err = io.EOF // reported by the next call, after this text
			end = n
			break
		}
		c := src[i]
		switch textClass[c] {
		case plain:
			i++
			continue
		case check:
			if c < utf8.RuneSelf {
				controls = true
			} else {
				nonASCII = true
			}
			i++
			continue
		}
		switch c {
		case '>':
			// Both ']' are bytes as written: a reference ends with ';'.
			if quote < 0 && i-2 >= start && src[i-1] == ']' && src[i-2] == ']' {
				d.pos = i + 1
				if cdata {
					end = i - 2
					break scan
				}
				d.fail("unescaped ]]> not in CDATA section")
				return 0, 0, false, false
			}
			i++
		case '<':
			if cdata {
				i++
				continue
			}
			if quote >= 0 {
				d.pos = i + 1
				d.fail("unescaped < inside quoted string")
				return 0, 0, false, false
			}
			d.pos = i
			end = i
			break scan
		case '"', '\'':
			if quote >= 0 && c == byte(quote) {
				d.pos = i + 1
				end = i
				break scan
			}
			i++
		case '&':
			if cdata {
				i++
				continue
			}
			r, next, ok := d.reference(i)
			if !ok {
				return 0, 0, false, false
			}
			d.buf = append(d.buf, src[mark:i]...)
			if r >= 0 {
				d.buf = utf8.AppendRune(d.buf, r)
				controls = true // a reference may name a character XML forbids
			} else {
				d.buf = append(d.buf, byte(-r))
			}
			expanded = true
			i, mark = next, next
		case '\r':
			d.buf = append(d.buf, src[mark:i]...)
			d.buf = append(d.buf, '\n')
			expanded = true
			i++
			if i < n && src[i] == '\n' {
				i++
			}
			mark = i
		}
	}
	if expanded {
		d.buf = append(d.buf, src[mark:end]...)
	}
	if controls || nonASCII { // else ASCII without controls: valid
		out := src[start:end]
		if expanded {
			out = unsafe.String(unsafe.SliceData(d.buf), len(d.buf))
		}
		if msg := charsProblem(out, controls); msg != "" {
			d.fail(msg)
			return 0, 0, false, false
		}
	}
	if expanded {
		return 0, 0, true, true
	}
	return start, end, false, true
}

// charsProblem is invalidChar(s) for a text that holds a C0 control or a
// character reference only when controls is true: for other text,
// validUTF8Chars' test comes first (invalidChar then only finds the
// message for the rare text it fails).
func charsProblem(s string, controls bool) string {
	if controls || !validUTF8Chars(s) {
		return invalidChar(s)
	}
	return ""
}

// validUTF8Chars reports whether s, which holds no C0 control, is UTF-8
// of XML characters only (invalidChar(s) == ""): valid UTF-8 encodes no
// surrogate and nothing above U+10FFFF, so what is left to find are
// U+FFFE and U+FFFF, EF BF BE and EF BF BF (TestValidUTF8CharsIsInvalidChar).
func validUTF8Chars(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for i := 0; ; i++ {
		k := strings.Index(s[i:], "\xef\xbf")
		if k < 0 {
			return true
		}
		i += k
		if i+2 < len(s) && s[i+2] >= 0xbe {
			return false
		}
	}
}

// reference reads the entity or character reference at src[amp] == '&'.
// It returns the character as r >= 0 for a character reference, -c for
// one of the five predefined entities (an ASCII byte c), and where the
// reference ends. Anything else is an error, positioned as encoding/xml
// positions it: after the ';', or at the byte that should have been one.
func (d *Decoder) reference(amp int) (r rune, next int, ok bool) {
	src := d.src
	n := len(src)
	j := amp + 1
	if j >= n {
		d.eof()
		return 0, 0, false
	}
	if src[j] == '#' {
		j++
		if j >= n {
			d.eof()
			return 0, 0, false
		}
		base := 10
		if src[j] == 'x' {
			base = 16
			j++
		}
		digits := j
		for ; ; j++ {
			if j >= n {
				d.eof()
				return 0, 0, false
			}
			c := src[j]
			if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
				break
			}
		}
		if src[j] != ';' {
			d.pos = j
			d.fail("invalid character entity " + src[amp:j] + " (no semicolon)")
			return 0, 0, false
		}
		v, err := strconv.ParseUint(src[digits:j], base, 64)
		if err != nil || v > unicode.MaxRune {
			d.pos = j + 1
			d.fail("invalid character entity " + src[amp:j+1])
			return 0, 0, false
		}
		return rune(v), j + 1, true
	}
	// A name (possibly none), which must be followed by ';'.
	if c := src[j]; c >= utf8.RuneSelf || isNameByte(c) {
		for j++; ; j++ {
			if j >= n {
				d.eof()
				return 0, 0, false
			}
			if c := src[j]; c < utf8.RuneSelf && !isNameByte(c) {
				break
			}
		}
	}
	if src[j] != ';' {
		d.pos = j
		d.fail("invalid character entity " + src[amp:j] + " (no semicolon)")
		return 0, 0, false
	}
	var c byte
	switch src[amp+1 : j] {
	case "lt":
		c = '<'
	case "gt":
		c = '>'
	case "amp":
		c = '&'
	case "apos":
		c = '\''
	case "quot":
		c = '"'
	default:
		d.pos = j + 1
		d.fail("invalid character entity " + src[amp:j+1])
		return 0, 0, false
	}
	return -rune(c), j + 1, true
}

// invalidChar returns encoding/xml's message for the first byte sequence
// of s that is not UTF-8 or not an XML character, or "".
func invalidChar(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return fmt.Sprintf("illegal character code %U", rune(c))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return "invalid UTF-8"
		}
		if !(r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF) {
			return fmt.Sprintf("illegal character code %U", r)
		}
		i += size
	}
	return ""
}
