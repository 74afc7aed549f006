// Package mmc reads a MovieLabs Media Manifest Core (MMC) delivery
// manifest into the delivery model. MMC lists each track (Video, Audio,
// Subtitle, Image, Metadata) with its container location, size and hash;
// the episode number is not in the manifest but in the Media
// Entertainment Core (MEC) metadata file it references.
package mmc

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/internal/xmlmanifest"
	"github.com/exportqc/exportqc/qc/delivery/internal/xmltree"
)

// NamespacePrefix starts every MMC manifest namespace (v1.x).
const NamespacePrefix = "http://www.movielabs.com/schema/manifest/"

// subtitleKinds maps md:Type of a Subtitle track (vocabulary
// vocab_digAsset, case-sensitive) to file kinds.
var subtitleKinds = map[string]string{
	"normal": delivery.Subtitles, "large": delivery.Subtitles, "easyreader": delivery.Subtitles,
	"noforced": delivery.Subtitles, "samelanguage": delivery.Subtitles, "singalong": delivery.Subtitles,
	"commentary": delivery.Subtitles, "SDH": delivery.SDH, "forced": delivery.Forced,
	"script": delivery.Other, "template": delivery.Other, "other": delivery.Other,
}

// IsManifest reports whether an XML document is an MMC manifest.
func IsManifest(n *xmltree.Node) bool {
	return n != nil && n.Local == "MediaManifest" && strings.HasPrefix(n.Space, NamespacePrefix)
}

// Read reads the MMC manifest at path (absolute or relative to the
// working directory) for the delivery folder root. Container locations
// are relative to the manifest's folder. The error is for I/O only.
func Read(root, manifestPath string) (*delivery.Delivery, error) {
	src, err := delivery.ReadFile(manifestPath)
	if err != nil {
		return nil, err
	}
	rel := delivery.RelToRoot(root, manifestPath)
	return Parse(src, root, rel, func(p string) ([]byte, error) {
		return delivery.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
	}), nil
}

// Parse reads MMC bytes. name is the manifest path relative to root;
// readMEC loads a referenced MEC file by its root-relative path (nil: do
// not follow references).
func Parse(src []byte, root, name string, readMEC func(string) ([]byte, error)) *delivery.Delivery {
	d := &delivery.Delivery{Root: root, Kind: delivery.KindMMC, Manifests: []string{name}}
	p := &parser{Reader: xmlmanifest.New(d, name), readMEC: readMEC, tracks: map[string][]int{}, epOf: map[string]int{}}
	p.parse(src)
	d.Finish()
	d.SetEpisodeVideos()
	return d
}

type parser struct {
	xmlmanifest.Reader
	readMEC func(string) ([]byte, error)
	tracks  map[string][]int // track ID → file indexes
	epOf    map[string]int   // manifest ContentID → episode number
	eps     []*delivery.Episode
}

func (p *parser) parse(src []byte) {
	root := p.ParseXML(src)
	if root == nil {
		return
	}
	if !IsManifest(root) {
		p.Bad(delivery.RuleManifestInvalid, root.Line, "root element is <%s> in %q, not an MMC <MediaManifest>", root.Local, root.Space)
		return
	}
	inv := root.Child("Inventory")
	if inv == nil {
		p.Bad(delivery.RuleManifestInvalid, root.Line, "manifest has no <Inventory>")
		return
	}
	for _, n := range inv.Kids {
		switch n.Local {
		case "Video", "Audio", "Subtitle", "Image", "Ancillary":
			p.track(n)
		case "Metadata":
			p.metadata(n)
		}
	}
	p.assignEpisodes(root)
}

// location turns a ContainerLocation into a root-relative path.
// Locations are relative to the manifest ("./resources/x.scc"), may be
// file: URLs, and are often wrapped across lines in real files.
func (p *parser) location(loc *xmltree.Node) (string, bool) {
	raw := loc.Value()
	v := strings.TrimPrefix(raw, "file://")
	v = strings.TrimPrefix(v, "file:")
	if strings.Contains(v, "://") {
		p.Bad(delivery.RuleManifestInvalid, loc.Line, "container location %q is a URL, not a file in the delivery", raw)
		return "", false
	}
	return p.Resolve(loc.Line, v, raw)
}

func (p *parser) track(n *xmltree.Node) {
	ref := n.Child("ContainerReference")
	loc := ref.Child("ContainerLocation")
	id := strings.TrimSpace(n.AttrValue(n.Local + "TrackID"))
	if id == "" {
		id = strings.TrimSpace(n.AttrValue(n.Local + "ID")) // ImageID
	}
	if loc == nil || loc.Value() == "" {
		if n.Local != "Image" { // artwork is often delivered separately
			p.Bad(delivery.RuleManifestInvalid, n.Line, "%s track %s has no ContainerReference/ContainerLocation", n.Local, id)
		}
		return
	}
	rel, ok := p.location(loc)
	if !ok {
		return
	}
	f := delivery.File{Path: rel, Hashes: map[string]string{}, Manifest: p.Name, Line: n.Line, ID: id}
	typ := n.Child("Type")
	switch n.Local {
	case "Video":
		f.Kind = delivery.Video
	case "Audio":
		f.Kind = delivery.Audio
	case "Subtitle":
		k, known := subtitleKinds[typ.Value()]
		if !known {
			line := n.Line
			if typ != nil {
				line = typ.Line
			}
			p.Bad(delivery.RuleManifestInvalid, line, "subtitle md:Type %q is not in the MovieLabs vocabulary (normal, SDH, forced, …; case matters)", typ.Value())
			k = delivery.Subtitles
		}
		f.Kind = k
		// Closed captions are subtitles whose format is a caption format.
		if ft := n.Child("FormatType").Value(); strings.EqualFold(ft, "SCC") || strings.HasPrefix(strings.ToUpper(ft), "CEA") {
			if f.Kind == delivery.Subtitles {
				f.Kind = delivery.Captions
			}
		}
	default:
		f.Kind = delivery.Other
	}
	f.Language = n.Child("Language").Value()
	f.Format = n.Child("FormatType").Value()
	f.Size = p.Size(ref.Child("Length"))
	for _, h := range ref.Children("Hash") {
		method := h.AttrValue("method")
		p.Digest(f.Hashes, h, method, "hash method", method+" hash")
	}
	i := p.D.AddFile(f)
	if id != "" {
		p.tracks[id] = append(p.tracks[id], i)
	}
}

