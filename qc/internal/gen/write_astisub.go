package gen

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/asticode/go-astisub"
)

// SSA/ASS and EBU STL episodes are written with go-astisub's writers, set
// up so that exportqc's own readers accept the result without a finding
// (what TestNewFormatsMatchTheSRTEpisode and the clean-QC tests hold them
// to), and patched where the library cannot be told what to write.

// astisubItems turns the plan into the library's items: one line item per
// subtitle line, italics as the style flag each writer reads.
func (p *episodePlan) astisubItems(alter bool, at func(frame int64) time.Duration,
	decorate func(it *astisub.Item, lines int), italic func(*astisub.StyleAttributes)) []*astisub.Item {
	items := make([]*astisub.Item, len(p.cues))
	for i := range p.cues {
		c := &p.cues[i]
		it := &astisub.Item{StartAt: at(c.start), EndAt: at(c.end), Lines: make([]astisub.Line, c.text.n)}
		for j := 0; j < c.text.n; j++ {
			li := astisub.LineItem{Text: p.lineText(i, j, alter)}
			if c.text.italic {
				li.InlineStyle = &astisub.StyleAttributes{}
				italic(li.InlineStyle)
			}
			it.Lines[j].Items = []astisub.LineItem{li}
		}
		decorate(it, c.text.n)
		items[i] = it
	}
	return items
}

func ptr[T any](v T) *T { return &v }

// writeASS writes an Advanced SubStation Alpha (v4+) script: one Default
// style, bottom centre, at 1920x1080. The library joins a cue's lines with
// \n, which renderers break on only under WrapStyle 2, so the script says
// so (the reader breaks on both \n and \N). Times are centiseconds, the
// nearest to each frame edge.
func (p *episodePlan) writeASS(e *emitter, fm framing, alter bool) {
	style := &astisub.Style{ID: "Default", InlineStyle: &astisub.StyleAttributes{
		SSAFontName: "Arial", SSAFontSize: ptr(54.0), SSABold: ptr(false), SSAItalic: ptr(false),
		// White text in a black outline: renderers disagree on the colour
		// of a style that names none (ffmpeg reads black).
		SSAPrimaryColour: astisub.ColorWhite, SSASecondaryColour: astisub.ColorWhite,
		SSAOutlineColour: astisub.ColorBlack, SSABackColour: astisub.ColorBlack,
		SSABorderStyle: ptr(1), SSAOutline: ptr(2.0), SSAShadow: ptr(0.0), SSAAlignment: ptr(2),
		SSAMarginLeft: ptr(96), SSAMarginRight: ptr(96), SSAMarginVertical: ptr(54), SSAEncoding: ptr(1),
	}}
	subs := astisub.NewSubtitles()
	subs.Styles[style.ID] = style
	subs.Metadata = &astisub.Metadata{
		Title: p.title, SSAScriptType: "v4.00+", SSAWrapStyle: "2",
		SSAPlayResX: ptr(1920), SSAPlayResY: ptr(1080),
	}
	subs.Items = p.astisubItems(alter,
		func(n int64) time.Duration { return time.Duration(fm.cs(n)) * 10 * time.Millisecond },
		func(it *astisub.Item, _ int) { it.Style = style },
		func(sa *astisub.StyleAttributes) { sa.SSAEffect = `{\i1}` })
	var b bytes.Buffer
	if err := subs.WriteToSSA(&b); err != nil {
		e.err = fmt.Errorf("ass: %w", err)
		return
	}
	out := b.String()
	if e.nl != "\n" {
		out = strings.ReplaceAll(out, "\n", e.nl)
	}
	e.s(out)
}

// stlDate is the creation and revision date written in every generated
// STL header: a fixed date, so that the same options give the same bytes.
var stlDate = time.Date(2026, time.December, 7, 0, 0, 0, 0, time.UTC)

// stlLanguageCodes are the GSI language codes (EBU Tech 3264 Appendix 3)
// of the languages written in STL. The library knows only five languages
// and writes French (0F) for the others, so the field is set afterwards.
var stlLanguageCodes = map[string]string{
	"en": "09", "fr": "0F", "de": "08", "es": "0A", "it": "15", "pt-BR": "21", "tr": "29",
}

// stlRows is MNR, the rows of the open-subtitle screen; subtitles sit on
// its last rows, as in open-subtitle files in the wild (MNR 11, VP 10 for
// two rows).
const stlRows = 11

// writeSTL writes an EBU STL file for open subtitling (DSC 0): code page
// 850, Latin code table, one TTI block per subtitle, centred on the
// bottom rows, MNC the language's line limit (open subtitles are not held
// to teletext's 40 columns), TCP 00:00:00:00.
func (p *episodePlan) writeSTL(e *emitter, fm framing, alter bool) {
	lc, ok := stlLanguageCodes[p.lang.Tag]
	if !ok {
		e.err = fmt.Errorf("stl: no language code for %q", p.lang.Tag)
		return
	}
	subs := astisub.NewSubtitles()
	subs.Metadata = &astisub.Metadata{
		Framerate: int(p.rate.Num / p.rate.Den), Title: p.title,
		STLCreationDate: &stlDate, STLRevisionDate: &stlDate, STLDisplayStandardCode: "0",
		STLMaximumNumberOfDisplayableCharactersInAnyTextRow: ptr(int(p.lang.MaxChars)),
		STLMaximumNumberOfDisplayableRows:                   ptr(stlRows),
	}
	centred := astisub.JustificationCentered
	subs.Items = p.astisubItems(alter, fm.stlTime,
		func(it *astisub.Item, lines int) {
			it.InlineStyle = &astisub.StyleAttributes{STLJustification: &centred,
				STLPosition: &astisub.STLPosition{VerticalPosition: stlRows - lines + 1}}
		},
		func(sa *astisub.StyleAttributes) { sa.STLItalics = ptr(true) })
	var b bytes.Buffer
	if err := subs.WriteToSTL(&b); err != nil {
		e.err = fmt.Errorf("stl: %w", err)
		return
	}
	out := b.Bytes()
	copy(out[14:16], lc)
	// A text field the library filled to its last byte may have been cut:
	// a subtitle must fit one 112-byte field, ending in unused space (8Fh).
	for i, off := 0, 1024; off+128 <= len(out); i, off = i+1, off+128 {
		if out[off+127] != 0x8F {
			e.err = fmt.Errorf("stl: subtitle %d does not fit one TTI block", i+1)
			return
		}
	}
	e.buf = append(e.buf, out...)
}

// stlTime is the start of frame n, rounded up to the nanosecond: the
// library truncates time to frames, so a time a hair early (frame 1 at
// 30 fps is 33,333,333.3 ns) would land on the frame before.
func (f framing) stlTime(n int64) time.Duration {
	num := n * f.rate.Den * int64(time.Second)
	return time.Duration((num + f.rate.Num - 1) / f.rate.Num)
}

// cs is the centisecond nearest to the start of frame n.
func (f framing) cs(n int64) int64 {
	num := n * f.rate.Den * 100
	return (2*num + f.rate.Num) / (2 * f.rate.Num)
}
