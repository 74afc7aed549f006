// Package markup turns the raw payload of an SRT or WebVTT cue into the
// display lines a viewer reads, and checks that its formatting tags balance.
//
// Both formats carry HTML-like tags (<i> <b> <u> <c.class> <v Speaker>
// <lang xx> <ruby><rt> <font color=..>, WebVTT timestamps <00:00:01.000>),
// character references (&amp; &lt; &#233; ...), and SRT files in the wild
// also carry ASS override blocks such as {\an8} and {\i1}. None of that is
// text: it must not count towards line lengths or reading speed. What is
// text must survive intact, including the whitespace between two tags
// ("<i>Hello</i> <b>world</b>" reads "Hello world"; go-astisub drops that
// space, which breaks character and word counts).
//
// The two dialects differ on purpose:
//
//   - WebVTT follows the W3C cue text tokenizer and tree-building rules
//     exactly: every '<' starts a tag (even one that never closes), the full
//     HTML character reference table applies, and end tags that do not match
//     the innermost open element are ignored. Text inside <rt> (ruby
//     annotations) is left out of the display lines: it sits above the base
//     text and does not count towards line length.
//   - SRT has no specification, so it follows what common players do: a
//     '<' is a tag only when a tag name follows and a '>' closes it on the
//     same line (otherwise it is a literal "<"), tag names are
//     case-insensitive, </i> closes the nearest open <i>, a character
//     reference is decoded only when it ends with ';', and {\...} blocks
//     are override blocks whose \i, \b and \u toggles style the text.
//
// Plain text costs nothing: a payload without '<', '&' (and '{' in SRT)
// yields lines that are substrings of it, with nil Spans.
package markup
