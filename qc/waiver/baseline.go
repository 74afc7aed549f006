package waiver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// Baseline is the multiset of finding fingerprints of an earlier run.
type Baseline struct {
	counts map[string]int
	total  int
}

// LoadBaseline reads a JSON report saved by an earlier run (report.Decode,
// so an unknown field or another schema version is an error). Findings
// that report marks as waived are left out; see the package documentation.
func LoadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	rep, err := report.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	// rule.Finding gains its Waived field at integration; reading the key
	// from the raw JSON works before and after that without depending on it.
	var peek struct {
		Findings []struct {
			Waived json.RawMessage `json:"waived"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &peek); err != nil || len(peek.Findings) != len(rep.Findings) {
		return nil, fmt.Errorf("baseline %s: findings unreadable", path)
	}
	kept := rep.Findings[:0]
	for i, f := range rep.Findings {
		if w := peek.Findings[i].Waived; len(w) == 0 || string(w) == "null" {
			kept = append(kept, f)
		}
	}
	return NewBaseline(kept), nil
}

// NewBaseline makes a baseline of findings (all of them, waived or not).
func NewBaseline(findings []rule.Finding) *Baseline {
	b := &Baseline{counts: make(map[string]int, len(findings)), total: len(findings)}
	for i := range findings {
		b.counts[rule.Fingerprint(&findings[i])]++
	}
	return b
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
	left := make(map[string]int, len(b.counts))
	for fp, n := range b.counts {
		left[fp] = n
	}
	for i := range findings {
		fp := rule.Fingerprint(&findings[i])
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
	left map[string]int
}

// Matcher starts matching a run's findings against the baseline.
func (b *Baseline) Matcher() *Matcher {
	m := &Matcher{left: map[string]int{}}
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
		fp := rule.Fingerprint(&findings[i])
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
