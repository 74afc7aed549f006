package pack

import (
	"bytes"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/exportqc/exportqc/rules"
)

// TestDecodeOnceMatchesStrictDecoder: a pack parsed once and decoded from
// its node tree (strictKeys for the unknown keys) gives the same document
// and the same errors as the strict decoder reading the text again, for
// the shipped packs and for broken ones.
func TestDecodeOnceMatchesStrictDecoder(t *testing.T) {
	inputs := map[string][]byte{}
	err := fs.WalkDir(rules.FS, ".", func(p string, de fs.DirEntry, err error) error {
		if err == nil && !de.IsDir() && path.Ext(p) == ".yaml" {
			inputs[p], err = fs.ReadFile(rules.FS, p)
		}
		return err
	})
	if err != nil || len(inputs) < 20 {
		t.Fatalf("shipped packs: %d read, %v", len(inputs), err)
	}
	for i, s := range []string{
		langHeader + "colour: red\n",
		langHeader + "rules:\n  T005:\n    severty: error\n    params: {max_cps: {value: \"17\", source: s, note: x}}\n",
		langHeader + "rules:\n  T005:\n    params:\n      max_cps: 17\n",
		langHeader + "variants:\n  children: {rules: {T005: {enabled: yes, why: x}}, note: y}\n",
		langHeader + "rules:\n  - T005\n",
		langHeader + "rules:\n  T005: {params: {max_cps: {value: [1], source: s}}}\n",
		langHeader + "rules:\n  T005:\n    params:\n      max_cps: {value: \"17\", source: s}\n      max_cps: {value: \"18\", source: s}\n",
		langHeader + "languages: {fr: {rules: {T005: {enabled: false}}, colour: red}}\nrequires: [{language: fr, kind: x, lang: y}]\n",
		"- a\n- b\n",
		"just a string\n",
		"pack: xx\nlayer: planet\n",
	} {
		inputs["broken"+string(rune('a'+i))] = []byte(s)
	}
	for name, data := range inputs {
		var root yaml.Node
		if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var once, twice fileDoc
		var onceProbs, twiceProbs problems
		if err := decodeStrict(&root, data, &once, name, &onceProbs); err != nil {
			addYAMLError(&onceProbs, name, err)
		}
		if err := decodeStrictText(data, &twice); err != nil {
			addYAMLError(&twiceProbs, name, err)
		}
		if got, want := messages(onceProbs), messages(twiceProbs); !slices.Equal(got, want) {
			t.Errorf("%s: errors\n%q\nwant\n%q", name, got, want)
		}
		if !reflect.DeepEqual(once, twice) {
			t.Errorf("%s: decoded documents differ", name)
		}
	}
}

func messages(p problems) []string {
	err := p.err()
	if err == nil {
		return nil
	}
	return []string{err.Error()}
}
