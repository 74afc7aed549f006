// Package webvtt reads WebVTT (.vtt) files into a cue.Document, following
// the "WebVTT file parsing" algorithm of the W3C WebVTT specification.
//
// We read WebVTT ourselves instead of through go-astisub because astisub
// loses what QC needs: cues carry no source line numbers and string cue
// identifiers are lost; text is dropped when a CRLF pair straddles its 4 KiB
// read boundary; the space between two tags disappears; a file without the
// WEBVTT header silently yields nothing; and one malformed cue setting or
// unknown region aborts the whole file. See
// shared/reference/go-astisub-evaluation.md.
//
// The reader follows the spec's block algorithm line for line: the
// signature line, an optional header block, then blocks separated by blank
// lines, where a block whose first or second line holds "-->" is a cue
// (the line before the timing line is its identifier), STYLE and REGION
// blocks before the first cue define style sheets and regions, and
// anything else (NOTE comments, stray text) is not displayed. A line
// containing "-->" inside a cue's text ends the cue, as the spec says.
// Where the spec would stop or silently drop something, QC wants to know:
//
//   - A missing or garbled "WEBVTT" signature is a diagnostic (players
//     refuse such a file); the reader still reads the cues it can find.
//   - A timing line that cannot be read, each cue setting that is ignored,
//     a region setting that names no region, text outside any cue, STYLE
//     or REGION blocks after the first cue, and a '<' that is not escaped
//     (it swallows the text after it as a tag) are diagnostics.
//   - U+0000 is replaced by U+FFFD in identifiers, settings and text (as
//     the spec's preprocessing does); line numbers and byte offsets still
//     refer to the text as given. The engine reports control characters,
//     NUL included, at their lines for every text format (E005).
//   - Legacy spellings of the 2012-2015 drafts (align:middle, position and
//     line alignments "middle", "start", "end", "Region:" header lines) are
//     ignored as the spec says and counted into one V001 finding per file
//     with the modern spelling, not reported cue by cue.
//   - A line of only spaces or tabs between blocks is read as a blank line
//     (unless a timing line follows: then it is an identifier).
//   - A file lists at most 500 diagnostics, then one that counts the rest
//     and the total, placed at the cue where the unlisted ones start.
//   - Timestamps are exact ([hh:]mm:ss.ttt, minutes and seconds below 60);
//     end before start is kept as parsed for the timing rules to report.
//
// A "Language:" line in the header (HLS, YouTube) sets Document.Language,
// as written.
//
// Cue.Line and Cue.Offset point at the cue's first line: the identifier
// line when there is one, else the timing line. Cue.ID is the identifier as
// written, empty exactly when the cue has none (an identifier line is never
// empty), so payload line k (1-based, as in markup.Problem) is at source
// line Cue.Line + k + 1 with an identifier and Cue.Line + k without.
// Cue.Settings holds the cue settings as written (ParseSettings reads
// them); Cue.Region is the id of the region the cue ends up in per the spec
// (empty when the region is unknown or dropped by a line, size or vertical
// setting). Cue.Raw is the cue text as written; Lines are its display
// lines from markup's WebVTT dialect (tags stripped, character references
// decoded, ruby annotations left out).
package webvtt
