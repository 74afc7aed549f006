package pack

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

// Request says which layers apply to one file.
type Request struct {
	Profile     string   // platform pack id; "" = DefaultProfile, NoProfile = none
	Language    string   // the file's BCP-47 tag; "" = no language layer
	Territories []string // territory codes or territory pack ids, applied in order
	Variants    []string // "children", "sdh": variants of every applied pack
	Project     *Overrides
	Flags       *Overrides
}

// Effective is the resolved configuration of every registered rule for one
// request. Treat it as read-only: a Resolver shares it between files.
type Effective struct {
	Profile     string   // platform pack applied, "" for none
	Language    string   // language pack applied, "" for none
	Territories []string // territory packs applied
	Variants    []string // variants requested (deduplicated, request order)
	Layers      []Applied
	// Rules holds one Config per registered rule, keyed by code.
	Rules map[string]*rule.Config
	// Origins says which layer set each rule's Enabled and Severity.
	Origins map[string]*Origin
	reg     *registry
	// terrs are the territory packs applied, with the built-in classes, for
	// TerritoryRules.
	terrs          []*Pack
	defaultClasses []territory.Class
	// captionsOffer is the captions pack when it was not applied, for
	// Explain to say when it would be.
	captionsOffer *Pack
}

// Applied is one pack, variant or override in the order applied.
type Applied struct {
	Layer   Layer
	Name    string // "netflix", "en:children", "config.yaml"
	Title   string
	Version string
}

// Origin is the provenance of a rule's Enabled and Severity, as Settings
// whose Value.Bool / Value.String hold the value.
type Origin struct {
	Enabled  rule.Setting
	Severity rule.Setting
}

// Config returns the configuration of the rule with this code, or nil.
func (e *Effective) Config(code string) *rule.Config { return e.Rules[code] }

// plan is a request with every name resolved to a pack.
type plan struct {
	profile     *Pack
	language    *Pack
	territories []*Pack
	// sections[i] is territories[i]'s language section serving the
	// request's language, or nil.
	sections []*Pack
	variants []string
	captions *Pack // the captions layer, when the captions variant is asked for
	project  *Overrides
	flags    *Overrides
}

// Resolve computes the effective configuration for req. It does the whole
// computation on every call; see Resolver for a cached form.
func (l *Library) Resolve(req Request) (*Effective, error) {
	lang, err := l.LanguagePack(req.Language)
	if err != nil {
		return nil, err
	}
	pl, err := l.plan(req, lang)
	if err != nil {
		return nil, err
	}
	return l.build(pl)
}

func (l *Library) plan(req Request, lang *Pack) (*plan, error) {
	pl := &plan{language: lang, project: req.Project, flags: req.Flags}
	switch name := strings.TrimSpace(req.Profile); name {
	case NoProfile:
	case "":
		name = DefaultProfile
		fallthrough
	default:
		p, ok := l.PackIn(LayerPlatform, name)
		if !ok {
			return nil, fmt.Errorf("unknown profile %q (known: %s, or %s)", name, strings.Join(l.Profiles(), ", "), NoProfile)
		}
		pl.profile = p
	}
	for _, t := range req.Territories {
		p, err := l.territoryPack(t)
		if err != nil {
			return nil, err
		}
		if p != nil && !slices.Contains(pl.territories, p) {
			pl.territories = append(pl.territories, p)
			pl.sections = append(pl.sections, sectionFor(p, req.Language))
		}
	}
	for _, v := range req.Variants {
		v = strings.ToLower(strings.TrimSpace(v))
		if !l.variants[v] {
			return nil, fmt.Errorf("unknown variant %q (known: %s)", v, strings.Join(l.Variants(), ", "))
		}
		if !slices.Contains(pl.variants, v) {
			pl.variants = append(pl.variants, v)
		}
		if v == CaptionsVariant {
			pl.captions = l.captions
		}
	}
	return pl, nil
}

// territoryPack finds the pack for a territory code or pack id. A country
// no pack serves adds no layer; anything else is an error that names the
// known territories and, where one is likely, the code meant (UK → GB): a
// typo must not switch the language requirements off.
func (l *Library) territoryPack(t string) (*Pack, error) {
	if p, ok := l.PackIn(LayerTerritory, t); ok {
		return p, nil
	}
	// A region a pack serves, written as it may be ("419" for LATAM).
	if r, err := language.ParseRegion(strings.TrimSpace(t)); err == nil && l.territory[r.String()] != nil {
		return l.territory[r.String()], nil
	}
	code, err := territory.ParseCountry(t)
	if err != nil {
		return nil, l.unknownTerritory(t, err)
	}
	return l.territory[code], nil
}

// unknownTerritory completes a territory code error with a guess among the
// territory packs and the list of them.
func (l *Library) unknownTerritory(t string, err error) error {
	var ce *territory.CodeError
	if errors.As(err, &ce) && ce.Suggest == "" {
		ce.Suggest = territory.Closest(t, l.Territories())
	}
	return fmt.Errorf("%w (known: the territory packs %s, or any ISO 3166-1 country code)", err, strings.Join(l.Territories(), ", "))
}

