package pack

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/exportqc/exportqc/qc/lang"
	"github.com/exportqc/exportqc/qc/territory"
)

// The territory parts of a pack file:
//
//	requires:                       # territory packs: what every episode must hold
//	  - {language: fr, kind: subtitles, source: "..."}
//	  - {language: en, kind: captions, accepts: [captions, sdh], source: "..."}
//	equivalents:                    # territory packs and defaults.yaml
//	  - {name: Traditional Chinese, tags: [zh-Hant, zh-TW, cmn-Hant], source: "..."}
//	formats: {accepted: [stl, ttml], source: "..."}
//	languages:                      # rules for files of one language in this territory
//	  fr:
//	    rules: {...}
//	    variants: {sdh: {rules: {...}}}
//	variants:
//	  broadcast:
//	    requires: [...]             # requirements only when the variant is requested
type requireDoc struct {
	Language string   `yaml:"language"`
	Kind     string   `yaml:"kind"`
	Accepts  []string `yaml:"accepts"`
	Source   string   `yaml:"source"`
}

type classDoc struct {
	Name   string   `yaml:"name"`
	Tags   []string `yaml:"tags"`
	Source string   `yaml:"source"`
}

type formatsDoc struct {
	Accepted []string `yaml:"accepted"`
	Source   string   `yaml:"source"`
}

type languageDoc struct {
	Rules    map[string]ruleDoc    `yaml:"rules"`
	Variants map[string]variantDoc `yaml:"variants"`
}

// node returns the value node at keys (mapping keys; a number selects a
// sequence item), or nil.
func (d *fileDecoder) node(keys ...string) *yaml.Node {
	n := d.root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, k := range keys {
		switch n.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == k {
					next = n.Content[i+1]
					break
				}
			}
			if next == nil {
				return nil
			}
			n = next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil
			}
			n = n.Content[i]
		default:
			return nil
		}
	}
	return n
}

// itemLine is the line of item i of the sequence at keys.
func (d *fileDecoder) itemLine(i int, keys ...string) int {
	if n := d.node(append(slices.Clone(keys), strconv.Itoa(i))...); n != nil {
		return n.Line
	}
	return d.line(keys...)
}

// canonicalTag checks that s is a BCP-47 tag written in canonical form, as
// applies_to does: a pack should read the way the engine compares.
func (d *fileDecoder) canonicalTag(line int, what, s string) (string, bool) {
	t, err := language.Parse(s)
	if err != nil {
		d.errorf(line, "%s: %q is not a BCP-47 language tag: %v", what, s, err)
		return "", false
	}
	if t.String() != s {
		d.errorf(line, "%s: write %q in canonical form %q", what, s, t.String())
		return "", false
	}
	return s, true
}

// requires validates requirement entries found under keys; variant is the
// variant that adds them ("" for the pack's base requirements).
func (d *fileDecoder) requires(p *Pack, docs []requireDoc, variant string, keys ...string) []territory.Requirement {
	if len(docs) == 0 {
		return nil
	}
	if p.Layer != LayerTerritory {
		d.errorf(d.line(keys...), "requires is for territory packs")
		return nil
	}
	var out []territory.Requirement
	seen := map[string]int{}
	for i, rd := range docs {
		line := d.itemLine(i, keys...)
		r := territory.Requirement{Kind: rd.Kind, Variant: variant, Source: strings.TrimSpace(rd.Source), File: d.file, Line: line}
		ok := true
		if rd.Language == "" {
			d.errorf(line, "requirement: missing language (a BCP-47 tag)")
			ok = false
		} else if r.Language, ok = d.canonicalTag(line, "requirement language", rd.Language); !ok {
			ok = false
		}
		if !slices.Contains(territory.Kinds, rd.Kind) {
			d.errorf(line, "requirement kind %q: want one of %s", rd.Kind, strings.Join(territory.Kinds, ", "))
			ok = false
		}
		r.Accepts = []string{rd.Kind}
		for _, k := range rd.Accepts {
			if !slices.Contains(territory.Kinds, k) {
				d.errorf(line, "requirement accepts %q: want kinds from %s", k, strings.Join(territory.Kinds, ", "))
				ok = false
				continue
			}
			if !slices.Contains(r.Accepts, k) {
				r.Accepts = append(r.Accepts, k)
			}
		}
		if r.Source == "" {
			d.errorf(line, "requirement %s %s: missing source (the law, code or practice behind it)", rd.Language, rd.Kind)
			ok = false
		}
		if !ok {
			continue
		}
		key := r.Language + " " + r.Kind
		if first, dup := seen[key]; dup {
			d.errorf(line, "requirement %s is already given at line %d", key, first)
			continue
		}
		seen[key] = line
		out = append(out, r)
	}
	return out
}

