package delivery

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/internal/lazyre"
	"go.yaml.in/yaml/v3"
)

// MaxManifestSize bounds how much of a manifest file is read: real ones are
// kilobytes, and a multi-gigabyte "manifest" is a mistake, not a delivery.
const MaxManifestSize = 64 << 20

// ReadFile reads a manifest with the size bound.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf, err := io.ReadAll(io.LimitReader(f, MaxManifestSize+1))
	if err != nil {
		return nil, err
	}
	if len(buf) > MaxManifestSize {
		return nil, fmt.Errorf("%s is too large for a manifest (limit %d bytes)", path, MaxManifestSize)
	}
	return buf, nil
}

// RelToRoot expresses path (absolute, or relative to the working
// directory) relative to root when it lies inside it, else returns it
// slash-separated as given. Manifests and Problems use this form.
func RelToRoot(root, path string) string {
	ar, err1 := filepath.Abs(root)
	ap, err2 := filepath.Abs(path)
	if err1 == nil && err2 == nil {
		if r, err := filepath.Rel(ar, ap); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(path)
}

// Find returns the native manifest at the root of a delivery folder
// (manifest.yaml, manifest.yml, manifest.json or exportqc.yaml, in that
// order of preference), or "" when there is none.
func Find(root string) string {
	for _, n := range NativeNames {
		p := filepath.Join(root, n)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// ReadNative reads the native manifest at path for the delivery folder
// root. The error is for I/O only: schema errors are Problems.
func ReadNative(root, path string) (*Delivery, error) {
	src, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseNative(src, root, RelToRoot(root, path)), nil
}

// ParseNative decodes a native manifest (YAML, or JSON, which the YAML
// decoder reads with the same line numbers). name is the manifest's path
// relative to root, used in Problems. It never fails: every schema error
// becomes a D009 Problem at its line, unknown hash algorithms D010, and
// unsafe paths D011, and the rest of the manifest is still read.
func ParseNative(src []byte, root, name string) *Delivery {
	d := &Delivery{Root: root, Kind: KindNative, Manifests: []string{name}}
	n := &nativeReader{d: d, name: name}
	n.parse(src)
	d.Finish()
	return d
}

type nativeReader struct {
	d    *Delivery
	name string
}

var yamlLineRE = lazyre.New(`line (\d+)`)

func (n *nativeReader) bad(line int, format string, args ...any) {
	n.d.Problemf(RuleManifestInvalid, n.name, line, fmt.Sprintf(format, args...))
}

func (n *nativeReader) parse(src []byte) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line := 0
		if m := yamlLineRE().FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			if isYAMLParserError(err.Error()) {
				line++
			}
		}
		n.bad(line, "manifest is not valid YAML/JSON: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		n.bad(1, "manifest is empty")
		return
	}
	if hasAlias(&doc) {
		// Anchors make one line mean many; refusing them keeps line
		// numbers honest and rules out alias bombs.
		n.bad(1, "anchors and aliases (&, *) are not allowed in a manifest")
		return
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		holds := "a single value"
		if top.Kind == yaml.SequenceNode {
			holds = "a list"
		}
		n.bad(top.Line, "manifest holds %s; it must be a mapping of keys (manifest_version, title, episodes, ...)", holds)
		return
	}
	keys := n.mapping(top, "", topKeys, topRequired)
	if v := keys["manifest_version"]; v != nil {
		if ver, ok := n.intValue(v, "manifest_version", 1); ok && ver != ManifestVersion {
			n.bad(v.Line, "manifest_version %d is not supported (this exportqc reads %d)", ver, ManifestVersion)
		}
	}
	if v := keys["title"]; v != nil {
		n.d.Title, _ = n.stringValue(v, "title")
	}
	if v := keys["season"]; v != nil {
		n.d.Season, _ = n.intValue(v, "season", 0)
	}
	if v := keys["episode_count"]; v != nil {
		n.d.EpisodeCount, _ = n.intValue(v, "episode_count", 1)
	}
	if v := keys["territories"]; v != nil {
		n.territories(v)
	}
	if v := keys["programme"]; v != nil {
		pk := n.mapping(v, "programme", programmeKeys, nil)
		if fr := pk["frame_rate"]; fr != nil {
			n.d.FrameRate, _ = n.frameRate(fr, "programme.frame_rate")
		}
	}
	// Document order: a manifest may put files before episodes.
	for i := 0; i+1 < len(top.Content); i += 2 {
		switch top.Content[i].Value {
		case "episodes":
			n.episodes(top.Content[i+1])
		case "files":
			n.files(top.Content[i+1], "files", 0)
		}
	}
}

// isYAMLParserError tells parser errors, which go.yaml.in/yaml/v3 numbers
// from 0, from scanner errors, numbered from 1.
func isYAMLParserError(msg string) bool {
	for _, p := range []string{"did not find expected node content", "did not find expected ',' or",
		"did not find expected key", "did not find expected '-' indicator", "did not find expected <document start>"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func hasAlias(node *yaml.Node) bool {
	if node.Kind == yaml.AliasNode || node.Anchor != "" {
		return true
	}
	for _, c := range node.Content {
		if hasAlias(c) {
			return true
		}
	}
	return false
}

// mapping checks a mapping node's keys and returns key → value node.
// Unknown keys and duplicates are D009 (foreign hash names D010 when
// hashOK), missing required keys are D009 at the mapping's line.
func (n *nativeReader) mapping(node *yaml.Node, where string, allowed, required []string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if node.Kind != yaml.MappingNode {
		n.bad(node.Line, "%s must be a mapping", label(where))
		return out
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			n.bad(k.Line, "%s: keys must be plain words", label(where))
			continue
		}
		if _, dup := out[key]; dup {
			n.bad(k.Line, "%s: key %q is given twice", label(where), key)
			continue
		}
		if !contains(allowed, key) {
			if contains(allowed, "md5") && foreignHashNames[strings.ToLower(key)] {
				n.d.Problemf(RuleUnknownHash, n.name, k.Line, fmt.Sprintf("%s: hash algorithm %q cannot be verified (supported: %s)", label(where), key, strings.Join(hashing.Supported, ", ")))
			} else {
				n.bad(k.Line, "%s: unknown key %q (allowed: %s)", label(where), key, strings.Join(allowed, ", "))
			}
			continue
		}
		out[key] = v
	}
	for _, r := range required {
		if out[r] == nil {
			n.bad(node.Line, "%s: required key %q is missing", label(where), r)
		}
	}
	return out
}

func label(where string) string {
	if where == "" {
		return "manifest"
	}
	return where
}

func (n *nativeReader) stringValue(v *yaml.Node, where string) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		// YAML reads 1984, true or 0000 as numbers and booleans; JSON
		// and the schema want strings, so ask for quotes rather than guess.
		n.bad(v.Line, "%s must be a string (quote it: \"%s\")", where, v.Value)
		return "", false
	}
	return v.Value, true
}

