// Package itunes reads an Apple iTunes Store package (vendor_id.itmsp/
// metadata.xml) into the delivery model: each data_file with its role,
// locale, size and MD5 checksum; for TV, the episode from
// container_position.
package itunes

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/internal/xmlmanifest"
	"github.com/exportqc/exportqc/qc/delivery/internal/xmltree"
)

// Namespace is the iTunes importer namespace.
const Namespace = "http://apple.com/itunes/importer"

// roleKinds maps data_file roles to file kinds. "forced subtitles" with a
// space comes from a third-party spec derived from Apple's.
var roleKinds = map[string]string{
	"subtitles":                  delivery.Subtitles,
	"subtitles.hearing_impaired": delivery.SDH,
	"forced_subtitles":           delivery.Forced,
	"forced subtitles":           delivery.Forced,
	"captions":                   delivery.Captions,
	"source":                     delivery.Video,
	"":                           delivery.Video, // the full asset's main file has no role in older specs
}

func kindOf(role string) string {
	if k, ok := roleKinds[role]; ok {
		return k
	}
	switch {
	case role == "audio" || strings.HasPrefix(role, "audio."):
		return delivery.Audio
	case strings.HasPrefix(role, "video."):
		return delivery.Video
	case strings.HasSuffix(role, ".commentary"):
		return delivery.Audio
	}
	return delivery.Other
}

// FindMetadata returns root/metadata.xml, or the metadata.xml of the
// first *.itmsp folder directly under root, or "".
func FindMetadata(root string) string {
	if st, err := os.Stat(filepath.Join(root, "metadata.xml")); err == nil && st.Mode().IsRegular() {
		if n := sniff(filepath.Join(root, "metadata.xml")); IsPackage(n) {
			return filepath.Join(root, "metadata.xml")
		}
	}
	ms, _ := filepath.Glob(filepath.Join(root, "*.itmsp", "metadata.xml"))
	if len(ms) > 0 {
		return ms[0] // Glob sorts
	}
	return ""
}

func sniff(p string) *xmltree.Node {
	src, err := delivery.ReadFile(p)
	if err != nil {
		return nil
	}
	n, _ := xmltree.Parse(src)
	return n
}

// IsPackage reports whether an XML document is iTunes package metadata.
func IsPackage(n *xmltree.Node) bool {
	return n != nil && n.Local == "package" && (n.Space == Namespace || n.Space == "")
}

// Read reads metadata.xml at metadataPath for the delivery folder root;
// file names are relative to the metadata file's folder.
func Read(root, metadataPath string) (*delivery.Delivery, error) {
	src, err := delivery.ReadFile(metadataPath)
	if err != nil {
		return nil, err
	}
	return Parse(src, root, delivery.RelToRoot(root, metadataPath)), nil
}

// Parse reads metadata.xml bytes; name is its path relative to root.
func Parse(src []byte, root, name string) *delivery.Delivery {
	d := &delivery.Delivery{Root: root, Kind: delivery.KindITunes, Manifests: []string{name}}
	p := &parser{xmlmanifest.New(d, name)}
	p.parse(src)
	d.Finish()
	d.SetEpisodeVideos()
	return d
}

type parser struct {
	xmlmanifest.Reader
}

func (p *parser) parse(src []byte) {
	root := p.ParseXML(src)
	if root == nil {
		return
	}
	if !IsPackage(root) {
		p.Bad(delivery.RuleManifestInvalid, root.Line, "root element is <%s>, not an iTunes <package>", root.Local)
		return
	}
	videos := root.Children("video")
	if len(videos) == 0 {
		p.Bad(delivery.RuleManifestInvalid, root.Line, "package has no <video>")
	}
	seenTerr := map[string]bool{}
	for _, v := range videos {
		p.video(v)
		for _, t := range v.Path("products").Children("product") {
			if tv := t.Child("territory").Value(); tv != "" && !seenTerr[tv] {
				seenTerr[tv] = true
				p.D.Territories = append(p.D.Territories, tv)
			}
		}
	}
}

// video reads one <video>: a film, or a TV episode placed by
// container_position in its season (container_id).
func (p *parser) video(v *xmltree.Node) {
	title := v.Child("title").Value()
	number := 0
	isEpisode := strings.EqualFold(v.Child("type").Value(), "tv")
	if cp := v.Child("container_position"); cp != nil {
		n, err := strconv.Atoi(cp.Value())
		if err != nil || n < 1 {
			p.Bad(delivery.RuleManifestInvalid, cp.Line, "container_position %q is not an episode number", cp.Value())
		} else {
			number = n
		}
	} else if isEpisode {
		p.Bad(delivery.RuleManifestInvalid, v.Line, "TV video without <container_position>")
	}
	if !isEpisode || number == 0 {
		if p.D.Title == "" {
			p.D.Title = title
		}
	}
	ep := delivery.Episode{Number: number, Title: title, Manifest: p.Name, Line: v.Line}
	v.Walk(func(n *xmltree.Node) bool {
		if n.Local != "data_file" {
			return true
		}
		if i, ok := p.dataFile(n, number); ok {
			ep.Files = append(ep.Files, i)
		}
		return false
	})
	if number > 0 {
		if prev := p.D.Episode(number); prev != nil {
			p.Bad(delivery.RuleManifestInvalid, v.Line, "episode %d is already declared at line %d", number, prev.Line)
		} else {
			p.D.Episodes = append(p.D.Episodes, ep)
		}
	}
}

func (p *parser) dataFile(n *xmltree.Node, episode int) (int, bool) {
	fn := n.Child("file_name")
	if fn == nil || fn.Value() == "" {
		p.Bad(delivery.RuleManifestInvalid, n.Line, "data_file without <file_name>")
		return 0, false
	}
	rel, ok := p.Resolve(fn.Line, fn.Value(), fn.Value())
	if !ok {
		return 0, false
	}
	role := strings.TrimSpace(n.AttrValue("role"))
	f := delivery.File{Path: rel, Kind: kindOf(role), Format: role, Hashes: map[string]string{},
		Manifest: p.Name, Line: n.Line, Episode: episode}
	f.Language = n.Child("locale").AttrValue("name")
	f.Size = p.Size(n.Child("size"))
	for _, c := range n.Children("checksum") {
		typ := c.AttrValue("type")
		if typ == "" {
			typ = "md5" // Apple's specs only define MD5
		}
		p.Digest(f.Hashes, c, typ, "checksum type", "checksum")
	}
	return p.D.AddFile(f), true
}
