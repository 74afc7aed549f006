package fix

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/format/stl"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// MaxPasses bounds the passes that change one file, per class of fixes
// (encoding, timing, layout).
const MaxPasses = 5

// maxIterations bounds the whole run: changing passes, plus the retries
// after a re-check rejected some fixes (each retry withholds at least one
// fix or narrows a pass to one rule, so retries make progress).
const maxIterations = 6 * MaxPasses

// Options configure a fix run.
type Options struct {
	// Engine is the check configuration (paths, packs, flags, territories,
	// waivers) the findings and re-checks use, exactly as for check.
	Engine engine.Options
	// Rules are the codes whose fixes are applied (from --only/--except).
	Rules map[string]bool
}

// Change is one applied edit, for the change log.
type Change struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Cue     int    `json:"cue,omitempty"`
	Rule    string `json:"rule"`
	Pass    int    `json:"pass"`
	Message string `json:"message"`
	Before  string `json:"before"`
	After   string `json:"after"`
}

// Dropped is a fix withheld because the re-check of the copy rejected it.
type Dropped struct {
	File   string `json:"file"`
	Rule   string `json:"rule"`
	Cue    int    `json:"cue,omitempty"` // 0: the rule's fixes for the whole file
	Reason string `json:"reason"`
}

// NotFixed is a finding left because its rule declined to fix it, with
// the rule's reason (an EBU STL text field the new character does not fit).
type NotFixed struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Cue    int    `json:"cue,omitempty"`
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

// File is one checked file's outcome.
type File struct {
	Path     string `json:"path"`
	Format   string `json:"-"` // as read: "stl" is binary (see Diff)
	Encoding string `json:"-"` // of the original, as the check read it
	Original []byte `json:"-"`
	Fixed    []byte `json:"-"`
	Passes   int    `json:"passes"`
}

// Changed reports whether the copy differs from the original.
func (f *File) Changed() bool { return string(f.Original) != string(f.Fixed) }

// Result is what a fix run did.
type Result struct {
	Files   []File    `json:"-"`
	Changes []Change  `json:"changes"`
	Dropped []Dropped `json:"dropped,omitempty"`
	// Skipped are files in an encoding no fix can be placed in (see E001).
	Skipped []Skipped `json:"skipped,omitempty"`
	// NotFixed are the remaining findings whose rule said why it offers
	// no fix.
	NotFixed []NotFixed `json:"not_fixed,omitempty"`
	// Remaining are the selected rules' findings (not waived) still in the
	// copies: the fixes could not remove them.
	Remaining []rule.Finding `json:"remaining,omitempty"`
	// Before and After count the selected rules' findings (not waived),
	// rule by rule, on the originals and on the copies.
	Before map[string]int `json:"before"`
	After  map[string]int `json:"after"`
}

// fileState is one file's progress through the passes.
type fileState struct {
	path     string
	format   string // as the check read it
	encoding string // as the check read it: fixes need UTF-8
	original []byte
	current  []byte
	findings []rule.Finding
	passes   int
	stage    map[int]int        // changing passes per priority class (encoding, timing, layout)
	single   bool               // a combined pass was rejected: one rule per pass
	blocked  map[string]Dropped // rules whose fixes the re-check rejected here
	// blockedAt are single fixes (rule@cue) the re-check rejected.
	blockedAt map[string]Dropped
}

func fixKey(f *rule.Finding) string { return f.Rule + "@" + strconv.Itoa(f.Cue) }

