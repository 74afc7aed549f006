// Package infer builds a delivery model from file names alone, for a
// folder delivered without any manifest: "Title_S01E03.fr-FR.srt",
// "Title.S01E03.pt-BR.vtt", "Title_S01E03_forced.ttml",
// "Title_S01E03.en.sdh.vtt". Patterns are Go regular expressions with
// named groups; a deployment adds its own house conventions with
// WithPatterns.
package infer

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/lang"
)

// DefaultPatterns match a file's base name. Named groups: title, season,
// episode, lang, kind, and tags (dot/underscore/space separated words
// after the episode that are sorted into language and kind).
var DefaultPatterns = []string{
	`(?i)^(?P<title>.+?)[._ -]+S(?P<season>\d{1,3})[._ -]?E(?P<episode>\d{1,4})(?P<tags>(?:[._ ][A-Za-z0-9-]+)*)\.[A-Za-z0-9]+$`,
	`(?i)^(?P<title>.+?)[._ -]+(?P<season>\d{1,2})x(?P<episode>\d{2,3})(?P<tags>(?:[._ ][A-Za-z0-9-]+)*)\.[A-Za-z0-9]+$`,
	`(?i)^(?P<title>.+?)[._ -]+(?:Ep|Episode)[._ -]?(?P<episode>\d{1,4})(?P<tags>(?:[._ ][A-Za-z0-9-]+)*)\.[A-Za-z0-9]+$`,
	// Films and anything else: tags are peeled off the end of the name.
	`^(?P<tags>.+)\.[A-Za-z0-9]+$`,
}

// Info is what one file name says.
type Info struct {
	Title    string
	Season   int
	Episode  int
	Language string // as written in the name ("fr-FR", "pt_BR")
	Tag      string // canonical BCP-47 ("pt-BR")
	Kind     string
}

// Inferer holds compiled patterns.
type Inferer struct {
	patterns []*regexp.Regexp
}

// Option configures an Inferer.
type Option func(*Inferer) error

// WithPatterns puts the given patterns before the defaults: a house
// convention is tried first, the defaults still catch the rest.
func WithPatterns(ps []string) Option {
	return func(in *Inferer) error {
		var compiled []*regexp.Regexp
		for _, p := range ps {
			re, err := regexp.Compile(p)
			if err != nil {
				return fmt.Errorf("file-name pattern %q: %w", p, err)
			}
			known := map[string]bool{"": true, "title": true, "season": true, "episode": true, "lang": true, "kind": true, "tags": true}
			for _, n := range re.SubexpNames() {
				if !known[n] {
					return fmt.Errorf("file-name pattern %q: unknown group %q (use title, season, episode, lang, kind, tags)", p, n)
				}
			}
			compiled = append(compiled, re)
		}
		in.patterns = append(compiled, in.patterns...)
		return nil
	}
}

// defaultCompiled compiles DefaultPatterns once per process: a run over
// ten thousand deliveries opens an Inferer for each, and compiling them
// every time was a quarter of planning. A compiled Regexp is safe for
// concurrent use, so every Inferer shares these.
var defaultCompiled = sync.OnceValue(func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(DefaultPatterns))
	for i, p := range DefaultPatterns {
		out[i] = regexp.MustCompile(p)
	}
	return out
})

// New applies opts to the default patterns (compiled once per process).
func New(opts ...Option) (*Inferer, error) {
	// Clipped: WithPatterns builds a new slice, never writes into the
	// shared one.
	in := &Inferer{patterns: slices.Clip(defaultCompiled())}
	for _, o := range opts {
		if err := o(in); err != nil {
			return nil, err
		}
	}
	return in, nil
}

// Name reads one file name (its base name; folders are ignored). The
// language and kind words are read by lang.ParseFileName, as check reads
// them: a language right before the extension or the kind words, and the
// one list of kind words (sdh, hoh, forced, cc, ...).
func (in *Inferer) Name(rel string) Info {
	base := path.Base(filepath.ToSlash(rel))
	info := Info{Kind: delivery.KindFromExt(base)}
	setKind := func(k string) {
		// A kind word refines what the extension says, never into "full
		// subtitles" (a caption file named "full" stays captions).
		if k != "" && k != lang.KindSubtitles && (info.Kind == delivery.Subtitles || info.Kind == delivery.Other || info.Kind == delivery.Captions) {
			info.Kind = k
		}
	}
	name := lang.ParseFileName(base)
	for _, re := range in.patterns {
		m := re.FindStringSubmatch(base)
		if m == nil {
			continue
		}
		film, house := true, false
		for i, group := range re.SubexpNames() {
			v := m[i]
			switch group {
			case "title":
				info.Title = strings.TrimSpace(strings.NewReplacer("_", " ", ".", " ").Replace(v))
			case "season":
				info.Season, _ = strconv.Atoi(v)
			case "episode":
				info.Episode, _ = strconv.Atoi(v)
				film = false
			case "lang":
				// A house pattern says where its language is: any valid tag.
				if t, ok := lang.Normalize(v); ok {
					info.Language, info.Tag = v, t
				}
				house = true
			case "kind":
				if k, ok := lang.KindOf(v); ok {
					setKind(k)
				}
				house = true
			}
		}
		if !house {
			info.Language, info.Tag = name.Written, name.Tag
			setKind(name.Kind)
		}
		if film && info.Title == "" {
			// Films: what precedes the language and kind words is the title.
			info.Title = strings.TrimSpace(strings.NewReplacer("_", " ", ".", " ").Replace(name.Stem))
		}
		return info
	}
	return info
}

// Read walks root and returns the files whose kind QC knows (subtitles,
// captions, audio, video), with what their names say. Hidden folders and
// ascmhl/ are skipped. Files whose name gives an episode form episodes;
// the title and season are those most files agree on.
func (in *Inferer) Read(root string) (*delivery.Delivery, error) {
	d := &delivery.Delivery{Root: root, Kind: delivery.KindInferred}
	var rels []string
	err := filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil
		}
		if de.IsDir() {
			if p != root && (strings.HasPrefix(de.Name(), ".") || de.Name() == "ascmhl") {
				return filepath.SkipDir
			}
			return nil
		}
		if !de.Type().IsRegular() || strings.HasPrefix(de.Name(), ".") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rels = append(rels, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(rels)
	titles := map[string]int{}
	seasons := map[int]int{}
	for _, rel := range rels {
		info := in.Name(rel)
		if info.Kind == delivery.Other {
			continue
		}
		i := d.AddFile(delivery.File{Path: rel, Kind: info.Kind, Language: info.Language, LanguageTag: info.Tag,
			Episode: info.Episode, Size: -1, Hashes: map[string]string{}})
		if info.Title != "" {
			titles[info.Title]++
		}
		if info.Season > 0 {
			seasons[info.Season]++
		}
		if info.Episode > 0 {
			ep := d.Episode(info.Episode)
			if ep == nil {
				d.Episodes = append(d.Episodes, delivery.Episode{Number: info.Episode})
				ep = &d.Episodes[len(d.Episodes)-1]
			}
			ep.Files = append(ep.Files, i)
		}
	}
	d.Title = mostCommon(titles)
	best := 0
	for s, n := range seasons {
		if n > best || n == best && s < d.Season {
			d.Season, best = s, n
		}
	}
	d.Finish()
	return d, nil
}

func mostCommon(m map[string]int) string {
	best, n := "", 0
	for k, v := range m {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}
