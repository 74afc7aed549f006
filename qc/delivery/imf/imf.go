// Package imf reads an IMF Interoperable Master Package (SMPTE ST 2067)
// into the delivery model: ASSETMAP (ST 429-9) for paths, packing lists
// (ST 429-8 / ST 2067-2) for sizes and SHA-1 hashes, composition
// playlists (ST 2067-3) for kinds, languages, edit rates and durations.
//
// Everything is joined by asset UUID, never by file name: IMF file names
// are free-form. Several IMPs in one folder (an OV and its supplementals)
// are read together, so a supplemental CPL can reference the OV's track
// files. MXF headers are not parsed: the CPL's essence descriptors
// already carry what QC needs.
package imf

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
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

// Namespaces the reader knows. Elements are matched by local name (IMF
// tools use every prefix under the sun); an unknown root namespace is a
// D009 problem but the document is still read.
var (
	assetMapNS = []string{
		"http://www.smpte-ra.org/schemas/429-9/2007/AM",
		"http://www.digicine.com/PROTO-ASDCP-AM-20040311#",
	}
	pklNS = []string{
		"http://www.smpte-ra.org/schemas/429-8/2007/PKL",
		"http://www.smpte-ra.org/schemas/2067-2/2016/PKL",
		"http://www.digicine.com/PROTO-ASDCP-PKL-20040311#",
	}
	cplNS = []string{
		"http://www.smpte-ra.org/schemas/2067-3/2013",
		"http://www.smpte-ra.org/schemas/2067-3/2016",
		"http://www.smpte-ra.org/ns/2067-3/2020",
	}
)

// sequenceKinds maps CPL virtual track sequences to file kinds. The
// HearingImpairedCaptionsSequence carries SDH/closed-caption text;
// MainSubtitleSequence is the pre-standard (D-Cinema) name still seen in
// 2015-era CPLs.
var sequenceKinds = map[string]string{
	"MainImageSequence":               delivery.Video,
	"MainAudioSequence":               delivery.Audio,
	"IABSequence":                     delivery.Audio,
	"CommentarySequence":              delivery.Audio,
	"SubtitlesSequence":               delivery.Subtitles,
	"MainSubtitleSequence":            delivery.Subtitles,
	"HearingImpairedCaptionsSequence": delivery.SDH,
	"ForcedNarrativeSequence":         delivery.Forced,
	"VisuallyImpairedTextSequence":    delivery.Other,
	"KaraokeSequence":                 delivery.Other,
	"MarkerSequence":                  delivery.Other,
	"ISXDSequence":                    delivery.Other,
}

// maxScanDepth bounds the search for ASSETMAPs below the root: IMPs sit
// at the root or one or two folders down (OV/, SUPP_1/).
const maxScanDepth = 3

