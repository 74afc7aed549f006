// Package fix applies the fixes rules suggest (rule.SuggestedFix) to
// copies of the files checked, re-checks every copy in the same run and
// keeps only the fixes that leave it better: the engine behind
// `exportqc fix`.
//
// A pass checks the current bytes of every file, gathers the fixes of the
// selected rules' findings (waived findings are not fixed) and applies those
// that do not overlap. Classes go in a fixed order, one class per pass:
// the file (E000 SRT spelling, E001, E002), then cue order (T007), then timing (the other
// T rules), then whitespace and markup (L004, L005), then the text's
// characters (the X rules), then re-breaking lines (L001, L002);
// within a class fixes go by rule code, then in report order. Fixes left out
// by an overlap are met again in the next pass, since the re-check offers
// them anew; passes repeat until nothing changes (at most MaxPasses changing
// passes per class and file).
//
// After each pass the copies are re-checked. A copy is kept only when every
// rule whose fix was applied has fewer findings, no other rule has more, and
// there is no new parse error (E000). Otherwise the fixes next to the cues
// that got worse are withheld and the rest retried; when the objection is
// not tied to a cue, the pass is retried one rule at a time, and a rule
// whose fixes still do not pass is dropped for that file. Every withheld
// fix is reported, and so is each finding whose rule declined to fix it
// with a reason (Result.NotFixed). Bytes no edit touches are kept as
// they are.
package fix
