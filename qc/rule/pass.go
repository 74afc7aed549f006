package rule

import (
	"fmt"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
)

// Setting is one effective parameter value with where it came from.
type Setting struct {
	Value  Value
	Layer  string // "defaults", "platform", "language", "territory", "project", "flags"
	Pack   string // pack or file that set it
	Source string // guideline + clause that justifies it
}

// Config is the effective configuration of one rule for one file.
type Config struct {
	Enabled  bool
	Severity Severity
	Params   map[string]Setting
}

// Where a file's language was declared (Declaration.Source), and
// File.LanguageSource's values.
const (
	DeclaredByFlag     = "flag"     // --lang
	DeclaredByName     = "filename" // the file's name (".fr.srt")
	DeclaredByManifest = "manifest" // the delivery manifest's entry for the file
	DeclaredByFile     = "file"     // inside the file: TTML xml:lang, EBU STL LC
	// LanguageFromContent is the LanguageSource of a file that declares no
	// language and whose text was identified; LanguageUnknown that of a
	// file whose text could not tell.
	LanguageFromContent = "content"
	LanguageUnknown     = "unknown"
)

// Declaration is one language declared for a file.
type Declaration struct {
	Source string // DeclaredByFlag, DeclaredByName, DeclaredByManifest or DeclaredByFile
	Tag    string // as declared; may be invalid (G001 says so)
}

// File describes the subtitle file a Pass runs on.
type File struct {
	Path            string // as given on the command line, relative
	Language        string // canonical BCP-47 tag, "" if unknown
	FrameRate       cue.FrameRate
	FrameRateSource string // "file", "flag", "config", "manifest", "default"
	// FrameRateDeclared is true when the rate came from the file, a flag, config or
	// a manifest, i.e. not the fallback: off-frame checks only make sense then.
	FrameRateDeclared bool
	// LanguageSource says where Language came from: one of the Declared*
	// sources, LanguageFromContent or LanguageUnknown.
	LanguageSource string
	// Declared lists the languages declared for the file, in the order
	// flag, name, manifest, file; the language rules compare them.
	Declared []Declaration
	// LanguageEvidence says, when LanguageSource is LanguageFromContent or
	// LanguageUnknown, what the text showed ("4 of 4 samples read as
	// English (en)") or why it could not tell.
	LanguageEvidence string

	// What reading the file found out before any rule ran: the encoding
	// layer's verdict, the format the content and the name say, and the
	// problems that kept it (or part of it) from being read. Rules with
	// Facts report them.
	Encoding        string // "UTF-8", "UTF-16LE", "windows-1252", ...; "" when not decoded
	EncodingGuessed bool   // guessed from the content, not declared by a BOM
	BOM             bool
	// NamedFormat is the format the file name says, "" when the name says
	// none or is ambiguous (.xml, .txt); ContentFormat is what the content
	// was recognised as, "" when unrecognised.
	NamedFormat, ContentFormat string
	Problems                   []Problem
	// Controls are the lines of a text file that hold control characters
	// (reported by E005); the file is read all the same.
	Controls []Problem

	// Programme is, inside a delivery, the episode or programme the file
	// belongs to; nil for a loose file.
	Programme *Programme
	// Kind is, inside a delivery, the file's kind as its manifest states
	// it (subtitles, sdh, forced, captions); "" for a loose file, whose
	// kind only its name can tell.
	Kind string
	// Fix, when set, asks rules for suggested fixes and gives them the bytes.
	Fix *FixSource

	// ShotChanges are the programme's cut times (the first frame of each
	// new shot), sorted, from a shot-change list or a video; nil when the
	// run has none for this file, and the rules that need them do not run.
	ShotChanges []cue.Time
	// ShotChangesUnavailable says why a video named for the file gave no
	// shot changes (ffmpeg not on PATH), for the note that the shot-change
	// rules did not run; "" when nothing was named.
	ShotChangesUnavailable string

	memo    map[any]any // Pass.Memo
	scratch map[any]any // Pass.Scratch: kept by Reset
	// where the rules' texts and timecodes go (Pass.Text, Pass.AtCue):
	// kept by Reset, since they are only appended to. They hold slices by
	// value, so a File must never be copied: two copies would append into
	// the same spare room and overwrite each other's finding texts.
	texts     textChunk
	timecodes timecodeSlab
}

