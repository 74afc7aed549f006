// Package sums reads checksum sidecars: md5sum/sha1sum/sha256sum output
// (text and "*" binary mode, and the BSD "SHA256 (path) = hex" form) and
// ASC MHL v2 hash lists (ascmhl/*.mhl). A sidecar either adds hashes and
// sizes to the files a manifest declares (delivery.Merge) or, alone in a
// folder, is the delivery's list of files.
package sums

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/delivery/internal/xmltree"
	"github.com/exportqc/exportqc/qc/internal/lazyre"
)

// textNames maps sidecar file names (lower case) to their algorithm;
// "" means: tell by the digest length.
var textNames = map[string]string{
	"md5sum.txt": hashing.MD5, "md5sums": hashing.MD5, "md5sums.txt": hashing.MD5, "checksum.md5": hashing.MD5,
	"sha1sum.txt": hashing.SHA1, "sha1sums": hashing.SHA1, "sha1sums.txt": hashing.SHA1,
	"sha256sum.txt": hashing.SHA256, "sha256sums": hashing.SHA256, "sha256sums.txt": hashing.SHA256,
	"sha512sum.txt": hashing.SHA512, "sha512sums": hashing.SHA512,
	"checksum.txt": "", "checksums.txt": "", "checksums": "",
}

var textExts = map[string]string{
	".md5": hashing.MD5, ".md5sum": hashing.MD5, ".sha1": hashing.SHA1, ".sha1sum": hashing.SHA1,
	".sha256": hashing.SHA256, ".sha256sum": hashing.SHA256, ".sha512": hashing.SHA512, ".xxh64": hashing.XXH64,
}

// IsSidecar reports whether rel (slash-separated) names a sidecar, and
// for text sidecars the algorithm its name implies ("" = by length).
func IsSidecar(rel string) (isText, isMHL bool, algo string) {
	base := strings.ToLower(path.Base(rel))
	if strings.HasSuffix(base, ".mhl") && path.Base(path.Dir(rel)) == "ascmhl" {
		return false, true, ""
	}
	if a, ok := textNames[base]; ok {
		return true, false, a
	}
	if a, ok := textExts[path.Ext(base)]; ok {
		return true, false, a
	}
	return false, false, ""
}

