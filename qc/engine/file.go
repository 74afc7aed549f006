package engine

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format"
	"github.com/exportqc/exportqc/qc/internal/openfiles"
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

// reader reads a subtitle file: from the disk within the size limit, or
// through ReadFile (fix re-checks its corrected copies in memory).
func (o *Options) reader() func(string) ([]byte, error) {
	if o.ReadFile != nil {
		return o.ReadFile
	}
	limit := o.maxFileSize()
	return func(p string) ([]byte, error) { return readFile(p, limit) }
}
func (o *Options) maxCues() int { return int(orDefault(int64(o.MaxCues), DefaultMaxCues)) }
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
	skip bool
	// folder marks the result of a folder that could not be walked
	// (input.walkErr): its finding is reported, but it is not a file.
	folder   bool
	record   report.File
	findings []rule.Finding
	// texts is the memory of the findings' texts and timecodes, when the
	// run has a Recycler (rule.File.TakeTexts); nothing else points into it.
	texts rule.Held
	// machine is set when the file could not be read for a reason of the
	// machine's, not the file's (file descriptors ran out even after
	// waiting): the run fails instead of blaming the file.
	machine error
	// perRule caps the findings of each rule code (0: no cap); over holds
	// the count of each code's findings that were not kept, in the order
	// the codes first went over.
	perRule int
	kept    map[string]int
	over    []overflow
	// counting is the rule whose findings are arriving, and counted how
	// many of them are kept so far: a rule reports its findings one after
	// another, so kept is only read and written when the rule changes,
	// not hashed twice for each finding.
	counting string
	counted  int
}

// overflow counts the findings of one rule dropped for a file, keeping the
// last one listed as the model of the summary finding.
type overflow struct {
	last    rule.Finding
	dropped int
}

func (r *fileResult) add(f rule.Finding) {
	if r.perRule > 0 {
		if f.Rule != r.counting || r.kept == nil {
			r.countRule(f.Rule)
		}
		if r.counted >= r.perRule {
			r.countDropped(f)
			return
		}
		r.counted++
	}
	r.findings = append(r.findings, f)
}

// countRule makes code the rule counted, putting back the count of the
// one counted until now.
func (r *fileResult) countRule(code string) {
	if r.kept == nil {
		r.kept = map[string]int{}
	} else {
		r.kept[r.counting] = r.counted
	}
	r.counting, r.counted = code, r.kept[code]
}

func (r *fileResult) countDropped(f rule.Finding) {
	for i := range r.over {
		if r.over[i].last.Rule == f.Rule {
			r.over[i].dropped += 1 + f.More
			return
		}
	}
	r.over = append(r.over, overflow{last: f, dropped: 1 + f.More})
}

// addOverflowSummaries adds one finding per capped rule, at file level and
// of that rule's severity (so pass/fail and the rule's presence are what
// they would be with every finding listed), saying how many are not listed.
func (r *fileResult) addOverflowSummaries() {
	for _, o := range r.over {
		f := rule.Finding{Rule: o.last.Rule, Name: o.last.Name, Severity: o.last.Severity, File: o.last.File,
			Message: strconv.Itoa(o.dropped) + " more " + o.last.Rule + " findings in this file are not listed (at most " +
				strconv.Itoa(r.perRule) + " per rule per file are)",
			Source: o.last.Source, More: o.dropped - 1} // it stands for the dropped ones: totals count them
		r.findings = append(r.findings, f)
	}
	r.over, r.kept, r.counting, r.counted = nil, nil, "", 0
}

// runError is the run-level error of a result whose file could not be
// checked because of the machine, or nil.
func (r *fileResult) runError() error {
	if r.machine == nil {
		return nil
	}
	return fmt.Errorf("%w: exportqc ran out of file descriptors (raise ulimit -n or lower --jobs); nothing was reported", r.machine)
}