// Reset makes f the File of another file at path, as &File{Path: path}
// would, keeping only the memory of its memo (emptied), its scratch
// (each value told to let go of the last file, ScratchReleaser) and the
// rest of its text chunk and timecode slab: a worker checks its files one
// after another through one File.
func (f *File) Reset(path string) {
	memo, scratch := f.memo, f.scratch
	clear(memo)
	for _, v := range scratch {
		if r, ok := v.(ScratchReleaser); ok {
			r.ReleaseScratch()
		}
	}
	texts := f.texts
	texts.busy = false // a rule that panicked while building a text left it set
	*f = File{Path: path, memo: memo, scratch: scratch, texts: texts, timecodes: f.timecodes}
}

// Problem is something that kept a file, or part of it, from being read or
// checked: it cannot be opened, is binary, is in no format exportqc reads,
// has undecodable bytes, or a rule failed on it.
type Problem struct {
	Line    int
	Message string
	More    int // further problems of the same kind it stands for, unlisted (Finding.More)
}

// Problemf records a problem on the file.
func (f *File) Problemf(line int, format string, args ...any) {
	f.Problems = append(f.Problems, Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

// Programme is what a delivery says about the programme a file times.
type Programme struct {
	Label     string   // "episode 3", "the programme"
	Episode   int      // 0 for a programme without episodes
	Duration  cue.Time // 0: unknown
	FrameRate cue.FrameRate
}

// Pass is one rule's view of one file.
type Pass struct {
	Settings
	Rule *Rule
	File *File
	// Doc is the file's cues; nil for a file that could not be read into
	// cues (only rules with Rule.Facts run then).
	Doc    *cue.Document
	Config *Config
	report func(Finding)
	// the last parameter whose source a finding cited, and that source:
	// a rule cites the same one on each of its findings (Source)
	sourceParam, source string
}

// NewPass is used by the engine (and rule tests) to run a rule.
func NewPass(r *Rule, f *File, doc *cue.Document, cfg *Config, report func(Finding)) *Pass {
	p := new(Pass)
	p.Reset(r, f, doc, cfg, report)
	return p
}

// Reset makes p the pass of rule r over f, as NewPass would, so that the
// engine can run a file's hundred-odd rules through one Pass instead of
// allocating one each. Rules must not keep p past their Run (none does:
// findings are values, and memos hold only what a rule computed).
func (p *Pass) Reset(r *Rule, f *File, doc *cue.Document, cfg *Config, report func(Finding)) {
	*p = Pass{Settings: Settings{r, cfg}, Rule: r, File: f, Doc: doc, Config: cfg, report: report}
}

// Memo returns what build computes for key, computed once per file and
// shared by every rule run on it: a measure two rules need (each line's
// character count, for line length and reading speed) is not taken twice.
// Keys are compared with ==; use a type of the rule package's own, holding
// whatever parameters the value depends on. The rules of one file run one
// after another, so no lock is needed.
func (p *Pass) Memo(key any, build func() any) any { return getOrBuild(&p.File.memo, key, build) }

// getOrBuild returns (*m)[key], building and storing it first when absent
// (making the map on first use): the one way memos and scratch are kept.
func getOrBuild(m *map[any]any, key any, build func() any) any {
	if v, ok := (*m)[key]; ok {
		return v
	}
	if *m == nil {
		*m = map[any]any{}
	}
	v := build()
	(*m)[key] = v
	return v
}

// Scratch returns the value build made for key on an earlier file checked
// through the same File (a worker's, reused by Reset), or a new one: memory
// a memo can fill again for each file instead of allocating its own, such
// as the line facts of every line. What it holds is the current file's
// only while the memo built from it lives: a memo must refill it before
// use, and nothing built from it may be kept past the file (findings are
// values: they copy what they need). A value holding pointers (strings)
// implements ScratchReleaser, so that a worker's File keeps memory, not
// the last file's text. A File that is not reset gets a new value each
// time it is new, so a Scratch-backed memo works the same without reuse.
func (p *Pass) Scratch(key any, build func() any) any {
	return getOrBuild(&p.File.scratch, key, build)
}

// ScratchReleaser is a Scratch value that points into a file's data: File.Reset
// calls ReleaseScratch so that it lets go of it (keeping its memory).
type ScratchReleaser interface{ ReleaseScratch() }

// Source returns the source citation of a parameter, as Settings.Source
// does, remembering the last one asked: a finding-dense file has hundreds
// of findings of one rule citing one parameter, each a map lookup.
func (p *Pass) Source(name string) string {
	if name != p.sourceParam || p.sourceParam == "" {
		p.sourceParam, p.source = name, p.Settings.Source(name)
	}
	return p.source
}

// Duration returns a duration parameter resolved at the file's frame rate.
func (p *Pass) Duration(name string) cue.Time { return p.DurationAt(name, p.File.FrameRate) }

// Report records a finding; rule code, name, severity and file are filled in.
func (p *Pass) Report(f Finding) {
	f.Rule = p.Rule.Code
	f.Name = p.Rule.Name
	f.Severity = p.Config.Severity
	f.File = p.File.Path
	takeDeclined(&f)
	p.report(f)
}

// ReportMilder records a finding at severity sev where that is milder
// than the configured severity: a check that knows a problem is minor (a
// deprecated tag that still names the right language) says so, never the
// other way round.
func (p *Pass) ReportMilder(f Finding, sev Severity) {
	f.Rule = p.Rule.Code
	f.Name = p.Rule.Name
	f.Severity = min(sev, p.Config.Severity)
	f.File = p.File.Path
	takeDeclined(&f)
	p.report(f)
}

// ReportCue records a finding about cue c.
func (p *Pass) ReportCue(c *cue.Cue, param, message, expected, actual string) {
	p.ReportCueFix(c, param, message, expected, actual)
}

// maxCueID bounds the cue identifier a finding carries: a WebVTT
// identifier is a whole line of input, and a finding never quotes
// unbounded input.
const maxCueID = 64

// CueID is c's own identifier for a finding, cut to maxCueID bytes (at a
// character boundary, with an ellipsis) when longer.
func CueID(c *cue.Cue) string {
	id := c.ID
	if len(id) <= maxCueID {
		return id
	}
	cut := maxCueID
	for cut > 0 && !utf8.RuneStart(id[cut]) {
		cut--
	}
	return id[:cut] + "…"
}

// ReportDiagnostics reports the reader's diagnostics that carry the pass's
// rule code: the Run of the rules whose findings the readers detect.
func ReportDiagnostics(p *Pass) {
	if p.Doc == nil {
		return
	}
	for _, d := range p.Doc.Diagnostics {
		if d.Rule == p.Rule.Code {
			p.ReportDiagnostic(d)
		}
	}
}

// ReportDiagnostic reports one reader diagnostic, at its cue when it has one.
func (p *Pass) ReportDiagnostic(d cue.Diagnostic) { p.ReportDiagnosticFix(d) }

// ReportDiagnosticFix is ReportDiagnostic with suggested fixes attached.
func (p *Pass) ReportDiagnosticFix(d cue.Diagnostic, fixes ...SuggestedFix) {
	f := Finding{Line: d.Line, Cue: d.Cue, Message: d.Message, More: d.More, Fixes: fixes}
	if d.Cue > 0 && d.Cue <= len(p.Doc.Cues) {
		c := &p.Doc.Cues[d.Cue-1]
		f.Start, f.End = Span(c.Start, c.End)
		f.CueID = CueID(c)
	}
	p.Report(f)
}

// Run runs the pass's rule.
func (p *Pass) Run() { p.Rule.Run(p) }
