package rule

import (
	"context"
	"path"
	"path/filepath"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/territory"
)

// Delivery is one delivery as its rules see it. The engine builds it once
// the per-file pass is done; every delivery rule of the delivery shares it.
type Delivery struct {
	// Root is the delivery folder as reported: findings' paths start with it.
	Root string
	// Model is what the manifests declare, as load.Open read it
	// (Model.Root is the folder on disk).
	Model *delivery.Delivery
	// Territories are the territory packs that apply (the manifest's and
	// the run's), with the run's variants folded in; Classes are the
	// built-in language equivalence classes.
	Territories []*territory.Territory
	Classes     []territory.Class
	// Configs is the delivery's rule configuration (no language layer; the
	// delivery's territory layers), by code.
	Configs map[string]*Config
	Hasher  *hashing.Hasher
	Jobs    int // files hashed at once (the Hasher bounds readers too)
	// Files is what the per-file pass learned about the declared subtitle
	// files it read, by path relative to the delivery root.
	Files map[string]DeliveryFile
	// Load reads a subtitle file (path on disk) into cues the way the
	// per-file pass does, for rules that compare files (D008).
	Load func(path string) (*cue.Document, error)
	// Ctx is the run's context: long rules stop early when it is cancelled.
	Ctx context.Context

	memo map[any]any
}

// DeliveryFile is what the per-file pass learned about one subtitle file.
type DeliveryFile struct {
	Format string // "srt", "ttml", ...; "" when it could not be read as subtitles
}

// Path is the path a finding names for rel, a path relative to the
// delivery root (a manifest outside the root keeps its own path).
func (d *Delivery) Path(rel string) string {
	if rel == "" {
		return d.Root
	}
	if filepath.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, "../") {
		return filepath.ToSlash(rel)
	}
	return path.Join(d.Root, rel)
}

// Manifest is the path delivery-wide findings name: the first manifest
// read, or the delivery folder when there is none (inferred).
func (d *Delivery) Manifest() string {
	if len(d.Model.Manifests) > 0 {
		return d.Path(d.Model.Manifests[0])
	}
	return d.Root
}

// DeliveryPass is one rule's view of one delivery.
type DeliveryPass struct {
	Settings
	Rule     *Rule
	Delivery *Delivery
	Config   *Config
	report   func(Finding)
}

// NewDeliveryPass is used by the engine (and rule tests) to run a delivery rule.
func NewDeliveryPass(r *Rule, d *Delivery, cfg *Config, report func(Finding)) *DeliveryPass {
	return &DeliveryPass{Settings: Settings{r, cfg}, Rule: r, Delivery: d, Config: cfg, report: report}
}

// Ctx is the run's context (Background when none was given).
func (p *DeliveryPass) Ctx() context.Context {
	if p.Delivery.Ctx == nil {
		return context.Background()
	}
	return p.Delivery.Ctx
}

// Enabled reports whether the rule with this code runs on this delivery:
// rules that share work (hashing, walking the folder) skip what no enabled
// rule needs.
func (p *DeliveryPass) Enabled(code string) bool {
	c := p.Delivery.Configs[code]
	return c == nil || c.Enabled
}

// Memo returns what build computes for key, once per delivery and shared by
// its rules (the hashing D002, D004 and D005 read). Delivery rules run one
// after another, so no lock is needed.
func (p *DeliveryPass) Memo(key any, build func() any) any {
	return getOrBuild(&p.Delivery.memo, key, build)
}

// Report records a finding; rule code, name and severity are filled in,
// File is the rule's to set (a manifest, a file of the delivery).
func (p *DeliveryPass) Report(f Finding) { p.ReportMilder(f, p.Config.Severity) }

// ReportMilder records a finding at severity sev where that is milder
// than the configured severity, as Pass.ReportMilder does.
func (p *DeliveryPass) ReportMilder(f Finding, sev Severity) {
	f.Rule = p.Rule.Code
	f.Name = p.Rule.Name
	f.Severity = min(sev, p.Config.Severity)
	if f.File == "" {
		f.File = p.Delivery.Root
	}
	p.report(f)
}

// ReportProblems reports what the manifest readers found wrong that carries
// the pass's rule code (D002, D009, D010, D011), at the manifest line.
func ReportProblems(p *DeliveryPass) {
	for _, pr := range p.Delivery.Model.Problems {
		if pr.Rule == p.Rule.Code {
			p.Report(Finding{File: p.Delivery.Path(pr.File), Line: pr.Line, Message: pr.Message})
		}
	}
}

// RunDelivery runs the pass's rule.
func (p *DeliveryPass) Run() { p.Rule.RunDelivery(p) }

// SettingsOf gives the parameters of another rule of the delivery, for
// rules that share work: the walk of the folder D003 and D011 both use
// applies D003's ignore list. Only for a rule that is Enabled.
func (p *DeliveryPass) SettingsOf(code string) Settings {
	return Settings{&Rule{Code: code}, p.Delivery.Configs[code]}
}