// Run fixes every file the options name, in memory; nothing is written.
func Run(ctx context.Context, opts Options) (*Result, error) {
	st := &run{opts: opts, disk: map[string][]byte{}}
	rep, err := st.check(ctx, nil)
	if err != nil {
		return nil, err
	}
	byFile := groupFindings(rep)
	var files []*fileState
	for _, rf := range rep.Files {
		data, ok := st.disk[rf.Path]
		if !ok {
			continue // unreadable: E000 says so, nothing to fix
		}
		files = append(files, &fileState{path: rf.Path, format: rf.Format, encoding: rf.Encoding, original: data, current: data,
			findings: byFile[rf.Path], blocked: map[string]Dropped{}, blockedAt: map[string]Dropped{}, stage: map[int]int{}})
	}
	res := &Result{Before: st.count(files)}
	// Each iteration is one pass over every file with something to fix;
	// the bound allows MaxPasses changing passes plus one-rule retries.
	retries := 0
	for iter := 0; iter < maxIterations; iter++ {
		cands := map[string][]byte{} // every file's bytes for the re-check
		plans := map[*fileState][]planned{}
		for _, f := range files {
			p := st.plan(f)
			if len(p) == 0 || !valid(f.current, p) {
				continue
			}
			plans[f] = p
			cands[f.path] = apply(f.current, p)
		}
		if len(plans) == 0 {
			// A fix withheld because a neighbour's fix spoilt the pass may
			// pass alone now: give the withheld fixes another chance, so
			// that fixing the fixed copy changes nothing.
			if retries < 2 && clearWithheld(files) {
				retries++
				continue
			}
			break
		}
		for _, f := range files {
			if _, ok := cands[f.path]; !ok {
				cands[f.path] = f.current
			}
		}
		rep, err := st.check(ctx, func(path string) ([]byte, bool) {
			b, ok := cands[path]
			return b, ok
		})
		if err != nil {
			return nil, err
		}
		after := groupFindings(rep)
		for _, f := range files {
			p, ok := plans[f]
			if !ok {
				continue
			}
			v := judge(f.findings, after[f.path], p)
			if v.ok() {
				st.log(res, f, p)
				f.current, f.findings = cands[f.path], after[f.path]
				f.passes++
				f.stage[priority(p[0].finding.Rule)]++
				continue
			}
			// Withhold the fixes next to the cues that got worse, and
			// retry the rest; failing that, one rule at a time; failing
			// that, drop the rule's fixes for this file.
			if n := withhold(f, p, v); n > 0 {
				continue
			}
			if codes := rulesOf(p); len(codes) > 1 && !f.single {
				f.single = true
			} else {
				f.blocked[codes[0]] = Dropped{File: f.path, Rule: codes[0], Reason: v.reason}
			}
		}
	}
	for _, f := range files {
		res.Dropped = append(res.Dropped, dropped(f)...)
		if s, ok := encodingNote(f, opts.Rules); ok {
			res.Skipped = append(res.Skipped, s)
		}
		res.Files = append(res.Files, File{Path: f.path, Format: f.format, Encoding: f.encoding, Original: f.original, Fixed: f.current, Passes: f.passes})
		for _, fd := range f.findings {
			if fd.Waived == nil && opts.Rules[fd.Rule] {
				fd.Fixes = nil
				res.Remaining = append(res.Remaining, fd)
				if fd.NoFix != "" {
					res.NotFixed = append(res.NotFixed, NotFixed{File: fd.File, Line: fd.Line, Cue: fd.Cue, Rule: fd.Rule, Reason: fd.NoFix})
				}
			}
		}
	}
	res.After = st.count(files)
	return res, nil
}

type run struct {
	opts Options
	mu   sync.Mutex
	disk map[string][]byte // original bytes, recorded on the first check
}

// check runs the engine with fixes requested; overlay, when set, supplies
// the bytes of files it knows (the copies), else files are read from disk
// and recorded as the originals.
func (st *run) check(ctx context.Context, overlay func(string) ([]byte, bool)) (*report.Report, error) {
	eo := st.opts.Engine
	eo.SuggestFixes = true
	eo.Progress = nil
	eo.ReadFile = func(path string) ([]byte, error) {
		if overlay != nil {
			if b, ok := overlay(path); ok {
				return b, nil
			}
		}
		b, err := readFile(path)
		if err == nil && overlay == nil {
			st.mu.Lock()
			st.disk[path] = b
			st.mu.Unlock()
		}
		return b, err
	}
	return engine.Run(ctx, eo)
}

// readFile reads a file as the engine does, with its size limit.
func readFile(path string) ([]byte, error) { return engine.ReadFile(path, 0) }

// plan chooses this pass's fixes for one file.
func (st *run) plan(f *fileState) []planned {
	wantRule := func(code string) bool {
		_, no := f.blocked[code]
		return st.opts.Rules[code] && !no
	}
	want := func(fd *rule.Finding) bool {
		_, no := f.blockedAt[fixKey(fd)]
		return wantRule(fd.Rule) && !no && f.stage[priority(fd.Rule)] < MaxPasses
	}
	// One class of fixes per pass, in priority order: layout is fixed on
	// settled timing, and a re-check's objection is not blamed on a fix of
	// another class.
	all := plan(f.findings, want, "")
	if len(all) == 0 {
		return nil
	}
	class := priority(all[0].finding.Rule)
	want2 := func(fd *rule.Finding) bool { return want(fd) && priority(fd.Rule) == class }
	only := ""
	if f.single {
		only = all[0].finding.Rule
	}
	return plan(f.findings, want2, only)
}

