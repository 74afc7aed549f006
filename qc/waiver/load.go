package waiver

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/exportqc/exportqc/qc/internal/lazyre"
	"github.com/exportqc/exportqc/qc/rule"
)

// Error is one problem in a waiver file, at its line (0 when unknown).
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return e.File + ": " + e.Msg
}

// Load reads and validates a waiver file. Every problem in it is reported,
// joined in line order, each as an *Error naming file:line.
func Load(path string) (*Set, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse is Load for bytes already read; name is what messages and waived
// findings cite as the waiver's file. An empty document is an empty Set.
func Parse(name string, data []byte) (*Set, error) {
	d := decoder{file: name}
	s := &Set{path: name}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case errors.Is(err, io.EOF):
		return s, nil
	case err != nil:
		d.yamlError(err)
		return nil, d.err()
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.add(extra.Line, "a waiver file holds one YAML document; remove the second \"---\"")
	} else if !errors.Is(err, io.EOF) {
		d.yamlError(err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	s.entries = d.top(root)
	if err := d.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// decoder walks the YAML tree by hand: a struct decode cannot give the
// line of each waiver (waived findings and notes cite it) nor say which
// key of which waiver is wrong.
type decoder struct {
	file  string
	probs []error
}

func (d *decoder) add(line int, format string, args ...any) {
	d.probs = append(d.probs, &Error{File: d.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// err joins the problems in line order (they are found in that order,
// except the second-document check, which sorts last anyway).
func (d *decoder) err() error { return errors.Join(d.probs...) }

var reYAMLLine = lazyre.New(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlError turns the YAML library's "yaml: line 3: ..." into file:3: ...
func (d *decoder) yamlError(err error) {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := reYAMLLine().FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		d.add(n, "%s", m[2])
		return
	}
	d.add(0, "%s", strings.TrimPrefix(msg, "yaml: "))
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func (d *decoder) top(root *yaml.Node) []*entry {
	root = deref(root)
	if root == nil || root.Kind == 0 || isNull(root) {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		d.add(root.Line, "want a mapping with a \"waivers\" list")
		return nil
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], deref(root.Content[i+1])
		switch {
		case k.Value != "waivers":
			d.add(k.Line, "unknown key %q (the file has one key: waivers)", k.Value)
		case list != nil:
			d.add(k.Line, "key \"waivers\" repeated")
		default:
			list = v
		}
	}
	if list == nil || isNull(list) {
		return nil
	}
	if list.Kind != yaml.SequenceNode {
		d.add(list.Line, "\"waivers\" must be a list")
		return nil
	}
	entries := make([]*entry, 0, len(list.Content))
	for _, item := range list.Content {
		if e := d.entry(deref(item)); e != nil {
			entries = append(entries, e)
		}
	}
	return entries
}

const knownKeys = "rule, file, cue, at, fingerprint, reason, expires, by"

// entry decodes one waiver; nil if it has problems (all of them recorded).
func (d *decoder) entry(n *yaml.Node) *entry {
	if n.Kind != yaml.MappingNode {
		d.add(n.Line, "a waiver must be a mapping (keys: %s)", knownKeys)
		return nil
	}
	before := len(d.probs)
	e := &entry{line: n.Line}
	e.info.Source = d.file + ":" + strconv.Itoa(n.Line)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		key := k.Value
		if seen[key] {
			d.add(k.Line, "key %q repeated in one waiver", key)
			continue
		}
		seen[key] = true
		switch key {
		case "rule", "file", "cue", "at", "fingerprint", "reason", "expires", "by":
		default:
			d.add(k.Line, "unknown key %q (keys: %s)", key, knownKeys)
			continue
		}
		val, ok := d.scalar(key, v)
		if !ok {
			continue
		}
		switch key {
		case "rule":
			e.rule = val
		case "file":
			g, err := compileGlob(val)
			if err != nil {
				d.add(v.Line, "file pattern %q: %v", val, err)
				continue
			}
			e.file = g
		case "cue":
			c, ok := digits(val, 1, 9)
			if !ok || c < 1 {
				d.add(v.Line, "cue %q: want a cue number, 1 or more", val)
				continue
			}
			e.cue = int(c)
		case "at":
			sp, err := parseAt(val)
			if err != nil {
				d.add(v.Line, "at: %v", err)
				continue
			}
			e.at = sp
		case "fingerprint":
			fp := strings.ToLower(val)
			if !isFingerprint(fp) {
				d.add(v.Line, "fingerprint %q: want the 16 hex digits a report gives for a finding", val)
				continue
			}
			e.fingerprint = fp
		case "reason":
			e.info.Reason = val
		case "expires":
			t, err := time.Parse(time.DateOnly, val)
			if err != nil {
				d.add(v.Line, "expires %q: want a date, YYYY-MM-DD", val)
				continue
			}
			e.expires = t
			e.info.Expires = t.Format(time.DateOnly)
		case "by":
			e.info.By = val
		}
	}
	if e.info.Reason == "" && !seen["reason"] {
		d.add(n.Line, "waiver has no reason: say why the finding is accepted")
	}
	if e.rule == "" && e.fingerprint == "" && !seen["rule"] && !seen["fingerprint"] {
		d.add(n.Line, "waiver names no rule and no fingerprint: say what it waives")
	}
	if len(d.probs) > before {
		return nil
	}
	return e
}

// scalar returns the text of a scalar value, trimmed; null, empty, lists
// and mappings are errors (an empty "reason:" is a missing reason).
func (d *decoder) scalar(key string, v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		d.add(v.Line, "%s must be a single value, not a list or mapping", key)
		return "", false
	}
	s := strings.TrimSpace(v.Value)
	if isNull(v) || s == "" {
		if key == "reason" {
			d.add(v.Line, "reason is empty: say why the finding is accepted")
		} else {
			d.add(v.Line, "%s has no value: give one or remove the key", key)
		}
		return "", false
	}
	return s, true
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// isFingerprint checks a fingerprint's form: lower-case hex of exactly
// rule.Fingerprint's length.
func isFingerprint(s string) bool {
	if len(s) != fingerprintLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// fingerprintLen is the length of rule.Fingerprint's result, taken from it
// so a change of recipe length cannot leave this check behind.
var fingerprintLen = len(rule.Fingerprint(&rule.Finding{}))
