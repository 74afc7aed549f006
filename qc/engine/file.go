package engine

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format"
	"github.com/exportqc/exportqc/qc/lang"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textenc"
)

// Per-file limits, so that what one file costs is bounded by design and not
// by luck: real subtitle files are kilobytes, hold thousands of cues and at
// most a few thousand findings of one rule; anything far beyond is a
// mistake (a video named .srt) or an attack, and gets a finding instead of
// all the memory of the machine. Options can change each (0: these).
const (
	// DefaultMaxFileSize is the largest file read; a larger one is E000
	// "file too large" and nothing of it is read.
	DefaultMaxFileSize = 64 << 20
	// DefaultMaxCues is the most cues of one file checked; the rest are
	// not, and an E000 finding says how many.
	DefaultMaxCues = 1_000_000
	// DefaultMaxFindingsPerRule is the most findings of one rule listed for
	// one file; the rest are counted in one summary finding of that rule.
	DefaultMaxFindingsPerRule = 10_000
)

func (o *Options) maxFileSize() int64 { return orDefault(o.MaxFileSize, DefaultMaxFileSize) }
func (o *Options) maxCues() int       { return int(orDefault(int64(o.MaxCues), DefaultMaxCues)) }
func (o *Options) maxFindingsPerRule() int {
	return int(orDefault(int64(o.MaxFindingsPerRule), DefaultMaxFindingsPerRule))
}

func orDefault(v, def int64) int64 {
	if v > 0 {
		return v
	}
	return def
}

// fileResult is one input's slot in the run.
type fileResult struct {
	// skip marks a walked .xml/.txt file whose content is not a subtitle
	// format (a manifest, a note): not ours to report on.
	skip     bool
	record   report.File
	findings []rule.Finding
	// perRule caps the findings of each rule code (0: no cap); over holds
	// the count of each code's findings that were not kept, in the order
	// the codes first went over.
	perRule int
	kept    map[string]int
	over    []overflow
}

// overflow counts the findings of one rule dropped for a file, keeping the
// last one listed as the model of the summary finding.
type overflow struct {
	last    rule.Finding
	dropped int
}

func (r *fileResult) add(f rule.Finding) {
	if r.perRule > 0 {
		if r.kept == nil {
			r.kept = map[string]int{}
		}
		n := r.kept[f.Rule]
		if n >= r.perRule {
			r.countDropped(f)
			return
		}
		r.kept[f.Rule] = n + 1
	}
	r.findings = append(r.findings, f)
}

func (r *fileResult) countDropped(f rule.Finding) {
	for i := range r.over {
		if r.over[i].last.Rule == f.Rule {
			r.over[i].dropped++
			return
		}
	}
	r.over = append(r.over, overflow{last: f, dropped: 1})
}

// addOverflowSummaries adds one finding per capped rule, at file level and
// of that rule's severity (so pass/fail and the rule's presence are what
// they would be with every finding listed), saying how many are not listed.
func (r *fileResult) addOverflowSummaries() {
	for _, o := range r.over {
		f := rule.Finding{Rule: o.last.Rule, Name: o.last.Name, Severity: o.last.Severity, File: o.last.File,
			Message: strconv.Itoa(o.dropped) + " more " + o.last.Rule + " findings in this file are not listed (at most " +
				strconv.Itoa(r.perRule) + " per rule per file are)",
			Source: o.last.Source}
		r.findings = append(r.findings, f)
	}
	r.over, r.kept = nil, nil
}

// checkFile reads, decodes, parses and checks one file.
func checkFile(opts *Options, in input) fileResult {
	res := fileResult{record: report.File{Path: in.path, Format: "unknown", Encoding: "unknown"},
		perRule: opts.maxFindingsPerRule()}
	fileFinding := func(code, msg string) {
		res.add(rule.Finding{Rule: code, File: in.path, Message: msg})
	}

	data, err := readFile(in.path, opts.maxFileSize())
	if err != nil {
		base, _ := opts.Resolver.Resolve("")
		fileFinding("E000", err.Error())
		res.findings = applyConfig(res.findings, opts.Rules, base)
		return res
	}

	// Binary formats are recognised on raw bytes; text formats after decoding.
	var text string
	sniffed := format.Sniff(data, "")
	if sniffed == "" {
		dec := textenc.DecodeOwned(data) // data is never modified after this
		text = dec.Text
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
	if max := opts.maxCues(); len(doc.Cues) > max {
		fileFinding("E000", "file has "+strconv.Itoa(len(doc.Cues))+" cues; only the first "+strconv.Itoa(max)+
			" were checked (the limit of cues per file)")
		doc.Cues = doc.Cues[:max:max]
	}
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
	for _, r := range opts.Rules {
		c := cfg[r.Code]
		if r.Run == nil || r.Scope != rule.FileScope || c == nil || !c.Enabled {
			continue
		}
		runRule(r, file, doc, c, &res)
	}
	afterRules(opts, in, file, doc, cfg, &res)
	res.addOverflowSummaries()
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

// readFile reads a regular file of at most limit bytes into one buffer of
// its size. Anything else is refused before a byte is read: a FIFO or a
// device named .srt would block the run or fill the memory, a folder is not
// a file, and a file over the limit costs nothing.
func readFile(path string, limit int64) ([]byte, error) {
	// Stat before opening: opening a FIFO blocks until a writer comes.
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, notRegular(st)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, errors.New(strings.TrimPrefix(err.Error(), "open "+path+": "))
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() { // replaced between the two looks
		return nil, notRegular(st)
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("file too large: %d bytes (%s), over the limit of %s for a subtitle file (max_file_size_mb, --max-file-size-mb); not read",
			st.Size(), byteSize(st.Size()), byteSize(limit))
	}
	// One allocation of the size the file says it has, plus one byte to see
	// whether it grew meanwhile; never more than limit+1 bytes are read.
	data := make([]byte, 0, st.Size()+1)
	r := io.LimitReader(fh, limit+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grew: Go's growth, bounded by the LimitReader
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("file too large: it grew past the limit of %s while being read (max_file_size_mb)", byteSize(limit))
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// notRegular says what a path is instead of a regular file.
func notRegular(st os.FileInfo) error {
	m := st.Mode()
	what := "not a regular file"
	switch {
	case m.IsDir():
		return errors.New("is a folder")
	case m&os.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&os.ModeSocket != 0:
		what = "a socket"
	case m&os.ModeCharDevice != 0:
		what = "a character device"
	case m&os.ModeDevice != 0:
		what = "a block device"
	}
	return errors.New("is " + what + ", not a regular file; not read")
}

// byteSize prints a size in the unit a person reads it in.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0, n >= 100<<20:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
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
