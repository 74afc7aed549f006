// Package xmlscan tokenizes an XML document held in memory as a string,
// giving the same tokens, offsets and errors as encoding/xml's
// Decoder.Token in its default configuration (Strict, no AutoClose, no
// Entity map) with a pass-through CharsetReader, several times faster.
//
// # Why we parse XML ourselves
//
// TTML deliveries are read with encoding/xml's token API, and a CPU profile
// of a 50,000-file audit put TTML reading at 30 % of all CPU, three quarters
// of it inside encoding/xml: it pulls every byte through an io.ByteReader
// (getc, one interface call per byte), copies every name and value through
// a bytes.Buffer and allocates a string for each. The TTML reader already
// holds the whole document as decoded UTF-8 text, so a scanner that indexes
// that string directly does the same work with plain loops, takes names and
// most attribute values as substrings of the input instead of copies, and
// reuses its buffers from token to token.
//
// # What it guarantees
//
// For every input, Decoder.Token returns what encoding/xml's Decoder.Token
// returns for the same bytes, token by token, and InputOffset agrees with
// encoding/xml's before and after each token:
//
//   - StartElement and EndElement with namespace resolution as encoding/xml
//     does it (default namespace for element names only, xml: always the
//     XML namespace, an undeclared prefix kept as the Space, xmlns and
//     xmlns:p attributes kept with Space "" / "xmlns"), self-closing
//     elements as a start and an end token, end tags checked against their
//     start (local name, then prefix) with encoding/xml's messages;
//   - CharData with the five predefined entities and character references
//     expanded, CR and CRLF turned into LF, CDATA sections as CharData,
//     "]]>" rejected outside CDATA, text checked for valid UTF-8 and the
//     XML character range; attribute values likewise (no attribute-value
//     whitespace normalisation: encoding/xml does none), duplicates kept;
//   - Comment, ProcInst (the <?xml?> declaration rejects a version other
//     than 1.0; a declared encoding is accepted as it is, the text being
//     UTF-8 already) and Directive tokens with encoding/xml's contents. DTD
//     entities are never expanded: any entity other than the five
//     predefined ones is an error, so entity bombs cannot expand;
//   - on malformed input, the first error encoding/xml would report (a
//     *xml.SyntaxError with the same Msg and Line, or the same version
//     error) at the same InputOffset; errors are sticky, and every call
//     consumes input or ends, so there is no infinite loop.
//
// Names with characters outside ASCII are checked against the XML name
// production by asking encoding/xml itself (names in subtitle documents are
// ASCII, so this rare path need not be fast); ASCII names are checked here.
//
// Next reads a token without boxing it in an xml.Token (the TTML reader
// uses it: an interface value per token was a third of the remaining
// allocations); Token is Next plus the boxing, for drop-in use. After a
// start tag, StartName, NumAttr and Attr give its name and attributes one
// by one, and AttrSource and AttrNameStart where they are written, without
// building a StartElement: the decoder keeps names and attributes as
// offsets into the input and namespaces as indexes into a table, records
// without pointers, so that reading a tag writes next to no pointers to
// the heap (each such write costs a write barrier while the collector
// marks).
//
// Differences in contract, not in content: the Attr slice of a
// StartElement, like the bytes of a CharData (as in encoding/xml), is only
// valid until the next call to Token or Next.
//
// The differential tests (diff_test.go) run both tokenizers over the
// shared corpus, the TTML test data and handcrafted edge cases, and
// FuzzDifferential keeps comparing them on mutated inputs.
package xmlscan
