package fix

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// WriteSummary prints the change log for people: one line per edit
// (file:line, cue, rule, before → after), the dropped fixes with why, and
// the per-rule counts before and after; detail false prints only the last two.
func WriteSummary(w io.Writer, res *Result, detail bool) error {
	var b strings.Builder
	for _, c := range res.Changes {
		if !detail {
			break
		}
		loc := c.File
		if c.Line > 0 {
			loc += ":" + strconv.Itoa(c.Line)
		}
		cueText := ""
		if c.Cue > 0 {
			cueText = " cue " + strconv.Itoa(c.Cue)
		}
		fmt.Fprintf(&b, "%s%s %s: %q → %q (%s)\n", loc, cueText, c.Rule, c.Before, c.After, c.Message)
	}
	for _, d := range res.Dropped {
		if !detail {
			break
		}
		where := ""
		if d.Cue > 0 {
			where = " for cue " + strconv.Itoa(d.Cue)
		}
		fmt.Fprintf(&b, "%s: %s fix%s dropped: %s\n", d.File, d.Rule, where, d.Reason)
	}
	writeNotFixed(&b, res.NotFixed, detail)
	// Said even without detail: it explains why a file was left as it was.
	for _, s := range res.Skipped {
		fmt.Fprintf(&b, "%s: no fix placed: %s\n", s.File, s.Reason)
	}
	codes := map[string]bool{}
	for c := range res.Before {
		codes[c] = true
	}
	for c := range res.After {
		codes[c] = true
	}
	list := make([]string, 0, len(codes))
	for c := range codes {
		list = append(list, c)
	}
	sort.Strings(list)
	changed := 0
	for i := range res.Files {
		if res.Files[i].Changed() {
			changed++
		}
	}
	fmt.Fprintf(&b, "%d edit(s) in %d file(s), %d fix(es) dropped", len(res.Changes), changed, len(res.Dropped))
	if len(list) > 0 {
		b.WriteString("; findings before → after:")
		for _, c := range list {
			fmt.Fprintf(&b, " %s %d → %d", c, res.Before[c], res.After[c])
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Log is the JSON change log.
type Log struct {
	Changes []Change  `json:"changes"`
	Dropped []Dropped `json:"dropped"`
	Skipped []Skipped `json:"skipped,omitempty"`
	// NotFixed lists each remaining finding whose rule declined a fix, and why.
	NotFixed []NotFixed     `json:"not_fixed,omitempty"`
	Files    []LogFile      `json:"files"`
	Before   map[string]int `json:"before"`
	After    map[string]int `json:"after"`
	// Manifests says which manifests in the copy were updated, and which
	// were not rewritten (IMF, MMC, iTunes) and so no longer match.
	Notes []string `json:"notes,omitempty"`
}

// LogFile is one changed file in the log.
type LogFile struct {
	Path   string `json:"path"`
	Output string `json:"output,omitempty"`
	Passes int    `json:"passes"`
}

// WriteLog writes the JSON change log; outputs maps files to where they were written.
func WriteLog(w io.Writer, res *Result, outputs map[string]string, notes []string) error {
	l := Log{Changes: res.Changes, Dropped: res.Dropped, Skipped: res.Skipped, NotFixed: res.NotFixed, Before: res.Before, After: res.After, Notes: notes}
	if l.Changes == nil {
		l.Changes = []Change{}
	}
	if l.Dropped == nil {
		l.Dropped = []Dropped{}
	}
	l.Files = []LogFile{}
	for i := range res.Files {
		f := &res.Files[i]
		if f.Changed() {
			l.Files = append(l.Files, LogFile{Path: f.Path, Output: outputs[f.Path], Passes: f.Passes})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(l)
}

// writeNotFixed prints the declined fixes, one line per file, rule and
// reason with how many findings it stands for (a file can have hundreds);
// the JSON log lists each finding.
func writeNotFixed(b *strings.Builder, nf []NotFixed, detail bool) {
	if !detail {
		return
	}
	type key struct{ file, rule, reason string }
	counts := map[key]int{}
	var order []key
	for _, n := range nf {
		k := key{n.File, n.Rule, n.Reason}
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	for _, k := range order {
		fmt.Fprintf(b, "%s: %d %s finding(s) not fixed: %s\n", k.file, counts[k], k.rule, k.reason)
	}
}
