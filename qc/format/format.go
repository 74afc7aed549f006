// Package format knows the subtitle formats: how to recognise each one from
// its name and its content, and which reader turns it into a cue.Document.
package format

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/scc"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/format/ssa"
	"github.com/exportqc/exportqc/qc/format/stl"
	"github.com/exportqc/exportqc/qc/format/ttml"
	"github.com/exportqc/exportqc/qc/format/webvtt"
)

// Format is one subtitle format we can read.
type Format struct {
	Name string
	// Exts are the file extensions (lower case, with dot) that name this format.
	Exts []string
	// Binary formats read the raw bytes; text formats read decoded UTF-8.
	Binary     bool
	readText   func(string) *cue.Document
	readBinary func([]byte) *cue.Document
	// readNamed is for readers whose dialect only the file name reveals
	// (Apple iTT declares no namespace of its own: ".itt" is the tell).
	readNamed func(name, text string) *cue.Document
}

// Read parses a file of this format. name is the file's path; data is the
// raw file; text is its decoded UTF-8 content (ignored by binary formats).
func (f *Format) Read(name string, data []byte, text string) *cue.Document {
	switch {
	case f.Binary:
		return f.readBinary(data)
	case f.readNamed != nil:
		return f.readNamed(name, text)
	}
	return f.readText(text)
}

var formats = []*Format{
	{Name: "srt", Exts: []string{".srt"}, readText: srt.Read},
	{Name: "webvtt", Exts: []string{".vtt", ".webvtt"}, readText: webvtt.Read},
	{Name: "ttml", Exts: []string{".ttml", ".dfxp", ".itt", ".xml"}, readNamed: ttml.ReadNamed},
	{Name: "stl", Exts: []string{".stl"}, Binary: true, readBinary: stl.Read},
	{Name: "ssa", Exts: []string{".ass", ".ssa"}, readText: ssa.Read},
	{Name: "scc", Exts: []string{".scc"}, readText: scc.Read},
}

// ByName returns the named format or nil.
func ByName(name string) *Format {
	for _, f := range formats {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// ByExt returns the format a file name suggests, or nil. ".xml" and ".txt"
// are ambiguous (a manifest, a note): callers confirm them by content.
func ByExt(path string) *Format {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range formats {
		for _, e := range f.Exts {
			if e == ext {
				return f
			}
		}
	}
	return nil
}

// NamedBinary reports whether a file's name is that of a binary format
// (.stl): what it holds is for that format's reader to judge.
func NamedBinary(path string) bool {
	f := ByExt(path)
	return f != nil && f.Binary
}

// Ambiguous reports whether a file's extension alone does not make it a
// subtitle file: only content can say.
func Ambiguous(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xml", ".txt":
		return true
	}
	return false
}

// Candidate reports whether a walked file is worth sniffing at all.
func Candidate(path string) bool {
	return ByExt(path) != nil || Ambiguous(path)
}

// Sniff recognises a format from the first bytes of a file (raw for binary
// formats) and of its decoded text. It returns "" when the content matches
// no format we read, and a name we do not read (such as "mpl2") when it
// recognises a format that we only report.
func Sniff(head []byte, text string) string {
	if isSTL(head) {
		return "stl"
	}
	t := strings.TrimLeft(strings.TrimPrefix(text, "\ufeff"), " \t\r\n")
	switch {
	case strings.HasPrefix(t, "WEBVTT"):
		return "webvtt"
	case strings.HasPrefix(t, "Scenarist_SCC"):
		return "scc"
	case len(t) >= 13 && strings.EqualFold(t[:13], "[Script Info]"):
		return "ssa"
	case strings.HasPrefix(t, "<"):
		return sniffXML(t)
	case looksSRT(t):
		return "srt"
	case looksMPL2(t):
		return "mpl2"
	}
	return ""
}

// SniffNamed is Sniff for a file whose name is known. A file named .vtt
// whose "WEBVTT" signature is missing or garbled looks like SRT to Sniff
// (timing lines with "-->"); when its timing lines use WebVTT's '.' before
// the milliseconds it is a broken WebVTT file, and the WebVTT reader says
// precisely what is wrong with it (the signature), where reading it as SRT
// would call it a format mismatch.
func SniffNamed(path string, head []byte, text string) string {
	s := Sniff(head, text)
	if s == "srt" {
		if f := ByExt(path); f != nil && f.Name == "webvtt" && webvttTiming(text) {
			return "webvtt"
		}
	}
	return s
}

// webvttTiming reports whether the first timing line in the first few
// non-blank lines writes its start time with a '.' before the fraction.
func webvttTiming(t string) bool {
	s := cue.NewLineScanner(t)
	for seen := 0; seen < 5 && s.Scan(); {
		line := strings.TrimSpace(s.Text())
		if line == "" {
			continue
		}
		seen++
		if start, _, ok := strings.Cut(line, "-->"); ok {
			start = strings.TrimSpace(start)
			i := strings.LastIndexAny(start, ".,")
			return i > 0 && start[i] == '.'
		}
	}
	return false
}

// isSTL checks the GSI block for its disk format code "STLnn.01" at byte 3.
// The code page number before it is not required to be valid: a bad CPN is
// a header finding of the STL reader, not a reason to call the file binary
// (IRT's requirement-0172-002.stl has CPN "ABC").
func isSTL(b []byte) bool {
	if len(b) < 11 {
		return false
	}
	return bytes.HasPrefix(b[3:], []byte("STL")) && bytes.Equal(b[8:11], []byte(".01"))
}

// sniffXML names the subtitle format of an XML document from its root
// element: TTML's <tt> (possibly prefixed, <tt:tt>), or YouTube's timed-text
// XML (<transcript>, <timedtext>), which we recognise but do not read.
func sniffXML(t string) string {
	root := rootElement(t)
	switch {
	case root == "tt" || strings.HasSuffix(root, ":tt"):
		return "ttml"
	case root == "transcript" || root == "timedtext":
		return "youtube-timedtext"
	}
	return ""
}

// rootElement returns the name of the first element of an XML document,
// skipping the declaration, comments, processing instructions and DOCTYPE.
func rootElement(t string) string {
	for n := 0; n < 64; n++ {
		i := strings.IndexByte(t, '<')
		if i < 0 || i+1 >= len(t) {
			return ""
		}
		t = t[i+1:]
		switch {
		case strings.HasPrefix(t, "!--"):
			end := strings.Index(t, "-->")
			if end < 0 {
				return ""
			}
			t = t[end+3:]
			continue
		case t[0] == '?' || t[0] == '!':
			continue
		}
		end := strings.IndexAny(t, " \t\r\n/>")
		if end < 0 {
			return ""
		}
		return t[:end]
	}
	return ""
}

// looksSRT looks for a counter line (optional) and a "-->" timing line with
// a comma or dot millisecond separator within the first few non-blank lines.
func looksSRT(t string) bool {
	s := cue.NewLineScanner(t)
	for seen := 0; seen < 3 && s.Scan(); {
		line := strings.TrimSpace(s.Text())
		if line == "" {
			continue
		}
		seen++
		if strings.Contains(line, "-->") && strings.ContainsAny(line, ",.") && strings.Count(line, ":") >= 2 {
			return true
		}
	}
	return false
}

// looksMPL2 recognises "[123][456]text" lines (MPL2), which players also
// accept under a .srt name.
func looksMPL2(t string) bool {
	if !strings.HasPrefix(t, "[") {
		return false
	}
	end := strings.IndexByte(t, ']')
	if end < 2 || len(t) <= end+1 || t[end+1] != '[' {
		return false
	}
	for _, c := range t[1:end] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
