package pack

import (
	"slices"

	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

// RunResolver is what a run of the engine asks of the packs: the run's
// request (profile, variants, territories, flags) completed, file by file,
// with the file's language, its delivery's territories and the layers its
// format calls for (the captions layer for SCC). It satisfies the engine's
// Resolver, FormatResolver and DeliveryResolver; the command and the tests
// that check "as exportqc check does" use this one, so they cannot differ.
// Safe for concurrent use; results are cached by the Resolver underneath.
type RunResolver struct {
	r     *Resolver
	req   Request
	lang  languageRulesOnce
	files fileConfigs
}

// NewRunResolver resolves for a run whose flags, profile, variants and
// territories are req.
func (l *Library) NewRunResolver(req Request) *RunResolver {
	p := &RunResolver{r: l.NewResolver(), req: req}
	p.files.kept.Limit = fileConfigsSize
	return p
}

// Request is the run's request, as given.
func (p *RunResolver) Request() Request { return p.req }

// Resolve is the configuration of a file in language (canonical tag, ""
// when unknown) with the run's territories.
func (p *RunResolver) Resolve(language string) (map[string]*rule.Config, error) {
	return p.ResolveFormat(language, nil, "")
}

// ResolveFormat adds the variants the file's format calls for to the run's;
// territories, when not nil, are its delivery's.
func (p *RunResolver) ResolveFormat(language string, territories []string, format string) (map[string]*rule.Config, error) {
	if territories != nil {
		return p.rules(p.fileRequest(language, territories, true, format))
	}
	return p.files.get(language, format, func() (map[string]*rule.Config, error) {
		return p.rules(p.fileRequest(language, nil, false, format))
	})
}

// ResolveIn gives a delivery file its configuration with the delivery's
// territory layers.
func (p *RunResolver) ResolveIn(language string, territories []string) (map[string]*rule.Config, error) {
	return p.rules(p.fileRequest(language, territories, true, ""))
}

// fileRequest is the run's request for one file: in its language, with
// territories instead of the run's when inDelivery, and with the variants
// its format (when given) calls for added to the run's.
func (p *RunResolver) fileRequest(language string, territories []string, inDelivery bool, format string) Request {
	req := p.req
	req.Language = language
	if inDelivery {
		req.Territories = territories
	}
	if format != "" {
		// Clipped: appending must not write into the run's own slice.
		req.Variants = append(slices.Clip(req.Variants), FormatVariants(format)...)
	}
	return req
}

// Territories says what the territories require, and the language classes
// that decide what meets a requirement.
func (p *RunResolver) Territories(territories []string) ([]*territory.Territory, []territory.Class, error) {
	req := p.req
	req.Language = ""
	req.Territories = territories
	e, err := p.r.Resolve(req)
	if err != nil {
		return nil, nil, err
	}
	return e.TerritoryRules(), e.DefaultClasses(), nil
}

func (p *RunResolver) rules(req Request) (map[string]*rule.Config, error) {
	e, err := p.r.Resolve(req)
	if err != nil {
		return nil, err
	}
	return e.Rules, nil
}
