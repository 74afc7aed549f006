package waiver

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// Baseline is the multiset of finding fingerprints of an earlier run,
// kept as counts per fingerprint: matching needs nothing else.
type Baseline struct {
	counts map[fpKey]int
	total  int
}

// fpKey is a fingerprint's 8 bytes rather than its 16 hex digits: a
// baseline of 120,000 findings is a map that size, and the key is most of
// an entry.
type fpKey [8]byte

func keyOf(f *rule.Finding) fpKey {
	var k fpKey
	hex.Decode(k[:], []byte(rule.Fingerprint(f))) // always 16 hex digits
	return k
}

// LoadBaseline reads a JSON report saved by an earlier run, as
// report.Decode would (so an unknown field or another schema version is
// an error), one finding at a time: only the fingerprints' counts stay.
// Findings that report marks as waived are left out; see the package
// documentation.
func LoadBaseline(path string) (*Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := &Baseline{counts: map[fpKey]int{}}
	err = report.ScanFindings(bufio.NewReaderSize(f, 64<<10), func(g *rule.Finding) {
		switch {
		case g == nil: // a findings list starts: the last one counts
			b.counts, b.total = map[fpKey]int{}, 0
		case g.Waived == nil:
			b.add(g)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	return b, nil
}

// NewBaseline makes a baseline of findings (all of them, waived or not).
func NewBaseline(findings []rule.Finding) *Baseline {
	b := &Baseline{counts: make(map[fpKey]int, len(findings))}
	for i := range findings {
		b.add(&findings[i])
	}
	return b
}

func (b *Baseline) add(f *rule.Finding) {
	b.counts[keyOf(f)]++
	b.total++
}

// Len is the number of findings in the baseline.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	return b.total
}

// New reports, for each finding, whether it is new: not in the baseline.
// Identical fingerprints are counted: with two in the baseline and three
// here, the first two in findings' order are old and the third is new, so
// pass findings in report order (rule.Less) for a deterministic answer. A
// nil baseline makes everything new. The baseline itself is not consumed;
// each call starts from the full counts.
func (b *Baseline) New(findings []rule.Finding) []bool {
	isNew := make([]bool, len(findings))
	if b.Len() == 0 {
		for i := range isNew {
			isNew[i] = true
		}
		return isNew
	}
	left := make(map[fpKey]int, len(b.counts))
	for fp, n := range b.counts {
		left[fp] = n
	}
	for i := range findings {
		fp := keyOf(&findings[i])
		if left[fp] > 0 {
			left[fp]--
			continue
		}
		isNew[i] = true
	}
	return isNew
}

// A Matcher is New for findings that arrive part by part, in report
// order: each call goes on from where the previous one left the
// baseline's counts, so the verdicts are New's over all the parts at once.
type Matcher struct {
	left map[fpKey]int
}

// Matcher starts matching a run's findings against the baseline.
func (b *Baseline) Matcher() *Matcher {
	m := &Matcher{left: map[fpKey]int{}}
	if b != nil {
		for fp, n := range b.counts {
			m.left[fp] = n
		}
	}
	return m
}

// New reports, for each of the next findings, whether the baseline does
// not account for it.
func (m *Matcher) New(findings []rule.Finding) []bool {
	isNew := make([]bool, len(findings))
	for i := range findings {
		if len(m.left) == 0 {
			isNew[i] = true
			continue
		}
		fp := keyOf(&findings[i])
		if m.left[fp] > 0 {
			m.left[fp]--
			if m.left[fp] == 0 {
				delete(m.left, fp)
			}
			continue
		}
		isNew[i] = true
	}
	return isNew
}
