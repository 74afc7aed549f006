package engine

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format"
	"github.com/exportqc/exportqc/qc/lang"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textenc"
)

// MaxFileSize bounds what one file may cost in memory. Real subtitle files
// are kilobytes; anything this large is a mistake (a video named .srt).
const MaxFileSize = 256 << 20

// fileResult is one input's slot in the run.
type fileResult struct {
	// skip marks a walked .xml/.txt file whose content is not a subtitle
	// format (a manifest, a note): not ours to report on.
	skip     bool
	record   report.File
	findings []rule.Finding
}

func (r *fileResult) add(f rule.Finding) { r.findings = append(r.findings, f) }

// checkFile reads, decodes, parses and checks one file. What reading finds
// out (encoding, format, problems) is recorded on the rule.File; the rules
// report it, so enable/disable and severity apply as to any rule.
func checkFile(opts *Options, in input) fileResult {
	res := fileResult{record: report.File{Path: in.path, Format: "unknown", Encoding: "unknown"}}
	file := &rule.File{Path: in.path}
	doc, encoding, skip := openDoc(in, file)
	if skip {
		return fileResult{skip: true}
	}
	if encoding != "" {
		res.record.Encoding = encoding
	}
	res.record.BOM = file.BOM
	if doc == nil {
		base, _ := opts.Resolver.Resolve("")
		runRules(opts.Rules, file, nil, base, &res)
		return res
	}
	res.record.Format = doc.Format
	res.record.Profile = doc.Profile
	res.record.Cues = len(doc.Cues)
	if n := len(doc.Cues); n > 0 {
		first, last := doc.Cues[0].Start, doc.Cues[0].End
		for i := range doc.Cues {
			first = min(first, doc.Cues[i].Start)
			last = max(last, doc.Cues[i].End)
		}
		res.record.FirstCue, res.record.LastCue = rule.TC(first), rule.TC(last)
	}

	file.Language, res.record.LanguageSource = languageFor(opts, in, doc)
	res.record.Language = file.Language
	file.FrameRate, file.FrameRateSource, file.FrameRateDeclared = frameRateFor(opts, in, doc)
	res.record.FrameRate, res.record.FrameRateSource = file.FrameRate.String(), file.FrameRateSource
	if in.meta != nil {
		file.Programme = in.meta.programme()
	}
	setShotChanges(&opts.ShotChanges, in, file)

	cfg, err := resolveFor(opts, in, file.Language, doc.Format)
	if err != nil {
		// A language whose packs cannot be resolved is a configuration
		// problem; report it on the file and check with the base layers.
		file.Problemf(0, "configuration for language %s: %v", file.Language, err)
		cfg, _ = opts.Resolver.Resolve("")
	}
	runRules(opts.Rules, file, doc, cfg, &res)
	noteMissingShotChanges(opts, file, doc, cfg, &res)
	afterRules(opts, in, file, doc, cfg, &res)
	res.findings = applyConfig(res.findings, opts.Rules, cfg)
	return res
}

// openDoc reads, decodes, sniffs and parses one file: the one way a
// subtitle file becomes cues, for the per-file pass and for delivery rules
// that read files again (loadDoc). What it finds out is recorded on file
// (encoding, what the name and the content say, problems). doc is nil when
// the file cannot be read as subtitles; encoding is the decoded text's
// encoding, "binary" for binary content, "" when the file could not be
// read; skip is for a walked .xml/.txt file whose content is no subtitle
// format (a manifest, a note): not ours to report on.
func openDoc(in input, file *rule.File) (doc *cue.Document, encoding string, skip bool) {
	data, err := readFile(in.path)
	if err != nil {
		file.Problemf(0, "%s", err.Error())
		return nil, "", false
	}
	// Binary formats are recognised on raw bytes; text formats after decoding.
	var text string
	sniffed := format.Sniff(data, "")
	if sniffed == "" {
		dec := textenc.DecodeOwned(data) // data is never modified after this
		text = dec.Text
		if looksBinary(text) {
			file.Problemf(0, "content is binary, not subtitle text (a media or archive file with a subtitle name?)")
			return nil, "binary", false
		}
		encoding = dec.Encoding
		file.Encoding, file.EncodingGuessed, file.BOM = dec.Encoding, dec.Guessed, dec.BOM
		if dec.Invalid > 0 {
			file.Problemf(0, "%d bytes could not be decoded as %s and were replaced", dec.Invalid, dec.Encoding)
		}
		sniffed = format.Sniff(data, text)
	} else {
		encoding = "binary"
	}
	if !in.explicit && format.Ambiguous(in.path) && sniffed == "" {
		return nil, encoding, true
	}
	f := chooseFormat(in, sniffed, file)
	if f == nil {
		return nil, encoding, false
	}
	return f.Read(in.path, data, text), encoding, false
}

// runRules runs the registry's enabled file rules on one file: those that
// look at the cues first (none when doc is nil: the file could not be
// read), then those reporting what reading the file found out, so that
// they see the problems the others ran into.
func runRules(rules []*rule.Rule, file *rule.File, doc *cue.Document, cfg map[string]*rule.Config, res *fileResult) {
	for _, facts := range []bool{false, true} {
		for _, r := range rules {
			if r.Run == nil || r.Facts != facts || (doc == nil && !r.Facts) ||
				r.ShotChangesNote || (r.NeedsShotChanges && file.ShotChanges == nil) {
				continue
			}
			c := configFor(r, cfg)
			if c == nil || !c.Enabled {
				continue
			}
			runRule(r, file, doc, c, res)
		}
	}
}