func (n *nativeReader) intValue(v *yaml.Node, where string, min int) (int, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
		n.bad(v.Line, "%s must be a whole number, not %q", where, v.Value)
		return 0, false
	}
	i, err := strconv.ParseInt(v.Value, 0, 64)
	if err != nil || i < int64(min) || i > math.MaxInt32 {
		n.bad(v.Line, "%s must be a whole number ≥ %d, not %s", where, min, v.Value)
		return 0, false
	}
	return int(i), true
}

func (n *nativeReader) frameRate(v *yaml.Node, where string) (cue.FrameRate, bool) {
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float" && v.Tag != "!!str") {
		n.bad(v.Line, "%s must be a number (25, 23.976) or a fraction (\"24000/1001\")", where)
		return cue.FrameRate{}, false
	}
	fr, err := cue.ParseFrameRate(v.Value)
	if err != nil {
		n.bad(v.Line, "%s: %v", where, err)
		return cue.FrameRate{}, false
	}
	return fr, true
}

var territoryRE = lazyre.New(`^[A-Za-z0-9-]+$`)

func (n *nativeReader) territories(v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		n.bad(v.Line, "territories must be a list such as [FR, MENA]")
		return
	}
	for i, t := range v.Content {
		s, ok := n.stringValue(t, fmt.Sprintf("territories[%d]", i))
		if !ok {
			continue
		}
		if !territoryRE().MatchString(s) {
			n.bad(t.Line, "territories[%d]: %q is not a territory code", i, s)
			continue
		}
		n.d.Territories = append(n.d.Territories, s)
	}
}

