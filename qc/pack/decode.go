package pack

// The embedded packs reach a run already decoded (compiled.go): a change
// to how packs are decoded here (values, sources, validation, tag
// canonicalisation) does not reach them until `go generate ./qc/pack`
// writes them again. The fingerprint that picks the compiled form covers
// the pack files and the rule registry, not this code; TestCompiledPacks,
// which decodes the YAML and compares, fails until they are regenerated.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/exportqc/exportqc/qc/internal/lazyre"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

// The YAML shape of a pack file. Decoded with KnownFields(true), so a
// misspelt key is an error rather than a silently ignored setting.
type fileDoc struct {
	Pack      string                `yaml:"pack"`
	Layer     string                `yaml:"layer"`
	Title     string                `yaml:"title"`
	Version   string                `yaml:"version"`
	AppliesTo []string              `yaml:"applies_to"`
	Rules     map[string]ruleDoc    `yaml:"rules"`
	Variants  map[string]variantDoc `yaml:"variants"`
	// Territory packs (and, for equivalents, the defaults pack) only: see
	// territory.go.
	Requires    []requireDoc           `yaml:"requires"`
	Equivalents []classDoc             `yaml:"equivalents"`
	Formats     *formatsDoc            `yaml:"formats"`
	Languages   map[string]languageDoc `yaml:"languages"`
}

type variantDoc struct {
	Rules    map[string]ruleDoc `yaml:"rules"`
	Requires []requireDoc       `yaml:"requires"`
	Formats  *formatsDoc        `yaml:"formats"`
}

type ruleDoc struct {
	Enabled  *bool               `yaml:"enabled"`
	Severity string              `yaml:"severity"`
	Source   string              `yaml:"source"`
	Params   map[string]paramDoc `yaml:"params"`
}

type paramDoc struct {
	Value  yaml.Node `yaml:"value"` // a node, to keep the raw text and its line
	Source string    `yaml:"source"`
}

// allowedKeys names, per decoded type, the keys a strict-decoding error can
// suggest instead of Go type names.
var allowedKeys = map[string]string{
	"fileDoc":     "pack file (keys: pack, layer, title, version, applies_to, rules, variants; territory packs also requires, equivalents, formats, languages)",
	"variantDoc":  "variant (keys: rules; in territory packs also requires, formats)",
	"requireDoc":  "requirement (keys: language, kind, accepts, source)",
	"classDoc":    "equivalence class (keys: name, tags, source)",
	"formatsDoc":  "formats (keys: accepted, source)",
	"languageDoc": "language section (keys: rules, variants)",
	"ruleDoc":     "rule entry (keys: enabled, severity, source, params)",
	"paramDoc":    "parameter (keys: value, source)",
}

var (
	reLine       = lazyre.New(`^(?:yaml: )?line (\d+): (.*)$`)
	reUnknownKey = lazyre.New(`^field (.+) not found in type pack\.(\w+)$`)
	reNotMapping = lazyre.New(`^cannot unmarshal (\S+)(?: .*)? into pack\.paramDoc$`)
	reVariant    = lazyre.New(`^[a-z][a-z0-9-]*$`)
	rePackID     = lazyre.New(`^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$`)
)

// decodeFile parses and validates one pack file against the registry.
//
// The text is parsed once: the node tree is kept for line numbers and
// decoded into fileDoc, with strictKeys standing in for KnownFields (node
// decoding cannot be strict) and giving the same "unknown key" errors.
// Parsing is most of what loading the embedded packs costs on every run.
// A tree with aliases or merge keys, which strictKeys does not follow, is
// decoded from the text again by the strict decoder.
func decodeFile(file string, data []byte, reg *registry, probs *problems) *Pack {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); errors.Is(err, io.EOF) || err == nil && root.Kind == 0 {
		probs.add(file, 0, "empty pack file")
		return nil
	} else if err != nil {
		addYAMLError(probs, file, err)
		return nil
	}
	var doc fileDoc
	var badParams map[int]bool
	if err := decodeStrict(&root, data, &doc, file, probs); err != nil {
		var local bool
		badParams, local = addYAMLError(probs, file, err)
		// After errors confined to one key (unknown keys, bare parameter
		// values) the rest of the document is decoded: validate it too, so
		// an author sees every problem in one run.
		if !local {
			return nil
		}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		probs.add(file, extra.Line, "a pack file holds one YAML document")
		return nil
	}
	d := fileDecoder{file: file, root: &root, reg: reg, probs: probs, badParams: badParams}
	return d.pack(&doc)
}

