package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

var DialogueDash = &rule.Rule{
	Code: "X005", Name: "dialogue-dash", Family: "text",
	Summary: "A two-speaker cue breaks the language's dialogue-dash convention",
	Doc: "When two people speak in one cue, each speaker's line starts with a dash, in the form the language guide " +
		"shows: a hyphen with no space in English, German, Russian and Turkish (\"-Are you coming?\"), a " +
		"hyphen and a space in French, Korean, Brazilian Portuguese, Vietnamese, Thai and Arabic (\"- Mais…\"), " +
		"and in Hebrew a dash on the second speaker's line only; Spanish sources disagree on the space, so only the " +
		"dashes themselves are checked there. Reported: a dash followed (or not) by a space " +
		"against the convention; a dash of the wrong kind (an en dash where the guide shows a hyphen); a two-line " +
		"cue with only one line dashed; a one-line cue starting with a dash and holding no second speaker. " +
		"Lines starting with \"--\" (an interruption) or a negative number are not speaker dashes, and a line that is " +
		"only a sound label ((panting), [laughs]) needs no dash. A departure the file makes on at least 10 lines and 80% of its dashed lines (a fifth of its cues for one " +
		"speaker's cue starting with a dash, the broadcast habit of dashing every change of speaker) is the file's house style and is reported once, at its first cue, with the count. " +
		"style: " +
		"no-space, space, either (the sources disagree on the space: only the dashes are checked) or second-only; " +
		"empty: not checked. dash: the dash character the guide uses.",
	Params: []rule.ParamSpec{
		{Name: "style", Kind: rule.KindString, Doc: "no-space, space, either (space not judged) or second-only; empty: not checked"},
		{Name: "dash", Kind: rule.KindString, Doc: "the dash the guide uses, e.g. \"-\" (U+002D) or \"–\" (U+2013)"},
	},
	Run: runDialogueDash, DefaultSeverity: rule.Warning,
}

// speakerDash returns the dash a line starts with and what follows it, or
// 0 when the line does not start with a speaker dash.
func speakerDash(line string) (dash rune, rest string) {
	r, n := utf8.DecodeRuneInString(line)
	if r != '-' && r != '–' && r != '—' && r != '‐' {
		return 0, ""
	}
	rest = line[n:]
	next, _ := utf8.DecodeRuneInString(rest)
	if next == '-' || next == '–' || next == '—' || unicode.IsDigit(next) || rest == "" {
		return 0, "" // "--" interruption, "-5°", a lone dash
	}
	return r, rest
}

// innerSpeaker reports whether a line holds a second speaker's dash after
// a sentence end or between spaces ("-Yes. -No.", "- Go - Yes,"): the cue
// has two speakers, whatever its other line does.
func innerSpeaker(s string) bool {
	for _, sep := range []string{". -", "? -", "! -", "… -", ". –", "? –", "! –", "… –", ".-", "?-", "!-", " - ", " – "} {
		if strings.Contains(s, sep) {
			return true
		}
	}
	return false
}

var hyphen = asciiOf("-")

// dashBlock is the block of the speaker dashes outside ASCII (‐ – —, all
// in U+2010–U+2015) in the line facts' blocksHigh.
var dashBlock = highBlockOf('–')

// mayStartWithDash reports whether a line of a cue can start with a
// speaker dash: it holds '-' or a character of the dashes' block. A
// Russian, Arabic or Chinese line without one is not decoded again.
func mayStartWithDash(facts []lineFacts) bool {
	for i := range facts {
		if facts[i].ascii.meets(hyphen) || facts[i].blocksHigh&dashBlock != 0 {
			return true
		}
	}
	return false
}