// verdict is the re-check's judgement of one file's pass.
type verdict struct {
	reason string         // why the copy is rejected; "" when kept
	bad    map[int]string // cues with new findings of other rules, and which
	whole  bool           // a problem not tied to a cue (a parse error, a file finding)
}

func (v verdict) ok() bool { return v.reason == "" }

// judge compares a file's findings before and after a pass's fixes.
func judge(before, after []rule.Finding, p []planned) verdict {
	applied := map[string]bool{}
	for _, x := range p {
		applied[x.finding.Rule] = true
	}
	type at struct {
		rule string
		cue  int
	}
	// Reordering cues renumbers them: findings are then compared by rule only.
	byCue := func(f *rule.Finding) int {
		if applied["T007"] {
			return 0
		}
		return f.Cue
	}
	b, a := map[at]int{}, map[at]int{}
	for i := range before {
		b[at{before[i].Rule, byCue(&before[i])}]++
	}
	for i := range after {
		a[at{after[i].Rule, byCue(&after[i])}]++
	}
	v := verdict{bad: map[int]string{}}
	keys := make([]at, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].cue != keys[j].cue {
			return keys[i].cue < keys[j].cue
		}
		return keys[i].rule < keys[j].rule
	})
	for _, k := range keys {
		if applied[k.rule] || a[k] <= b[k] {
			continue
		}
		what := fmt.Sprintf("the fixed copy would have %d more %s finding(s)", a[k]-b[k], k.rule)
		if k.cue > 0 {
			what += " at cue " + strconv.Itoa(k.cue)
		}
		if v.reason == "" {
			v.reason = what
		}
		if k.cue == 0 || k.rule == "E000" {
			v.whole = true
		} else if _, ok := v.bad[k.cue]; !ok {
			v.bad[k.cue] = what
		}
	}
	bt, at2 := tally(before), tally(after)
	for _, c := range sortedKeys(applied) {
		if at2[c] >= bt[c] && v.reason == "" {
			v.reason = "the fix did not remove any " + c + " finding"
			v.whole = true
		}
	}
	return v
}

// withhold blocks the pass's fixes that could have made a cue worse,
// records them as dropped, and returns how many it blocked. Of several
// fixes that could have spoilt one cue, the first is spared: each may fit
// alone where together they do not (a T010 and a T012 retime that shorten
// a cue below T001's min_duration only together), and the next pass judges
// the others against its result.
func withhold(f *fileState, p []planned, v verdict) int {
	if v.whole || len(v.bad) == 0 {
		return 0
	}
	blamed := map[int]int{} // bad cue → fixes of the pass that could have spoilt it
	for _, x := range p {
		forBadCues(x, v, func(near int) { blamed[near]++ })
	}
	spared := map[int]bool{}
	n := 0
	for _, x := range p {
		c := x.finding.Cue
		lo, hi := reach(x.finding.Rule)
		for near := c + lo; near <= c+hi; near++ {
			why, ok := v.bad[near]
			if _, done := f.blockedAt[fixKey(x.finding)]; !ok || c == 0 || done {
				continue
			}
			if blamed[near] > 1 && !spared[near] {
				spared[near] = true
				continue
			}
			f.blockedAt[fixKey(x.finding)] = Dropped{File: f.path, Rule: x.finding.Rule, Cue: c, Reason: why}
			n++
			break
		}
	}
	return n
}

// forBadCues calls fn for each cue the verdict found worse that fix x could
// have spoilt.
func forBadCues(x planned, v verdict, fn func(cue int)) {
	c := x.finding.Cue
	if c == 0 {
		return
	}
	lo, hi := reach(x.finding.Rule)
	for near := c + lo; near <= c+hi; near++ {
		if _, ok := v.bad[near]; ok {
			fn(near)
		}
	}
}