// territoryParts decodes requires, equivalents, formats and languages, and
// rejects them where they do not belong.
func (d *fileDecoder) territoryParts(p *Pack, doc *fileDoc) {
	p.Requires = d.requires(p, doc.Requires, "", "requires")
	p.Classes = d.classes(p, doc.Equivalents)
	p.Formats = d.formats(p, doc.Formats, "formats")
	if len(doc.Languages) > 0 && p.Layer != LayerTerritory {
		d.errorf(d.line("languages"), "languages is for territory packs: per-language values belong in languages/")
		return
	}
	for _, tag := range sortedKeys(doc.Languages) {
		line := d.line("languages", tag)
		canon, ok := d.canonicalTag(line, "languages", tag)
		if !ok {
			continue
		}
		ld := doc.Languages[tag]
		sec := &Pack{ID: p.ID + ":" + canon, File: d.file, Layer: LayerTerritory, Title: p.Title + " — " + canon,
			Version: p.Version, AppliesTo: []string{canon}}
		sec.Rules = d.rules(ld.Rules, "languages", tag, "rules")
		sec.Variants = make(map[string]*Variant, len(ld.Variants))
		for _, name := range sortedKeys(ld.Variants) {
			v := d.variant(name)
			if v == nil {
				continue
			}
			if len(ld.Variants[name].Requires) > 0 || ld.Variants[name].Formats != nil {
				d.errorf(d.line("languages", tag, "variants", name), "requires and formats belong in the territory's own variants, not a language section")
			}
			v.Rules = d.rules(ld.Variants[name].Rules, "languages", tag, "variants", name, "rules")
			sec.Variants[v.Name] = v
		}
		p.Sections = append(p.Sections, sec)
	}
}

// formats validates a formats entry found under keys.
func (d *fileDecoder) formats(p *Pack, doc *formatsDoc, keys ...string) *territory.FormatList {
	if doc == nil {
		return nil
	}
	line := d.line(keys...)
	switch {
	case p.Layer != LayerTerritory:
		d.errorf(line, "formats is for territory packs")
		return nil
	case len(doc.Accepted) == 0:
		d.errorf(line, "formats: missing accepted (format names: %s)", strings.Join(territory.Formats, ", "))
		return nil
	case strings.TrimSpace(doc.Source) == "":
		d.errorf(line, "formats: missing source")
		return nil
	}
	f := &territory.FormatList{Source: strings.TrimSpace(doc.Source), File: d.file, Line: line}
	for _, name := range doc.Accepted {
		if !slices.Contains(territory.Formats, name) {
			d.errorf(line, "formats: unknown format %q (known: %s)", name, strings.Join(territory.Formats, ", "))
			continue
		}
		f.Accepted = append(f.Accepted, name)
	}
	return f
}

// classes validates equivalence classes (defaults and territory packs).
func (d *fileDecoder) classes(p *Pack, docs []classDoc) []territory.Class {
	if len(docs) == 0 {
		return nil
	}
	if p.Layer != LayerTerritory && p.Layer != LayerDefaults {
		d.errorf(d.line("equivalents"), "equivalents is for territory packs and defaults.yaml")
		return nil
	}
	var out []territory.Class
	owner := map[string]string{} // tag → class name
	names := map[string]bool{}
	for i, cd := range docs {
		line := d.itemLine(i, "equivalents")
		c := territory.Class{Name: strings.TrimSpace(cd.Name), Source: strings.TrimSpace(cd.Source), Pack: p.ID}
		switch {
		case c.Name == "":
			d.errorf(line, "equivalence class: missing name")
			continue
		case names[strings.ToLower(c.Name)]:
			d.errorf(line, "equivalence class %q is defined twice", c.Name)
			continue
		case c.Source == "":
			d.errorf(line, "equivalence class %q: missing source", c.Name)
			continue
		case len(cd.Tags) == 0:
			d.errorf(line, "equivalence class %q: missing tags", c.Name)
			continue
		}
		names[strings.ToLower(c.Name)] = true
		for _, tag := range cd.Tags {
			canon, ok := d.canonicalTag(line, "equivalence class "+strconv.Quote(c.Name), tag)
			if !ok {
				continue
			}
			if other, dup := owner[canon]; dup {
				d.errorf(line, "%s is in classes %q and %q: a tag belongs to one class", canon, other, c.Name)
				continue
			}
			owner[canon] = c.Name
			c.Tags = append(c.Tags, canon)
		}
		out = append(out, c)
	}
	return out
}