// FindAssetMaps returns the ASSETMAP files under root (slash-separated,
// relative to root), sorted so the reading order is stable.
func FindAssetMaps(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil // unreadable subfolder: the walker reports it
		}
		rel, _ := filepath.Rel(root, p)
		if de.IsDir() {
			if p != root && (strings.HasPrefix(de.Name(), ".") || strings.Count(filepath.ToSlash(rel), "/") >= maxScanDepth) {
				return filepath.SkipDir
			}
			return nil
		}
		if de.Name() == "ASSETMAP.xml" || de.Name() == "ASSETMAP" {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// Read reads every IMP under root. The error is for an unreadable root or
// a folder without any ASSETMAP; defects inside the package are Problems.
func Read(root string) (*delivery.Delivery, error) {
	maps, err := FindAssetMaps(root)
	if err != nil {
		return nil, err
	}
	if len(maps) == 0 {
		return nil, fmt.Errorf("%s: no ASSETMAP.xml found", root)
	}
	r := &reader{
		d:    &delivery.Delivery{Root: root, Kind: delivery.KindIMF},
		root: root,
		byID: map[string][]int{},
	}
	for _, am := range maps {
		r.assetMap(am)
	}
	for _, pkl := range r.pkls {
		r.packingList(pkl)
	}
	for _, cpl := range r.cpls {
		r.composition(cpl)
	}
	r.finish()
	r.d.Finish()
	return r.d, nil
}

type reader struct {
	d    *delivery.Delivery
	root string
	byID map[string][]int // asset UUID → indexes in d.Files
	pkls []string         // packing lists to read, relative to root
	cpls []cplRef
	eps  []*delivery.Episode
}

type cplRef struct {
	path string
	node *xmltree.Node
}

func (r *reader) bad(rule, file string, line int, format string, args ...any) {
	r.d.Problemf(rule, file, line, fmt.Sprintf(format, args...))
}

// load reads and parses an XML document of the package; a parse error is
// a D009 problem and the partial tree is returned.
func (r *reader) load(rel string) *xmltree.Node {
	src, err := delivery.ReadFile(filepath.Join(r.root, filepath.FromSlash(rel)))
	if err != nil {
		if os.IsNotExist(err) {
			return nil // the file-missing rule reports it
		}
		r.bad(delivery.RuleManifestInvalid, rel, 0, "cannot read: %v", err)
		return nil
	}
	n, err := xmltree.Parse(src)
	if err != nil {
		line := 0
		if xe, ok := err.(*xmltree.Error); ok {
			line = xe.Line
		}
		r.bad(delivery.RuleManifestInvalid, rel, line, "malformed XML: %v", err)
	}
	return n
}

func checkNS(r *reader, n *xmltree.Node, rel, what string, known []string) {
	for _, ns := range known {
		if n.Space == ns {
			return
		}
	}
	r.bad(delivery.RuleManifestInvalid, rel, n.Line, "%s namespace %q is not one this reader knows; reading it anyway", what, n.Space)
}

// normID lower-cases a UUID URN so "urn:uuid:ABC…" and "urn:uuid:abc…" join.
func normID(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func (r *reader) assetMap(rel string) {
	n := r.load(rel)
	if n == nil {
		return
	}
	r.d.Manifests = append(r.d.Manifests, rel)
	dir := path.Dir(rel)
	// VOLINDEX sits beside the ASSETMAP and is part of the package
	// structure, not an asset: record it so it is not "unlisted".
	for _, vi := range []string{"VOLINDEX.xml", "VOLINDEX"} {
		p := path.Join(dir, vi)
		if st, err := os.Stat(filepath.Join(r.root, filepath.FromSlash(p))); err == nil && st.Mode().IsRegular() {
			r.d.Manifests = append(r.d.Manifests, p)
		}
	}
	if n.Local != "AssetMap" {
		r.bad(delivery.RuleManifestInvalid, rel, n.Line, "root element is <%s>, not <AssetMap>", n.Local)
		return
	}
	checkNS(r, n, rel, "ASSETMAP", assetMapNS)
	for _, a := range n.Path("AssetList").Children("Asset") {
		if !a.Closed {
			continue
		}
		id := normID(a.Child("Id").Value())
		if id == "" {
			r.bad(delivery.RuleManifestInvalid, rel, a.Line, "asset without an <Id>")
			continue
		}
		chunk := a.Path("ChunkList", "Chunk", "Path")
		if chunk == nil || chunk.Value() == "" {
			r.bad(delivery.RuleManifestInvalid, rel, a.Line, "asset %s has no <ChunkList><Chunk><Path>", id)
			continue
		}
		p, ok := r.d.CheckPath(rel, chunk.Line, chunk.Value())
		if !ok {
			continue
		}
		if dir != "." {
			p = path.Join(dir, p)
			// Re-check: the IMP folder plus "../x" could still leave root.
			if _, err := delivery.CleanPath(p); err != nil {
				r.bad(delivery.RulePathEscapes, rel, chunk.Line, "path %q not followed: leaves the delivery root", chunk.Value())
				continue
			}
		}
		f := delivery.File{Path: p, Kind: delivery.Other, Size: -1, Hashes: map[string]string{},
			Manifest: rel, Line: a.Line, ID: id}
		r.byID[id] = append(r.byID[id], r.d.AddFile(f))
		lower := strings.ToLower(p)
		switch {
		case strings.EqualFold(a.Child("PackingList").Value(), "true"):
			r.pkls = append(r.pkls, p)
		case strings.HasSuffix(lower, ".xml"):
			// Only the document itself says whether it is a CPL (an
			// OPL or sidecar XML is also listed).
			if doc := r.loadQuiet(p); doc != nil && doc.Local == "CompositionPlaylist" {
				r.cpls = append(r.cpls, cplRef{path: p, node: doc})
			}
		}
	}
}

// loadQuiet parses an XML asset without reporting: used to sniff whether
// an ASSETMAP entry is a CPL. Broken CPLs are re-read through load.
func (r *reader) loadQuiet(rel string) *xmltree.Node {
	src, err := delivery.ReadFile(filepath.Join(r.root, filepath.FromSlash(rel)))
	if err != nil {
		return nil
	}
	n, err := xmltree.Parse(src)
	if err != nil && n != nil && n.Local == "CompositionPlaylist" {
		r.load(rel) // report the syntax error with its line
	}
	return n
}

func (r *reader) packingList(rel string) {
	n := r.load(rel)
	if n == nil {
		return
	}
	r.d.Manifests = append(r.d.Manifests, rel)
	if n.Local != "PackingList" {
		r.bad(delivery.RuleManifestInvalid, rel, n.Line, "root element is <%s>, not <PackingList>", n.Local)
		return
	}
	checkNS(r, n, rel, "packing list", pklNS)
	for _, a := range n.Path("AssetList").Children("Asset") {
		if !a.Closed {
			continue // cut short by a syntax error, already reported
		}
		id := normID(a.Child("Id").Value())
		if id == "" {
			r.bad(delivery.RuleManifestInvalid, rel, a.Line, "asset without an <Id>")
			continue
		}
		idx, listed := r.byID[id]
		if !listed {
			name := a.Child("OriginalFileName").Value()
			if name == "" {
				name = a.Child("AnnotationText").Value()
			}
			r.bad(delivery.RuleFileMissing, rel, a.Line, "packing list asset %s (%s) has no path in any ASSETMAP", id, name)
			continue
		}
		size := int64(-1)
		if s := a.Child("Size"); s != nil {
			v, err := strconv.ParseInt(s.Value(), 10, 64)
			if err != nil || v < 0 {
				r.bad(delivery.RuleManifestInvalid, rel, s.Line, "asset %s: <Size> %q is not a byte count", id, s.Value())
			} else {
				size = v
			}
		}
		algo, hexSum := r.pklHash(rel, id, a)
		typ := a.Child("Type").Value()
		for _, i := range idx {
			f := &r.d.Files[i]
			if size >= 0 {
				f.Size = size
			}
			if hexSum != "" {
				f.Hashes[algo] = hexSum
			}
			if f.Format == "" {
				f.Format = typ
			}
			// The declaration that matters for hash and size is the
			// packing list's.
			f.Manifest, f.Line = rel, a.Line
		}
	}
}

// pklHash decodes <Hash> (base64 digest) under <HashAlgorithm>; ST 429-8
// packing lists have no HashAlgorithm and mean SHA-1.
func (r *reader) pklHash(rel, id string, a *xmltree.Node) (string, string) {
	h := a.Child("Hash")
	if h == nil {
		r.bad(delivery.RuleManifestInvalid, rel, a.Line, "asset %s has no <Hash>", id)
		return "", ""
	}
	algo := hashing.SHA1
	if ha := a.Child("HashAlgorithm"); ha != nil {
		uri := ha.AttrValue("Algorithm")
		known, ok := hashing.Normalize(uri)
		if !ok {
			r.bad(delivery.RuleUnknownHash, rel, ha.Line, "asset %s: hash algorithm %q cannot be verified (supported: %s)", id, uri, strings.Join(hashing.Supported, ", "))
			return "", ""
		}
		algo = known
	}
	raw, err := base64.StdEncoding.DecodeString(h.Value())
	sum := hex.EncodeToString(raw)
	if err != nil || !hashing.ValidHex(algo, sum) {
		r.bad(delivery.RuleManifestInvalid, rel, h.Line, "asset %s: <Hash> %q is not a base64 %s digest", id, h.Value(), algo)
		return "", ""
	}
	return algo, sum
}

// Word boundaries by hand: "_" counts as a word character for \b, and
// LONG_RIVER_S01E03 is the commonest spelling.
var episodeRE = []lazyre.Regexp{
	lazyre.New(`(?i)(?:^|[^a-z0-9])s(\d{1,3})[ ._-]?e(\d{1,4})(?:$|[^0-9])`),
	lazyre.New(`(?i)(?:^|[^a-z0-9])(?:episode|ep)[ ._#-]*(\d{1,4})(?:$|[^0-9])`),
}

// episodeFromTitle finds an episode number (and season, 0 if none) in a
// CPL ContentTitle: IMF has no episode field, but titles like
// "LONG_RIVER_S01E03" or "The Long River Episode 3" are the convention.
func episodeFromTitle(title string) (season, episode int, rest string) {
	if m := episodeRE[0]().FindStringSubmatchIndex(title); m != nil {
		season, _ = strconv.Atoi(title[m[2]:m[3]])
		episode, _ = strconv.Atoi(title[m[4]:m[5]])
		return season, episode, title[:m[2]-1] + title[m[5]:]
	}
	if m := episodeRE[1]().FindStringSubmatchIndex(title); m != nil {
		episode, _ = strconv.Atoi(title[m[2]:m[3]])
		return 0, episode, title[:m[0]] + title[m[3]:]
	}
	return 0, 0, title
}

// parseRate reads an IMF rational "24000 1001".
func parseRate(s string) (cue.FrameRate, bool) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return cue.FrameRate{}, false
	}
	num, err1 := strconv.ParseInt(f[0], 10, 64)
	den, err2 := strconv.ParseInt(f[1], 10, 64)
	if err1 != nil || err2 != nil || num <= 0 || den <= 0 || num > 1<<31 || den > 1<<31 {
		return cue.FrameRate{}, false
	}
	return cue.FrameRate{Num: num, Den: den}, true
}