// checkFile reads, decodes, parses and checks one file. What reading finds
// out (encoding, format, problems) is recorded on the rule.File; the rules
// report it, so enable/disable and severity apply as to any rule.
// The file is read and checked with ws's memory (nil: fresh memory), and
// its findings are collected in ws's buffer: the caller copies what it
// keeps out of ws before reusing it (checkInput).
func checkFile(opts *Options, in input, ws *workspace) fileResult {
	res, add := ws.newResult(fileResult{record: report.File{Path: in.path, Format: "unknown", Encoding: "unknown"},
		perRule: opts.maxFindingsPerRule()})
	file := ws.newFile(in.path)
	if in.walkErr != nil {
		res.folder = true
		file.Problemf(0, "%v", in.walkErr)
		runRules(opts.Rules, file, nil, opts.baseConfig(), add, ws.newPass())
		return *res
	}
	doc, encoding, skip, machine := openDoc(in, file, ws.read(opts), opts.SuggestFixes)
	if machine != nil {
		res.machine = machine
		return *res
	}
	if skip {
		return fileResult{skip: true}
	}
	if encoding != "" {
		res.record.Encoding = encoding
	}
	res.record.BOM = file.BOM
	if doc == nil {
		runRules(opts.Rules, file, nil, opts.baseConfig(), add, ws.newPass())
		return *res
	}
	res.record.Format = doc.Format
	res.record.Profile = doc.Profile
	if max := opts.maxCues(); len(doc.Cues) > max {
		file.Problemf(0, "file has %d cues; only the first %d were checked (the limit of cues per file)", len(doc.Cues), max)
		doc.Cues = doc.Cues[:max:max]
	}
	res.record.Cues = len(doc.Cues)
	if n := len(doc.Cues); n > 0 {
		first, last := doc.Cues[0].Start, doc.Cues[0].End
		for i := range doc.Cues {
			first = min(first, doc.Cues[i].Start)
			last = max(last, doc.Cues[i].End)
		}
		// Not rule.Span: records are kept to the end of the run (the
		// report's file list), and would each keep a whole shared slab.
		tc := &[2]rule.Timecode{rule.Timecode(first), rule.Timecode(last)}
		res.record.FirstCue, res.record.LastCue = &tc[0], &tc[1]
	}

	declareLanguage(opts, in, doc, file, res)
	// The language keys the packs' caches, which outlive the read buffer.
	file.Language = ws.own(file.Language)
	file.FrameRate, file.FrameRateSource, file.FrameRateDeclared = frameRateFor(opts, in, doc)
	res.record.FrameRate, res.record.FrameRateSource = file.FrameRate.String(), file.FrameRateSource
	if in.meta != nil {
		file.Programme = in.meta.programme()
		file.Kind = in.meta.file.Kind
	}
	setShotChanges(opts, in, file)

	cfg, err := resolveFor(opts, in, file.Language, doc.Format)
	if err != nil {
		// A language whose packs cannot be resolved is a configuration
		// problem; report it on the file and check with the base layers.
		file.Problemf(0, "configuration for language %s: %v", file.Language, err)
		cfg = opts.baseConfig()
	}
	if file.Fix != nil {
		file.Fix.Configs = cfg
	}
	runRules(opts.Rules, file, doc, cfg, add, ws.newPass())
	noteMissingShotChanges(opts, file, doc, cfg, res)
	res.addOverflowSummaries()
	if ws != nil {
		// Nothing of the result points into the document's arrays (its
		// strings point into the text), and the workspace lets go of the
		// memo that does: the next file's reader may have them.
		doc.Recycle()
	}
	return *res
}

// openDoc reads, decodes, sniffs and parses one file: the one way a
// subtitle file becomes cues, for the per-file pass and for delivery rules
// that read files again (loadDoc). What it finds out is recorded on file
// (encoding, what the name and the content say, problems). doc is nil when
// the file cannot be read as subtitles; encoding is the decoded text's
// encoding, "binary" for binary content, "" when the file could not be
// read; skip is for a walked .xml/.txt file whose content is no subtitle
// format (a manifest, a note): not ours to report on.
func openDoc(in input, file *rule.File, read func(string) ([]byte, error), wantFix bool) (doc *cue.Document, encoding string, skip bool, machine error) {
	data, err := read(in.path)
	if err != nil && openfiles.Exhausted(err) {
		// The machine's limit, not the file's fault: the run fails instead.
		return nil, "", false, fmt.Errorf("%s: %w", in.path, err)
	}
	if err != nil {
		file.Problemf(0, "%s", err.Error())
		return nil, "", false, nil
	}
	// Binary formats are recognised on raw bytes; text formats after decoding.
	var text string
	sniffed := format.Sniff(data, "")
	if sniffed == "" {
		dec := textenc.DecodeOwned(data) // data is never modified after this
		// Content that starts like a format we know is read by its reader,
		// control characters and all (they are findings at their line); a
		// file named as a binary format (.stl) is left to that format's
		// reader, which says what is wrong with its header.
		sniffed = format.SniffNamed(in.path, data, dec.Text)
		binary := sniffed == "" && looksBinary(dec.Text)
		if binary && format.NamedBinary(in.path) {
			dec = textenc.Result{Encoding: "binary"}
		} else if binary {
			file.Problemf(0, "content is binary, not subtitle text (a media or archive file with a subtitle name?)")
			return nil, "binary", false, nil
		}
		text = dec.Text
		if wantFix {
			// How the decoded text maps onto the bytes, for fixes' edits.
			file.Fix = &rule.FixSource{Data: data, Mapped: dec.Encoding == "UTF-8" && dec.Invalid == 0,
				TextAt: int64(len(data) - len(text))}
		}
		for _, c := range textenc.ControlsAfter(text, dec.ControlFree) {
			file.Controls = append(file.Controls, rule.Problem{Line: c.Line, Message: c.Message, More: c.More})
		}
		encoding = dec.Encoding
		if dec.Encoding != "binary" {
			file.Encoding, file.EncodingGuessed, file.BOM = dec.Encoding, dec.Guessed, dec.BOM
		}
		if dec.Invalid > 0 {
			file.Problemf(0, "%d bytes could not be decoded as %s and were replaced", dec.Invalid, dec.Encoding)
		}
	} else {
		encoding = "binary"
		if wantFix {
			file.Fix = &rule.FixSource{Data: data, Mapped: true}
		}
	}
	if !in.explicit && format.Ambiguous(in.path) && sniffed == "" {
		return nil, encoding, true, nil
	}
	f := chooseFormat(in, sniffed, file)
	if f == nil {
		return nil, encoding, false, nil
	}
	return f.Read(in.path, data, text), encoding, false, nil
}

