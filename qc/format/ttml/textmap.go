package ttml

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/format/textpos"
)

// MapLines reads the content of one <p> (what lies between its start and
// end tags, as written) into display lines the way the reader does, and
// keeps for each visible byte the bytes of inner it was read from, so
// that text fixes can edit a line written through entities (&amp;,
// &#x2026;), inside <span>s or across <br/>s. preserve is the xml:space
// in effect on the <p>; a <span> may change it.
//
// Only what the reader shows as text is mapped: a <p> holding anything
// but text, <span>, <br/>, comments and processing instructions (a CDATA
// section, <metadata>, <set>, an unknown entity) gives ok false. A
// space that stands for white space running past a tag ("a <span> b")
// is not editable: deleting or replacing it would leave the rest. The
// caller compares the lines with the reader's: a mismatch means this
// map is not the reader's reading, and no edit should be placed.
func MapLines(inner string, preserve bool) (lines []textpos.Line, ok bool) {
	m := mapper{preserve: []bool{preserve}}
	for i := 0; i < len(inner); {
		switch c := inner[i]; {
		case c == '<':
			n, ok := m.markup(inner, i)
			if !ok {
				return nil, false
			}
			i = n
		case c == '&':
			r, n, ok := entityAt(inner, i)
			if !ok {
				return nil, false
			}
			m.char(string(r), i, n, r < utf8.RuneSelf && isXMLSpace(byte(r)), true)
			i = n
		case c == '\r':
			n := i + 1
			if n < len(inner) && inner[n] == '\n' {
				n++
			}
			m.char("\n", i, n, true, false) // XML reads a line end as one LF
			i = n
		default:
			m.char(inner[i:i+1], i, i+1, isXMLSpace(c), false)
			i++
		}
	}
	m.lineBreak()
	if !m.visible {
		return nil, true
	}
	if n := len(m.lines); n > 1 && m.lines[n-1].Text == "" {
		m.lines = m.lines[:n-1] // a <br/> closing the paragraph opens no line
	}
	return m.lines, true
}

// mapper is lineBuilder's white-space handling, with positions.
type mapper struct {
	preserve []bool // xml:space per open element; the last is in effect
	cur      textpos.Line
	lines    []textpos.Line
	trail    bool // cur ends in a collapsible space (dropped at a line end)
	runEnd   int  // where the source white space behind that space ends
	visible  bool
}

// char adds one character read from inner[from:to]; space says it is XML
// white space, ref that it was written as a character reference.
func (m *mapper) char(s string, from, to int, space, ref bool) {
	if m.preserve[len(m.preserve)-1] {
		if s == "\n" {
			m.lineBreak()
			return
		}
		if !space {
			m.visible = true
		}
		m.trail = false
		m.cur.Add(s, from, to, !ref || !space)
		return
	}
	if !space {
		m.trail = false
		m.cur.Add(s, from, to, true)
		m.visible = true
		return
	}
	n := len(m.cur.Text)
	switch {
	case n == 0:
		// dropped at a line's start
	case m.cur.Text[n-1] != ' ':
		m.cur.Add(" ", from, to, !ref)
		m.trail, m.runEnd = true, to
	case m.trail && m.runEnd == from && m.cur.From[n-1] >= 0:
		m.cur.To[n-1], m.runEnd = to, to // the run goes on: the space stands for all of it
	default:
		m.cur.From[n-1], m.cur.To[n-1] = -1, -1 // the run goes on past markup
	}
}

// lineBreak ends the current line, dropping a trailing collapsible space.
func (m *mapper) lineBreak() {
	if m.trail {
		n := len(m.cur.Text) - 1
		m.cur.Text, m.cur.From, m.cur.To = m.cur.Text[:n], m.cur.From[:n], m.cur.To[:n]
		m.trail = false
	}
	m.lines = append(m.lines, m.cur)
	m.cur = textpos.Line{}
}

