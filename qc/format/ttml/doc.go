// Package ttml reads Timed Text Markup Language documents into the shared
// cue model: TTML1, IMSC1 and IMSC1.1 (text profile), DFXP (including the
// 2006 draft namespaces still produced by some streaming pipelines), Apple
// iTT and EBU-TT-D, as far as cue timing and text go.
//
// We wrote our own reader rather than wrap go-astisub, whose TTML reader
// panics on a <p> timed with dur or without begin, turns pretty-printed
// text into run-together words, drops the text of nested spans and the
// paragraphs of nested divs, ignores div/body/span timing, and fails the
// whole file on a multi-style reference (see the field notes in
// shared/reference/go-astisub-evaluation.md).
//
// # What the reader does
//
// It streams the document with encoding/xml (no DTDs, no entity expansion,
// nesting capped at 1,000 levels) and records the source line of every <p>.
// Each <p> becomes one cue:
//
//   - Timing follows TTML1 §10: clock times (hh:mm:ss, .fraction, :frames,
//     :frames.sub-frames) and offset times (h, m, s, ms, f, t, with
//     fractions), with ttp:frameRate × ttp:frameRateMultiplier,
//     ttp:subFrameRate and ttp:tickRate and their defaults; times are exact
//     in flicks. begin/end/dur nest through body, div, p and span; a
//     child's begin counts from its parent's (par) or from its previous
//     sibling's end (seq); ends are clipped by the ancestors'; an untimed
//     element takes its implicit duration (TTML1 §10.4). ttp:timeBase
//     "smpte" reads hh:mm:ss:ff as a timecode label (honouring ttp:dropMode);
//     "clock" is read like "media". A region's own timing bounds the
//     content shown in it.
//   - Spans timed inside a <p> (karaoke / paint-on): the cue covers the
//     paragraph's interval and holds all of its text; when every piece of
//     text is in a timed span, the cue starts with the first of them.
//   - Text: <br/> and, under xml:space="preserve", a linefeed break the
//     line; under the default xml:space whitespace collapses as TTML1 §7.2.3
//     says. Ruby annotations (tts:ruby text and delimiter) are not part of
//     the line. Italic (tts:fontStyle, or IMSC 1.1's tts:shear /
//     tts:fontShear), bold (tts:fontWeight) and underline
//     (tts:textDecoration) come from inline attributes and from style
//     references (several per attribute, chained), with inheritance from
//     the region, body, div, p and spans, and become cue.Spans.
//   - Raw is the source text between <p> and </p>, markup included.
//
// # Diagnostics
//
// A malformed time expression drops its paragraph (on a div or span it is
// ignored); a paragraph with text but no resolvable end, or timed entirely
// outside its container, is reported and dropped; an XML syntax error stops
// the read with the cues read so far. Also reported: a missing xml:lang,
// bad ttp parameters, undefined style and region references, style
// reference loops, duplicate xml:ids, and, for IMSC and EBU-TT-D, frames or
// ticks used without a declared rate and the smpte time base.
//
// A paragraph without text is not a cue unless it has timing of its own
// (then it is kept, with no lines, for the rules to judge). Image
// subtitles (IMSC image profile) carry no text and give no cues.
package ttml
