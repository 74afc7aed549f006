package deliverycheck

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/sums"
	"github.com/exportqc/exportqc/qc/rule"
)

// unlisted walks the delivery folder for files the manifests do not list
// (D003) and for symbolic links leading outside it (D011). Links are never
// followed: a link is judged by where it points, and a linked folder is not
// entered.
func (c *checker) unlisted() {
	d3, d11 := c.p.Enabled(codeFileUnlisted), c.p.Enabled(codePathEscapesRoot)
	if !d3 && !d11 {
		return
	}
	known := map[string]bool{}
	for i := range c.d.Files {
		known[c.d.Files[i].Path] = true
	}
	for _, m := range c.d.Manifests {
		known[m] = true
	}
	for _, ep := range c.d.Episodes {
		if ep.ShotChanges != "" {
			known[ep.ShotChanges] = true // named by the manifest, as the episode's shot-change list
		}
		if ep.Video != "" {
			known[ep.Video] = true // named by the manifest, as the episode's picture
		}
	}
	var ignore []string
	if d3 {
		ignore = splitPatterns(c.p.SettingsOf(codeFileUnlisted).String("ignore"))
	}
	_ = filepath.WalkDir(c.d.Root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable sub-folder: its files cannot be judged
		}
		rel, rerr := filepath.Rel(c.d.Root, p)
		if rerr != nil || rel == "." {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(de.Name(), ".") {
			if de.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if de.IsDir() || known[rel] {
			return nil // a listed file, link or not, is judged by listedFiles
		}
		if de.Type()&fs.ModeSymlink != 0 {
			if _, err := delivery.Resolve(c.d.Root, rel); errors.Is(err, delivery.ErrEscapesRoot) {
				if d11 {
					c.add(rule.Finding{Rule: "D011", File: c.report(rel),
						Message: fmt.Sprintf("symbolic link %s leads outside the delivery folder (%s); not followed", rel, trimEscape(err))})
				}
				return nil
			}
		}
		if !d3 || matchesAny(ignore, rel) {
			return nil
		}
		if isText, isMHL, _ := sums.IsSidecar(rel); isText && !strings.Contains(rel, "/") || isMHL {
			return nil // a checksum sidecar describes the delivery, it is not part of it
		}
		c.add(rule.Finding{Rule: "D003", File: c.report(rel),
			Message: fmt.Sprintf("%s is in the delivery folder but not in the manifest", rel)})
		return nil
	})
}

// splitPatterns reads "*.md, Thumbs.db" into patterns.
func splitPatterns(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// matchesAny reports whether rel, or its base name, matches a pattern.
func matchesAny(patterns []string, rel string) bool {
	base := path.Base(rel)
	for _, p := range patterns {
		if ok, _ := path.Match(p, base); ok {
			return true
		}
		if ok, _ := path.Match(p, rel); ok {
			return true
		}
	}
	return false
}
