// Package delivery is the one model every delivery reader produces (native
// YAML/JSON manifest, IMF IMP, MovieLabs MMC, iTunes metadata.xml, checksum
// sidecars, file-name inference) and every delivery rule (qc/deliverycheck) reads.
//
// Readers never touch the delivered files themselves: they say what the
// manifest declares (paths, kinds, languages, hashes, sizes, episodes) and
// record what is wrong with the manifest as Problems. Checking the declared
// against the disk is the rules' job.
package delivery

import (
	"sort"

	"github.com/exportqc/exportqc/qc/cue"
)

// Kinds of delivery, by the manifest that described it.
const (
	KindNative   = "native"   // our YAML/JSON manifest
	KindIMF      = "imf"      // SMPTE ST 2067 IMP (ASSETMAP/PKL/CPL)
	KindMMC      = "mmc"      // MovieLabs Media Manifest Core
	KindITunes   = "itunes"   // Apple iTunes Store package metadata.xml
	KindSums     = "sums"     // checksum sidecars only (md5sum & co, ASC MHL)
	KindInferred = "inferred" // no manifest: read from file names
)

// File kinds. Subtitles is the full translation subtitle, SDH the
// subtitles for the deaf and hard of hearing, Forced the forced narrative
// (signs and foreign dialogue only), Captions the broadcast closed captions
// (CEA-608/708, SCC). Other covers everything QC does not classify (CPLs,
// artwork, metadata).
const (
	Subtitles = "subtitles"
	SDH       = "sdh"
	Forced    = "forced"
	Captions  = "captions"
	Audio     = "audio"
	Video     = "video"
	Other     = "other"
)

// FileKinds lists the kinds in schema order (the native manifest's enum).
var FileKinds = []string{Subtitles, SDH, Forced, Captions, Audio, Video, Other}

// IsText reports whether files of kind k are timed text the subtitle
// readers can open.
func IsText(k string) bool {
	return k == Subtitles || k == SDH || k == Forced || k == Captions
}

// Rule codes readers use for Problems. D001–D008 come from rules that
// compare the model with the disk; readers raise D009–D011 themselves, and
// D002 when a manifest references a file it gives no path for.
const (
	RuleFileMissing     = "D002" // file-missing (IMF: PKL/CPL asset with no ASSETMAP path)
	RuleManifestInvalid = "D009" // manifest-invalid
	RuleUnknownHash     = "D010" // unknown-hash-algorithm
	RulePathEscapes     = "D011" // path-escapes-root
)

// Delivery is everything the manifest(s) of one delivery folder declare.
type Delivery struct {
	Root      string   // delivery folder, as given
	Manifests []string // manifest files read, slash-separated, relative to Root
	Kind      string   // KindNative, KindIMF, ...
	Title     string
	Season    int // 0 if not episodic or unknown
	// EpisodeCount is the number of episodes the delivery should hold when
	// the manifest says so (native episode_count); 0 if unknown.
	EpisodeCount int
	Territories  []string
	FrameRate    cue.FrameRate // programme frame rate, zero if undeclared
	Episodes     []Episode     // sorted by Number
	// Files lists every file the manifest(s) declare, in manifest order,
	// episode files included. A path may appear more than once when a
	// manifest declares several tracks in one container (MMC, IMF): use
	// Paths for the distinct set.
	Files    []File
	Problems []Problem
}

// Episode is one episode (IMF: one CPL).
type Episode struct {
	Number    int
	Title     string
	Duration  cue.Time // 0 if unknown
	FrameRate cue.FrameRate
	Files     []int // indexes into Delivery.Files
	// ShotChanges is the episode's shot-change list (shot_changes:), a
	// cleaned path relative to Root; "" when the manifest names none.
	ShotChanges string
	// Video is the picture the episode's subtitles are timed to, a cleaned
	// path relative to Root, for detecting its shot changes: video: in the
	// native manifest; an IMF CPL's main image track file when the
	// composition plays that one file whole from its start; the one video
	// file an MMC or iTunes manifest lists for the episode. "" otherwise.
	Video    string
	Manifest string // where it was declared
	Line     int
}

// File is one declared file.
type File struct {
	Path string // slash-separated, relative to Root, cleaned; never escapes Root
	Kind string // Subtitles, SDH, ...
	// Language is the tag as the manifest wrote it; LanguageTag is its
	// canonical BCP-47 form (golang.org/x/text/language), empty when
	// Language is empty or not a well-formed tag.
	Language    string
	LanguageTag string
	Episode     int               // 0 if not episodic
	Hashes      map[string]string // algorithm (hashing.MD5, ...) → lower-case hex
	Size        int64             // -1 unknown
	Format      string            // declared format, if any (CPL essence, iTunes role, MMC FormatType)
	Manifest    string            // manifest file (relative to Root) that declared it
	Line        int               // 1-based line of the declaration, 0 if unknown
	ID          string            // IMF asset UUID, MMC track ID, ...
}

// Problem is something wrong with a manifest itself. The integrator turns
// each into a finding of rule Rule at File:Line.
type Problem struct {
	Rule    string
	File    string // manifest path, relative to Root
	Line    int
	Message string
	// Asset is the asset a RuleFileMissing problem is about when the
	// manifest names it by ID alone (an IMF CPL's track file that no
	// ASSETMAP of the package lists): another package read in the same run
	// (the OV of a supplemental) may hold it, which resolves the problem.
	Asset string
}

// Problemf is a convenience for readers.
func (d *Delivery) Problemf(rule, file string, line int, msg string) {
	d.Problems = append(d.Problems, Problem{Rule: rule, File: file, Line: line, Message: msg})
}

// AddFile appends f and returns its index.
func (d *Delivery) AddFile(f File) int {
	d.Files = append(d.Files, f)
	return len(d.Files) - 1
}

// Paths returns the distinct declared paths in first-declaration order.
func (d *Delivery) Paths() []string {
	seen := make(map[string]bool, len(d.Files))
	out := make([]string, 0, len(d.Files))
	for i := range d.Files {
		p := d.Files[i].Path
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// Episode returns the episode numbered n, or nil.
func (d *Delivery) Episode(n int) *Episode {
	for i := range d.Episodes {
		if d.Episodes[i].Number == n {
			return &d.Episodes[i]
		}
	}
	return nil
}

// Finish puts the model in its documented shape: episodes sorted by
// number, canonical language tags filled in. Every reader calls it last.
func (d *Delivery) Finish() {
	sort.SliceStable(d.Episodes, func(i, j int) bool { return d.Episodes[i].Number < d.Episodes[j].Number })
	for i := range d.Files {
		f := &d.Files[i]
		if f.LanguageTag == "" && f.Language != "" {
			f.LanguageTag, _ = CanonicalLanguage(f.Language)
		}
		if f.Hashes == nil {
			f.Hashes = map[string]string{}
		}
	}
}

// SetEpisodeVideos gives each episode without a video the one file of kind
// Video the manifest lists for it, when there is exactly one (two could be
// a textless and a texted picture, and guessing would time against the
// wrong cuts).
func (d *Delivery) SetEpisodeVideos() {
	for i := range d.Episodes {
		ep := &d.Episodes[i]
		if ep.Video != "" {
			continue
		}
		found := map[string]bool{}
		for _, f := range d.Files {
			if f.Episode == ep.Number && f.Kind == Video {
				found[f.Path] = true
			}
		}
		if len(found) == 1 {
			for p := range found {
				ep.Video = p
			}
		}
	}
}
