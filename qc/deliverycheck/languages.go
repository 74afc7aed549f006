package deliverycheck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

// unit is what a requirement is checked against: one episode, or the whole
// programme when the delivery has no episodes.
type unit struct {
	label string // "episode 3", "the programme"
	file  string // where the finding points
	line  int
	files []*delivery.File
}

func (c *checker) units() []unit {
	if len(c.d.Episodes) == 0 {
		u := unit{label: "the programme", file: c.manifest()}
		for i := range c.d.Files {
			u.files = append(u.files, &c.d.Files[i])
		}
		return []unit{u}
	}
	var out []unit
	for _, e := range c.d.Episodes {
		u := unit{label: fmt.Sprintf("episode %d", e.Number), file: c.report(e.Manifest), line: e.Line}
		if e.Manifest == "" {
			u.file = c.manifest()
		}
		for _, i := range e.Files {
			if i >= 0 && i < len(c.d.Files) {
				u.files = append(u.files, &c.d.Files[i])
			}
		}
		out = append(out, u)
	}
	return out
}

// languages reports subtitle files declared without a language, and, per
// territory requirement and episode, languages the delivery lacks (D001).
func (c *checker) languages() {
	for i := range c.d.Files {
		f := &c.d.Files[i]
		if !delivery.IsText(f.Kind) || strings.TrimSpace(f.Language) != "" {
			continue
		}
		fd := rule.Finding{Rule: "D001", File: c.report(f.Manifest), Line: f.Line, Expected: "a BCP-47 language tag",
			Message: fmt.Sprintf("%s (%s) is declared without a language: it cannot count towards any territory's requirements", f.Path, f.Kind)}
		if f.Manifest == "" {
			// Described by its name (no manifest): the name is what lacks it.
			fd.File = c.report(f.Path)
			fd.Message = fmt.Sprintf("%s (%s): its name gives no language, so it cannot count towards any territory's requirements", f.Path, f.Kind)
		}
		c.add(fd)
	}
	units := c.units()
	for _, t := range c.in.Territories {
		for ri := range t.Requires {
			r := &t.Requires[ri]
			for _, u := range units {
				if satisfied(t, r, u.files) {
					continue
				}
				c.add(rule.Finding{Rule: "D001", File: u.file, Line: u.line, Source: r.Source,
					Message: fmt.Sprintf("%s has no %s %s, which territory %s requires%s",
						u.label, languageLabel(r.Language), kindLabel(r.Kind), territoryLabel(t), acceptsNote(r)),
					Expected: r.Language + " " + r.Kind,
					Actual:   present(u.files)})
			}
		}
	}
}

func satisfied(t *territory.Territory, r *territory.Requirement, files []*delivery.File) bool {
	for _, f := range files {
		lang := f.LanguageTag
		if lang == "" {
			lang = f.Language
		}
		if r.Accepted(f.Kind) && t.Satisfies(r.Language, lang) {
			return true
		}
	}
	return false
}

// present lists the timed-text files of a unit as "fr subtitles, en sdh".
func present(files []*delivery.File) string {
	var out []string
	for _, f := range files {
		if !delivery.IsText(f.Kind) {
			continue
		}
		lang := f.LanguageTag
		if lang == "" {
			lang = "(no language)"
		}
		s := lang + " " + f.Kind
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return "no subtitle files"
	}
	return strings.Join(out, ", ")
}

func languageLabel(tag string) string {
	if n := territory.LanguageName(tag); n != tag {
		return n + " (" + tag + ")"
	}
	return tag
}

var kindLabels = map[string]string{
	"subtitles": "subtitles", "sdh": "SDH subtitles", "forced": "forced narratives", "captions": "closed captions",
}

func kindLabel(k string) string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return k
}

func territoryLabel(t *territory.Territory) string {
	if t.Title != "" && !strings.EqualFold(t.Title, t.ID) {
		return t.ID + " (" + t.Title + ")"
	}
	return t.ID
}

func acceptsNote(r *territory.Requirement) string {
	if len(r.Accepts) <= 1 {
		return ""
	}
	return " (any of: " + strings.Join(r.Accepts, ", ") + ")"
}

// formats reports subtitle files in a format a territory does not accept
// (D012), once per file and territory.
func (c *checker) formats() {
	for _, rel := range c.d.Paths() {
		facts, ok := c.in.Files[rel]
		if !ok || facts.Format == "" {
			continue
		}
		for _, t := range c.in.Territories {
			if t.Formats == nil || slices.Contains(t.Formats.Accepted, facts.Format) {
				continue
			}
			c.add(rule.Finding{Rule: "D012", File: c.report(rel), Source: t.Formats.Source,
				Message:  fmt.Sprintf("%s is not a subtitle format territory %s accepts", facts.Format, territoryLabel(t)),
				Expected: strings.Join(t.Formats.Accepted, ", "), Actual: facts.Format})
		}
	}
}
