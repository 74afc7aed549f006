package deliverycheck

import (
	"path/filepath"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/rule"
)

// checker is the work of one delivery rule, or of the rules that share one
// piece of work (comparing the declared files with the disk, walking the
// folder): it collects findings tagged with their rule's code, and each
// rule's Run reports the ones with its own.
type checker struct {
	p   *rule.DeliveryPass
	in  *rule.Delivery
	d   *delivery.Delivery
	out []rule.Finding
}

func newChecker(p *rule.DeliveryPass) *checker {
	return &checker{p: p, in: p.Delivery, d: p.Delivery.Model}
}

// runChecker runs work for the pass's rule and reports its findings.
func runChecker(p *rule.DeliveryPass, work func(*checker)) {
	c := newChecker(p)
	work(c)
	reportOwn(p, c.out)
}

// shared runs work once per delivery (the first of the rules sharing it
// that runs) and reports, for each of them, the findings with its code.
func shared(p *rule.DeliveryPass, key any, work func(*checker)) {
	out := p.Memo(key, func() any {
		c := newChecker(p)
		work(c)
		return c.out
	}).([]rule.Finding)
	reportOwn(p, out)
}

func reportOwn(p *rule.DeliveryPass, out []rule.Finding) {
	for _, f := range out {
		if f.Rule == p.Rule.Code {
			p.Report(f)
		}
	}
}

func (c *checker) add(f rule.Finding) { c.out = append(c.out, f) }

// report is the path a finding names for rel, a path relative to the
// delivery root (a manifest outside the root keeps its own path).
func (c *checker) report(rel string) string { return c.in.Path(rel) }

// disk is the on-disk path of rel.
func (c *checker) disk(rel string) string {
	return filepath.Join(c.d.Root, filepath.FromSlash(rel))
}

// manifest is the manifest a delivery-wide finding points at: the first one
// read, or the delivery folder itself when there is none (inferred).
func (c *checker) manifest() string { return c.in.Manifest() }