func (l *Library) build(pl *plan) (*Effective, error) {
	e := &Effective{
		Variants: pl.variants,
		Rules:    make(map[string]*rule.Config, len(l.reg.rules)),
		Origins:  make(map[string]*Origin, len(l.reg.rules)),
		reg:      l.reg,
	}
	for _, r := range l.reg.rules {
		e.Rules[r.Code] = &rule.Config{Enabled: true, Severity: r.DefaultSeverity, Params: make(map[string]rule.Setting, len(r.Params))}
		builtin := rule.Setting{Layer: LayerDefaults.String(), Pack: "rule", Source: "built into the rule (no pack sets it)"}
		en, sev := builtin, builtin
		en.Value, sev.Value = boolValue(true), severityValue(r.DefaultSeverity)
		e.Origins[r.Code] = &Origin{Enabled: en, Severity: sev}
	}
	e.applyPack(l.defaults, nil)
	if pl.profile != nil {
		e.Profile = pl.profile.ID
		e.applyPack(pl.profile, pl.variants)
	}
	if pl.language != nil {
		e.Language = pl.language.ID
		e.applyPack(pl.language, pl.variants)
	}
	e.defaultClasses = l.defaults.Classes
	for i, t := range pl.territories {
		e.Territories = append(e.Territories, t.ID)
		e.terrs = append(e.terrs, t)
		e.applyPack(t, pl.variants)
		if sec := pl.sections[i]; sec != nil {
			e.applyPack(sec, pl.variants)
		}
	}
	if pl.captions != nil {
		e.applyPack(pl.captions, pl.variants)
	} else if l.captions != nil {
		e.captionsOffer = l.captions
	}
	for _, o := range []struct {
		layer Layer
		o     *Overrides
	}{{LayerProject, pl.project}, {LayerFlags, pl.flags}} {
		if o.o == nil {
			continue
		}
		if err := e.applyOverrides(o.layer, o.o); err != nil {
			return nil, err
		}
	}
	return e, nil
}

func (e *Effective) applyPack(p *Pack, variants []string) {
	e.Layers = append(e.Layers, Applied{Layer: p.Layer, Name: p.ID, Title: p.Title, Version: p.Version})
	e.apply(p.Layer, p.ID, p.Rules)
	for _, v := range applicableVariants(p, variants) {
		name := p.ID + ":" + v.Name
		e.Layers = append(e.Layers, Applied{Layer: p.Layer, Name: name, Title: p.Title + " — " + v.Name, Version: p.Version})
		e.apply(p.Layer, name, v.Rules)
	}
}

// applicableVariants returns p's variants whose parts were all requested:
// single-name variants in request order, then combinations by name, so that
// "children+sdh" refines both "children" and "sdh".
func applicableVariants(p *Pack, requested []string) []*Variant {
	var out []*Variant
	for _, r := range requested {
		if v := p.Variants[r]; v != nil {
			out = append(out, v)
		}
	}
	for _, name := range sortedKeys(p.Variants) {
		v := p.Variants[name]
		if len(v.Parts) < 2 {
			continue
		}
		all := true
		for _, part := range v.Parts {
			all = all && slices.Contains(requested, part)
		}
		if all {
			out = append(out, v)
		}
	}
	return out
}

func (e *Effective) apply(layer Layer, pack string, rules map[string]*RuleSettings) {
	for code, rs := range rules {
		cfg, org := e.Rules[code], e.Origins[code]
		if cfg == nil {
			continue // validated at load or parse; hand-built overrides are checked by applyOverrides
		}
		if rs.Enabled != nil {
			cfg.Enabled = *rs.Enabled
			org.Enabled = rule.Setting{Value: boolValue(*rs.Enabled), Layer: layer.String(), Pack: pack, Source: rs.EnabledSource}
		}
		if rs.Severity != nil {
			cfg.Severity = *rs.Severity
			org.Severity = rule.Setting{Value: severityValue(*rs.Severity), Layer: layer.String(), Pack: pack, Source: rs.SeveritySource}
		}
		for name, p := range rs.Params {
			cfg.Params[name] = rule.Setting{Value: p.Value, Layer: layer.String(), Pack: pack, Source: p.Source}
		}
	}
}

var overrideTitles = map[Layer]string{LayerProject: "project config", LayerFlags: "command-line flags"}

func (e *Effective) applyOverrides(layer Layer, o *Overrides) error {
	name := o.Name
	if name == "" {
		name = layer.String()
	}
	// Overrides are exported and could be built by hand: check them here
	// rather than let a typo vanish.
	for code, rs := range o.Rules {
		r := e.reg.byCode[code]
		if r == nil {
			return fmt.Errorf("%s: unknown rule %q", name, code)
		}
		for p := range rs.Params {
			if r.Param(p) == nil {
				return fmt.Errorf("%s: %s has no parameter %q (%s)", name, r.ID(), p, paramNames(r))
			}
		}
	}
	e.Layers = append(e.Layers, Applied{Layer: layer, Name: name, Title: overrideTitles[layer]})
	if o.EnableOnly != nil {
		for _, code := range o.EnableOnly {
			if e.reg.byCode[code] == nil {
				return fmt.Errorf("%s: enable-only: unknown rule %q", name, code)
			}
		}
		src := o.EnableOnlySource
		if src == "" {
			src = "enable-only " + strings.Join(o.EnableOnly, ",")
		}
		for _, r := range e.reg.rules {
			on := slices.Contains(o.EnableOnly, r.Code)
			e.Rules[r.Code].Enabled = on
			e.Origins[r.Code].Enabled = rule.Setting{Value: boolValue(on), Layer: layer.String(), Pack: name, Source: src}
		}
	}
	e.apply(layer, name, o.Rules)
	return nil
}
