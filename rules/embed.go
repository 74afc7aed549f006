// Package rules embeds the rule packs: thresholds, severities and on/off
// state for the rules registered in Go, with the guideline clause behind each
// value. See README.md for the file format and the layering; package
// qc/pack parses and resolves them.
package rules

import "embed"

// FS holds defaults.yaml, platforms/, languages/, territories/ and captions/ (whose
// README.md keeps the folder present until territory packs are added).
//
//go:embed defaults.yaml platforms languages territories captions
var FS embed.FS