func (n *nativeReader) episodes(v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		n.bad(v.Line, "episodes must be a list")
		return
	}
	seen := map[int]int{}
	for i, e := range v.Content {
		where := fmt.Sprintf("episodes[%d]", i)
		keys := n.mapping(e, where, episodeKeys, episodeRequired)
		ep := Episode{Line: e.Line, Manifest: n.name, FrameRate: n.d.FrameRate}
		numOK := false
		if k := keys["number"]; k != nil {
			ep.Number, numOK = n.intValue(k, where+".number", 1)
			if numOK {
				if first, dup := seen[ep.Number]; dup {
					n.bad(k.Line, "%s: episode %d is already declared at line %d", where, ep.Number, first)
					numOK = false
				} else {
					seen[ep.Number] = k.Line
				}
			}
		}
		if k := keys["title"]; k != nil {
			ep.Title, _ = n.stringValue(k, where+".title")
		}
		if k := keys["frame_rate"]; k != nil {
			if fr, ok := n.frameRate(k, where+".frame_rate"); ok {
				ep.FrameRate = fr
			}
		}
		if k := keys["duration"]; k != nil {
			ep.Duration, _ = n.duration(k, where+".duration", ep.FrameRate)
		}
		number := 0
		if numOK {
			number = ep.Number
		}
		if k := keys["files"]; k != nil {
			ep.Files = n.files(k, where+".files", number)
		}
		if k := keys["shot_changes"]; k != nil {
			if raw, ok := n.stringValue(k, where+".shot_changes"); ok {
				ep.ShotChanges, _ = n.d.CheckPath(n.name, k.Line, raw)
			}
		}
		if k := keys["video"]; k != nil {
			if raw, ok := n.stringValue(k, where+".video"); ok {
				ep.Video, _ = n.d.CheckPath(n.name, k.Line, raw)
			}
		}
		if numOK {
			n.d.Episodes = append(n.d.Episodes, ep)
		}
	}
}

var (
	secondsRE  = lazyre.New(`^([0-9]+(?:\.[0-9]+)?)s$`)
	timecodeRE = lazyre.New(`^([0-9]{1,3}):([0-5][0-9]):([0-5][0-9])(?::([0-9]{2})|\.([0-9]{1,3}))?$`)
)

// duration reads "00:44:30:00" (timecode at the episode frame rate),
// "00:44:30.000", "2670s", or a plain number of seconds.
func (n *nativeReader) duration(v *yaml.Node, where string, fr cue.FrameRate) (cue.Time, bool) {
	if v.Kind != yaml.ScalarNode {
		n.bad(v.Line, "%s must be a timecode (\"00:44:30:00\") or seconds (2670, \"2670s\")", where)
		return 0, false
	}
	s := strings.TrimSpace(v.Value)
	if v.Tag == "!!int" || v.Tag == "!!float" {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f <= 0 || f > 1e7 || math.IsNaN(f) {
			n.bad(v.Line, "%s must be a positive number of seconds, not %s", where, s)
			return 0, false
		}
		return cue.FromSeconds(f), true
	}
	if m := secondsRE().FindStringSubmatch(s); m != nil {
		f, err := strconv.ParseFloat(m[1], 64)
		if err != nil || f <= 0 || f > 1e7 {
			n.bad(v.Line, "%s: %q is not a positive number of seconds", where, s)
			return 0, false
		}
		return cue.FromSeconds(f), true
	}
	m := timecodeRE().FindStringSubmatch(s)
	if m == nil {
		n.bad(v.Line, "%s: %q is neither a timecode (HH:MM:SS:FF) nor seconds (\"2670s\")", where, s)
		return 0, false
	}
	h, _ := strconv.ParseInt(m[1], 10, 64)
	mi, _ := strconv.ParseInt(m[2], 10, 64)
	se, _ := strconv.ParseInt(m[3], 10, 64)
	secs := (h*60+mi)*60 + se
	switch {
	case m[4] != "":
		if fr.IsZero() {
			n.bad(v.Line, "%s: timecode %q needs a frame rate (programme.frame_rate or the episode's frame_rate)", where, s)
			return 0, false
		}
		ff, _ := strconv.ParseInt(m[4], 10, 64)
		// Non-drop-frame timecode counts nominal frames per second
		// (30 for 29.97), each lasting one real frame period.
		nominal := (fr.Num + fr.Den - 1) / fr.Den
		if ff >= nominal {
			n.bad(v.Line, "%s: frame %d does not exist at %s fps", where, ff, fr)
			return 0, false
		}
		return fr.Frames(secs*nominal + ff), true
	case m[5] != "":
		ms, _ := strconv.ParseInt((m[5] + "00")[:3], 10, 64)
		return cue.Time(secs)*cue.Second + cue.Time(ms)*cue.Millisecond, true
	}
	return cue.Time(secs) * cue.Second, true
}

