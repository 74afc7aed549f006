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
// It streams the document with internal/xmlscan, our own tokenizer of
// in-memory text that gives encoding/xml's tokens, offsets and errors
// several times faster (encoding/xml was most of the CPU of QC on TTML
// deliveries); no DTDs, no entity expansion, nesting capped at 1,000
// levels. It records the source line of every <p>.
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
// ignored), except the forms Apple Music's lyrics TTML writes (bare seconds
// "19.764", "3:58.640"), which are read as meant and reported once per file
// with a count; a paragraph with text but no resolvable end (P007), or
// timed entirely outside its container (P026), is reported and dropped;
// style values that hide text (P025) are reported; an XML syntax error stops
// the read with the cues read so far. Also reported: bad ttp parameters,
// undefined style and region references and style reference loops (all
// E000), and the profile findings below.
//
// A paragraph without text is never a cue: nothing shows, so there is
// nothing to time. Image subtitles (IMSC image profile) carry no text and
// give no cues.
//
// # Profile checks
//
// After the cues are final, the constraints of the detected profile are
// checked on what the reader collected (regions and their geometry, the
// attributes used, the time expressions' forms, the cues' regions) and
// reported as diagnostics with the P codes of Rules (rules.go, where each
// rule's doc gives its clause and source). They never change the cues.
//
//   - Every document: xml:lang present (P001, formerly an E000) and
//     well-formed, xml:id rather than id=, ids valid and unique (P005,
//     formerly an E000), no attributes TTML does not define (P001-P006,
//     after Netflix's TTML schema inspections).
//   - IMSC 1.0.1 and 1.1: at most 4 regions shown at once (a time sweep
//     over the cues), regions inside the root container, region extents
//     present and in allowed units, px only with a root extent, prohibited
//     features (including the smpte time base, also for EBU-TT-D), frame
//     and tick rates declared when used (also EBU-TT-D; formerly E000s),
//     aspect ratios, and for IMSC 1.1 the contentProfiles designator
//     (P010-P019). Image-profile documents get only the common provisions.
//   - Apple iTT: frame rate, smpte time base and drop mode declared,
//     HH:MM:SS:FF times, no overlapping cues within one region, no images
//     (P020-P024). A document is iTT by Apple's namespace, by the IMSC
//     namespaces with a frame rate and no profile, or, through ReadNamed,
//     by an .itt file name (Apple's own example signals nothing else). In
//     iTT documents a body or div may begin at a negative time, as Apple's
//     example does with begin="-01:00:00:00" to bring 01:00:00:00-based
//     timecodes to zero.
//
// Problems that repeat (an unknown attribute on every paragraph) are
// reported once per file with their count, at the first occurrence.
package ttml
