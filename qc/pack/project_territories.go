package pack

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// WithProjectTerritories returns a library that also holds the territory
// packs defined under the `territories:` key of a project config file (name
// is the file shown in errors and explain output, src its bytes). Each entry
// has the shape of a territory pack file, named by its key:
//
//	territories:
//	  ACME-FR:                      # pack id; --territory ACME-FR selects it
//	    title: "ACME France delivery spec"
//	    version: "2026-03"
//	    applies_to: [FR]            # optional when the name is not a territory code
//	    requires:
//	      - {language: fr, kind: sdh, source: "ACME spec §4.2"}
//	    rules: {...}                # as in a pack file
//
// pack: and layer: may be given (they must say the key and "territory").
// An entry named like a shipped territory pack (FR) replaces it. Decoding
// is strict: unknown keys are errors with the config's line. With no
// territories key the library is returned unchanged.
func (l *Library) WithProjectTerritories(name string, src []byte) (*Library, error) {
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(src)).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return l, nil
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	top := &root
	if top.Kind == yaml.DocumentNode && len(top.Content) > 0 {
		top = top.Content[0]
	}
	var terrs *yaml.Node
	if top.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(top.Content); i += 2 {
			if top.Content[i].Value == "territories" {
				terrs = top.Content[i+1]
			}
		}
	}
	if terrs == nil || terrs.Kind == yaml.ScalarNode && terrs.Tag == "!!null" {
		return l, nil
	}
	var probs problems
	if terrs.Kind != yaml.MappingNode {
		probs.add(name, terrs.Line, "territories: want a mapping of territory name to territory pack")
		return nil, probs.err()
	}
	var added []*Pack
	for i := 0; i+1 < len(terrs.Content); i += 2 {
		key, entry := terrs.Content[i], terrs.Content[i+1]
		id := key.Value
		if entry.Kind != yaml.MappingNode {
			probs.add(name, entry.Line, "territories.%s: want a mapping (title, version, requires, ...)", id)
			continue
		}
		if p := decodeProjectTerritory(name, id, entry, l.reg, &probs); p != nil {
			added = append(added, p)
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	packs := slices.DeleteFunc(slices.Clone(l.packs), func(p *Pack) bool {
		return p.Layer == LayerTerritory && slices.ContainsFunc(added, func(a *Pack) bool { return strings.EqualFold(a.ID, p.ID) })
	})
	lib := newLibrary(l.reg, append(packs, added...), &probs)
	if err := probs.err(); err != nil {
		return nil, err
	}
	return lib, nil
}

func decodeProjectTerritory(file, id string, entry *yaml.Node, reg *registry, probs *problems) *Pack {
	// yaml.v3 cannot decode a node strictly; check the keys ourselves so a
	// misspelt "require:" is an error at its line, not a silent no-op.
	before := len(*probs)
	strictKeys(entry, reflect.TypeFor[fileDoc](), file, probs)
	var doc fileDoc
	if err := entry.Decode(&doc); err != nil {
		addYAMLError(probs, file, err)
		return nil
	}
	if len(*probs) > before {
		return nil
	}
	if doc.Pack == "" {
		doc.Pack = id
	}
	if doc.Layer == "" {
		doc.Layer = "territory"
	}
	if len(doc.AppliesTo) == 0 {
		// A name that is itself a territory code serves that territory;
		// other names ("ACME-FR") are selected by name only.
		if r, err := parseRegion(id); err == nil {
			doc.AppliesTo = []string{r}
		}
	}
	d := fileDecoder{file: file, root: entry, reg: reg, probs: probs, project: id}
	p := d.pack(&doc)
	if p != nil {
		p.File = file + ": territories." + id
	}
	return p
}

// strictKeys reports every mapping key under n that the struct type t (or
// the types of its fields, recursively) does not declare.
func strictKeys(n *yaml.Node, t reflect.Type, file string, probs *problems) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if t == reflect.TypeFor[yaml.Node]() || n.Kind != yaml.MappingNode {
			return
		}
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name != "" && name != "-" {
				fields[name] = f.Type
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				where := allowedKeys[t.Name()]
				if where == "" {
					where = t.Name()
				}
				probs.add(file, k.Line, "unknown key %q in %s", k.Value, where)
				continue
			}
			strictKeys(n.Content[i+1], ft, file, probs)
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				strictKeys(n.Content[i], t.Elem(), file, probs)
			}
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				strictKeys(c, t.Elem(), file, probs)
			}
		}
	}
}

// parseRegion returns the canonical form of a territory code ("fr" → "FR").
func parseRegion(s string) (string, error) {
	r, err := language.ParseRegion(strings.TrimSpace(s))
	if err != nil {
		return "", err
	}
	return r.String(), nil
}