// decodeStrict decodes the parsed document root into doc, reporting keys
// doc has no field for as errors.
func decodeStrict(root *yaml.Node, data []byte, doc *fileDoc, file string, probs *problems) error {
	if hasAliases(root) {
		return decodeStrictText(data, doc)
	}
	if len(root.Content) > 0 {
		strictKeys(root.Content[0], reflect.TypeFor[fileDoc](), file, probs)
	}
	return root.Decode(doc)
}

// decodeStrictText decodes the first document of data into doc with the
// strict decoder, parsing the text again.
func decodeStrictText(data []byte, doc *fileDoc) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	return dec.Decode(doc)
}

// hasAliases reports whether the tree uses an alias or a merge key ("<<").
func hasAliases(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Tag == "!!merge" {
		return true
	}
	for _, c := range n.Content {
		if hasAliases(c) {
			return true
		}
	}
	return false
}

// addYAMLError turns yaml.v3 errors ("line 7: field colour not found in type
// pack.ruleDoc") into file:line errors that speak about pack keys.
// It returns the lines of parameters written as bare values, and whether every
// error was confined to one key (so the rest of the document decoded).
func addYAMLError(probs *problems, file string, err error) (badParams map[int]bool, local bool) {
	badParams = make(map[int]bool)
	local = true
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
		local = false
	}
	for _, m := range msgs {
		line := 0
		if sm := reLine().FindStringSubmatch(m); sm != nil {
			line, _ = strconv.Atoi(sm[1])
			m = sm[2]
		}
		if sm := reUnknownKey().FindStringSubmatch(m); sm != nil {
			where := allowedKeys[sm[2]]
			if where == "" {
				where = sm[2]
			}
			m = fmt.Sprintf("unknown key %q in %s", sm[1], where)
		} else if sm := reNotMapping().FindStringSubmatch(m); sm != nil {
			m = `a parameter is written {value: ..., source: "guideline + clause"}, not a bare ` + strings.TrimPrefix(sm[1], "!!")
			badParams[line] = true
		} else {
			local = false
		}
		probs.add(file, line, "%s", m)
	}
	return badParams, local
}

type fileDecoder struct {
	file  string
	root  *yaml.Node
	reg   *registry
	probs *problems
	cur   *Pack
	// badParams are lines of parameters already reported as bare values:
	// "missing value" there would only repeat it.
	badParams map[int]bool
	// project is the territory name when decoding a project config entry
	// (territories.<name>), "" for pack files.
	project string
}

func (d *fileDecoder) errorf(line int, format string, args ...any) {
	d.probs.add(d.file, line, format, args...)
}

// line returns the line of the key at path (or of its closest existing parent).
func (d *fileDecoder) line(keys ...string) int {
	n := d.root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, k := range keys {
		if n.Kind != yaml.MappingNode {
			return line
		}
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				line, n, found = n.Content[i].Line, n.Content[i+1], true
				break
			}
		}
		if !found {
			return line
		}
	}
	return line
}