type descriptor struct {
	lang   string
	format string // timed text profile (NamespaceURI)
}

func descriptors(cpl *xmltree.Node) map[string]descriptor {
	out := map[string]descriptor{}
	for _, ed := range cpl.Path("EssenceDescriptorList").Children("EssenceDescriptor") {
		id := normID(ed.Child("Id").Value())
		var d descriptor
		// Timed text: RFC5646LanguageTagList holds one or more tags; the
		// first is the track's language. Audio: the soundfield group's
		// spoken language, or the older RFC5646AudioLanguageCode.
		var sg, ch, legacy string
		ed.Walk(func(n *xmltree.Node) bool {
			switch n.Local {
			case "RFC5646LanguageTagList":
				if f := strings.Fields(n.Value()); len(f) > 0 && d.lang == "" {
					d.lang = f[0]
				}
			case "NamespaceURI":
				if d.format == "" {
					d.format = n.Value()
				}
			case "SoundfieldGroupLabelSubDescriptor":
				if v := n.Child("RFC5646SpokenLanguage").Value(); v != "" && sg == "" {
					sg = v
				}
			case "RFC5646SpokenLanguage":
				if ch == "" {
					ch = n.Value()
				}
			case "RFC5646AudioLanguageCode":
				if legacy == "" {
					legacy = n.Value()
				}
			}
			return true
		})
		for _, l := range []string{sg, ch, legacy} {
			if d.lang == "" {
				d.lang = l
			}
		}
		out[id] = d
	}
	return out
}

