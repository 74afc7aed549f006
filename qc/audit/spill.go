package audit

import (
	"fmt"
	"os"
	"runtime"
)

// Spill keeps the deliveries' findings in a temporary file between the
// moment a delivery is collected and the reports. Every finding must reach
// the JSON report and the history database, and an audit of real
// subtitles can have hundreds of thousands (~300 bytes each in memory);
// spilled, the audit holds per delivery only its counts, so its memory does
// not grow with its findings either. Readers take one delivery's findings
// at a time (Delivery.FindingList).
//
// Findings are stored in a binary form of their own (spillcodec.go) that
// gives back exactly what a JSON round trip of the audit's own format
// would: what a report reads back is what it would have written from
// memory (merge relies on the same round trip). Not safe for concurrent use; the collector and the
// writers use it one at a time.
type Spill struct {
	f        *os.File
	size     int64
	unlinked bool // removed from its folder at creation: only the open file is left
}

// NewSpill creates the spill file in dir ("" for the system's temporary
// folder); Close removes it. Where the system allows (Unix), the file is
// removed from its folder at once and lives only as long as the process
// holds it open: an audit killed outright (SIGKILL, out of memory) leaves
// nothing behind. Elsewhere (Windows) Close removes it; a killed audit's
// spill stays in the temporary folder, named exportqc-audit-*.findings.
func NewSpill(dir string) (*Spill, error) {
	f, err := os.CreateTemp(dir, "exportqc-audit-*.findings")
	if err != nil {
		return nil, fmt.Errorf("audit findings spill file: %w", err)
	}
	s := &Spill{f: f}
	if runtime.GOOS != "windows" && os.Remove(f.Name()) == nil {
		s.unlinked = true
	}
	return s, nil
}

// Close closes and removes the file.
func (s *Spill) Close() error {
	err := s.f.Close()
	if s.unlinked {
		return err
	}
	if rerr := os.Remove(s.f.Name()); err == nil {
		err = rerr
	}
	return err
}

// spilled is where one delivery's findings are in the spill, and what the
// aggregates need of them without reading them back.
type spilled struct {
	s        *Spill
	off, n   int64
	unwaived map[string]int // findings not waived, by rule
}

// put appends fs and returns where they are.
func (s *Spill) put(fs []Finding) (*spilled, error) {
	buf := appendFindings(nil, fs)
	if _, err := s.f.WriteAt(buf, s.size); err != nil {
		return nil, fmt.Errorf("audit findings spill file: %w", err)
	}
	sp := &spilled{s: s, off: s.size, n: int64(len(buf)), unwaived: unwaivedByRule(fs)}
	s.size += sp.n
	return sp, nil
}

// get reads back what put stored.
func (sp *spilled) get() ([]Finding, error) {
	data := make([]byte, sp.n)
	if _, err := sp.s.f.ReadAt(data, sp.off); err != nil {
		return nil, fmt.Errorf("audit findings spill file: %w", err)
	}
	fs, err := decodeFindings(data)
	if err != nil {
		return nil, fmt.Errorf("audit findings spill file: %w", err)
	}
	return nonNil(fs), nil
}

func unwaivedByRule(fs []Finding) map[string]int {
	m := map[string]int{}
	for i := range fs {
		if fs[i].Waived == nil {
			m[fs[i].Rule]++
		}
	}
	return m
}

// FindingList returns the delivery's findings, from memory or from the
// spill file.
func (d *Delivery) FindingList() ([]Finding, error) {
	if d.spill != nil {
		return d.spill.get()
	}
	return d.Findings, nil
}

// unwaivedRules counts the delivery's findings not waived, by rule.
func (d *Delivery) unwaivedRules() map[string]int {
	if d.spill != nil {
		return d.spill.unwaived
	}
	return unwaivedByRule(d.Findings)
}

// spillFindings moves the delivery's findings to s.
func (d *Delivery) spillFindings(s *Spill) error {
	sp, err := s.put(d.Findings)
	if err != nil {
		return err
	}
	d.spill, d.Findings = sp, nil
	return nil
}
