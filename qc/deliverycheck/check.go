package deliverycheck

import (
	"context"
	"path"
	"path/filepath"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

// Input is one delivery with everything its rules need.
type Input struct {
	// Root is the delivery folder as reported: findings' paths start with it.
	Root     string
	Delivery *delivery.Delivery // as load.Open read it (Delivery.Root is the folder on disk)
	// Territories are the territory packs that apply (manifest territories
	// plus the run's), with the run's variants folded in.
	Territories []*territory.Territory
	// Classes are the built-in equivalence classes; D008 pairs a forced file
	// with full subtitles of an equivalent language through them.
	Classes []territory.Class
	// Config is the rules' configuration for this delivery (no language
	// layer; the delivery's territory layers).
	Config map[string]*rule.Config
	Hasher *hashing.Hasher
	Jobs   int // files hashed at once (the Hasher bounds readers too)
	// Files holds what the per-file pass learned about the declared
	// subtitle files it read, by path relative to the delivery root.
	Files map[string]FileFacts
	// Load reads a subtitle file (path on disk) into cues; D008 reads a
	// forced file and its full counterpart again, one pair at a time,
	// instead of keeping every file's cues through the run.
	Load func(path string) (*cue.Document, error)
}

// FileFacts is what the per-file pass learned about one subtitle file.
type FileFacts struct {
	Format string // "srt", "ttml", ...; "" when the file could not be read as subtitles
}

// Check runs every enabled delivery rule but D007 (which the per-file pass
// runs through CheckProgramme) and returns their findings, unsorted, with
// rule code, file, line and message set; the caller names them and gives
// them their severities. It returns early, with what it has, when ctx is
// cancelled.
func Check(ctx context.Context, in *Input) []rule.Finding {
	c := &checker{in: in, d: in.Delivery}
	c.problems()
	c.listedFiles(ctx)
	c.unlisted()
	c.episodes()
	c.languages()
	c.formats()
	c.forced()
	return c.out
}

type checker struct {
	in  *Input
	d   *delivery.Delivery
	out []rule.Finding
}

func (c *checker) enabled(code string) bool {
	cfg := c.in.Config[code]
	return cfg == nil || cfg.Enabled
}

func (c *checker) add(f rule.Finding) { c.out = append(c.out, f) }

// report is the path a finding names for rel, a path relative to the
// delivery root (a manifest outside the root keeps its own path).
func (c *checker) report(rel string) string {
	if rel == "" {
		return c.in.Root
	}
	if filepath.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, "../") {
		return filepath.ToSlash(rel)
	}
	return path.Join(c.in.Root, rel)
}

// disk is the on-disk path of rel.
func (c *checker) disk(rel string) string {
	return filepath.Join(c.d.Root, filepath.FromSlash(rel))
}

// manifest is the manifest a delivery-wide finding points at: the first one
// read, or the delivery folder itself when there is none (inferred).
func (c *checker) manifest() string {
	if len(c.d.Manifests) > 0 {
		return c.report(c.d.Manifests[0])
	}
	return c.in.Root
}

// problems turns what the readers found wrong with the manifests (D002,
// D009, D010, D011) into findings.
func (c *checker) problems() {
	for _, p := range c.d.Problems {
		if !c.enabled(p.Rule) {
			continue
		}
		c.add(rule.Finding{Rule: p.Rule, File: c.report(p.File), Line: p.Line, Message: p.Message})
	}
}

func (c *checker) param(code, name string) rule.Setting {
	if cfg := c.in.Config[code]; cfg != nil {
		return cfg.Params[name]
	}
	return rule.Setting{}
}
