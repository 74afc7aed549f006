package engine

// A file's language: the languages it declares (--lang, its name, its
// manifest entry, inside the file) and the one it is checked as, which
// picks its language pack. The language rules (qc/langcheck, G001–G005)
// run from the registry like every file rule and read the declarations
// from rule.File.

import (
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

// LanguageRules is a Resolver that knows which rules a language changes
// (some language pack sets them): only when one of those is enabled, or
// G005 which reports the identification, is a file's text identified.
type LanguageRules interface {
	NeedsLanguage(code string) bool
}

// needsIdentification reports whether a rule enabled in cfg (the file's
// configuration without a language) needs the file's language: G005,
// which reports it, or a rule a language pack sets. Without a
// LanguageRules resolver every enabled rule is taken to need it.
func needsIdentification(opts *Options, cfg map[string]*rule.Config) bool {
	lr, _ := opts.Resolver.(LanguageRules)
	for code, c := range cfg {
		if c != nil && c.Enabled && (code == langcheck.Undeclared.Code || lr == nil || lr.NeedsLanguage(code)) {
			return true
		}
	}
	return false
}

// identifyLanguage asks the text of a file that declares no language;
// false when no enabled rule needs the language or the configuration
// cannot be resolved. G005 being off does not turn it off: --enable-only
// X004 on an untagged English file checks it as English, without G005's
// finding.
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
	if !needsIdentification(opts, cfg) {
		return langcheck.Identification{}, false
	}
	// The language rules own how: with G005's thresholds.
	return langcheck.IdentifyDocument(cfg, doc)
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
