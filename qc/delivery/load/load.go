// Package load opens a delivery folder with whichever reader fits: an
// explicit --manifest, else a native manifest at the root, else an IMF
// package, an iTunes package, a MovieLabs MMC manifest, and finally the
// file names themselves. Checksum sidecars found in the folder are folded
// into the result, or are the delivery when nothing else describes it.
package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/imf"
	"github.com/exportqc/exportqc/qc/delivery/infer"
	"github.com/exportqc/exportqc/qc/delivery/internal/xmltree"
	"github.com/exportqc/exportqc/qc/delivery/itunes"
	"github.com/exportqc/exportqc/qc/delivery/mmc"
	"github.com/exportqc/exportqc/qc/delivery/sums"
)

// Options tune Open.
type Options struct {
	// Manifest is an explicit manifest file (--manifest): native YAML/JSON,
	// an IMF ASSETMAP, an MMC manifest, an iTunes metadata.xml, or a
	// checksum sidecar. Empty: discover.
	Manifest string
	// Patterns are extra file-name patterns for inference (infer.WithPatterns).
	Patterns []string
}

// Open reads the delivery at root. Errors are for an unreadable root or
// manifest, or bad patterns; everything wrong inside a manifest is in
// Delivery.Problems.
func Open(root string, opt Options) (*delivery.Delivery, error) {
	if st, err := os.Stat(root); err != nil {
		return nil, err
	} else if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", root)
	}
	in, err := infer.New(infer.WithPatterns(opt.Patterns))
	if err != nil {
		return nil, err
	}
	d, err := primary(root, opt.Manifest)
	if err != nil {
		return nil, err
	}
	side, err := sums.Find(root)
	if err != nil {
		return nil, err
	}
	if d == nil && len(side) > 0 {
		d = &delivery.Delivery{Root: root, Kind: delivery.KindSums}
	}
	if d != nil {
		for _, s := range side {
			if contains(d.Manifests, s) {
				continue
			}
			sd, err := sums.Read(root, s)
			if err != nil {
				return nil, err
			}
			d.Merge(sd)
		}
		if d.Kind == delivery.KindSums {
			enrich(d, in)
		}
		d.Finish()
		return d, nil
	}
	return in.Read(root)
}

// primary finds and reads the main manifest; nil when there is none.
func primary(root, explicit string) (*delivery.Delivery, error) {
	if explicit != "" {
		return readExplicit(root, explicit)
	}
	if p := delivery.Find(root); p != "" {
		// Read once; a file that cannot be read is a D009 of its own, and
		// one that is not a manifest's YAML/JSON mapping (empty, binary, a
		// list, a scalar) is ParseNative's D009, at its line.
		data, err := delivery.ReadFile(p)
		if err != nil {
			return unreadable(root, p, err), nil
		}
		return delivery.ParseNative(data, root, delivery.RelToRoot(root, p)), nil
	}
	if maps, err := imf.FindAssetMaps(root); err != nil {
		return nil, err
	} else if len(maps) > 0 {
		return imf.Read(root)
	}
	if p := itunes.FindMetadata(root); p != "" {
		return itunes.Read(root, p)
	}
	xmls, _ := filepath.Glob(filepath.Join(root, "*.xml"))
	sort.Strings(xmls)
	for _, p := range xmls {
		if mmc.IsManifest(sniff(p)) {
			return mmc.Read(root, p)
		}
	}
	return nil, nil
}

// unreadable is the delivery of a folder whose native manifest cannot be
// read as one: nothing declared, and a D009 at the manifest, so the
// delivery fails instead of passing as loose files.
func unreadable(root, p string, why error) *delivery.Delivery {
	rel := delivery.RelToRoot(root, p)
	d := &delivery.Delivery{Root: root, Kind: delivery.KindNative, Manifests: []string{rel}}
	d.Problemf(delivery.RuleManifestInvalid, rel, 0, "the delivery's manifest cannot be read: "+why.Error())
	return d
}

func readExplicit(root, p string) (*delivery.Delivery, error) {
	src, err := delivery.ReadFile(p)
	if err != nil {
		return nil, err
	}
	rel := delivery.RelToRoot(root, p)
	if isText, isMHL, _ := sums.IsSidecar(rel); isText || isMHL {
		sd, err := sums.Read(root, rel)
		if err != nil {
			return nil, err
		}
		d := &delivery.Delivery{Root: root, Kind: delivery.KindSums}
		d.Merge(sd)
		return d, nil
	}
	if t := bytes.TrimLeft(src, "\ufeff \t\r\n"); len(t) > 0 && t[0] == '<' {
		n, _ := xmltree.Parse(src)
		switch {
		case n != nil && n.Local == "AssetMap":
			return imf.Read(root)
		case mmc.IsManifest(n):
			return mmc.Read(root, p)
		case itunes.IsPackage(n):
			return itunes.Read(root, p)
		}
		name := "?"
		if n != nil {
			name = n.Local
		}
		return nil, fmt.Errorf("%s: <%s> is not a manifest exportqc reads (ASSETMAP, MMC MediaManifest, iTunes package)", p, name)
	}
	return delivery.ParseNative(src, root, rel), nil
}

func sniff(p string) *xmltree.Node {
	src, err := delivery.ReadFile(p)
	if err != nil {
		return nil
	}
	n, _ := xmltree.Parse(src)
	return n
}

// enrich gives a sidecar-only delivery what the file names say: kind
// (forced, SDH), language and episode.
func enrich(d *delivery.Delivery, in *infer.Inferer) {
	for i := range d.Files {
		f := &d.Files[i]
		info := in.Name(f.Path)
		if f.Kind == delivery.Other || f.Kind == delivery.Subtitles {
			f.Kind = info.Kind
		}
		if f.Language == "" {
			f.Language, f.LanguageTag = info.Language, info.Tag
		}
		if f.Episode == 0 && info.Episode > 0 {
			f.Episode = info.Episode
			ep := d.Episode(info.Episode)
			if ep == nil {
				d.Episodes = append(d.Episodes, delivery.Episode{Number: info.Episode})
				ep = &d.Episodes[len(d.Episodes)-1]
			}
			ep.Files = append(ep.Files, i)
		}
		if d.Title == "" {
			d.Title = info.Title
		}
		if d.Season == 0 {
			d.Season = info.Season
		}
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
