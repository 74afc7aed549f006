// Package textenc turns the bytes of a text subtitle file into UTF-8 and
// says which encoding they were in, so readers see text and QC can report
// (and rule on) the delivered encoding.
//
// Decode decides in this order, stopping at the first that applies:
//
//  1. A byte-order mark declares the encoding: UTF-8 (EF BB BF), UTF-32LE
//     (FF FE 00 00, tested before UTF-16LE, whose mark it starts with),
//     UTF-32BE (00 00 FE FF), UTF-16LE (FF FE), UTF-16BE (FE FF). The mark
//     is removed from Text.
//  2. BOM-less UTF-16: mostly-ASCII UTF-16 has a NUL in every other byte.
//     If, in the first 64 KiB, at least 30% of the code units have a zero
//     high byte on one side and the other side has under a tenth as many
//     zeros, the text is decoded as UTF-16 of that byte order (Guessed).
//  3. Valid UTF-8 (one pass; pure 7-bit input sets ASCII) is UTF-8.
//  4. Damaged UTF-8: if, in the sample, well-formed multi-byte sequences
//     outnumber malformed ones ten to one, it is UTF-8 with a few bad
//     bytes (each becomes U+FFFD and is counted in Invalid). Legacy text
//     rarely forms valid multi-byte sequences by chance (GBK, the worst
//     case, does so for about a fifth of its characters), so this cannot
//     swallow a legacy file.
//  5. Otherwise a legacy encoding is guessed (Guessed) among windows-1252,
//     windows-1250, windows-1251, GB18030, windows-1256 and Big5 (this order
//     breaks exact ties). Each candidate reads a sample of up to 64 KiB
//     starting just before the first non-ASCII byte (ASCII carries no
//     evidence) and gets a plausibility score, the mean credit per
//     non-ASCII character, roughly -2 (garbage) to 1 (fluent text). The
//     best-scoring candidate decodes the whole input.
//
// Single-byte candidates are scored per non-ASCII byte:
//
//   - Letters earn credit from the best-matching language profile of the
//     charset: each profile lists the core and the rarer accented letters
//     of one language (windows-1252: French, Spanish, Portuguese, Italian,
//     German, Dutch, Danish/Norwegian, Swedish/Finnish, Icelandic, Catalan,
//     Estonian; windows-1250: Polish, Czech, Slovak, Hungarian,
//     Croatian/Bosnian/Slovene, Romanian; windows-1251: Russian, Ukrainian,
//     Belarusian, Bulgarian, Serbian, Macedonian; windows-1256: Arabic,
//     Persian/Urdu). Core letter 1, rare letter 0.5, other letter of the
//     script 0.15, Latin letters of windows-1256 (kept there for French)
//     0.3, Arabic harakat 0.5. Taking the best single language, not the union, is what tells
//     Hungarian ő/ű (windows-1250) from õ/û (windows-1252): no Western
//     language uses á é ö ü õ û together.
//   - Word shape: a word (run of letters, ASCII included) whose non-ASCII
//     letters are implausible for the charset's script costs those letters
//     1.5 each. Implausible means: a lower-case letter followed by an
//     upper-case one ("ЗбЪС", Arabic read as Cyrillic); in a Latin charset,
//     two or more accented letters and no ASCII letter ("Ïðèâåò", Cyrillic
//     read as Latin); in windows-1251, Cyrillic mixed with ASCII letters
//     ("cafщ", French read as Cyrillic); in windows-1256, Arabic mixed with
//     Latin, or a haraka not following an Arabic letter.
//   - Expected punctuation (quotes, dashes, "…", «», ¡¿, °, €, №, Arabic
//     comma and question mark) earns 0.5; other symbols (¹ ¤ ¬ ˇ ±, ...)
//     cost 0.5; C1 controls and undefined bytes cost 2.
//
// Double-byte candidates are scored per character, following the decoder's
// own lead/trail rules: a malformed sequence costs 2, a user-defined
// (private-use) or unmapped code costs 1. A character among the ~500 most
// frequent Chinese characters (simplified forms for GB18030, traditional
// for Big5) earns 1. Otherwise the code's range decides: GB2312 level-1
// Hanzi (B0A1-D7FE, the 3755 common characters) or Big5 frequent Hanzi
// (A440-C67E) 0.6; ideographic punctuation and fullwidth forms (GB A1/A3
// rows, Big5 A140-A3BF) 0.8; level-2 Hanzi 0.25; kana/Greek/box rows 0.2;
// GBK and HKSCS extensions and GB18030 four-byte codes about 0. The
// frequent-character list matters because the byte ranges overlap: GB2312
// level-1 codes with lead B0-C6 are Big5 frequent codes too, but the
// characters they decode to in Big5 are rare ones.
//
// Confidence is 1 for a BOM or ASCII, 0.99 for other valid UTF-8, 0.9 for
// damaged UTF-8, the NUL imbalance for BOM-less UTF-16, and for a guess
// the winning score (clamped to 0..1) times a factor from 0.5 to 1 for the
// total lead over the runner-up: (score lead per character) x (characters
// judged), full at 10. One stray 0xB7 byte in an ASCII file thus gets a
// low confidence, since "·" reads the same in four code pages.
//
// Decode never panics, and Text is always valid UTF-8. Undecodable bytes
// become U+FFFD and are counted in Invalid (a UTF-16 unpaired surrogate
// counts its 2 bytes, an odd trailing byte 1).
package textenc
