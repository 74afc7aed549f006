package waiver

import (
	"strconv"
	"strings"
	"time"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// Set is the waivers of one waiver file, in file order.
type Set struct {
	path    string
	entries []*entry
}

// Path is the waiver file as given to Load.
func (s *Set) Path() string { return s.path }

// Len is the number of waivers.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return len(s.entries)
}

// entry is one waiver: its conditions and what a waived finding carries.
type entry struct {
	line int // where the waiver's item starts in the file

	rule        string // code or name; "" when only a fingerprint is given
	file        *glob  // nil: any file
	cue         int    // 0: any cue
	at          *span  // nil: any time
	fingerprint string // "": any

	expires time.Time // midnight UTC of the last day; zero: never
	info    rule.Waiver
}

// span is an inclusive range of start times at millisecond precision; a
// single timecode is a span of one millisecond.
type span struct{ lo, hi int64 }

// matches reports whether every condition of the waiver holds for f. fp
// gives f's fingerprint, computed only when a waiver asks for it.
func (e *entry) matches(f *rule.Finding, fp func() string) bool {
	if e.rule != "" && e.rule != f.Rule && e.rule != f.Name {
		return false
	}
	if e.cue != 0 && e.cue != f.Cue {
		return false
	}
	if e.at != nil {
		if f.Start == nil {
			return false
		}
		ms := cue.Time(*f.Start).Milliseconds()
		if ms < e.at.lo || ms > e.at.hi {
			return false
		}
	}
	if e.file != nil && !e.file.match(rule.SlashPath(f.File)) {
		return false
	}
	return e.fingerprint == "" || e.fingerprint == fp()
}

// expired reports whether now is past the waiver's last day, by the
// calendar of now's time zone.
func (e *entry) expired(now time.Time) bool {
	if e.expires.IsZero() {
		return false
	}
	y, m, d := now.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(e.expires)
}

// describe names the waiver in notes: what it waives, briefly.
func (e *entry) describe() string {
	var parts []string
	if e.rule != "" {
		parts = append(parts, e.rule)
	}
	if e.file != nil {
		parts = append(parts, "file "+strconv.Quote(e.file.pattern))
	}
	if e.cue != 0 {
		parts = append(parts, "cue "+strconv.Itoa(e.cue))
	}
	if e.at != nil {
		parts = append(parts, "at "+e.at.String())
	}
	if e.fingerprint != "" {
		parts = append(parts, "fingerprint "+e.fingerprint)
	}
	return "waiver (" + strings.Join(parts, ", ") + ")"
}

func (s span) String() string {
	lo := (cue.Time(s.lo) * cue.Millisecond).String()
	if s.lo == s.hi {
		return lo
	}
	return lo + "-" + (cue.Time(s.hi) * cue.Millisecond).String()
}
