package checks

import (
	"errors"
	"strings"
	"unicode"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/lang"
	"github.com/exportqc/exportqc/qc/rule"
)

// SDH labels and forced narratives, beyond X013 (brackets, music notes)
// and X014 (forced narratives in capitals).
var (
	SDHLabelCase = &rule.Rule{
		Code: "X022", Name: "sdh-label-case", Family: "text",
		Summary: "An SDH sound or speaker label in [ ] is not in the case the guide wants",
		Doc: "Guides set the case of the labels in [ ]: the Netflix English SDH guide writes identifiers and sound " +
			"effects all lower-case except proper nouns ([door slams], [John laughs]). label_case lower reports a " +
			"label of two words or more written in capitals ([DOOR SLAMS]: at least two letters, none lower-case; " +
			"a one-word label is mostly a name or an acronym ([JOHN], [TV]) and a label that mixes " +
			"cases may hold proper nouns, so both are left alone, and so is a label in a cue whose dialogue is all " +
			"capitals too, or in a file whose dialogue is in capitals in 80 % of its cues, as CEA-608 captions " +
			"are); label_case upper reports a label with a lower-case " +
			"letter. Checked in SDH files as X013 finds them (all_files, a manifest's kind: sdh, a name with sdh). " +
			"A file that writes its labels in the other case throughout is reported once, with the count. " +
			"label_case empty: not checked.",
		Params: []rule.ParamSpec{
			{Name: "label_case", Kind: rule.KindString, Doc: "lower or upper: the case of SDH labels; empty: not checked"},
			{Name: "all_files", Kind: rule.KindBool, Doc: "true: treat every file as SDH"},
		},
		Run: runSDHLabelCase, DefaultSeverity: rule.Warning,
	}
	ForcedMixedWithDialogue = &rule.Rule{
		Code: "X023", Name: "forced-mixed-with-dialogue", Family: "text",
		Summary: "A forced-narrative event mixes on-screen text in capitals with dialogue",
		Doc: "A forced narrative translates on-screen text (in ALL CAPS where the language guide says so) and " +
			"foreign dialogue; the two are never combined in one event. Reported in forced files (a manifest's " +
			"kind: forced or a name with forced or fn) when the pack sets all_caps: an event with one line in " +
			"capitals (none lower-case, and more than one word of four letters or fewer: \"OK.\" and \"HELP!\" " +
			"are shouts as often as signs; a line starting with a speaker dash is dialogue) and another with " +
			"lower-case letters. X014 also " +
			"reports the lower-case line when the file should be all capitals. Split the event in two.",
		Params: []rule.ParamSpec{{Name: "all_caps", Kind: rule.KindBool,
			Doc: "true: on-screen text is ALL CAPS in this language, so a capitals line beside a lower-case line is a mix"}},
		Run: runForcedMixedWithDialogue, DefaultSeverity: rule.Warning,
	}
)

// letterCase tells a text's letters apart: how many, how many lower-case.
func letterCase(s string) (letters, lower int) {
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				lower++
			}
		}
	}
	return
}

// allCaps is text of at least two letters and no lower-case one: a line
// of on-screen text or a label in capitals. Scripts without case never are.
func allCaps(s string) bool {
	letters, lower := letterCase(s)
	return letters >= 2 && lower == 0 && strings.IndexFunc(s, unicode.IsUpper) >= 0
}

