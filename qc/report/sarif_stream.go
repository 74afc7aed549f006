package report

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

// writeSARIFStream is SARIF for a report that arrives file by file. The
// log's frame comes before its results but is only known at the end (the
// run's verdict; the rules that only findings name, listed after the
// report's own), so the results are encoded as they arrive into a spool
// file and copied between the frame's halves at the end: memory stays
// flat, the disk holds the results once. The bytes are SARIF's for the
// whole report (TestRunStreamWritesWhatRunWrites).
func writeSARIFStream(w io.Writer, s *Stream, _ Options) (err error) {
	sf, err := newSpool("exportqc-sarif-*.spool")
	if err != nil {
		return fmt.Errorf("sarif: spool for the results: %w", err)
	}
	defer sf.close(&err)
	spool := sf.f
	known := make([]RuleInfo, 0, len(s.Rules))
	index := make(map[string]int, len(s.Rules))
	for _, ri := range s.Rules {
		if _, dup := index[ri.Code]; !dup {
			index[ri.Code] = len(known)
			known = append(known, ri)
		}
	}
	sw := bufio.NewWriterSize(spool, 64<<10)
	re := newSARIFResults(nil)
	var (
		held     []sarifResult // results of rules the table lacks: their index is known at the end
		extras   []RuleInfo
		extraOf  = map[string]bool{}
		seen     = map[string]int{}
		lastPath = "\x00"
		num      [binary.MaxVarintLen64]byte
	)
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		for i := range p.Findings {
			f := &p.Findings[i]
			// Fingerprints hash the file's path, so repeats are counted
			// per file: the counts need not outlive it.
			if sp := rule.SlashPath(f.File); sp != lastPath {
				lastPath = sp
				clear(seen)
			}
			res := sarifResultOf(f, index, seen)
			if _, ok := index[f.Rule]; !ok {
				if !extraOf[f.Rule] {
					extraOf[f.Rule] = true
					extras = append(extras, RuleInfo{Code: f.Rule, Name: f.Name, Severity: f.Severity})
				}
				sw.WriteByte(1)
				sw.Write(num[:binary.PutUvarint(num[:], uint64(len(held)))])
				held = append(held, res)
				continue
			}
			b, err := re.encode(&res)
			if err != nil {
				return err
			}
			sw.WriteByte(0)
			sw.Write(num[:binary.PutUvarint(num[:], uint64(len(b)))])
			sw.Write(b)
		}
	}
	t, err := s.Tail()
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sarif: spool: %w", err)
	}
	// As the whole-report writer lists them: the report's rules, then the
	// ones only findings name, by code.
	slices.SortFunc(extras, func(a, b RuleInfo) int { return strings.Compare(a.Code, b.Code) })
	rules := append(known, extras...)
	failOn, none := parseFailOn(s.FailOn)
	label := failOn.String()
	if none {
		label = "none"
	}
	head, tail, index, err := sarifFrame(s.Tool, rules, label, t.Summary.Passed)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head)
	out := newSARIFResults(bw)
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("sarif: spool: %w", err)
	}
	sr := bufio.NewReaderSize(spool, 64<<10)
	var buf []byte
	for {
		tag, err := sr.ReadByte()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("sarif: spool: %w", err)
		}
		n, err := binary.ReadUvarint(sr)
		if err != nil {
			return fmt.Errorf("sarif: spool: %w", err)
		}
		if tag == 1 {
			res := &held[n]
			res.RuleIndex = index[res.RuleID]
			if err := out.write(res); err != nil {
				return err
			}
			continue
		}
		buf = slices.Grow(buf[:0], int(n))[:n]
		if _, err := io.ReadFull(sr, buf); err != nil {
			return fmt.Errorf("sarif: spool: %w", err)
		}
		out.writeEncoded(buf)
	}
	out.close()
	bw.Write(tail)
	return bw.Flush()
}