func (n *nativeReader) files(v *yaml.Node, where string, episode int) []int {
	if v.Kind != yaml.SequenceNode {
		n.bad(v.Line, "%s must be a list", where)
		return nil
	}
	var idx []int
	for i, fn := range v.Content {
		if f, ok := n.file(fn, fmt.Sprintf("%s[%d]", where, i), episode); ok {
			idx = append(idx, n.d.AddFile(f))
		}
	}
	return idx
}

// file decodes one file entry; ok is false when it cannot be a File at all
// (no usable path). Other errors are reported and the field left unset.
func (n *nativeReader) file(v *yaml.Node, where string, episode int) (File, bool) {
	f := File{Size: -1, Episode: episode, Manifest: n.name, Line: v.Line, Hashes: map[string]string{}}
	keys := n.mapping(v, where, fileKeys, fileRequired)
	if v.Kind != yaml.MappingNode {
		return f, false
	}
	ok := false
	if k := keys["path"]; k != nil {
		if raw, good := n.stringValue(k, where+".path"); good {
			f.Path, ok = n.d.CheckPath(n.name, k.Line, raw)
		}
	}
	if k := keys["kind"]; k != nil {
		if s, good := n.stringValue(k, where+".kind"); good {
			if contains(FileKinds, s) {
				f.Kind = s
			} else {
				n.bad(k.Line, "%s.kind: %q is not one of %s", where, s, strings.Join(FileKinds, ", "))
			}
		}
	}
	if f.Kind == "" {
		f.Kind = Other
	}
	if k := keys["language"]; k != nil {
		f.Language, _ = n.stringValue(k, where+".language")
	}
	if k := keys["format"]; k != nil {
		f.Format, _ = n.stringValue(k, where+".format")
	}
	if k := keys["size"]; k != nil {
		if k.Kind == yaml.ScalarNode && k.Tag == "!!int" {
			if sz, err := strconv.ParseInt(k.Value, 10, 64); err == nil && sz >= 0 {
				f.Size = sz
			} else {
				n.bad(k.Line, "%s.size must be a number of bytes ≥ 0, not %s", where, k.Value)
			}
		} else {
			n.bad(k.Line, "%s.size must be a number of bytes, not %q", where, k.Value)
		}
	}
	for _, a := range fileHashKeys {
		if k := keys[a]; k != nil {
			n.hash(&f, a, k, where)
		}
	}
	if k := keys["hashes"]; k != nil {
		if k.Kind != yaml.MappingNode {
			n.bad(k.Line, "%s.hashes must be a mapping of algorithm: hex digest", where)
		} else {
			for i := 0; i+1 < len(k.Content); i += 2 {
				name, val := k.Content[i], k.Content[i+1]
				algo, known := hashing.Normalize(name.Value)
				if known && algo != name.Value {
					n.bad(name.Line, "%s.hashes: write %q, not %q", where, algo, name.Value)
					continue
				}
				if !known {
					n.d.Problemf(RuleUnknownHash, n.name, name.Line, fmt.Sprintf("%s.hashes: hash algorithm %q cannot be verified (supported: %s)", where, name.Value, strings.Join(hashing.Supported, ", ")))
					continue
				}
				n.hash(&f, algo, val, where+".hashes")
			}
		}
	}
	return f, ok
}

func (n *nativeReader) hash(f *File, algo string, v *yaml.Node, where string) {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		n.bad(v.Line, "%s.%s must be a hex string (quote a digest YAML reads as a number)", where, algo)
		return
	}
	hex := strings.ToLower(strings.TrimSpace(v.Value))
	if !hashing.ValidHex(algo, hex) {
		n.bad(v.Line, "%s.%s: %q is not a %s digest in hex", where, algo, v.Value, algo)
		return
	}
	if old, dup := f.Hashes[algo]; dup && old != hex {
		n.bad(v.Line, "%s: two different %s digests", where, algo)
		return
	}
	f.Hashes[algo] = hex
}