func runSDHLabelCase(p *rule.Pass) {
	want := p.String("label_case")
	if want == "" || !p.Bool("all_files") && fileKind(p) != lang.KindSDH {
		return
	}
	if want != "lower" && want != "upper" {
		badParam(p, "label_case", errors.New("\""+want+"\" is neither lower nor upper"))
		return
	}
	if want == "lower" && writtenInCapitals(p) {
		return // CEA-608 style: the labels follow the text's capitals
	}
	var held []heldFinding
	labels := 0
	textCues(p, func(c *cue.Cue) {
		if want == "lower" && allCaps(withoutLabels(c)) {
			return // a cue all in capitals (CEA-608 style): its labels follow its text
		}
		for j, l := range c.Lines {
			for _, label := range bracketLabels(l.Text) {
				if want == "lower" && len(strings.Fields(strings.Trim(label, "[]"))) < 2 {
					continue // one word in capitals is mostly a name or an acronym ([JOHN], [TV]): let be
				}
				labels++
				_, lower := letterCase(label)
				wrong := want == "lower" && allCaps(label) || want == "upper" && lower > 0
				if !wrong {
					continue
				}
				// Lower case keeps proper nouns capitalised ([IN RUSSIAN] is
				// [in Russian]), which the rule cannot tell: no literal text.
				fixed := "lower case, proper nouns capitalised"
				message := "the SDH label " + label + " in " + lineNo(j) + " is in capitals; the guide writes labels in " + fixed
				if want == "upper" {
					fixed = strings.ToUpper(label)
					message = "the SDH label " + label + " in " + lineNo(j) + " is not in upper case: " + fixed
				}
				held = append(held, heldFinding{c: c, line: j, message: message, expected: fixed, actual: label})
			}
		}
	})
	reportHouseStyle(p, held, labels, houseStyleShare, "label_case", "labels")
}

// writtenInCapitals reports a file whose dialogue (its text outside the
// labels) is in capitals in at least houseStyleShare of its cues.
func writtenInCapitals(p *rule.Pass) bool {
	dialogue, caps := 0, 0
	textCues(p, func(c *cue.Cue) {
		t := withoutLabels(c)
		if letters, _ := letterCase(t); letters < 2 {
			return
		}
		dialogue++
		if allCaps(t) {
			caps++
		}
	})
	return dialogue > 0 && float64(caps) >= houseStyleShare*float64(dialogue)
}

// withoutLabels is a cue's text with its [ ] labels taken out.
func withoutLabels(c *cue.Cue) string {
	var b strings.Builder
	for _, l := range c.Lines {
		t := l.Text
		for _, label := range bracketLabels(t) {
			t = strings.Replace(t, label, " ", 1)
		}
		b.WriteString(t)
		b.WriteByte('\n')
	}
	return b.String()
}

// bracketLabels lists the [ ] labels of a line, brackets included.
func bracketLabels(t string) []string {
	var out []string
	for {
		a := strings.IndexByte(t, '[')
		if a < 0 {
			return out
		}
		b := strings.IndexByte(t[a:], ']')
		if b < 0 {
			return out
		}
		out = append(out, t[a:a+b+1])
		t = t[a+b+1:]
	}
}

// onScreenText is a forced line that reads as a sign or caption in
// capitals: not a speaker's line (one starting with a dash is dialogue,
// "- FBI!") and more than one short shout ("OK.", "HELP!"), which
// dialogue in capitals is as often as a sign.
func onScreenText(line string) bool {
	if !allCaps(line) {
		return false
	}
	if dash, _ := speakerDash(strings.TrimSpace(line)); dash != 0 {
		return false
	}
	words := strings.Fields(line)
	if len(words) > 1 {
		return true
	}
	letters, _ := letterCase(line)
	return letters > shortShout
}

// shortShout is the most letters of a one-word line in capitals that is
// not taken for on-screen text ("OK", "FBI", "HELP"); "EXIT" is lost with
// them, "DANGER" is not.
const shortShout = 4

func runForcedMixedWithDialogue(p *rule.Pass) {
	if !p.Bool("all_caps") || fileKind(p) != lang.KindForced {
		return
	}
	textCues(p, func(c *cue.Cue) {
		caps, dialogue := -1, -1
		for j, l := range c.Lines {
			if onScreenText(l.Text) && caps < 0 {
				caps = j
			}
			if _, lower := letterCase(l.Text); lower > 0 && dialogue < 0 {
				dialogue = j
			}
		}
		if caps < 0 || dialogue < 0 {
			return
		}
		p.ReportCue(c, "all_caps", "on-screen text in capitals ("+lineNo(caps)+": "+quote(c.Lines[caps].Text)+
			") and dialogue ("+lineNo(dialogue)+": "+quote(c.Lines[dialogue].Text)+") in one forced-narrative event; "+
			"give each its own event", "separate events", "one event")
	})
}
