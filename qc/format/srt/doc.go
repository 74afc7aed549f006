// Package srt reads SubRip (.srt) subtitle files into a cue.Document.
//
// We read SRT ourselves instead of through go-astisub because astisub
// loses exactly what QC needs: cues carry no source line numbers; text is
// dropped or corrupted when a CRLF pair straddles its 4 KiB read boundary;
// the space between two tags disappears ("<i>Hello</i> <b>world</b>"
// becomes "Helloworld"); text after a blank line inside a cue is lost; and
// one bad line aborts the whole file. See
// shared/reference/go-astisub-evaluation.md.
//
// What this reader does instead:
//
//   - Input is decoded UTF-8 (the encoding layer handles BOMs and legacy
//     encodings); a leading U+FEFF is skipped. LF, CRLF, CR and any mix end
//     lines. It never panics and never stops early: every problem becomes a
//     cue.Diagnostic at its source line and reading goes on.
//   - A cue is an optional counter line, a timing line and payload lines.
//     Cue.Line and Cue.Offset point at the cue's first line: the counter
//     line when there is one, else the timing line. Cue.ID is the counter
//     line as written (trimmed); it is empty exactly when the cue has no
//     counter line, so payload line k (1-based, as in markup.Problem) is at
//     source line Cue.Line + k + 1 with a counter and Cue.Line + k without.
//   - Timing lines are read leniently, as players do: '.' or ':' instead of
//     ',', missing hours (MM:SS,mmm), 1 to 3 millisecond digits (read as a
//     number of milliseconds, ",97" is 97 ms, as ffmpeg, pysrt and
//     python-srt read them; reported as R001), no milliseconds, fields of unusual
//     width, extra spaces, and text after the end time (the SubRip
//     "X1:.. X2:.. Y1:.. Y2:.." box, kept in Cue.Settings). Each kind of
//     deviation is reported once per file, with a count and its first line,
//     because some players (ExoPlayer, ffmpeg) read them differently or
//     drop the cue. Negative times and end before start are kept as parsed
//     for the timing rules; a negative time is also a diagnostic at its
//     line (players drop such a cue). Hours beyond 1,000,000 make the timing
//     line unreadable (a diagnostic; the cue is skipped), so no time
//     overflows.
//   - A timing line that cannot be read (four millisecond digits, a missing
//     end time, a lone "-->") is a diagnostic; that cue is skipped and
//     reading resumes at the next cue.
//   - A blank line does not by itself end a cue. The cue ends where the
//     next cue starts (a timing line, or any line followed by a timing
//     line, or a bare number after a blank line) or at the end of the file.
//     So "Hello", "", "world" keeps "world" in the cue, with the empty line
//     in between kept as an empty display line for the layout rules; blank
//     lines at the end of a cue are not part of it.
//   - A bare number after a blank line that is not followed by a timing
//     line is a cue that lost its timing line: a diagnostic, and its text is
//     skipped. Text before the first cue is a diagnostic too.
//   - A file lists at most 500 diagnostics (plus the per-kind timestamp
//     summaries), then one that counts the rest and the total, placed at
//     the cue where the unlisted ones start: a file that breaks on every
//     line needs examples, not a finding per line.
//   - Markup: see package markup (SRT dialect). Cue.Raw keeps the payload
//     as written, lines joined by "\n"; a cue with no payload has no Lines,
//     so the empty-cue rule can report it.
package srt
