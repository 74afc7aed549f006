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

// checkFile reads, decodes, parses and checks one file.
func checkFile(opts *Options, in input) fileResult {
	res := fileResult{record: report.File{Path: in.path, Format: "unknown", Encoding: "unknown"}}
	fileFinding := func(code, msg string) {
		res.add(rule.Finding{Rule: code, File: in.path, Message: msg})
	}

	read := readFile
	if opts.ReadFile != nil {
		read = opts.ReadFile
	}
	data, err := read(in.path)
	if err != nil {
		base, _ := opts.Resolver.Resolve("")
		fileFinding("E000", err.Error())
		res.findings = applyConfig(res.findings, opts.Rules, base)
		return res
	}

	// Binary formats are recognised on raw bytes; text formats after decoding.
	var text string
	mapped, textAt := true, int64(0) // how the decoded text maps onto data (fixes)
	sniffed := format.Sniff(data, "")
	if sniffed == "" {
		dec := textenc.DecodeOwned(data) // data is never modified after this
		text = dec.Text
		mapped, textAt = dec.Encoding == "UTF-8" && dec.Invalid == 0, int64(len(data)-len(text))
		if looksBinary(text) {
			fileFinding("E000", "content is binary, not subtitle text (a media or archive file with a subtitle name?)")
			base, _ := opts.Resolver.Resolve("")
			res.record.Encoding = "binary"
			res.findings = applyConfig(res.findings, opts.Rules, base)
			return res
		}
		res.record.Encoding = dec.Encoding
		res.record.BOM = dec.BOM
		if dec.Encoding != "UTF-8" {
			how := "detected from its byte-order mark"
			if dec.Guessed {
				how = "guessed from its content"
			}
			fileFinding("E001", fmt.Sprintf("file is encoded in %s (%s), not UTF-8; it was decoded and checked", dec.Encoding, how))
		}
		if dec.Invalid > 0 {
			fileFinding("E000", fmt.Sprintf("%d bytes could not be decoded as %s and were replaced", dec.Invalid, dec.Encoding))
		}
		if dec.BOM {
			fileFinding("E002", "file starts with a "+dec.Encoding+" byte-order mark")
		}
		sniffed = format.Sniff(data, text)
	} else {
		res.record.Encoding = "binary"
	}

	if !in.explicit && format.Ambiguous(in.path) && sniffed == "" {
		return fileResult{skip: true}
	}
	f := chooseFormat(in, sniffed, fileFinding)
	if f == nil {
		base, _ := opts.Resolver.Resolve("")
		res.findings = applyConfig(res.findings, opts.Rules, base)
		return res
	}
	doc := f.Read(in.path, data, text)
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

	file := &rule.File{Path: in.path}
	file.Language, res.record.LanguageSource = languageFor(opts, in, doc)
	res.record.Language = file.Language
	file.FrameRate, file.FrameRateSource, file.FrameRateDeclared = frameRateFor(opts, in, doc)
	res.record.FrameRate, res.record.FrameRateSource = file.FrameRate.String(), file.FrameRateSource

	for _, d := range doc.Diagnostics {
		code := d.Rule
		if code == "" {
			code = "E000"
		}
		f := rule.Finding{Rule: code, File: in.path, Line: d.Line, Cue: d.Cue, Message: d.Message}
		if d.Cue > 0 && d.Cue <= len(doc.Cues) {
			c := &doc.Cues[d.Cue-1]
			f.Start, f.End = rule.TC(c.Start), rule.TC(c.End)
		}
		res.add(f)
	}

	cfg, err := resolveFor(opts, in, file.Language)
	if err != nil {
		// A language whose packs cannot be resolved is a configuration
		// problem; report it on the file and check with the base layers.
		fileFinding("E000", "configuration for language "+file.Language+": "+err.Error())
		cfg, _ = opts.Resolver.Resolve("")
	}
	if opts.SuggestFixes {
		file.Fix = &rule.FixSource{Data: data, Mapped: mapped, TextAt: textAt, Configs: cfg}
	}
	for _, r := range opts.Rules {
		c := cfg[r.Code]
		if r.Run == nil || r.Scope != rule.FileScope || c == nil || !c.Enabled {
			continue
		}
		runRule(r, file, doc, c, &res)
	}
	afterRules(opts, in, file, doc, cfg, &res)
	res.findings = applyConfig(res.findings, opts.Rules, cfg)
	return res
}

// runRule runs one rule, turning a panic into a finding that names the rule.
func runRule(r *rule.Rule, file *rule.File, doc *cue.Document, c *rule.Config, res *fileResult) {
	defer func() {
		if p := recover(); p != nil {
			res.add(rule.Finding{Rule: "E000", File: file.Path,
				Message: fmt.Sprintf("internal error in rule %s (please report it): %v", r.ID(), p)})
		}
	}()
	rule.NewPass(r, file, doc, c, res.add).Run()
}

// applyConfig gives findings produced outside rule passes (reader
// diagnostics, encoding, format) their name and severity, and drops those
// of disabled rules. Codes no registered rule owns are kept as E000 so that
// nothing a reader says is lost.
func applyConfig(findings []rule.Finding, rules []*rule.Rule, cfg map[string]*rule.Config) []rule.Finding {
	out := findings[:0]
	for _, f := range findings {
		if f.Name != "" { // from a rule pass: already configured
			out = append(out, f)
			continue
		}
		r := lookup(rules, f.Rule)
		if r == nil {
			f.Message = f.Rule + ": " + f.Message
			f.Rule = "E000"
			r = lookup(rules, "E000")
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

// chooseFormat decides how to read a file from its content and its name.
func chooseFormat(in input, sniffed string, finding func(code, msg string)) *format.Format {
	byName := format.ByExt(in.path)
	if sniffed != "" {
		f := format.ByName(sniffed)
		if byName != nil && !format.Ambiguous(in.path) && byName.Name != sniffed {
			finding("E003", fmt.Sprintf("file is named as %s but its content is %s", byName.Name, sniffed))
		}
		if f == nil {
			finding("E000", "content is "+sniffed+", a format exportqc does not read")
		}
		return f
	}
	if byName != nil && !format.Ambiguous(in.path) {
		// Unrecognised content under a subtitle name: let that reader say
		// precisely what is wrong, line by line.
		return byName
	}
	finding("E000", "not a subtitle format exportqc recognises")
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
