package waiver

import (
	"path"
	"strings"
)

// glob is a waiver's file pattern: path.Match per slash-separated segment,
// "**" for any number of segments, matched against the end of a path.
type glob struct {
	pattern string   // as written, for messages
	segs    []string // cleaned, with a leading "**"
}

// compileGlob checks every segment's syntax now, so a bad pattern is a load
// error rather than a waiver that silently never matches.
func compileGlob(pattern string) (*glob, error) {
	clean := path.Clean(pattern)
	segs := strings.Split(clean, "/")
	for _, s := range segs {
		if s == "**" {
			continue
		}
		if _, err := path.Match(s, ""); err != nil {
			return nil, err
		}
	}
	if segs[0] != "**" {
		segs = append([]string{"**"}, segs...)
	}
	return &glob{pattern: pattern, segs: segs}, nil
}

// match reports whether the slash path p (rule.SlashPath form) matches.
func (g *glob) match(p string) bool {
	if p == "" {
		return false
	}
	return matchSegs(g.segs, strings.Split(p, "/"))
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			// Collapse "**/**" and try every split; the patterns are short
			// and hand-written, so backtracking stays cheap.
			for len(pat) > 0 && pat[0] == "**" {
				pat = pat[1:]
			}
			if len(pat) == 0 {
				return true
			}
			for k := 0; k <= len(name); k++ {
				if matchSegs(pat, name[k:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