func runDialogueDash(p *rule.Pass) {
	style := strings.TrimSpace(p.String("style"))
	if style == "" {
		return
	}
	if style != "no-space" && style != "space" && style != "either" && style != "second-only" {
		badParam(p, "style", errString("want no-space, space, either or second-only, not \""+style+"\""))
		return
	}
	want, _ := utf8.DecodeRuneInString(p.String("dash"))
	var spacing, oneLine, wrongDash []heldFinding
	var dashedLines, cues int
	var report []heldFinding // the rest, reported one by one
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		cues++
		if !mayStartWithDash(facts) {
			return
		}
		var dashed []int
		for j, l := range c.Lines {
			d, rest := speakerDash(l.Text)
			if d == 0 {
				continue
			}
			dashed = append(dashed, j)
			dashedLines++
			if want != utf8.RuneError && d != want {
				wrongDash = append(wrongDash, heldFinding{c, j, lineNo(j) + " starts with " + codePoint(d) + "; the guide uses " +
					codePoint(want) + ": " + quote(l.Text), string(want), string(d), dashFix(p, c, j, want, style)})
				continue
			}
			spaced := strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\u00A0")
			switch {
			case (style == "no-space" || style == "second-only") && spaced:
				spacing = append(spacing, heldFinding{c, j, "the speaker dash in " + lineNo(j) + " is followed by a space; " +
					"the guide writes \"" + string(want) + "Text\": " + quote(l.Text), string(want) + "Text", string(d) + " Text",
					dashFix(p, c, j, want, style)})
			case style == "space" && !spaced:
				spacing = append(spacing, heldFinding{c, j, "the speaker dash in " + lineNo(j) + " needs a space after it; " +
					"the guide writes \"" + string(want) + " Text\": " + quote(l.Text), string(want) + " Text", string(d) + "Text",
					dashFix(p, c, j, want, style)})
			}
		}
		switch {
		case len(dashed) == 0:
		case style == "second-only" && dashed[0] == 0 && len(c.Lines) == 2:
			report = append(report, heldFinding{c, -1, "line 1 starts with a speaker dash; the guide dashes the second " +
				"speaker's line only: " + quote(c.Lines[0].Text), "dash on line 2 only", "dash on line 1", nil})
		case style != "second-only" && len(c.Lines) == 2 && len(dashed) == 1 &&
			(isLabel(c.Lines[1-dashed[0]].Text) || innerSpeaker(c.Lines[0].Text) || innerSpeaker(c.Lines[1].Text)):
			// "(panting)" over "-Stop!": a sound label is nobody's line;
			// "-I'll wait" over "till he wakes. -Poor man.": the second
			// speaker is dashed, inside the line.
		case style != "second-only" && len(c.Lines) == 2 && len(dashed) == 1:
			other := 1 - dashed[0]
			d := heldFinding{c, -1, lineNo(dashed[0]) + " starts with a speaker dash but " + lineNo(other) +
				" does not: dash both speakers' lines, or neither for one speaker: " + quote(c.Lines[other].Text),
				"both lines dashed", "one line dashed", nil}
			if dashed[0] == 0 {
				// A dashed first line over an undashed second is one
				// speaker's text marked as a change of speaker, like a
				// dashed one-line cue: the same house style when common.
				oneLine = append(oneLine, d)
			} else {
				report = append(report, d)
			}
		case style != "second-only" && len(c.Lines) == 1 && !innerSpeaker(c.Lines[0].Text):
			oneLine = append(oneLine, heldFinding{c, -1, "a one-line cue starts with a speaker dash but holds one speaker: " +
				quote(c.Lines[0].Text), "no dash", "a dash", nil})
		}
	})
	reportHouseStyle(p, wrongDash, dashedLines, houseStyleShare, "dash", "dashed lines")
	reportHouseStyle(p, spacing, dashedLines, houseStyleShare, "style", "dashed lines")
	// Dashing every change of speaker, even in a one-speaker cue, is a
	// house style (broadcast practice) when a file does it often, though
	// never on most cues: most cues have no change of speaker.
	reportHouseStyle(p, oneLine, cues, speakerChangeShare, "style", "cues (one speaker's cue starting with a dash)")
	for _, d := range report {
		d.emit(p, "style")
	}
}

// isLabel reports a line that is wholly a bracketed sound or speaker label.
func isLabel(line string) bool {
	t := strings.TrimSpace(line)
	return len(t) > 2 && (t[0] == '(' && t[len(t)-1] == ')' || t[0] == '[' && t[len(t)-1] == ']')
}

type errString string

func (e errString) Error() string { return string(e) }