func (r *reader) composition(ref cplRef) {
	rel, n := ref.path, ref.node
	r.d.Manifests = append(r.d.Manifests, rel)
	checkNS(r, n, rel, "composition playlist", cplNS)
	title := n.Child("ContentTitle").Value()
	ep := &delivery.Episode{Title: title, Manifest: rel, Line: n.Line}
	season, num, rest := episodeFromTitle(title)
	ep.Number = num
	if season > 0 && r.d.Season == 0 {
		r.d.Season = season
	}
	if r.d.Title == "" {
		r.d.Title = strings.Trim(rest, " _-.")
	}
	if er := n.Child("EditRate"); er != nil {
		// The composition's rate times its subtitles: within the rates a
		// picture has (cue.ParseFrameRate's bounds), which a resource's
		// audio rate (48000 1) need not be.
		if fr, ok := parseRate(er.Value()); !ok {
			r.bad(delivery.RuleManifestInvalid, rel, er.Line, "<EditRate> %q is not \"numerator denominator\"", er.Value())
		} else if pic, err := cue.ParseFrameRate(fr.String()); err != nil {
			r.bad(delivery.RuleManifestInvalid, rel, er.Line, "<EditRate> %q: %v", er.Value(), err)
		} else {
			ep.FrameRate = pic
		}
	} else {
		r.bad(delivery.RuleManifestInvalid, rel, n.Line, "composition has no <EditRate>")
	}
	if r.d.FrameRate.IsZero() {
		r.d.FrameRate = ep.FrameRate
	}
	descs := descriptors(n)
	inEpisode := map[int]bool{}
	missing := map[string]bool{}
	// Sequence durations summed over segments, by sequence type.
	durs := map[string]cue.Time{}
	firstSeq := ""
	var pictures []picture // the main image's resources, in playing order
	for _, seg := range n.Path("SegmentList").Children("Segment") {
		for _, seq := range seg.Path("SequenceList").Kids {
			kind, known := sequenceKinds[seq.Local]
			if !known {
				kind = delivery.Other
			}
			var dur cue.Time
			for _, res := range seq.Path("ResourceList").Children("Resource") {
				dur += r.resourceDuration(rel, res, ep.FrameRate)
				tf := res.Child("TrackFileId")
				if tf == nil {
					continue // a marker resource
				}
				id := normID(tf.Value())
				idx, ok := r.byID[id]
				if !ok {
					if !missing[id] {
						missing[id] = true
						r.d.Problems = append(r.d.Problems, delivery.Problem{Rule: delivery.RuleFileMissing, File: rel, Line: tf.Line, Asset: id,
							Message: fmt.Sprintf("%s references track file %s, which no ASSETMAP lists", seq.Local, id)})
					}
					continue
				}
				if seq.Local == "MainImageSequence" {
					pictures = append(pictures, picture{files: idx, whole: playsFromStart(res)})
				}
				desc := descs[normID(res.Child("SourceEncoding").Value())]
				for _, i := range idx {
					f := &r.d.Files[i]
					if f.Kind == delivery.Other {
						f.Kind = kind
					}
					if f.Language == "" {
						f.Language = desc.lang
					}
					if desc.format != "" && (f.Format == "" || f.Format == "application/mxf") {
						f.Format = desc.format
					}
					if !inEpisode[i] {
						inEpisode[i] = true
						ep.Files = append(ep.Files, i)
					}
				}
			}
			if firstSeq == "" {
				firstSeq = seq.Local
			}
			durs[seq.Local] += dur
		}
	}
	// The programme runs as long as its main image; a CPL without one
	// (audio-only, a timed-text supplemental) runs as long as its first
	// sequence.
	if d, ok := durs["MainImageSequence"]; ok {
		ep.Duration = d
	} else {
		ep.Duration = durs[firstSeq]
	}
	// The picture's cuts can be detected in its track file only when the
	// composition plays one file, once, from its first frame: otherwise
	// the file's times are not the programme's.
	if len(pictures) == 1 && pictures[0].whole && len(pictures[0].files) == 1 {
		ep.Video = r.d.Files[pictures[0].files[0]].Path
	}
	r.eps = append(r.eps, ep)
}

