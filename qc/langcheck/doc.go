// Package langcheck holds the language checks of a delivery, independent of
// the engine that runs them:
//
//   - G001 language-tag-invalid: CheckTag says whether a declared tag is a
//     valid BCP-47 tag of a real language, and canonicalises it;
//   - G002 language-content-mismatch: DetectMismatch says whether a file's
//     text is not in its declared language (script evidence first, then a
//     trigram language identifier, github.com/abadojack/whatlanggo);
//   - G003 chinese-script-mismatch: ChineseScript counts Simplified-only and
//     Traditional-only characters (derived from OpenCC's tables) and
//     ScriptMismatch compares them with the declared script;
//   - G004 language-tag-conflict: Conflict compares the languages that the
//     file name, the manifest and the file itself declare.
//
// The functions are pure and allocation-light; the engine wires them to
// findings and takes their thresholds from rule packs (see Rules).
package langcheck

//go:generate go run ./internal/genhanzi -o hanzi_table.go
