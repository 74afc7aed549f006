// Package waiver accepts known findings on purpose: waiver files (each
// waiver with a reason, optionally an expiry) and baselines (a previous
// JSON report whose findings are not reported again).
//
// # Waiver file
//
//	waivers:
//	  - rule: T005                  # code or name
//	    file: "S01E03/*.fr.srt"     # glob; omitted: any file
//	    cue: 12                     # cue index; or
//	    at: "00:12:03.500"          # the finding's start; or a range "00:12:00-00:13:00"
//	    fingerprint: 3f1a09c2b4d5e6f7   # one exact finding (rule.Fingerprint)
//	    reason: "client accepted fast reading speed for the song lyrics"
//	    expires: 2027-03-31
//	    by: jane@studio
//
// Decoding is strict, and every problem is a load error naming file:line
// (unknown or repeated key, wrong type, bad glob, timecode or date, missing
// reason): a broken waiver file would otherwise silently waive too much or
// too little, so it stops the run like a broken pack does (exit 2). That is
// why there is no "waiver-invalid" finding. All problems are listed at once.
//
// A waiver needs a reason, and a rule or a fingerprint. Every condition it
// gives must hold (they are ANDed):
//
//   - rule equals the finding's rule code or rule name, exactly;
//   - file is a path.Match glob over slash-separated segments, where a "**"
//     segment matches any number of directories. It is matched against the
//     end of the reported path, as if it began with "**/": reported paths
//     depend on where qc runs ("qc check ." or "qc check deliveries/showX"),
//     and a waiver file kept with the delivery must work from both. So
//     "S01E03/*.fr.srt" matches "S01E03/a.fr.srt" and
//     "deliveries/showX/S01E03/a.fr.srt", and "*.srt" matches any SRT file;
//   - cue equals the finding's cue index (1-based, in file order);
//   - at equals the finding's start timecode to the millisecond, or, as a
//     range "A-B", contains it (both ends included). Findings without a
//     start time never match an "at";
//   - fingerprint equals rule.Fingerprint of the finding.
//
// expires is the last day a waiver applies, by the calendar of the clock
// passed to Apply (its time zone): "expires: 2027-03-31" still applies on
// 31 March and stops on 1 April.
//
// # Applying
//
// The waivers are applied (Applier, or Set.Apply for one batch) after the
// engine has assembled all findings (names and severities filled in),
// before any baseline. A finding is waived by the
// first waiver in file order that matches it; it stays in the report with
// the waiver attached (rule.Waiver: reason, expiry, by, file:line) and does
// not count for pass/fail: the engine computes pass/fail, and the summary
// counts, over the findings that are not waived.
//
// Apply also returns notes, findings about the waivers themselves, in
// waiver-file line order:
//
//   - W001 waiver-unused: the waiver waived nothing in this run. Either
//     nothing matched (the problem was fixed, or the waiver is mistyped) or
//     everything it matched was already waived by an earlier waiver, which
//     the message names. A waiver that waives at least one finding is used,
//     even if other findings it matches went to an earlier waiver. Removing
//     an unused waiver changes no result, so it should go (staticcheck
//     reports unmatched ignores the same way).
//   - W002 waiver-expired: the waiver is past its date and no longer
//     applies, so its findings count again. Reported once per waiver,
//     whether or not it still matches something, and never also as W001.
//
// The notes are rules like any other (Rules, with a RunEnd): the engine
// runs them once per run from the registry, after the waivers were applied,
// so packs and flags disable them or set their severity. Notes count
// towards pass/fail at their severity (warning by default), so
// "--fail-on warning" makes a stale waiver file fail the run. Waivers never
// apply to notes.
//
// # Baseline
//
// "check --baseline previous.json" reads a JSON report of an earlier run
// (LoadBaseline, finding by finding: only the counts per fingerprint are
// kept) and reports only findings that are new since then
// (Baseline.New, by rule.Fingerprint, counting multiplicity: if the
// baseline had two findings with one fingerprint and this run has three,
// one is new). Only new findings are listed and count for pass/fail; the
// summary says how many the baseline suppressed. Waiver notes are not
// subject to the baseline: they are about the configuration as it is now.
//
// Findings that were waived in the baseline report are not part of the
// baseline: they were accepted by a waiver, on the waiver's terms, and must
// come back when it expires or is removed. Make the baseline from a run
// without --baseline (a report made with one lists only the new findings,
// and using it as the next baseline would bring the old ones back), from
// the same directory and with the same paths, since fingerprints include
// the path as reported.
package waiver