func (d *fileDecoder) pack(doc *fileDoc) *Pack {
	p := &Pack{File: d.file, Title: strings.TrimSpace(doc.Title), Version: strings.TrimSpace(doc.Version)}
	d.cur = p
	stem := strings.TrimSuffix(path.Base(d.file), path.Ext(d.file))
	if d.project != "" {
		stem = d.project // a project territory is named by its key in the config
	}
	// A pack whose id or layer is wrong is still checked, but not indexed:
	// it would land in the wrong place and cause follow-on errors.
	usable := false
	switch {
	case doc.Pack == "":
		d.errorf(d.line(), "missing pack: (the pack id, %q for this file)", stem)
	case doc.Pack != stem:
		d.errorf(d.line("pack"), "pack %q must match its file name (%q)", doc.Pack, stem)
	case !rePackID().MatchString(doc.Pack):
		d.errorf(d.line("pack"), "pack id %q may hold only letters, digits and single dashes", doc.Pack)
	default:
		usable = true
	}
	p.ID = doc.Pack

	dir := path.Dir(d.file)
	if l, ok := packLayers[doc.Layer]; !ok {
		d.errorf(d.line("layer"), "layer %q: want defaults, platform, language, territory or captions", doc.Layer)
		usable = false
	} else {
		p.Layer = l.layer
		if d.project != "" && l.layer != LayerTerritory {
			d.errorf(d.line("layer"), "the project config defines territory packs only")
			usable = false
		} else if dir != l.dir && d.project == "" {
			where := l.dir + "/"
			if l.dir == "." {
				where = "defaults.yaml at the root"
			}
			d.errorf(d.line("layer"), "a %s pack belongs in %s, not %s/", doc.Layer, where, dir)
			usable = false
		}
	}
	if p.Title == "" {
		d.errorf(d.line(), "missing title: (the guideline the values come from)")
	}
	if p.Version == "" {
		d.errorf(d.line(), "missing version: (guideline version or the month the values were read)")
	}
	d.appliesTo(p, doc.AppliesTo)

	p.Rules = d.rules(doc.Rules, "rules")
	if len(doc.Variants) > 0 && p.Layer == LayerDefaults {
		d.errorf(d.line("variants"), "the defaults pack has no variants: put content-type values in platform or language packs")
	}
	p.Variants = make(map[string]*Variant, len(doc.Variants))
	for _, name := range sortedKeys(doc.Variants) {
		v := d.variant(name)
		if v == nil {
			continue
		}
		if _, dup := p.Variants[v.Name]; dup {
			d.errorf(d.line("variants", name), "variant %q repeats variant %q", name, v.Name)
			continue
		}
		v.Rules = d.rules(doc.Variants[name].Rules, "variants", name, "rules")
		v.Requires = d.requires(p, doc.Variants[name].Requires, v.Name, "variants", name, "requires")
		v.Formats = d.formats(p, doc.Variants[name].Formats, "variants", name, "formats")
		p.Variants[v.Name] = v
	}
	d.territoryParts(p, doc)
	if !usable {
		return nil
	}
	return p
}

func (d *fileDecoder) appliesTo(p *Pack, tags []string) {
	line := d.line("applies_to")
	switch p.Layer {
	case LayerDefaults, LayerPlatform, LayerCaptions:
		if len(tags) > 0 {
			d.errorf(line, "applies_to is for language and territory packs")
		}
		return
	}
	if len(tags) == 0 && d.project != "" {
		return // a project territory named "ACME-FR" is selected by its name
	}
	if len(tags) == 0 {
		d.errorf(line, "missing applies_to: (the %s this pack serves)", map[Layer]string{LayerLanguage: "BCP-47 language tags", LayerTerritory: "territory codes"}[p.Layer])
		return
	}
	for _, s := range tags {
		var canon string
		if p.Layer == LayerLanguage {
			t, err := language.Parse(s)
			if err != nil {
				d.errorf(line, "applies_to: %q is not a known BCP-47 tag: %v", s, err)
				continue
			}
			canon = t.String()
		} else {
			r, err := language.ParseRegion(s)
			if err != nil {
				d.errorf(line, "applies_to: %q is not a known territory code: %v", s, err)
				continue
			}
			// A group (419) may be served by a pack; a single territory
			// must be a country, not a reserved or retired code (UK, XX).
			if !r.IsGroup() {
				if _, err := territory.ParseCountry(s); err != nil {
					d.errorf(line, "applies_to: %v", err)
					continue
				}
			}
			canon = r.String()
		}
		if canon != s {
			d.errorf(line, "applies_to: write %q in canonical form %q", s, canon)
			continue
		}
		if slices.Contains(p.AppliesTo, canon) {
			d.errorf(line, "applies_to: %q listed twice", s)
			continue
		}
		p.AppliesTo = append(p.AppliesTo, canon)
	}
}

