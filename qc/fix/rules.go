package fix

// Fixable lists the rules that offer fixes, with what their fix does (for
// help text and the README).
var Fixable = map[string]string{
	"E000": "SRT only: write every timing line as HH:MM:SS,mmm --> HH:MM:SS,mmm (misspelt separators, arrows, short fields) and number the cues 1..n; other parse errors are not fixable",
	"R001": "SRT: write every timing line as HH:MM:SS,mmm --> HH:MM:SS,mmm (the times as read: ',97' is 97 ms) and number the cues 1..n",
	"R002": "SRT: the same normalisation as R001 ('.' or ':' before the milliseconds, missing hours, odd field widths)",
	"E001": "transcode the file to UTF-8 from the encoding that was detected (a byte-order mark is kept unless E002 is fixed too; XML files declaring an encoding are left alone)",
	"E002": "drop the UTF-8 byte-order mark, and in SRT those starting a later line (files joined together)",
	"T001": "extend the out-time to min_duration when the screen is free up to min_gap before the next cue (all the way to it when the gap left would be one T006 asks to close)",
	"T002": "pull the out-time in to max_duration",
	"T003": "pull the earlier cue's out-time back to min_gap before the later cue's in-time",
	"T004": "move the earlier cue's out-time to min_gap before the next cue's in-time",
	"T006": "move the earlier cue's out-time later, to min_gap before the next cue's in-time",
	"T007": "sort an SRT file's cues by in-time and renumber them 1..n (only when nothing but blank lines lies between cues)",
	"T008": "snap in- and out-times to the nearest frame of the file's rate",
	"T010": "move an in-time a few frames after a shot change back onto it; one up to snap_within before it onto it, one further before to min_distance before it (or there when the cut does not fit), frame-accurate; only when the gaps to the neighbours, T001's and T002's durations and T006 still hold",
	"T011": "end a cue that ends within window before a shot change gap_before_cut before it (2 frames: cut - 2f), frame-accurate, when the neighbours and durations still hold",
	"T012": "end a cue that runs fewer than min_overhang past a shot change gap_before_cut before it (cut - 2f), when it stays on screen long enough (T001)",
	"L005": "close unclosed formatting tags at the end of the cue and delete closing tags that close nothing (SRT, WebVTT); a closing tag that ends a tag the cue before left open is kept and the tag opened again at the cue's start (each cue balanced, both keep the italics), or the cue left when that would mis-nest; mis-nested tags are left for a person",
	"L001": "re-break a plain-text cue into one line or two balanced lines (the lower the longer) at a space within max_chars and max_lines; not after an article, preposition or conjunction of the language (X015's word list) when another break fits, not before French-style punctuation; cues with markup or without spaces (CJK) are left alone (SRT, WebVTT)",
	"L002": "the same re-break as L001, when the text fits in max_lines lines",
	"L004": "trim leading and trailing spaces, collapse double spaces, drop empty lines inside a cue (SRT, WebVTT)",
	// The text rules' fixes change characters a viewer reads, never markup
	// (see TextFormats for where).
	"X002": "replace a tab or line/paragraph separator by a space (deleted next to a space); delete soft hyphens, zero-width spaces and byte-order marks inside the text; delete bidirectional controls in a cue with no right-to-left letter. Joiners, the word joiner, C1 controls, U+FFFD, private-use characters and noncharacters are left for a person, and so are the characters the pack allows",
	"X003": "write the Latin letter for a Cyrillic or Greek letter drawn identically (а→a, Ο→O) in a word that is otherwise mostly Latin; a word with a look-alike that is not identical (Greek α) or mostly in the other script is left",
	"X004": "write the pack's ellipsis (… or zh-Hans ⋯) for each run of exactly three full stops",
	"X005": "write the speaker dash as the language has it (the pack's dash character, one space after it or none) in a cue whose every line starts with a dash; a missing dash, Hebrew-style second-only cues and a file's own consistent style are left",
	"X006": "delete the spaces (including no-break ones) before the marks the pack lists, where the check reports them and the mark ends the word before it (after a letter, digit or closing quote); \"?? ????\" (text lost by an earlier conversion) and \"you ... ?\" are left",
	"X007": "insert the pack's first listed space (U+00A0 in the French pack) before ! ? : ; and inside « », or replace a space the pack does not accept; a file's own consistent style (reported once) is left",
	"X009": "write the full-width form (？！：) of a half-width mark that follows CJK text; marks at a line end the guide forbids are left (dropping one is an editor's choice)",
	"X010": "collapse a doubled mark that ends a word to one (Stop!! and Stop!!! → Stop!); \"..\" (perhaps a mistyped ellipsis), mixed pairs such as ?! and runs that are not at a word's end (\"?? ????\", text lost by an earlier conversion) are left",
	"X011": "SRT, WebVTT: delete <i> and </i> tags (and SRT {\\i1} {\\i0} overrides); other markup stays",
	"X013": "write [ ] for ( ) or { } around an SDH label (at the line's start after an optional speaker dash, or ending the line after a sentence; at least two letters, no other bracket); brackets inside a sentence, as in (555) 123-4567, are left; a line whose ( ) or { } are nested or unclosed is left (which bracket is missing is the author's call)",
	"X016": "write the script's own mark (، ؟) for the Latin one after a letter of that script",
	"X020": "Simplified Chinese (with --enable X020): a reported comma or full stop inside a line becomes one space (none added beside a space), one that ends the line (before nothing but closing quotes or brackets) is deleted with the spaces before it, and so is one before a closing quote inside the line (“好。”然后 → “好”然后); a line with two marks in a row (。。。) and a file punctuating so throughout (reported once) are left",
	"X021": "Japanese: write a reported half-width acronym in full-width characters (BBC → ＢＢＣ); single digits (full_width_digits) are left",
}