// metadata reads a Metadata inventory item: the MEC file it references
// (or inline BasicMetadata) gives work type, episode number and title.
func (p *parser) metadata(n *xmltree.Node) {
	contentID := strings.TrimSpace(n.AttrValue("ContentID"))
	basic := n.Find("BasicMetadata")
	if loc := n.Path("ContainerReference", "ContainerLocation"); loc != nil && loc.Value() != "" {
		rel, ok := p.location(loc)
		if !ok {
			return
		}
		p.D.AddFile(delivery.File{Path: rel, Kind: delivery.Other, Size: -1, Hashes: map[string]string{},
			Manifest: p.Name, Line: n.Line, ID: contentID, Format: "MEC"})
		if p.readMEC == nil {
			return
		}
		src, err := p.readMEC(rel)
		if err != nil {
			return // missing: the file-missing rule reports it
		}
		mec, err := xmltree.Parse(src)
		if err != nil {
			p.D.Problemf(delivery.RuleManifestInvalid, rel, xmltree.ErrorLine(err), "malformed MEC XML: "+err.Error())
		}
		p.D.Manifests = append(p.D.Manifests, rel)
		basic = mec.Find("Basic")
		p.work(basic, contentID, rel)
		return
	}
	if basic != nil {
		p.work(basic, contentID, p.Name)
	}
}

// work records what a MEC Basic (or inline BasicMetadata) says.
func (p *parser) work(basic *xmltree.Node, contentID, file string) {
	if basic == nil {
		return
	}
	wt := basic.Child("WorkType").Value()
	numNode := basic.Path("SequenceInfo", "Number")
	num, err := strconv.Atoi(numNode.Value())
	if numNode != nil && (err != nil || num < 0) {
		p.D.Problemf(delivery.RuleManifestInvalid, file, numNode.Line, fmt.Sprintf("SequenceInfo/Number %q is not a whole number", numNode.Value()))
		return
	}
	title := ""
	for _, li := range basic.Children("LocalizedInfo") {
		t := li.Child("TitleDisplayUnlimited").Value()
		if title == "" || li.AttrValue("default") == "true" {
			title = t
		}
	}
	switch strings.ToLower(wt) {
	case "episode":
		if numNode == nil {
			return
		}
		p.epOf[contentID] = num
		p.eps = append(p.eps, &delivery.Episode{Number: num, Title: title, Manifest: file, Line: basic.Line})
	case "season":
		if numNode != nil {
			p.D.Season = num
		}
		if p.D.Title == "" {
			p.D.Title = title
		}
	case "series", "movie", "short":
		if p.D.Title == "" || strings.ToLower(wt) == "series" {
			p.D.Title = title
		}
	}
}

// assignEpisodes gives each track its episode: through the Experience
// whose Audiovisual ContentID names the episode's metadata and whose
// presentation lists the track, or, when the manifest describes a single
// episode, directly.
func (p *parser) assignEpisodes(root *xmltree.Node) {
	if len(p.eps) == 0 {
		return
	}
	pres := map[string][]string{} // PresentationID → track IDs
	for _, pr := range root.Path("Presentations").Children("Presentation") {
		id := strings.TrimSpace(pr.AttrValue("PresentationID"))
		pr.Walk(func(n *xmltree.Node) bool {
			if strings.HasSuffix(n.Local, "TrackID") && n.Local != "TrackID" {
				pres[id] = append(pres[id], n.Value())
			}
			return true
		})
	}
	byNum := map[int]*delivery.Episode{}
	for _, ep := range p.eps {
		if byNum[ep.Number] == nil {
			byNum[ep.Number] = ep
		}
	}
	assign := func(i int, num int) {
		f := &p.D.Files[i]
		if f.Episode != 0 {
			return
		}
		f.Episode = num
		ep := byNum[num]
		ep.Files = append(ep.Files, i)
	}
	for _, ex := range root.Path("Experiences").Children("Experience") {
		for _, av := range ex.Children("Audiovisual") {
			num, ok := p.epOf[strings.TrimSpace(av.AttrValue("ContentID"))]
			if !ok {
				continue
			}
			for _, pid := range av.Children("PresentationID") {
				for _, tid := range pres[pid.Value()] {
					for _, i := range p.tracks[tid] {
						assign(i, num)
					}
				}
			}
		}
	}
	if len(byNum) == 1 {
		for num := range byNum {
			for i := range p.D.Files {
				if p.D.Files[i].Kind != delivery.Other {
					assign(i, num)
				}
			}
		}
	}
	for _, ep := range p.eps {
		if byNum[ep.Number] == ep {
			p.D.Episodes = append(p.D.Episodes, *ep)
		}
	}
}