// clearWithheld forgets the single fixes withheld so far; it reports
// whether there were any.
func clearWithheld(files []*fileState) bool {
	any := false
	for _, f := range files {
		if len(f.blockedAt) > 0 {
			any = true
			f.blockedAt = map[string]Dropped{}
		}
	}
	return any
}

// dropped lists a file's withheld fixes: whole rules first, then by cue.
func dropped(f *fileState) []Dropped {
	var out []Dropped
	for _, c := range sortedKeys(f.blocked) {
		out = append(out, f.blocked[c])
	}
	var single []Dropped
	for _, d := range f.blockedAt {
		single = append(single, d)
	}
	sort.Slice(single, func(i, j int) bool {
		if single[i].Cue != single[j].Cue {
			return single[i].Cue < single[j].Cue
		}
		return single[i].Rule < single[j].Rule
	})
	return append(out, single...)
}

// reach is the range of cues, relative to its finding's cue, where a rule's
// fix can change findings: the chaining fixes (T003, T004, T006) move the
// previous cue's out-time, which shows on that cue (duration, reading
// speed) and on the finding's (the gap before it); fixes of a cue's own
// times show on it and on the next cue (the gap after it).
func reach(code string) (lo, hi int) {
	switch code {
	case "T003", "T004", "T006":
		return -1, 0
	case "T001", "T002", "T008":
		return 0, 1
	}
	return 0, 0
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func tally(fs []rule.Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[f.Rule]++
	}
	return m
}

func rulesOf(p []planned) []string {
	var codes []string
	seen := map[string]bool{}
	for _, x := range p {
		if !seen[x.finding.Rule] {
			seen[x.finding.Rule] = true
			codes = append(codes, x.finding.Rule)
		}
	}
	sort.Slice(codes, func(i, j int) bool {
		if pi, pj := priority(codes[i]), priority(codes[j]); pi != pj {
			return pi < pj
		}
		return codes[i] < codes[j]
	})
	return codes
}

// log records a kept pass's edits.
func (st *run) log(res *Result, f *fileState, p []planned) {
	for _, x := range p {
		for _, e := range x.fix.Edits {
			before, after := shown(f, e.Start, f.current[e.Start:e.End]), shown(f, e.Start, []byte(e.New))
			if f.format == "stl" {
				if b, a, ok := stlTextChange(f, e.Start, e.End, []byte(e.New)); ok {
					before, after = b, a
				}
			}
			res.Changes = append(res.Changes, Change{File: f.path, Line: x.finding.Line, Cue: x.finding.Cue,
				Rule: x.finding.Rule, Pass: f.passes + 1, Message: x.fix.Message, Before: before, After: after})
		}
	}
}

// shown keeps a change log readable: whole-file rewrites are summarised,
// an EBU STL timecode (a TTI block's TCI or TCO: hours, minutes, seconds
// and frames as four binary bytes) is written as the timecode a person
// reads in a subtitling tool, and EBU STL text as its characters (control
// codes as <80h>, padding left out), not as raw bytes. at is where the
// edit starts in the file.
func shown(f *fileState, at int64, b []byte) string {
	if f.format == "stl" && at >= 1024 {
		switch inBlock := (at - 1024) % 128; {
		case inBlock >= 5 && inBlock < 13 && len(b) == 4:
			return fmt.Sprintf("%02d:%02d:%02d:%02d", b[0], b[1], b[2], b[3])
		case inBlock >= 16:
			cct, _ := stl.CodeTable(f.current)
			return stl.Printable(b, cct)
		}
	}
	if len(b) > 200 {
		return fmt.Sprintf("(%d bytes)", len(b))
	}
	if !utf8.Valid(b) {
		// A file in UTF-16 or a legacy code page, before E001 transcodes
		// it: its bytes are not text a log can print.
		return fmt.Sprintf("(%d bytes of %s)", len(b), f.encoding)
	}
	return string(b)
}

func (st *run) count(files []*fileState) map[string]int {
	m := map[string]int{}
	for _, f := range files {
		for _, fd := range f.findings {
			if fd.Waived == nil && st.opts.Rules[fd.Rule] {
				m[fd.Rule]++
			}
		}
	}
	return m
}

func groupFindings(rep *report.Report) map[string][]rule.Finding {
	m := map[string][]rule.Finding{}
	for _, f := range rep.Findings {
		m[f.File] = append(m[f.File], f)
	}
	return m
}
