package delivery

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"go.yaml.in/yaml/v3"
)

// The published JSON Schema and the Go decoder must describe the same
// manifest. A tiny validator for the keywords the schema uses (type,
// required, properties, additionalProperties, enum, const, minimum,
// exclusiveMinimum, minLength, pattern, items, oneOf, $ref) lets the test
// run both on the same documents.

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testcorpus.RepoRoot(t), "rules", "schema", "manifest.v1.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

type validator struct{ root map[string]any }

var supportedKeywords = map[string]bool{"$schema": true, "$id": true, "$defs": true, "$ref": true, "title": true, "description": true,
	"type": true, "required": true, "properties": true, "additionalProperties": true, "enum": true, "const": true,
	"minimum": true, "exclusiveMinimum": true, "minLength": true, "pattern": true, "items": true, "oneOf": true}

func (v *validator) validate(s map[string]any, x any, at string) []string {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		return v.validate(v.root["$defs"].(map[string]any)[name].(map[string]any), x, at)
	}
	var errs []string
	fail := func(f string, a ...any) { errs = append(errs, at+": "+fmt.Sprintf(f, a...)) }
	if one, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, sub := range one {
			if len(v.validate(sub.(map[string]any), x, at)) == 0 {
				n++
			}
		}
		if n != 1 {
			fail("matches %d of oneOf", n)
		}
	}
	if c, ok := s["const"]; ok && fmt.Sprint(c) != fmt.Sprint(x) {
		fail("want const %v", c)
	}
	if e, ok := s["enum"].([]any); ok {
		found := false
		for _, o := range e {
			if o == x {
				found = true
			}
		}
		if !found {
			fail("%v not in enum", x)
		}
	}
	if typ, ok := s["type"].(string); ok && !hasType(x, typ) {
		fail("want %s, got %T", typ, x)
		return errs
	}
	switch val := x.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for _, r := range asStrings(s["required"]) {
			if _, ok := val[r]; !ok {
				fail("missing %s", r)
			}
		}
		for k, sub := range val {
			if ps, ok := props[k]; ok {
				errs = append(errs, v.validate(ps.(map[string]any), sub, at+"."+k)...)
			} else if ap, ok := s["additionalProperties"]; ok {
				if b, isBool := ap.(bool); isBool && !b {
					fail("unknown key %s", k)
				} else if m, isMap := ap.(map[string]any); isMap {
					errs = append(errs, v.validate(m, sub, at+"."+k)...)
				}
			}
		}
	case []any:
		if items, ok := s["items"].(map[string]any); ok {
			for i, it := range val {
				errs = append(errs, v.validate(items, it, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	case string:
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(val) {
			fail("%q does not match %s", val, p)
		}
		if m, ok := s["minLength"].(float64); ok && float64(len(val)) < m {
			fail("shorter than %v", m)
		}
	}
	if f, isNum := number(x); isNum {
		if m, ok := s["minimum"].(float64); ok && f < m {
			fail("below minimum %v", m)
		}
		if m, ok := s["exclusiveMinimum"].(float64); ok && f <= m {
			fail("not above %v", m)
		}
	}
	return errs
}

func hasType(x any, typ string) bool {
	switch typ {
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "array":
		_, ok := x.([]any)
		return ok
	case "string":
		_, ok := x.(string)
		return ok
	case "integer":
		f, ok := number(x)
		return ok && f == math.Trunc(f)
	case "number":
		_, ok := number(x)
		return ok
	}
	return false
}

func number(x any) (float64, bool) {
	switch n := x.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

func asStrings(x any) []string {
	var out []string
	l, _ := x.([]any)
	for _, v := range l {
		out = append(out, v.(string))
	}
	return out
}

// toJSONValue decodes YAML into the value JSON Schema sees.
func toJSONValue(t *testing.T, src string) any {
	var x any
	if err := yaml.Unmarshal([]byte(src), &x); err != nil {
		t.Fatalf("test manifest is not YAML: %v", err)
	}
	return x
}

func TestSchemaUsesOnlyKeywordsTheValidatorKnows(t *testing.T) {
	var walk func(any)
	walk = func(x any) {
		switch v := x.(type) {
		case map[string]any:
			for k, sub := range v {
				if !supportedKeywords[k] {
					t.Errorf("schema keyword %q is not checked by this test's validator", k)
				}
				switch k {
				case "properties", "$defs":
					for _, s := range sub.(map[string]any) {
						walk(s)
					}
				case "items", "additionalProperties":
					walk(sub)
				case "oneOf":
					for _, s := range sub.([]any) {
						walk(s)
					}
				}
			}
		}
	}
	walk(loadSchema(t))
}

// The schema's key lists, required lists and kind enum are the decoder's.
func TestSchemaMatchesDecoderConstants(t *testing.T) {
	s := loadSchema(t)
	defs := s["$defs"].(map[string]any)
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m["properties"].(map[string]any) {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	sorted := func(l []string) []string { c := append([]string(nil), l...); sort.Strings(c); return c }
	same := func(what string, got, want []string) {
		t.Helper()
		if strings.Join(sorted(got), ",") != strings.Join(sorted(want), ",") {
			t.Errorf("%s: schema %v, decoder %v", what, sorted(got), sorted(want))
		}
	}
	same("top keys", keys(s), topKeys)
	same("top required", asStrings(s["required"]), topRequired)
	same("programme keys", keys(s["properties"].(map[string]any)["programme"].(map[string]any)), programmeKeys)
	same("episode keys", keys(defs["episode"].(map[string]any)), episodeKeys)
	same("episode required", asStrings(defs["episode"].(map[string]any)["required"]), episodeRequired)
	file := defs["file"].(map[string]any)
	same("file keys", keys(file), fileKeys)
	same("file required", asStrings(file["required"]), fileRequired)
	same("kinds", asStrings(file["properties"].(map[string]any)["kind"].(map[string]any)["enum"]), FileKinds)
	hashes := file["properties"].(map[string]any)["hashes"].(map[string]any)
	same("hash map keys", keys(hashes), fileHashKeys)
	if c := s["properties"].(map[string]any)["manifest_version"].(map[string]any)["const"]; c != float64(ManifestVersion) {
		t.Errorf("schema manifest_version const %v, decoder %d", c, ManifestVersion)
	}
}

// Both sides give the same verdict on the bundled manifests and on a set
// of good and bad ones. Where the decoder knows more than a schema can
// say, the case is listed as such.
func TestSchemaAndDecoderAgree(t *testing.T) {
	v := &validator{root: loadSchema(t)}
	var docs []struct{ name, src string }
	for _, p := range []string{"long-river/manifest.yaml", "broken-river/manifest.yaml"} {
		b, err := os.ReadFile(fixture(t, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, struct{ name, src string }{p, string(b)})
	}
	const f = "manifest_version: 1\n"
	for _, c := range []struct{ name, src string }{
		{"minimal", f},
		{"film", f + "title: Film\nfiles:\n  - {path: a.srt, kind: subtitles, language: fr, md5: d41d8cd98f00b204e9800998ecf8427e, size: 0}\n"},
		{"hash map", f + "files:\n  - path: a.srt\n    kind: sdh\n    hashes: {sha1: da39a3ee5e6b4b0d3255bfef95601890afd80709, xxh64: ef46db3751d8e999}\n"},
		{"json", `{"manifest_version": 1, "programme": {"frame_rate": "24000/1001"}, "episodes": [{"number": 2, "duration": 2670.5}]}`},
		{"durations", f + "programme: {frame_rate: 25}\nepisodes:\n  - {number: 1, duration: \"2670s\"}\n  - {number: 2, duration: \"00:44:30.250\"}\n"},
		{"no version", "title: x\n"},
		{"version 2", "manifest_version: 2\n"},
		{"unknown key", f + "titel: x\n"},
		{"bad kind", f + "files: [{path: a, kind: subtitle}]\n"},
		{"no path", f + "files: [{kind: sdh}]\n"},
		{"short md5", f + "files: [{path: a, kind: sdh, md5: abc}]\n"},
		{"crc32", f + "files: [{path: a, kind: sdh, crc32: 1234abcd}]\n"},
		{"hash map crc", f + "files: [{path: a, kind: sdh, hashes: {crc32: 1234abcd}}]\n"},
		{"hash map spelling", f + "files: [{path: a, kind: sdh, hashes: {SHA-256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}}]\n"},
		{"negative size", f + "files: [{path: a, kind: sdh, size: -1}]\n"},
		{"string size", f + "files: [{path: a, kind: sdh, size: \"12\"}]\n"},
		{"numeric title", f + "title: 1984\n"},
		{"episode 0", f + "episodes: [{number: 0}]\n"},
		{"bad duration", f + "episodes: [{number: 1, duration: soon}]\n"},
		{"territory", f + "territories: [\"F R\"]\n"},
		{"files not list", f + "files: {path: a}\n"},
	} {
		docs = append(docs, c)
	}
	for _, c := range docs {
		schemaErrs := v.validate(v.root, toJSONValue(t, c.src), "$")
		d := ParseNative([]byte(c.src), "/r", "m.yaml")
		decoderOK := true
		for _, p := range d.Problems {
			if p.Rule == RuleManifestInvalid || p.Rule == RuleUnknownHash {
				decoderOK = false
			}
		}
		if (len(schemaErrs) == 0) != decoderOK {
			t.Errorf("%s: schema errors %v, decoder problems %+v", c.name, schemaErrs, d.Problems)
		}
	}
	// The decoder checks what a schema cannot; the schema accepts these.
	for _, c := range []struct{ name, src string }{
		{"inexact frame rate", f + "programme: {frame_rate: 12.345}\n"},
		{"frame past rate", f + "programme: {frame_rate: 25}\nepisodes: [{number: 1, duration: \"00:00:01:30\"}]\n"},
		{"duplicate episode", f + "episodes: [{number: 1}, {number: 1}]\n"},
		{"path escape", f + "files: [{path: ../x, kind: sdh}]\n"},
	} {
		if errs := v.validate(v.root, toJSONValue(t, c.src), "$"); len(errs) != 0 {
			t.Errorf("%s: schema now rejects it (%v): move it to the agreeing cases", c.name, errs)
		}
		if d := ParseNative([]byte(c.src), "/r", "m.yaml"); len(d.Problems) == 0 {
			t.Errorf("%s: decoder accepts it", c.name)
		}
	}
}