// sectionFor returns the language section of territory pack p that serves
// tag, chosen as language packs are (most specific candidate first), or nil.
func sectionFor(p *Pack, tag string) *Pack {
	if len(p.Sections) == 0 || strings.TrimSpace(tag) == "" {
		return nil
	}
	for _, c := range lang.Fallback(tag) {
		for _, sec := range p.Sections {
			if slices.Contains(sec.AppliesTo, c) {
				return sec
			}
		}
	}
	return nil
}

// TerritoryRules returns what the applied territory packs require, with the
// request's variants folded in: base requirements then each requested
// variant's (single-name variants in request order, then combinations), and
// each territory's classes before the built-in ones it does not redefine by
// name.
func (e *Effective) TerritoryRules() []*territory.Territory {
	out := make([]*territory.Territory, 0, len(e.terrs))
	for _, p := range e.terrs {
		t := &territory.Territory{ID: p.ID, Title: p.Title, Version: p.Version, Codes: slices.Clone(p.AppliesTo),
			Requires: slices.Clone(p.Requires), Formats: p.Formats}
		for _, v := range applicableVariants(p, e.Variants) {
			if v.Formats != nil {
				t.Formats = v.Formats // the variant's list replaces the base one
			}
			for _, r := range v.Requires {
				// A variant restating a base requirement (same language
				// and kind) must not make D001 report it twice.
				if !slices.ContainsFunc(t.Requires, func(o territory.Requirement) bool { return o.Language == r.Language && o.Kind == r.Kind }) {
					t.Requires = append(t.Requires, r)
				}
			}
		}
		t.Classes = slices.Clone(p.Classes)
		for _, c := range e.defaultClasses {
			if !slices.ContainsFunc(t.Classes, func(o territory.Class) bool { return strings.EqualFold(o.Name, c.Name) }) {
				t.Classes = append(t.Classes, c)
			}
		}
		out = append(out, t)
	}
	return out
}

// explainTerritories writes what the applied territories require of a
// delivery (languages and kinds, with their sources), the equivalence
// classes they compare languages with, and the formats they accept.
func (e *Effective) explainTerritories(w io.Writer) error {
	terrs := e.TerritoryRules()
	if len(terrs) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\nterritory requirements (D001 language-missing, D012 format-not-accepted):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  TERRITORY\tLANGUAGE\tKIND\tACCEPTS\tVARIANT\tSOURCE")
	for _, t := range terrs {
		if len(t.Requires) == 0 {
			fmt.Fprintf(tw, "  %s\t-\t-\t-\t-\t%s\n", t.ID, "no language requirement")
		}
		for _, r := range t.Requires {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", t.ID, r.Language, r.Kind, strings.Join(r.Accepts, ","), orNone(r.Variant), oneLine(r.Source))
		}
		if t.Formats != nil {
			fmt.Fprintf(tw, "  %s\tformats\t%s\t\t\t%s\n", t.ID, strings.Join(t.Formats.Accepted, ","), oneLine(t.Formats.Source))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nlanguage equivalence classes (a territory's own come before the built-in ones):")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  TERRITORY\tCLASS\tTAGS\tPACK\tSOURCE")
	row := func(who string, c territory.Class) {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", who, c.Name, strings.Join(c.Tags, ","), c.Pack, oneLine(c.Source))
	}
	for i, t := range terrs {
		for _, c := range t.Classes {
			if c.Pack == e.terrs[i].ID {
				row(t.ID, c)
			}
		}
	}
	for _, c := range e.defaultClasses {
		row("(all)", c)
	}
	return tw.Flush()
}

// DefaultClasses are the built-in equivalence classes (defaults.yaml).
func (e *Effective) DefaultClasses() []territory.Class { return slices.Clone(e.defaultClasses) }
