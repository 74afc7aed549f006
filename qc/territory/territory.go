// Package territory is what a territory pack says a delivery to that
// territory must hold: the subtitle languages it requires and of which kind,
// which language tags count as the same language (equivalence classes), and
// which subtitle formats it accepts. Package pack decodes these from
// rules/territories/*.yaml (and the project config); the delivery rules
// (package deliverycheck) apply them. The package is a leaf, so both can
// import it.
package territory

import (
	"slices"
	"strings"

	"github.com/exportqc/exportqc/qc/lang"
)

// Kinds a requirement may name: the timed-text kinds of the delivery model
// (qc/delivery: full subtitles, subtitles for the deaf and hard of hearing,
// forced narratives, closed captions), as package lang names them.
var Kinds = []string{lang.KindSubtitles, lang.KindSDH, lang.KindForced, lang.KindCaptions}

// Formats a territory may accept: the format names the subtitle readers
// report (qc/format).
var Formats = []string{"srt", "webvtt", "ttml", "stl", "ssa", "scc"}

// Requirement is one language of one kind a delivery to the territory must
// hold, for every episode (or for the programme, when it has no episodes).
type Requirement struct {
	Language string // canonical BCP-47 tag ("fr", "zh-Hant", "es-419")
	Kind     string // one of Kinds
	// Accepts lists the kinds that satisfy the requirement (English captions
	// are satisfied by SDH too, when the pack says so); it always holds Kind.
	Accepts []string
	// Variant is the pack variant that adds this requirement ("broadcast"),
	// "" for a requirement that always applies.
	Variant string
	Source  string // the law, code or practice behind it, with confidence tags
	File    string // pack file, or the project config
	Line    int
}

// Accepted reports whether a file of kind k counts towards r.
func (r *Requirement) Accepted(k string) bool { return slices.Contains(r.Accepts, k) }

// Class is a set of language tags a territory treats as one language:
// Simplified Chinese written zh-Hans, zh-CN, zh-SG or cmn-Hans.
type Class struct {
	Name   string
	Tags   []string // canonical BCP-47 tags
	Source string
	Pack   string // pack that defines it ("defaults", "TW", a project territory)
}

// Contains reports whether tag (canonical) is listed in c.
func (c *Class) Contains(tag string) bool {
	for _, t := range c.Tags {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// FormatList is the set of subtitle formats a territory accepts.
type FormatList struct {
	Accepted []string // format names, from Formats
	Source   string
	File     string
	Line     int
}

// Territory is one territory pack as a delivery sees it, with the variants
// a run requested already folded in.
type Territory struct {
	ID      string   // pack id: "FR", "MENA", "LATAM", or a project territory's name
	Title   string   // "France"
	Version string   // when the requirements were read
	Codes   []string // the territory codes it serves (applies_to)
	// Requires holds the base requirements, then those of requested variants.
	Requires []Requirement
	// Classes holds the territory's own classes first, then the built-in
	// ones (defaults.yaml) it did not redefine by name: a territory's class
	// wins where both list a tag.
	Classes []Class
	// Formats is nil when the territory says nothing about formats.
	Formats *FormatList
}