// picture is one resource of a CPL's main image sequence: the files its
// track file id names, and whether it plays from the file's first frame,
// once.
type picture struct {
	files []int
	whole bool
}

func playsFromStart(res *xmltree.Node) bool {
	zeroOrAbsent := func(name, want string) bool {
		c := res.Child(name)
		return c == nil || strings.TrimSpace(c.Value()) == want
	}
	return zeroOrAbsent("EntryPoint", "0") && zeroOrAbsent("RepeatCount", "1")
}

// resourceDuration is SourceDuration × RepeatCount in the resource's edit
// rate (the CPL's when it has none). SourceDuration defaults to
// IntrinsicDuration − EntryPoint (ST 2067-3).
func (r *reader) resourceDuration(rel string, res *xmltree.Node, cplRate cue.FrameRate) cue.Time {
	rate := cplRate
	if er := res.Child("EditRate"); er != nil {
		fr, ok := parseRate(er.Value())
		if !ok {
			r.bad(delivery.RuleManifestInvalid, rel, er.Line, "<EditRate> %q is not \"numerator denominator\"", er.Value())
			return 0
		}
		rate = fr
	}
	num := func(name string, def int64) (int64, bool) {
		c := res.Child(name)
		if c == nil {
			return def, true
		}
		v, err := strconv.ParseInt(c.Value(), 10, 64)
		if err != nil || v < 0 || v > 1<<40 {
			r.bad(delivery.RuleManifestInvalid, rel, c.Line, "<%s> %q is not a non-negative integer", name, c.Value())
			return 0, false
		}
		return v, true
	}
	intrinsic, ok1 := num("IntrinsicDuration", 0)
	entry, ok2 := num("EntryPoint", 0)
	src, ok3 := num("SourceDuration", -1)
	repeat, ok4 := num("RepeatCount", 1)
	if !(ok1 && ok2 && ok3 && ok4) || rate.IsZero() {
		return 0
	}
	if src < 0 {
		src = intrinsic - entry
		if src < 0 {
			src = 0
		}
	}
	return cue.FromRatio(src*repeat*rate.Den, rate.Num)
}

