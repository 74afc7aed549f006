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
	"sort"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/delivery"
	"golang.org/x/text/language"
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

// New compiles the default patterns and applies opts.
func New(opts ...Option) (*Inferer, error) {
	in := &Inferer{}
	for _, p := range DefaultPatterns {
		in.patterns = append(in.patterns, regexp.MustCompile(p))
	}
	for _, o := range opts {
		if err := o(in); err != nil {
			return nil, err
		}
	}
	return in, nil
}

var kindWords = map[string]string{
	"forced": delivery.Forced, "fn": delivery.Forced, "forcednarrative": delivery.Forced, "narrative": delivery.Forced,
	"sdh": delivery.SDH, "hoh": delivery.SDH, "hearingimpaired": delivery.SDH, "deaf": delivery.SDH,
	"cc": delivery.Captions, "captions": delivery.Captions, "closedcaptions": delivery.Captions,
}

// Name reads one file name (its base name; folders are ignored).
func (in *Inferer) Name(rel string) Info {
	base := path.Base(filepath.ToSlash(rel))
	info := Info{Kind: delivery.KindFromExt(base)}
	for _, re := range in.patterns {
		m := re.FindStringSubmatch(base)
		if m == nil {
			continue
		}
		tags := ""
		film := true
		for i, name := range re.SubexpNames() {
			v := m[i]
			switch name {
			case "title":
				info.Title = strings.TrimSpace(strings.NewReplacer("_", " ", ".", " ").Replace(v))
			case "season":
				info.Season, _ = strconv.Atoi(v)
			case "episode":
				info.Episode, _ = strconv.Atoi(v)
				film = false
			case "lang":
				if t, ok := delivery.CanonicalLanguage(v); ok {
					info.Language, info.Tag = v, t
				}
			case "kind":
				if k, ok := kindWords[strings.ToLower(v)]; ok {
					info.Kind = k
				}
			case "tags":
				tags = v
			}
		}
		in.tags(&info, tags, film && info.Title == "")
		return info
	}
	return info
}

// tags sorts words into language and kind. For film names (peel=true)
// words are taken from the end while they are tags, and the rest is the
// title: "The.Long.River.fr.forced" → title "The Long River".
func (in *Inferer) tags(info *Info, s string, peel bool) {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '_' || r == ' ' })
	end := len(words)
	classify := func(i int) int { // words consumed at i, 0 if not a tag
		w := words[i]
		if k, ok := kindWords[strings.ToLower(w)]; ok {
			if info.Kind == delivery.Subtitles || info.Kind == delivery.Other || info.Kind == delivery.Captions {
				info.Kind = k
			}
			return 1
		}
		// "pt_BR": a language then a region or script word.
		if i+1 < len(words) && isLang(w) && (isRegion(words[i+1]) || isScript(words[i+1])) {
			if t, ok := delivery.CanonicalLanguage(w + "-" + words[i+1]); ok && info.Language == "" {
				info.Language, info.Tag = w+"_"+words[i+1], t
				return 2
			}
		}
		if isLang(w) {
			if info.Language == "" {
				t, _ := delivery.CanonicalLanguage(w)
				info.Language, info.Tag = w, t
			}
			return 1
		}
		return 0
	}
	if !peel {
		for i := 0; i < len(words); {
			n := classify(i)
			if n == 0 {
				n = 1
			}
			i += n
		}
		return
	}
	for end > 1 {
		// Try a two-word language first ("pt_BR" at the end).
		if end >= 2 && isLang(words[end-2]) && (isRegion(words[end-1]) || isScript(words[end-1])) {
			if classify(end-2) == 2 {
				end -= 2
				continue
			}
		}
		if classify(end-1) == 0 {
			break
		}
		end--
	}
	info.Title = strings.Join(words[:end], " ")
}

// isLang accepts a BCP-47 tag whose language is a known ISO 639 code of
// two or three letters: "fr", "fr-FR", "zh-Hans", "ENG". It turns down
// words that merely look like tags ("final", "web", "v2").
func isLang(w string) bool {
	if len(w) < 2 || strings.ContainsAny(w, "0123456789") && !strings.Contains(w, "-") {
		return false
	}
	t, err := language.Parse(strings.ReplaceAll(w, "_", "-"))
	if err != nil {
		return false
	}
	b, conf := t.Base()
	primary := w
	if i := strings.IndexByte(w, '-'); i >= 0 {
		primary = w[:i]
	}
	return conf == language.Exact && len(primary) >= 2 && len(primary) <= 3 && b.String() != "und"
}

func isRegion(w string) bool {
	if len(w) != 2 && len(w) != 3 {
		return false
	}
	_, err := language.ParseRegion(w)
	return err == nil && (len(w) == 3 && w[0] >= '0' && w[0] <= '9' || strings.ToUpper(w) == w)
}

func isScript(w string) bool {
	if len(w) != 4 {
		return false
	}
	_, err := language.ParseScript(w)
	return err == nil
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
