package engine

// A file's language: the languages it declares (--lang, its name, its
// manifest entry, inside the file) and the one it is checked as, which
// picks its language pack. The language rules (qc/langcheck, G001–G005)
// run from the registry like every file rule and read the declarations
// from rule.File.

import (
	"path"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/lang"
	"github.com/exportqc/exportqc/qc/langcheck"
	"github.com/exportqc/exportqc/qc/rule"
)

// declareLanguage records what declares file's language and decides the
// language it is checked as. Precedence: --lang, else the manifest's, else
// the file name's, else the tag inside the file (when it is valid).
// When nothing declares one, the language is identified from the text
// (langcheck.Identify, with G005's thresholds from the packs that apply
// without a language); when the text cannot tell, it is unknown and the
// defaults apply.
func declareLanguage(opts *Options, in input, doc *cue.Document, file *rule.File, res *fileResult) {
	file.Declared = declarations(opts, in, doc)
	file.Language, file.LanguageSource = chooseLanguage(opts, in, file.Declared)
	if file.Language == "" {
		file.LanguageSource = rule.LanguageUnknown
		if id, ok := identifyLanguage(opts, in, doc); ok {
			file.LanguageEvidence = id.Evidence
			if id.Tag != "" {
				file.Language, file.LanguageSource = id.Tag, rule.LanguageFromContent
			}
		}
	}
	res.record.Language, res.record.LanguageSource = file.Language, file.LanguageSource
}

// identifyLanguage asks the text of a file that declares no language;
// false when G005 is disabled or the base configuration cannot be resolved.
func identifyLanguage(opts *Options, in input, doc *cue.Document) (id langcheck.Identification, ok bool) {
	defer func() {
		// Identification is no rule pass: a bug in it must not cost the
		// file its result, only its language.
		if recover() != nil {
			id, ok = langcheck.Identification{}, false
		}
	}()
	cfg, err := resolveFor(opts, in, "", doc.Format)
	if err != nil {
		return langcheck.Identification{}, false
	}
	// Disabling G005 turns identification off: files that declare no
	// language are then checked with the defaults, as "unknown".
	r := langcheck.Undeclared
	c := cfg[r.Code]
	if c == nil || !c.Enabled {
		return langcheck.Identification{}, false
	}
	p := rule.NewPass(r, &rule.File{Path: in.path}, doc, c, nil)
	o := langcheck.IdentifyOptionsFrom(p.Int("min_letters"), p.Float("min_confidence"), p.Int("min_script_letters"))
	return langcheck.Identify(langcheck.DocumentLines(doc), o), true
}

// chooseLanguage applies the precedence to the declarations: the first
// valid one of flag, manifest, name, file.
func chooseLanguage(opts *Options, in input, declared []rule.Declaration) (tag, source string) {
	if opts.Language != "" {
		return opts.Language, rule.DeclaredByFlag
	}
	if in.meta != nil && in.meta.file.LanguageTag != "" {
		return in.meta.file.LanguageTag, rule.DeclaredByManifest
	}
	for _, source := range []string{rule.DeclaredByName, rule.DeclaredByFile} {
		for _, d := range declared {
			if d.Source != source {
				continue
			}
			if t, ok := lang.Normalize(d.Tag); ok {
				return t, source
			}
		}
	}
	return "", ""
}

// declarations lists the languages declared for the file, in the order
// flag, name, manifest, file, as written (the name's in canonical form).
func declarations(opts *Options, in input, doc *cue.Document) []rule.Declaration {
	var out []rule.Declaration
	add := func(source, tag string) {
		if strings.TrimSpace(tag) != "" {
			out = append(out, rule.Declaration{Source: source, Tag: tag})
		}
	}
	add(rule.DeclaredByFlag, opts.Language)
	add(rule.DeclaredByName, lang.FromFileName(in.path))
	if in.meta != nil {
		add(rule.DeclaredByManifest, in.meta.file.Language)
	}
	add(rule.DeclaredByFile, doc.Language)
	return out
}

// manifestTagFindings checks (G001) the language tags a delivery's
// manifest declares, at their manifest lines.
func manifestTagFindings(u *unit, cfg map[string]*rule.Config) []rule.Finding {
	r := langcheck.TagInvalid
	c := cfg[r.Code]
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
			out = append(out, rule.Finding{Rule: r.Code, Name: r.Name, Severity: milder(c.Severity, p.Severity),
				File: file, Line: f.Line, Message: f.Path + ": " + p.Message})
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