// finish numbers the episodes: a number found in the CPL title wins; the
// others take the next free numbers in reading order. CPLs that share a
// number (an OV and its textless supplemental) become one episode.
func (r *reader) finish() {
	used := map[int]*delivery.Episode{}
	var out []*delivery.Episode
	for _, ep := range r.eps {
		if ep.Number <= 0 {
			continue
		}
		if prev := used[ep.Number]; prev != nil {
			prev.Files = mergeIdx(prev.Files, ep.Files)
			continue
		}
		used[ep.Number] = ep
		out = append(out, ep)
	}
	next := 1
	for _, ep := range r.eps {
		if ep.Number > 0 {
			continue
		}
		for used[next] != nil {
			next++
		}
		ep.Number = next
		used[next] = ep
		out = append(out, ep)
	}
	for _, ep := range out {
		for _, i := range ep.Files {
			if r.d.Files[i].Episode == 0 {
				r.d.Files[i].Episode = ep.Number
			}
		}
		r.d.Episodes = append(r.d.Episodes, *ep)
	}
}

func mergeIdx(a, b []int) []int {
	seen := map[int]bool{}
	for _, i := range a {
		seen[i] = true
	}
	for _, i := range b {
		if !seen[i] {
			a = append(a, i)
			seen[i] = true
		}
	}
	return a
}
