// Package xmlmanifest holds what the readers of XML manifests that list a
// delivery's files (iTunes metadata.xml, MovieLabs MMC) do alike: report
// problems against the manifest, parse it, resolve the paths it lists
// against its own folder, and read declared byte counts and digests. Each
// reader keeps its own vocabulary; the rules, lines and checks are shared
// so that the two cannot drift apart.
package xmlmanifest

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/delivery/internal/xmltree"
)

// Reader reads one manifest into D; readers embed it.
type Reader struct {
	D    *delivery.Delivery
	Name string // the manifest's path relative to the delivery root
	Dir  string // path.Dir(Name): the paths the manifest lists are relative to it
}

// New returns a Reader of the manifest name (root-relative) into d.
func New(d *delivery.Delivery, name string) Reader {
	return Reader{D: d, Name: name, Dir: path.Dir(name)}
}

// Bad records a problem at line of the manifest.
func (r *Reader) Bad(rule string, line int, format string, args ...any) {
	r.D.Problemf(rule, r.Name, line, fmt.Sprintf(format, args...))
}

// ParseXML parses src, reporting malformed XML as a manifest problem at
// the line it was found. It returns what could be read (nil when not even
// a root element could).
func (r *Reader) ParseXML(src []byte) *xmltree.Node {
	root, err := xmltree.Parse(src)
	if err != nil {
		r.Bad(delivery.RuleManifestInvalid, xmltree.ErrorLine(err), "malformed XML: %v", err)
	}
	return root
}

// Resolve turns p, a path the manifest lists at line, into a root-relative
// path. An unusable path is reported (by delivery.CheckPath), and so is
// one that leaves the root once joined to the manifest's folder; shown is
// how the manifest spelled the path, for that report.
func (r *Reader) Resolve(line int, p, shown string) (string, bool) {
	rel, ok := r.D.CheckPath(r.Name, line, p)
	if !ok {
		return "", false
	}
	if r.Dir != "." {
		joined, err := delivery.CleanPath(path.Join(r.Dir, rel))
		if err != nil {
			r.Bad(delivery.RulePathEscapes, line, "path %q not followed: leaves the delivery root", shown)
			return "", false
		}
		rel = joined
	}
	return rel, true
}

// Size reads a byte count from the text of n (<size>, <Length>...). It
// returns -1, the model's "unknown", when n is nil or does not hold a
// byte count, and reports the latter.
func (r *Reader) Size(n *xmltree.Node) int64 {
	if n == nil {
		return -1
	}
	v, err := strconv.ParseInt(n.Value(), 10, 64)
	if err != nil || v < 0 {
		r.Bad(delivery.RuleManifestInvalid, n.Line, "<%s> %q is not a byte count", n.Local, n.Value())
		return -1
	}
	return v
}

// Digest adds to hashes the hex digest in the text of n, declared with
// the algorithm name algo. An algorithm exportqc cannot compute is an
// unknown-hash problem; a value that is not a hex digest of the algorithm
// is a manifest problem; either leaves hashes alone. The reports name
// algo as algoWhat and the value as valueWhat, in the manifest's own
// words ("checksum type", "hash method"...).
func (r *Reader) Digest(hashes map[string]string, n *xmltree.Node, algo, algoWhat, valueWhat string) {
	known, ok := hashing.Normalize(algo)
	if !ok {
		r.Bad(delivery.RuleUnknownHash, n.Line, "%s %q cannot be verified (supported: %s)", algoWhat, algo, strings.Join(hashing.Supported, ", "))
		return
	}
	v := strings.ToLower(n.Value())
	if !hashing.ValidHex(known, v) {
		r.Bad(delivery.RuleManifestInvalid, n.Line, "%s %q is not a hex %s digest", valueWhat, n.Value(), known)
		return
	}
	hashes[known] = v
}
