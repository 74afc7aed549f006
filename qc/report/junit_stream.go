package report

import (
	"bufio"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// writeJUnitStream is JUnit for a report that arrives file by file. The
// root's totals and every suite's testcases depend on the full rule list
// (the rules only findings name are known at the end), so each file's
// findings are spooled to a temporary file as they arrive, in a compact
// form holding only what a suite shows, and the suites are built from the
// spool one at a time at the end: memory stays flat, the bytes are JUnit's
// for the whole report (TestRunStreamWritesWhatRunWrites).
func writeJUnitStream(w io.Writer, s *Stream) (err error) {
	s = recordsFirst(s)
	sf, err := newSpool("exportqc-junit-*.spool")
	if err != nil {
		return fmt.Errorf("junit: spool for the suites: %w", err)
	}
	defer sf.close(&err)
	spool := sf.f
	v := &view{}
	v.failOn, v.failNone = parseFailOn(s.FailOn)
	known := map[string]bool{}
	var rules []RuleInfo
	for _, ri := range s.Rules {
		if !known[ri.Code] {
			known[ri.Code] = true
			rules = append(rules, ri)
		}
	}
	var extras []RuleInfo
	sp := spoolWriter{w: bufio.NewWriterSize(spool, 64<<10)}
	suites, failures := 0, 0
	failing := map[string]bool{}
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		suites++
		clear(failing)
		for i := range p.Findings {
			f := &p.Findings[i]
			if !known[f.Rule] {
				known[f.Rule] = true
				extras = append(extras, RuleInfo{Code: f.Rule, Name: f.Name, Severity: f.Severity})
			}
			if v.fails(f.Severity) {
				failing[f.Rule] = true
			}
		}
		failures += len(failing)
		sp.part(p)
	}
	if _, err := s.Tail(); err != nil {
		return err
	}
	if err := sp.w.Flush(); err != nil {
		return fmt.Errorf("junit: spool: %w", err)
	}
	slices.SortFunc(extras, func(a, b RuleInfo) int { return strings.Compare(a.Code, b.Code) })
	rules = append(rules, extras...)

	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString(xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	start := junitRootStart(s.Tool.Name, suites*len(rules), failures)
	if err := enc.EncodeToken(start); err != nil {
		return err
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("junit: spool: %w", err)
	}
	sr := spoolReader{r: bufio.NewReaderSize(spool, 64<<10)}
	for range suites {
		fv, err := sr.part()
		if err != nil {
			return fmt.Errorf("junit: spool: %w", err)
		}
		suite := junitSuiteOf(v, &fv, rules)
		if err := enc.EncodeElement(&suite, xml.StartElement{Name: xml.Name{Local: "testsuite"}}); err != nil {
			return err
		}
	}
	return junitClose(enc, bw, start)
}

// spoolWriter writes parts in the spool's form: strings and numbers as
// uvarints, only the fields a JUnit suite shows.
type spoolWriter struct {
	w   *bufio.Writer
	num [binary.MaxVarintLen64]byte
}

func (s *spoolWriter) uint(n uint64) { s.w.Write(s.num[:binary.PutUvarint(s.num[:], n)]) }
func (s *spoolWriter) int(n int)     { s.w.Write(s.num[:binary.PutVarint(s.num[:], int64(n))]) }
func (s *spoolWriter) str(v string)  { s.uint(uint64(len(v))); s.w.WriteString(v) }

func (s *spoolWriter) part(p Part) {
	if p.File != nil {
		f := p.File
		s.uint(1)
		s.str(f.Path)
		s.str(f.Format)
		s.str(f.Encoding)
		s.str(f.Language)
		s.str(f.FrameRate)
		s.int(f.Cues)
	} else {
		s.uint(0)
		path := ""
		if len(p.Findings) > 0 {
			path = p.Findings[0].File
		}
		s.str(path)
	}
	s.uint(uint64(len(p.Findings)))
	for i := range p.Findings {
		f := &p.Findings[i]
		s.str(f.Rule)
		s.str(f.Name)
		s.int(int(f.Severity))
		s.str(f.File)
		s.int(f.Line)
		s.int(f.Cue)
		s.str(f.CueID)
		if f.Start != nil {
			s.uint(1)
			s.int(int(*f.Start))
		} else {
			s.uint(0)
		}
		s.str(f.Message)
		s.str(f.Expected)
		s.str(f.Actual)
	}
}

// spoolReader reads back what spoolWriter wrote.
type spoolReader struct {
	r   *bufio.Reader
	err error
}

func (s *spoolReader) uint() uint64 {
	if s.err != nil {
		return 0
	}
	n, err := binary.ReadUvarint(s.r)
	s.err = err
	return n
}

func (s *spoolReader) int() int {
	if s.err != nil {
		return 0
	}
	n, err := binary.ReadVarint(s.r)
	s.err = err
	return int(n)
}

func (s *spoolReader) str() string {
	n := s.uint()
	if s.err != nil || n == 0 {
		return ""
	}
	b := make([]byte, n)
	_, s.err = io.ReadFull(s.r, b)
	return string(b)
}

func (s *spoolReader) part() (fileView, error) {
	var fv fileView
	if s.uint() == 1 {
		fv.Known = true
		fv.Path, fv.Format, fv.Encoding, fv.Language, fv.FrameRate = s.str(), s.str(), s.str(), s.str(), s.str()
		fv.Cues = s.int()
	} else {
		fv.Path = s.str()
	}
	n := s.uint()
	if s.err == nil && n > 1<<40 {
		s.err = errors.New("corrupt spool: finding count " + strconv.FormatUint(n, 10))
	}
	for range n {
		if s.err != nil {
			break
		}
		f := rule.Finding{Rule: s.str(), Name: s.str(), Severity: rule.Severity(s.int()), File: s.str(),
			Line: s.int(), Cue: s.int(), CueID: s.str()}
		if s.uint() == 1 {
			f.Start = rule.TC(cue.Time(s.int()))
		}
		f.Message, f.Expected, f.Actual = s.str(), s.str(), s.str()
		fv.Findings = append(fv.Findings, f)
	}
	return fv, s.err
}