// TextFormats says where the text rules' fixes (X rules but X011) are
// made: rules explain adds it to their fix sentence.
const TextFormats = "Made in SRT and WebVTT lines, TTML lines (through entities, <span>s, <br/>s and collapsed white space; " +
	"& < > written as entities), SSA/ASS Text fields (between {\\override} blocks, never in one or in \\N or \\h), " +
	"and EBU STL single-block subtitles (the text field rewritten in its code table, padding adjusted); " +
	"an EBU STL fix the code table or the 112-byte field cannot take, or in a subtitle over extension blocks, " +
	"is declined with its reason in the fix log; SCC text is not rewritten (CEA-608 byte pairs set the caption timing)"

// FormatNote is TextFormats for a text rule with a fix, "" for others.
func FormatNote(code string) string {
	if _, ok := Fixable[code]; ok && len(code) > 0 && code[0] == 'X' && code != "X011" {
		return " " + TextFormats + "."
	}
	return ""
}

// NotFixable says why a rule offers no fix, for rules users are likely to ask for.
var NotFixable = map[string]string{
	"T009": "a cue that ends at or before its start has a mistyped timecode; which of the two is wrong needs a person",
	"T005": "reading speed is fixed by condensing the text, an editorial decision",
	"L003": "whether an empty cue is a mistake or a placeholder needs a person",
	"X001": "which allowed character should stand for one outside the glyph list (a curly quote, a space, a letter) depends on what was meant",
	"X008": "where a question or exclamation starts (so where ¿ or ¡ goes) is a matter of the sentence's meaning",
	"X012": "spelling a number out changes words and may change the grammar around it",
	"X014": "turning a forced narrative into capitals is easy, but whether an event is on-screen text or dialogue needs a person",
	"X015": "moving a word across the line break is L001's re-break, which already avoids these words; the advice alone is not an edit",
	"X017": "joining two lines can change who speaks or the reading rhythm the subtitler chose",
	"X018": "which quotation marks a quote should use depends on nesting and on quotes that run across subtitles; a person reads it",
	"X019": "where a quotation should open or close is a matter of the sentence's meaning, and a quote may run on into the next subtitle",
	"X022": "changing a label's case would lower proper nouns ([John laughs]); a person knows which words are names",
	"X023": "splitting on-screen text from dialogue is an editorial decision (timing and which event keeps which line)",
}

// priority orders fixes when edits conflict: encoding, then cue order
// (T007), then the other timing fixes, then whitespace and markup, then
// the text's characters, then re-breaking lines; then by rule code.
func priority(code string) int {
	switch {
	case code == "":
		return 9
	case code[0] == 'E':
		return 0
	case code == "T007":
		return 1 // reorder before retiming: gaps are between neighbours in time
	case code[0] == 'T':
		return 2
	case code == "L001" || code == "L002":
		return 5 // re-break last: tidied text may already fit
	case code[0] == 'L':
		return 3
	case code[0] == 'X':
		return 4 // characters before re-breaking: "…" is shorter than "..."
	}
	return 6
}
