// Package stl reads EBU STL subtitle files (EBU Tech 3264, "Specification
// of the EBU Subtitling data exchange format", 1991) into the shared cue
// model, for QC.
//
// A file is a 1024-byte General Subtitle Information (GSI) block followed
// by 128-byte Text and Timing Information (TTI) blocks. ReadHeader decodes
// the GSI; Read decodes everything and reports problems as diagnostics,
// never failing and never panicking on malformed input.
//
// Choices that differ between existing readers, and why:
//
//   - Frame rate (DFC). Tech 3264 defines STL25.01 = 25 fps and STL30.01 =
//     30 fps; both are read so (ttconv alone reads STL30.01 as 29.97). The
//     non-standard STL23.01 (23.976), STL24.01, STL29.01 (29.97), STL48.01,
//     STL50.01 and STL60.01 are read at the rate they name and flagged S009.
//     Any other DFC is S005: times are computed at 25 fps so other checks can
//     run, but Document.FrameRate stays zero so nothing treats 25 as declared.
//   - Times are HH:MM:SS + FF frames, not offset by TCP (Header.TCP holds it).
//   - Text. CCT 00 is ISO 6937 as printed in Tech 3264: 24h is ¤ and A4h $,
//     diacritics C1h–CFh compose with the next letter into NFC (a letter
//     with no precomposed form keeps its combining mark), E3h/EBh are ª/º.
//     CCT 01–04 are ISO 8859-5/6/7/8. All text of a subtitle is kept, even
//     teletext text outside start-box codes, which some decoders would hide.
//   - Findings S001–S009 (see Rules) carry their rule codes; structural
//     problems (input that is not STL, extension blocks without a last block,
//     reserved EBNs, bytes with no character) are E000.
//
// Conformance: the IRT SCF STL decoder's Schematron oracles (83 files in the
// shared corpus) pass except E3h/EBh, where we follow ISO 6937; see
// conformance_test.go.
package stl