// configFor is a rule's configuration; a rule the configuration does not
// mention (a test's hand-built resolver) runs with its defaults when it
// has no parameters to read.
func configFor(r *rule.Rule, cfg map[string]*rule.Config) *rule.Config {
	if c := cfg[r.Code]; c != nil {
		return c
	}
	if len(r.Params) > 0 {
		return nil
	}
	return &rule.Config{Enabled: true, Severity: r.DefaultSeverity}
}

// runRule runs one rule; a panic becomes a problem of the file, naming the
// rule, for the rules that report problems.
func runRule(r *rule.Rule, file *rule.File, doc *cue.Document, c *rule.Config, res *fileResult) {
	defer func() {
		if p := recover(); p != nil {
			file.Problemf(0, "internal error in rule %s (please report it): %v", r.ID(), p)
		}
	}()
	rule.NewPass(r, file, doc, c, res.add).Run()
}

// applyConfig gives findings produced outside rule passes (the language
// checks, the waiver notes) their name and severity, and drops those of
// disabled rules. A code no registered rule owns is kept as it is, at
// error severity, so that nothing is lost; TestReaderCodesRegistered in
// qc/checks keeps readers from producing one.
func applyConfig(findings []rule.Finding, rules []*rule.Rule, cfg map[string]*rule.Config) []rule.Finding {
	out := findings[:0]
	for _, f := range findings {
		if f.Name != "" { // from a rule pass: already configured
			out = append(out, f)
			continue
		}
		r := lookup(rules, f.Rule)
		if r == nil {
			f.Severity = rule.Error
			out = append(out, f)
			continue
		}
		c := cfg[r.Code]
		if c != nil && !c.Enabled {
			continue
		}
		f.Name = r.Name
		f.Severity = r.DefaultSeverity
		if c != nil {
			f.Severity = c.Severity
		}
		out = append(out, f)
	}
	return out
}

func lookup(rules []*rule.Rule, code string) *rule.Rule {
	for _, r := range rules {
		if r.Code == code {
			return r
		}
	}
	return nil
}

// chooseFormat decides how to read a file from its content and its name,
// recording on file what each says and why it cannot be read.
func chooseFormat(in input, sniffed string, file *rule.File) *format.Format {
	byName := format.ByExt(in.path)
	if byName != nil && !format.Ambiguous(in.path) {
		file.NamedFormat = byName.Name
	}
	file.ContentFormat = sniffed
	if sniffed != "" {
		f := format.ByName(sniffed)
		if f == nil {
			file.Problemf(0, "content is %s, a format exportqc does not read", sniffed)
		}
		return f
	}
	if file.NamedFormat != "" {
		// Unrecognised content under a subtitle name: let that reader say
		// precisely what is wrong, line by line.
		return byName
	}
	file.Problemf(0, "not a subtitle format exportqc recognises")
	return nil
}

// language decides a file's language: --lang, else the file name, else
// what the file declares inside (TTML xml:lang, STL LC).
func language(opts *Options, path string, doc *cue.Document) (tag, source string) {
	if opts.Language != "" {
		return opts.Language, "flag"
	}
	if t := lang.FromFileName(path); t != "" {
		return t, "filename"
	}
	if doc.Language != "" {
		if t, _, err := lang.Canonical(doc.Language); err == nil {
			return t, "file"
		}
	}
	return "", ""
}

// frameRate decides the rate frame-based thresholds use.
func frameRate(opts *Options, doc *cue.Document) (cue.FrameRate, string, bool) {
	switch {
	case !doc.FrameRate.IsZero():
		return doc.FrameRate, "file", true
	case !opts.FrameRate.IsZero():
		return opts.FrameRate, opts.FrameRateSource, true
	}
	return DefaultFrameRate, "default", false
}

func readFile(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, errors.New(strings.TrimPrefix(err.Error(), "open "+path+": "))
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New("is a folder")
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is %d MiB, over the %d MiB limit for a subtitle file", st.Size()>>20, MaxFileSize>>20)
	}
	// One allocation of the size the file says it has (ReadAll would grow
	// and copy a buffer several times); a file that grew meanwhile is read
	// to its end all the same, within the limit.
	data := make([]byte, 0, st.Size()+1)
	for {
		n, err := fh.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) > MaxFileSize {
			return nil, fmt.Errorf("file grew past the %d MiB limit while being read", MaxFileSize>>20)
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// looksBinary reports decoded text that no subtitle file contains: control
// characters (other than tab, newlines and form feed) or undecodable bytes
// making up more than 1% of the first 8 KiB. Legacy-encoding guesses
// happily "decode" a PNG; this keeps such files from being read as cues.
func looksBinary(text string) bool {
	// The first 8 KiB decide, as for git and file(1): binary formats show
	// themselves in their headers.
	if len(text) > 8<<10 {
		text = text[:8<<10]
	}
	bad := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 0x20 && c < 0x7F, c == '\t', c == '\n', c == '\r', c == '\f':
		case c < 0x80:
			bad++ // C0 control or DEL
		case c == 0xEF && i+2 < len(text) && text[i+1] == 0xBF && text[i+2] == 0xBD:
			bad++ // U+FFFD: bytes the decoder could not map
			i += 2
		}
	}
	// Counted against bytes rather than characters: cheaper, and for CJK
	// text (3 bytes a character) only more lenient.
	return bad > 8 && bad*100 > len(text)
}
