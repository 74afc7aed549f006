package engine

// Language checks (qc/langcheck, G001–G004) on every file read: the
// languages a file declares (its name, its manifest entry, inside the file)
// must be valid tags (G001) that agree (G004), and its text must be in the
// language (G002) and, for Chinese, the script (G003) it is checked as.
// langcheck holds the logic and the rule metadata; here its answers become
// findings with the pack's thresholds and severities.

import (
	"path"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/lang"
	"github.com/exportqc/exportqc/qc/langcheck"
	"github.com/exportqc/exportqc/qc/rule"
)

// afterRules runs, once a file's rules have run, the checks that need more
// than one file's view: its declared languages'.
func afterRules(opts *Options, in input, file *rule.File, doc *cue.Document, cfg map[string]*rule.Config, res *fileResult) {
	languageChecks(opts, in, file, doc, cfg, res)
}

func languageChecks(opts *Options, in input, file *rule.File, doc *cue.Document, cfg map[string]*rule.Config, res *fileResult) {
	on := func(code string) *rule.Config {
		if c := cfg[code]; c != nil && c.Enabled {
			return c
		}
		return nil
	}
	report := func(c *rule.Config, r *rule.Rule, hint, msg string) {
		res.add(rule.Finding{Rule: r.Code, Name: r.Name, Severity: milder(c.Severity, hint), File: in.path, Message: msg})
	}
	// G001 on the tag inside the file (the manifest's tags are checked with
	// the delivery, at their manifest line; file names only yield tags that
	// parse).
	if c := on("G001"); c != nil && strings.TrimSpace(doc.Language) != "" {
		if _, p := langcheck.CheckTag(doc.Language); p != nil {
			report(c, langcheck.TagInvalid, p.Severity, "language declared inside the file: "+p.Message)
		}
	}
	if c := on("G004"); c != nil {
		sources := map[string]string{langcheck.SourceFile: doc.Language, langcheck.SourceFileName: lang.FromFileName(in.path)}
		if in.meta != nil {
			sources[langcheck.SourceManifest] = in.meta.file.Language
		}
		if p := langcheck.Conflict(sources); p != nil {
			report(c, langcheck.TagConflict, p.Severity, p.Message)
		}
	}
	if file.Language == "" || len(doc.Cues) == 0 {
		return
	}
	g2, g3 := on("G002"), on("G003")
	if g2 == nil && g3 == nil {
		return
	}
	lines := textLines(doc)
	if g2 != nil {
		opt := langcheck.MismatchOptionsFrom(g2.Params["min_letters"].Value.Int, g2.Params["min_confidence"].Value.Float,
			g2.Params["min_script_letters"].Value.Int)
		if m := langcheck.DetectMismatch(file.Language, lines, opt); m != nil {
			res.add(mismatchFinding(g2, langcheck.ContentMismatch, in.path, m, g2.Params["min_confidence"].Source))
		}
	}
	if g3 != nil && langcheck.ChineseScriptOf(file.Language) != "" {
		opt := langcheck.ScriptOptionsFrom(g3.Params["min_script_chars"].Value.Int, g3.Params["min_other_script_share"].Value.Float)
		if m := langcheck.ScriptMismatch(file.Language, langcheck.ChineseScript(lines), opt); m != nil {
			res.add(mismatchFinding(g3, langcheck.ChineseScriptMismatch, in.path, m, g3.Params["min_other_script_share"].Source))
		}
	}
}

func mismatchFinding(c *rule.Config, r *rule.Rule, file string, m *langcheck.Mismatch, source string) rule.Finding {
	return rule.Finding{Rule: r.Code, Name: r.Name, Severity: c.Severity, File: file, Message: m.Message,
		Expected: m.Declared, Actual: m.Detected, Source: source}
}

// textLines are the displayed lines of a document's cues.
func textLines(doc *cue.Document) []string {
	n := 0
	for i := range doc.Cues {
		n += len(doc.Cues[i].Lines)
	}
	out := make([]string, 0, n)
	for i := range doc.Cues {
		if doc.Cues[i].Comment {
			continue
		}
		for _, l := range doc.Cues[i].Lines {
			out = append(out, l.Text)
		}
	}
	return out
}

// milder applies a langcheck severity hint: a deprecated code is a warning
// even where the pack makes G001 an error, never the other way round.
func milder(configured rule.Severity, hint string) rule.Severity {
	h, err := rule.ParseSeverity(hint)
	if err != nil || h > configured {
		return configured
	}
	return h
}

// manifestTagFindings checks (G001) the language tags a delivery's
// manifest declares, at their manifest lines.
func manifestTagFindings(u *unit, cfg map[string]*rule.Config) []rule.Finding {
	c := cfg["G001"]
	if c == nil || !c.Enabled {
		return nil
	}
	var out []rule.Finding
	seen := map[string]bool{}
	for i := range u.d.Files {
		f := &u.d.Files[i]
		key := f.Manifest + "\x00" + f.Language + "\x00" + f.Path
		if strings.TrimSpace(f.Language) == "" || seen[key] {
			continue
		}
		seen[key] = true
		if _, p := langcheck.CheckTag(f.Language); p != nil {
			file := u.root
			if f.Manifest != "" {
				file = path.Join(u.root, f.Manifest)
			}
			out = append(out, rule.Finding{Rule: "G001", Name: langcheck.TagInvalid.Name, Severity: milder(c.Severity, p.Severity),
				File: file, Line: f.Line, Message: f.Path + ": " + p.Message})
		}
	}
	return out
}