// runRules runs the registry's enabled file rules on one file: those that
// look at the cues first (none when doc is nil: the file could not be
// read), then those reporting what reading the file found out, so that
// they see the problems the others ran into. pass is reset for each rule.
// add collects the findings (a fileResult's add: one method value for
// every rule, not one each).
func runRules(rules []*rule.Rule, file *rule.File, doc *cue.Document, cfg map[string]*rule.Config, add func(rule.Finding), pass *rule.Pass) {
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
			runRule(pass, r, file, doc, c, add)
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
// pass is reset for r (see rule.Pass.Reset).
func runRule(pass *rule.Pass, r *rule.Rule, file *rule.File, doc *cue.Document, c *rule.Config, add func(rule.Finding)) {
	defer func() {
		if p := recover(); p != nil {
			file.Problemf(0, "internal error in rule %s (please report it): %v", r.ID(), p)
		}
	}()
	pass.Reset(r, file, doc, c, add)
	pass.Run()
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

// frameRateFor decides the rate a file's frame-based thresholds use, where
// it came from, and whether anything declared it (off-frame checks need a
// declared rate). The one precedence: the file's own; else --fps given as
// a flag or in the environment; else the delivery manifest's (the
// episode's, else the delivery's); else the config's fps; else
// DefaultFrameRate, undeclared.
func frameRateFor(opts *Options, in input, doc *cue.Document) (cue.FrameRate, string, bool) {
	explicit := opts.FrameRateSource == "flag" || opts.FrameRateSource == "env"
	switch {
	case !doc.FrameRate.IsZero():
		return doc.FrameRate, "file", true
	case !opts.FrameRate.IsZero() && explicit:
		return opts.FrameRate, opts.FrameRateSource, true
	case in.meta != nil && !in.meta.frameRate().IsZero():
		return in.meta.frameRate(), "manifest", true
	case !opts.FrameRate.IsZero():
		return opts.FrameRate, opts.FrameRateSource, true
	}
	return DefaultFrameRate, "default", false
}

// readFile reads a regular file of at most limit bytes into one buffer of
// its size. Anything else is refused before a byte is read: a FIFO or a
// device named .srt would block the run or fill the memory, a folder is not
// a file, and a file over the limit costs nothing.
func readFile(path string, limit int64) ([]byte, error) { return readFileInto(nil, path, limit) }

// readFileInto is readFile into buf's array when it has room (a worker's
// read buffer, see workspace), else into a new one.
func readFileInto(buf []byte, path string, limit int64) ([]byte, error) {
	// Only a regular file is opened (openRegular, one per system): a FIFO
	// or device is refused from the path's stat.
	fh, size, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer fh.close()
	if size > limit {
		return nil, fmt.Errorf("file too large: %d bytes (%s), over the limit of %s for a subtitle file (max_file_size_mb, --max-file-size-mb); not read",
			size, byteSize(size), byteSize(limit))
	}
	// One buffer of the size the file says it has (buf's when it has the
	// room), plus one byte to see whether it grew meanwhile; never more
	// than limit+1 bytes are read.
	data := slices.Grow(buf[:0], int(size)+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grew: Go's growth, bounded below
		}
		room := data[len(data):cap(data)]
		if left := limit + 1 - int64(len(data)); int64(len(room)) > left {
			room = room[:left]
		}
		n, err := fh.read(room)
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("file too large: it grew past the limit of %s while being read (max_file_size_mb)", byteSize(limit))
		}
		// A read of a regular file that returns less than it was asked
		// for has met the file's end: with all the bytes fstat promised,
		// that is the whole file, without a second read to hear EOF.
		if err == io.EOF || (err == nil && n < len(room) && int64(len(data)) == size) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// openError is the reason a file could not be opened, without the path
// (the finding is already at it); running out of descriptors is kept
// whole, so that the run fails instead of the file being blamed.
func openError(err error) error {
	var pe *os.PathError
	if openfiles.Exhausted(err) {
		return err
	}
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return errors.New(err.Error())
}

// notRegular says what a path is instead of a regular file.
func notRegular(m os.FileMode) error {
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

// ReadFile reads a subtitle file the way the engine does: a regular file of
// at most limit bytes (0: DefaultMaxFileSize), refused otherwise. fix reads
// the originals it corrects through it, so both see the same bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	return readFile(path, limit)
}
