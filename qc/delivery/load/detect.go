package load

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/sums"
)

// Manifest detection, in one place: which folders are deliveries and which
// files named on the command line are manifests. Open then reads them.

// LooksLikeDelivery is a cheap look at a folder's own entries for
// something that describes a delivery: a native manifest, an IMF ASSETMAP,
// an iTunes package, a MovieLabs MMC manifest, a checksum sidecar. A file
// with a native manifest's name that cannot be read or parsed makes a
// delivery too: Open reports it (D009) rather than the folder passing as
// loose files. Open then decides.
func LooksLikeDelivery(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			if strings.HasSuffix(strings.ToLower(name), ".itmsp") || name == "ascmhl" {
				return true
			}
			continue
		}
		if slices.Contains(delivery.NativeNames, name) {
			// Only a manifest that says it is one, or cannot be read to tell:
			// a "manifest.json" of some other tool (a test corpus's index, a
			// mapping without manifest_version) does not make a delivery.
			if ours, _ := native(filepath.Join(dir, name)); ours {
				return true
			}
			continue
		}
		if name == "ASSETMAP.xml" || name == "ASSETMAP" || name == "metadata.xml" {
			return true
		}
		if isText, _, _ := sums.IsSidecar(name); isText {
			return true
		}
		if strings.EqualFold(filepath.Ext(name), ".xml") && looksLikeMMC(filepath.Join(dir, name)) {
			return true
		}
	}
	return false
}

// IsManifestFile reports whether p, named on the command line, is a
// delivery manifest rather than a subtitle file: a native manifest (that
// says manifest_version, or cannot be read as one), an IMF ASSETMAP or an
// iTunes metadata.xml.
func IsManifestFile(p string) bool {
	st, err := os.Stat(p)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	switch name := filepath.Base(p); {
	case slices.Contains(delivery.NativeNames, name):
		ours, _ := native(p)
		return ours
	case name == "ASSETMAP.xml" || name == "ASSETMAP":
		return true
	case name == "metadata.xml":
		data, err := delivery.ReadFile(p)
		return err == nil && bytes.Contains(data, []byte("<package"))
	}
	return false
}

// native says whether the file at p, named like a native manifest, is one
// (ours), and if so why it cannot be read as one (broken, nil when it
// can). A file that cannot be read, is empty, is not YAML or JSON, or is a
// list or a scalar, is a broken manifest; a mapping without
// manifest_version, or a JSON list in a .json file, belongs to some other
// tool.
func native(p string) (ours bool, broken error) {
	data, err := delivery.ReadFile(p)
	if err != nil {
		return true, err
	}
	if bytes.Contains(data, []byte("manifest_version")) {
		return true, nil
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))) == 0 {
		return true, errors.New("the file is empty")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return true, errors.New("not YAML or JSON: " + err.Error())
	}
	if len(doc.Content) == 0 {
		return true, errors.New("the file holds no YAML or JSON document")
	}
	switch top := doc.Content[0]; {
	case top.Kind == yaml.MappingNode:
		return false, nil
	case top.Kind == yaml.SequenceNode && strings.EqualFold(filepath.Ext(p), ".json") && bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")):
		// A JSON list named manifest.json is another tool's (an IMSC
		// test sequence lists its documents so); a YAML manifest is ours.
		return false, nil
	case top.Kind == yaml.SequenceNode:
		return true, errors.New("the file holds a list, not a manifest's mapping of keys")
	default:
		return true, errors.New("the file holds a single value, not a manifest's mapping of keys")
	}
}

// looksLikeMMC reads the head of an XML file for a MovieLabs manifest root,
// so walking a folder of TTML files reads a few kilobytes of each at most.
func looksLikeMMC(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 8<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	return bytes.Contains(head, []byte("MediaManifest")) && bytes.Contains(head, []byte("movielabs.com"))
}