// variant parses a variant name: "children", or a combination "children+sdh"
// that applies only when all its parts are requested.
func (d *fileDecoder) variant(name string) *Variant {
	parts := strings.Split(name, "+")
	for _, part := range parts {
		if !reVariant().MatchString(part) {
			d.errorf(d.line("variants", name), "variant name %q: use lower-case words joined by dashes, combined with +", name)
			return nil
		}
	}
	slices.Sort(parts)
	if len(slices.Compact(slices.Clone(parts))) != len(parts) {
		d.errorf(d.line("variants", name), "variant %q names a part twice", name)
		return nil
	}
	return &Variant{Name: strings.Join(parts, "+"), Parts: parts}
}

// rules validates the rule entries found under keys (e.g. "rules", or
// "variants", "sdh", "rules").
func (d *fileDecoder) rules(docs map[string]ruleDoc, keys ...string) map[string]*RuleSettings {
	out := make(map[string]*RuleSettings, len(docs))
	for _, code := range sortedKeys(docs) {
		rd := docs[code]
		at := append(slices.Clone(keys), code)
		r := d.reg.byCode[code]
		if r == nil {
			if byName := d.reg.lookup(code); byName != nil {
				d.errorf(d.line(at...), "rule %q: pack files name rules by code (%s)", code, byName.ID())
			} else {
				d.errorf(d.line(at...), "unknown rule %q: no registered rule has this code", code)
			}
			continue
		}
		rs := &RuleSettings{Enabled: rd.Enabled, Line: d.line(at...)}
		src := strings.TrimSpace(rd.Source)
		if src == "" {
			src = d.cur.Title + " (" + d.cur.Version + ")"
		}
		rs.EnabledSource, rs.SeveritySource = src, src
		if rd.Severity != "" {
			sev, err := rule.ParseSeverity(rd.Severity)
			if err != nil {
				d.errorf(d.line(append(at, "severity")...), "%s: %v", code, err)
			} else {
				rs.Severity = &sev
			}
		}
		for _, name := range sortedKeys(rd.Params) {
			pd := rd.Params[name]
			pat := append(slices.Clone(at), "params", name)
			spec := r.Param(name)
			if spec == nil {
				d.errorf(d.line(pat...), "%s has no parameter %q (%s)", r.ID(), name, paramNames(r))
				continue
			}
			if pd.Value.Kind != yaml.ScalarNode || pd.Value.Tag == "!!null" {
				if d.badParams[d.line(pat...)] {
					continue
				}
				d.errorf(d.line(pat...), "%s.%s: missing value (a %s)", code, name, spec.Kind)
				continue
			}
			v, err := parseParam(spec, pd.Value.Value)
			if err != nil {
				d.errorf(pd.Value.Line, "%s.%s: %v", code, name, err)
				continue
			}
			source := strings.TrimSpace(pd.Source)
			if source == "" {
				d.errorf(d.line(pat...), "%s.%s: missing source (the guideline and clause that justify %s)", code, name, pd.Value.Value)
				continue
			}
			rs.setParam(name, Param{Value: v, Source: source, Line: pd.Value.Line})
		}
		out[code] = rs
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