// Find lists the sidecars of a delivery: text sidecars at the root, and
// MHL files in ascmhl/ folders at any depth (a camera-card hash list
// describes its own folder).
func Find(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if de.IsDir() {
			if p != root && strings.HasPrefix(de.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		isText, isMHL, _ := IsSidecar(rel)
		if isMHL || (isText && !strings.Contains(rel, "/")) {
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// Read reads one sidecar (rel is relative to root).
func Read(root, rel string) (*delivery.Delivery, error) {
	src, err := delivery.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	isText, isMHL, algo := IsSidecar(rel)
	switch {
	case isMHL:
		return ParseMHL(src, root, rel), nil
	case isText:
		return ParseText(src, root, rel, algo), nil
	}
	return nil, fmt.Errorf("%s is not a checksum sidecar", rel)
}

func newDelivery(root, name string) *delivery.Delivery {
	return &delivery.Delivery{Root: root, Kind: delivery.KindSums, Manifests: []string{name}}
}

var (
	bsdLine = lazyre.New(`^([A-Za-z][A-Za-z0-9_-]*) ?\((.*)\) ?= ?([0-9A-Fa-f]+)$`)
	gnuLine = lazyre.New(`^\\?([0-9A-Fa-f]+) [ *](.+)$`)
)

var byLength = map[int]string{32: hashing.MD5, 40: hashing.SHA1, 64: hashing.SHA256, 128: hashing.SHA512, 16: hashing.XXH64}

// ParseText reads md5sum-style text. algo is the algorithm the file name
// implies, or "" to tell each line's by its digest length. Paths are
// relative to the sidecar's folder.
func ParseText(src []byte, root, name, algo string) *delivery.Delivery {
	d := newDelivery(root, name)
	dir := path.Dir(name)
	seen := map[string]int{}
	sc := cue.NewLineScanner(string(src))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t")
		ln := sc.Line()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		var a, sum, p string
		if m := bsdLine().FindStringSubmatch(line); m != nil {
			known, ok := hashing.Normalize(m[1])
			if !ok {
				d.Problemf(delivery.RuleUnknownHash, name, ln, fmt.Sprintf("hash algorithm %q cannot be verified (supported: %s)", m[1], strings.Join(hashing.Supported, ", ")))
				continue
			}
			a, p, sum = known, m[2], m[3]
		} else if m := gnuLine().FindStringSubmatch(line); m != nil {
			sum, p = m[1], m[2]
			if strings.HasPrefix(line, `\`) {
				// GNU coreutils escapes names holding a newline or backslash.
				p = strings.NewReplacer(`\\`, `\`, `\n`, "\n").Replace(p)
			}
			a = algo
			if a == "" {
				a = byLength[len(sum)]
			}
			if a == "" {
				d.Problemf(delivery.RuleUnknownHash, name, ln, fmt.Sprintf("a %d-digit digest matches no supported algorithm (%s)", len(sum), strings.Join(hashing.Supported, ", ")))
				continue
			}
		} else {
			d.Problemf(delivery.RuleManifestInvalid, name, ln, fmt.Sprintf("not a checksum line (want \"<hex>  <path>\" or \"SHA256 (path) = <hex>\"): %.60q", line))
			continue
		}
		sum = strings.ToLower(sum)
		if !hashing.ValidHex(a, sum) {
			d.Problemf(delivery.RuleManifestInvalid, name, ln, fmt.Sprintf("%q is not a %s digest", sum, a))
			continue
		}
		rel, ok := join(d, name, ln, dir, p)
		if !ok {
			continue
		}
		if i, dup := seen[rel]; dup {
			f := &d.Files[i]
			if old, has := f.Hashes[a]; has && old != sum {
				d.Problemf(delivery.RuleManifestInvalid, name, ln, fmt.Sprintf("%s listed again with a different %s (first at line %d)", rel, a, f.Line))
			} else {
				f.Hashes[a] = sum
			}
			continue
		}
		seen[rel] = d.AddFile(delivery.File{Path: rel, Kind: delivery.KindFromExt(rel), Size: -1,
			Hashes: map[string]string{a: sum}, Manifest: name, Line: ln})
	}
	d.Finish()
	return d
}

// join makes a sidecar-relative path root-relative, refusing escapes.
func join(d *delivery.Delivery, name string, line int, dir, p string) (string, bool) {
	rel, ok := d.CheckPath(name, line, p)
	if !ok {
		return "", false
	}
	if dir == "." {
		return rel, true
	}
	joined, err := delivery.CleanPath(path.Join(dir, rel))
	if err != nil {
		d.Problemf(delivery.RulePathEscapes, name, line, fmt.Sprintf("path %q not followed: leaves the delivery root", p))
		return "", false
	}
	return joined, true
}

// ParseMHL reads an ASC MHL v2 hash list. Paths are relative to the
// folder holding the ascmhl/ folder. Hash types MHL allows but exportqc
// cannot compute (c4, xxh3, xxh128) are D010 problems; the entry is kept
// with whatever else it carries.
func ParseMHL(src []byte, root, name string) *delivery.Delivery {
	d := newDelivery(root, name)
	base := path.Dir(path.Dir(name)) // …/ascmhl/x.mhl → …
	doc, err := xmltree.Parse(src)
	if err != nil {
		line := 0
		if xe, ok := err.(*xmltree.Error); ok {
			line = xe.Line
		}
		d.Problemf(delivery.RuleManifestInvalid, name, line, "malformed XML: "+err.Error())
	}
	if doc == nil {
		d.Finish()
		return d
	}
	if doc.Local != "hashlist" {
		d.Problemf(delivery.RuleManifestInvalid, name, doc.Line, fmt.Sprintf("root element is <%s>, not an ASC MHL <hashlist>", doc.Local))
		d.Finish()
		return d
	}
	unknown := map[string]bool{}
	for _, h := range doc.Path("hashes").Children("hash") {
		if !h.Closed || strings.EqualFold(h.AttrValue("directory"), "true") {
			continue // directory hashes summarise content, not a file
		}
		pn := h.Child("path")
		if pn == nil || pn.Value() == "" {
			d.Problemf(delivery.RuleManifestInvalid, name, h.Line, "hash entry without <path>")
			continue
		}
		rel, ok := join(d, name, pn.Line, base, pn.Value())
		if !ok {
			continue
		}
		f := delivery.File{Path: rel, Kind: delivery.KindFromExt(rel), Size: -1, Hashes: map[string]string{}, Manifest: name, Line: h.Line}
		if s := pn.AttrValue("size"); s != "" {
			if v, err := strconv.ParseInt(s, 10, 64); err == nil && v >= 0 {
				f.Size = v
			} else {
				d.Problemf(delivery.RuleManifestInvalid, name, pn.Line, fmt.Sprintf("size %q is not a byte count", s))
			}
		}
		for _, k := range h.Kids {
			if k.Local == "path" {
				continue
			}
			a, known := hashing.Normalize(k.Local)
			if !known {
				if !unknown[k.Local] { // once per algorithm and list, not per file
					unknown[k.Local] = true
					d.Problemf(delivery.RuleUnknownHash, name, k.Line, fmt.Sprintf("hash type %q cannot be verified (supported: %s)", k.Local, strings.Join(hashing.Supported, ", ")))
				}
				continue
			}
			v := strings.ToLower(k.Value())
			if !hashing.ValidHex(a, v) {
				d.Problemf(delivery.RuleManifestInvalid, name, k.Line, fmt.Sprintf("%q is not a %s digest", k.Value(), a))
				continue
			}
			f.Hashes[a] = v
		}
		d.AddFile(f)
	}
	d.Finish()
	return d
}