// markup handles the tag, comment or processing instruction at inner[i];
// it returns where it ends.
func (m *mapper) markup(inner string, i int) (next int, ok bool) {
	rest := inner[i:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		n := strings.Index(rest, "-->")
		return i + n + 3, n >= 0
	case strings.HasPrefix(rest, "<?"):
		n := strings.Index(rest, "?>")
		return i + n + 2, n >= 0
	case strings.HasPrefix(rest, "</"):
		n := strings.IndexByte(rest, '>')
		if n < 0 || len(m.preserve) < 2 {
			return 0, false
		}
		m.preserve = m.preserve[:len(m.preserve)-1]
		return i + n + 1, true
	case strings.HasPrefix(rest, "<!"):
		return 0, false // CDATA, a declaration: not read here
	}
	name, attrs, end, empty := startTag(rest)
	if end < 0 {
		return 0, false
	}
	switch localName(name) {
	case "br":
		m.lineBreak()
	case "span":
	default:
		return 0, false
	}
	if !empty {
		p := m.preserve[len(m.preserve)-1]
		switch space := attrValue(attrs, "xml:space"); space {
		case "preserve":
			p = true
		case "default":
			p = false
		}
		m.preserve = append(m.preserve, p)
	}
	return i + end, true
}

// startTag reads the start tag s begins with: its name, its attributes'
// text, where it ends (-1: not a well-formed tag) and whether it is empty
// (<br/>). Quoted values may hold '>'.
func startTag(s string) (name, attrs string, end int, empty bool) {
	i := 1
	for i < len(s) && !isXMLSpace(s[i]) && s[i] != '>' && s[i] != '/' {
		i++
	}
	name = s[1:i]
	from := i
	for i < len(s) {
		switch c := s[i]; c {
		case '"', '\'':
			n := strings.IndexByte(s[i+1:], c)
			if n < 0 {
				return "", "", -1, false
			}
			i += n + 2
		case '>':
			empty = i > from && s[i-1] == '/'
			return name, s[from:i], i + 1, empty
		default:
			i++
		}
	}
	return "", "", -1, false
}

// localName drops a namespace prefix.
func localName(name string) string {
	if i := strings.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// attrValue is the value of attribute name in a tag's attribute text, ""
// when absent.
func attrValue(attrs, name string) string {
	for i := 0; ; {
		j := strings.Index(attrs[i:], name)
		if j < 0 {
			return ""
		}
		j += i
		k := j + len(name)
		for k < len(attrs) && isXMLSpace(attrs[k]) {
			k++
		}
		if (j == 0 || isXMLSpace(attrs[j-1])) && k < len(attrs) && attrs[k] == '=' {
			k++
			for k < len(attrs) && isXMLSpace(attrs[k]) {
				k++
			}
			if k < len(attrs) && (attrs[k] == '"' || attrs[k] == '\'') {
				if n := strings.IndexByte(attrs[k+1:], attrs[k]); n >= 0 {
					return attrs[k+1 : k+1+n]
				}
			}
			return ""
		}
		i = j + len(name)
	}
}

// entityAt decodes the reference at s[i] ('&'): the five XML entities and
// character references. It returns the character and where the reference
// ends.
func entityAt(s string, i int) (r rune, next int, ok bool) {
	n := strings.IndexByte(s[i:], ';')
	if n < 2 || n > 12 {
		return 0, 0, false
	}
	name, next := s[i+1:i+n], i+n+1
	switch name {
	case "amp":
		return '&', next, true
	case "lt":
		return '<', next, true
	case "gt":
		return '>', next, true
	case "apos":
		return '\'', next, true
	case "quot":
		return '"', next, true
	}
	if name[0] != '#' {
		return 0, 0, false
	}
	num, base := name[1:], 10
	if strings.HasPrefix(num, "x") {
		num, base = num[1:], 16
	}
	v, err := strconv.ParseUint(num, base, 32)
	if err != nil || v == 0 || !utf8.ValidRune(rune(v)) {
		return 0, 0, false
	}
	return rune(v), next, true
}

// EscapeText writes s as XML character data: & < > as entities.
func EscapeText(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}
