// Package xmltree reads an XML manifest into a small element tree that
// keeps each element's source line, so readers can point findings at the
// line a defect sits on (encoding/xml's Unmarshal forgets positions).
package xmltree

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// Limits that keep a hostile or broken manifest from exhausting memory.
const (
	MaxDepth    = 256
	MaxElements = 2_000_000
)

// Node is one element.
type Node struct {
	Space, Local string // namespace URI and local name
	Attr         []xml.Attr
	Text         string // character data directly inside the element
	Line         int    // 1-based line of the start tag's '<'
	// Closed is false for an element cut short by a syntax error: its
	// content is incomplete and readers should not judge it.
	Closed bool
	Kids   []*Node
}

// Error is a parse failure with its line.
type Error struct {
	Line int
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// ErrorLine returns the line of an error from Parse, or 0 when err carries
// none (every reader reports a malformed manifest at that line).
func ErrorLine(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.Line
	}
	return 0
}

// Parse reads src. On malformed XML it returns the tree read so far (root
// may be nil) and an *Error: readers keep what they could read and report
// the rest.
func Parse(src []byte) (*Node, error) {
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	d.CharsetReader = charsetReader
	var root *Node
	var stack []*Node
	var text [][]byte // character data of each open element
	count := 0
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return root, &Error{Line: line, Err: fmt.Errorf("unexpected end of file inside <%s>", stack[len(stack)-1].Local)}
			}
			if root == nil {
				return nil, &Error{Line: line, Err: errors.New("no root element")}
			}
			return root, nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return root, &Error{Line: se.Line, Err: errors.New(se.Msg)}
			}
			l, _ := d.InputPos()
			return root, &Error{Line: l, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if count > MaxElements {
				return root, &Error{Line: line, Err: fmt.Errorf("more than %d elements", MaxElements)}
			}
			if len(stack) >= MaxDepth {
				return root, &Error{Line: line, Err: fmt.Errorf("elements nested deeper than %d", MaxDepth)}
			}
			n := &Node{Space: t.Name.Space, Local: t.Name.Local, Attr: t.Copy().Attr, Line: line}
			if len(stack) == 0 {
				if root != nil {
					return root, &Error{Line: line, Err: errors.New("second root element")}
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.Kids = append(p.Kids, n)
			}
			stack = append(stack, n)
			text = append(text, nil)
		case xml.EndElement:
			// Strict decoding guarantees the match.
			n := stack[len(stack)-1]
			n.Text = string(text[len(text)-1])
			n.Closed = true
			stack = stack[:len(stack)-1]
			text = text[:len(text)-1]
		case xml.CharData:
			if len(text) > 0 {
				text[len(text)-1] = append(text[len(text)-1], t...)
			}
		}
	}
}

func charsetReader(label string, r io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	return enc.NewDecoder().Reader(r), nil
}

// Value is the element's text with surrounding white space removed
// (MovieLabs samples wrap values across lines).
func (n *Node) Value() string {
	if n == nil {
		return ""
	}
	return strings.TrimSpace(n.Text)
}

// Child returns the first child element with the given local name.
func (n *Node) Child(local string) *Node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Local == local {
			return k
		}
	}
	return nil
}

// Children returns the child elements with the given local name.
func (n *Node) Children(local string) []*Node {
	if n == nil {
		return nil
	}
	var out []*Node
	for _, k := range n.Kids {
		if k.Local == local {
			out = append(out, k)
		}
	}
	return out
}

// Path follows child local names: n.Path("ChunkList", "Chunk", "Path").
func (n *Node) Path(locals ...string) *Node {
	for _, l := range locals {
		n = n.Child(l)
	}
	return n
}

// Attr returns the value of the attribute with the given local name
// (any namespace), or "".
func (n *Node) AttrValue(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// Walk visits n and its descendants depth-first, in document order; fn
// returning false skips the node's children.
func (n *Node) Walk(fn func(*Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	for _, k := range n.Kids {
		k.Walk(fn)
	}
}

// Find returns the first descendant (or n itself) with the local name.
func (n *Node) Find(local string) *Node {
	var found *Node
	n.Walk(func(m *Node) bool {
		if found != nil {
			return false
		}
		if m.Local == local {
			found = m
			return false
		}
		return true
	})
	return found
}
