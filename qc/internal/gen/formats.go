package gen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// Formats lists the subtitle formats the generator writes, by the name
// --format takes; Ext gives each one's file extension.
//
// The first three carry any language, any frame rate and seeded cue
// defects (DefectFormats). EBU STL, SSA/ASS and SCC are written clean
// only, for the clean-file benchmarks: each carries the cues of the SRT
// episode with the same options (same texts, same times) as far as the
// format allows; see formatRules for what each one does not allow.
var Formats = []string{"srt", "vtt", "ttml", "stl", "ass", "scc"}

// DefectFormats are the formats that can carry seeded cue defects, the
// ones audit trees and the defect flags use.
var DefectFormats = []string{"srt", "vtt", "ttml"}

// formatRule is what limits one format beyond the generator's defaults.
type formatRule struct {
	ext string
	// rate is the frame rate used when the options give none; rates lists
	// the only rates the format can declare (nil: any).
	rate  cue.FrameRate
	rates []cue.FrameRate
	// langs lists the languages whose text the format can carry (nil: all).
	langs []string
	// why says what the limits come from, for error messages.
	why string
}

var formatRules = map[string]formatRule{
	"srt":  {ext: ".srt"},
	"vtt":  {ext: ".vtt"},
	"ttml": {ext: ".ttml"},
	// Tech 3264 defines 25 and 30 fps (STL25.01, STL30.01) and the Latin
	// code table is the only one both the writer and the reader share.
	"stl": {ext: ".stl", rate: cue.FrameRate{Num: 25, Den: 1},
		rates: []cue.FrameRate{{Num: 25, Den: 1}, {Num: 30, Den: 1}},
		langs: []string{"en", "fr", "de", "es", "it", "pt-BR", "tr"},
		why:   "EBU STL is written at 25 or 30 fps, in the Latin code table (CCT 00)"},
	"ass": {ext: ".ass"},
	// CEA-608 captions run at 29.97 fps, and its character set covers
	// English, Spanish, French, Portuguese and German (plus Italian,
	// whose letters are among them).
	"scc": {ext: ".scc", rate: cue.FrameRate{Num: 30000, Den: 1001},
		rates: []cue.FrameRate{{Num: 30000, Den: 1001}},
		langs: []string{"en", "fr", "de", "es", "it", "pt-BR"},
		why:   "SCC is CEA-608 at 29.97 fps, whose character set has Western European letters only"},
}

// Ext returns the file extension (with dot) for a format name.
func Ext(format string) string {
	if r, ok := formatRules[format]; ok {
		return r.ext
	}
	return ".srt"
}

func knownFormat(f string) bool { return slices.Contains(Formats, f) }

// FormatLanguages lists the languages an episode in format can be
// written in.
func FormatLanguages(format string) []string {
	if r := formatRules[format]; r.langs != nil {
		return slices.Clone(r.langs)
	}
	return Languages()
}

func unknownFormat(f string) error {
	return fmt.Errorf("format %q: the generator writes %s", f, strings.Join(Formats, ", "))
}

// checkFormat says why an episode of these (defaulted) options cannot be
// written, or nil.
func (o *EpisodeOptions) checkFormat() error {
	r := formatRules[o.Format]
	if r.langs != nil && !slices.ContainsFunc(r.langs, func(l string) bool { return strings.EqualFold(l, o.Language) }) {
		return fmt.Errorf("%s: no %s episode in %q (%s: %s)", o.Format, o.Format, o.Language, r.why,
			strings.Join(r.langs, ", "))
	}
	if r.rates != nil && !slices.Contains(r.rates, o.FrameRate) {
		return fmt.Errorf("%s: no %s episode at %s fps (%s)", o.Format, o.Format, o.FrameRate, r.why)
	}
	if o.Defects.Total() > 0 && !slices.Contains(DefectFormats, o.Format) {
		return fmt.Errorf("%s: seeded cue defects are written in %s only", o.Format, strings.Join(DefectFormats, ", "))
	}
	return nil
}

// planKey is the format name an episode's random stream is drawn under.
// The formats added for the clean-file benchmarks draw as SRT does, so
// that they carry the SRT episode's cues; the first three keep their own
// streams, so that the files (and the figures measured on them) stay what
// they were.
func planKey(format string) string {
	if slices.Contains(DefectFormats, format) {
		return format
	}
	return "srt"
}
