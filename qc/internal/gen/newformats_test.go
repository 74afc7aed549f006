package gen

import (
	"bytes"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/stl"
)

// The formats without seeded defects carry the SRT episode's cues: read
// back with exportqc's own readers, without a diagnostic, they have the
// same number of cues, the same text and italics, and the same times as
// the SRT episode with the same options at the same frame rate, except
// where the format cannot: SSA/ASS times are centiseconds, and SCC rows
// are 32 columns of the CEA-608 character set.
func TestNewFormatsMatchTheSRTEpisode(t *testing.T) {
	for _, f := range Formats {
		if slices.Contains(DefectFormats, f) {
			continue
		}
		rates := formatRules[f].rates
		if rates == nil {
			rates = []cue.FrameRate{{}} // the default
		}
		for _, lang := range FormatLanguages(f) {
			for seed := uint64(1); seed <= uint64(len(rates)+1); seed++ {
				o := EpisodeOptions{Seed: seed, Format: f, Language: lang, FrameRate: rates[int(seed)%len(rates)]}
				got := readAny(f, EpisodeBytes(o))
				for _, d := range got.Diagnostics {
					t.Errorf("%s/%s seed %d: line %d: %s %s", f, lang, seed, d.Line, d.Rule, d.Message)
				}
				def, _ := o.withDefaults()
				want := readAny("srt", EpisodeBytes(EpisodeOptions{Seed: seed, Language: lang, FrameRate: def.FrameRate}))
				if len(got.Cues) != 700 || len(want.Cues) != 700 {
					t.Fatalf("%s/%s seed %d: %d cues, SRT has %d, want 700", f, lang, seed, len(got.Cues), len(want.Cues))
				}
				if got.FrameRate != def.FrameRate && f != "ass" { // SSA declares no rate
					t.Errorf("%s/%s: file declares %v, generated at %v", f, lang, got.FrameRate, def.FrameRate)
				}
				for i := range want.Cues {
					if msg := sameCue(f, &got.Cues[i], &want.Cues[i]); msg != "" {
						t.Errorf("%s/%s seed %d cue %d: %s", f, lang, seed, i+1, msg)
						break
					}
				}
			}
		}
	}
}

// sameCue compares a cue of format f with the SRT cue it was written from.
func sameCue(f string, got, want *cue.Cue) string {
	tol := cue.Millisecond / 2 // SRT's own rounding of frame times to milliseconds
	if f == "ass" {
		tol = 5*cue.Millisecond + cue.Millisecond/2 // centiseconds, nearest
	}
	if d := got.Start - want.Start; d > tol || d < -tol {
		return "starts at " + got.Start.String() + ", SRT at " + want.Start.String()
	}
	if d := got.End - want.End; d > tol || d < -tol {
		return "ends at " + got.End.String() + ", SRT at " + want.End.String()
	}
	if f != "scc" {
		if !slices.EqualFunc(got.Lines, want.Lines, func(a, b cue.Line) bool {
			return a.Text == b.Text && a.Italic() == b.Italic()
		}) {
			return "lines " + linesOf(got) + ", SRT " + linesOf(want)
		}
		return ""
	}
	// SCC: the same words, rewrapped into rows of at most 32 columns.
	if len(got.Lines) > 4 || len(got.Lines) < len(want.Lines) {
		return "rows " + linesOf(got) + " for SRT lines " + linesOf(want)
	}
	var rows, lines []string
	for _, l := range got.Lines {
		if utf8.RuneCountInString(l.Text) > 32 || l.Italic() != want.Lines[0].Italic() {
			return "row " + l.Text + " is over 32 columns or not styled as the SRT cue"
		}
		rows = append(rows, l.Text)
	}
	for _, l := range want.Lines {
		lines = append(lines, l.Text)
	}
	if strings.Join(rows, " ") != strings.Join(lines, " ") {
		return "rows " + linesOf(got) + ", SRT " + linesOf(want)
	}
	return ""
}

func linesOf(c *cue.Cue) string {
	var s []string
	for _, l := range c.Lines {
		s = append(s, l.Text)
	}
	return strings.Join(s, " | ")
}

// SCC captions are pop-on, as broadcast captions mostly are; a caption
// whose text cannot be loaded in the time after the one before it
// appears is painted on, which must stay the exception. Every SCC word has
// odd parity and control codes go out twice.
func TestSCCEpisodeIsMostlyPopOn(t *testing.T) {
	for _, lang := range FormatLanguages("scc") {
		data := EpisodeBytes(EpisodeOptions{Seed: 3, Format: "scc", Language: lang})
		doc := readAny("scc", data)
		modes := map[string]int{}
		for _, c := range doc.Cues {
			modes[c.Region]++
		}
		if modes["pop-on"] < 650 || modes["pop-on"]+modes["paint-on"] != 700 {
			t.Errorf("%s: caption modes %v, want nearly all of 700 pop-on", lang, modes)
		}
		if !bytes.HasPrefix(data, []byte("Scenarist_SCC V1.0\n\n")) {
			t.Errorf("%s: header %q", lang, data[:min(40, len(data))])
		}
		for _, w := range bytes.Fields(data[len("Scenarist_SCC V1.0"):]) {
			if len(w) == 4 {
				var b [2]byte
				for k := 0; k < 2; k++ {
					b[k] = hexByte(w[2*k:])
					if n := bitsSet(b[k]); n%2 == 0 {
						t.Fatalf("%s: word %s has a byte without odd parity", lang, w)
					}
				}
			}
		}
	}
}

func hexByte(s []byte) byte {
	v := func(c byte) byte {
		if c >= 'a' {
			return c - 'a' + 10
		}
		return c - '0'
	}
	return v(s[0])<<4 | v(s[1])
}

func bitsSet(b byte) int {
	n := 0
	for ; b != 0; b &= b - 1 {
		n++
	}
	return n
}

// Every 608 character the encoder knows reads back as itself, and a
// character 608 does not have is refused rather than written as another.
func TestCEA608CharactersReadBack(t *testing.T) {
	var all []rune
	for r := rune(0x20); r < 0x7F; r++ {
		if r != '`' {
			all = append(all, r)
		}
	}
	for r := range standard608 {
		all = append(all, r)
	}
	for _, r := range special608 {
		if r != 0 {
			all = append(all, r)
		}
	}
	all = append(append(all, extended608[0]...), extended608[1]...)
	slices.Sort(all)
	var text strings.Builder
	text.WriteString("Scenarist_SCC V1.0\n\n")
	for i := 0; i < len(all); i += 20 {
		row := string(all[i:min(i+20, len(all))])
		units, err := rowText(row)
		if err != nil {
			t.Fatal(err)
		}
		load := []unit608{control(codeRCL), control(codeENM), control(pac(15, 0, false))}
		load = append(append(load, units...), control(codeEOC))
		s := &sccSchedule{blocked: -1}
		end, _ := s.place(load, int64(i*100), int64(i*100+100))
		s.place([]unit608{control(codeEDM)}, end+10, end+12)
		e := &emitter{w: &bytes.Buffer{}, nl: "\n"}
		writeSCCLines(e, s.words)
		text.Write(e.buf[len("Scenarist_SCC V1.0\n"):])
		doc := readAny("scc", []byte(text.String()))
		if n := len(doc.Cues); n == 0 || doc.Cues[n-1].Lines[0].Text != strings.TrimRight(row, " ") {
			t.Fatalf("row %q read back as %+v (%v)", row, doc.Cues, doc.Diagnostics)
		}
		if len(doc.Diagnostics) > 0 {
			t.Fatalf("row %q: %v", row, doc.Diagnostics)
		}
	}
	for _, r := range "`ğ€…" {
		if _, err := rowText(string(r)); err == nil {
			t.Errorf("%q accepted", r)
		}
	}
}

// The STL header says what the file is: the language (which go-astisub
// cannot write for most languages), the frame rate, open subtitling with
// the language's line limit as MNC, code page 850 and the Latin table,
// the block and subtitle counts, and the fixed dates that keep the bytes
// the same from run to run.
func TestSTLHeader(t *testing.T) {
	for _, lang := range FormatLanguages("stl") {
		for _, fps := range []int64{25, 30} {
			data := EpisodeBytes(EpisodeOptions{Seed: 2, Format: "stl", Language: lang, Cues: 90,
				FrameRate: cue.FrameRate{Num: fps, Den: 1}, Title: "Episode"})
			h, err := stl.ReadHeader(data)
			if err != nil {
				t.Fatal(err)
			}
			l, _ := lookupLanguage(lang)
			want := stl.Header{CPN: "850", DFC: "STL" + strconv.FormatInt(fps, 10) + ".01", DSC: '0', CCT: "00",
				Language: strings.SplitN(lang, "-", 2)[0], OPT: "Episode", CD: "261207", RD: "261207",
				TNB: 90, TNS: 90, TNG: 1, MNC: int(l.MaxChars), MNR: 11, TCS: '1', TCP: 0, TCPValid: true}
			got := stl.Header{CPN: h.CPN, DFC: h.DFC, DSC: h.DSC, CCT: h.CCT, Language: h.Language, OPT: h.OPT,
				CD: h.CD, RD: h.RD, TNB: h.TNB, TNS: h.TNS, TNG: h.TNG, MNC: h.MNC, MNR: h.MNR, TCS: h.TCS,
				TCP: h.TCP, TCPValid: h.TCPValid}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s at %d fps: header\n%+v, want\n%+v", lang, fps, got, want)
			}
			if !h.TCFValid || h.TCF != readAny("stl", data).Cues[0].Start {
				t.Errorf("%s: TCF %v is not the first cue's start", lang, h.TCF)
			}
		}
	}
}

// CR LF endings reach every line of the text formats, and change nothing
// the reader sees.
func TestNewTextFormatsCRLF(t *testing.T) {
	for _, f := range []string{"ass", "scc"} {
		o := EpisodeOptions{Seed: 4, Format: f, Cues: 120}
		lf := readAny(f, EpisodeBytes(o))
		o.CRLF = true
		data := EpisodeBytes(o)
		if n := bytes.Count(data, []byte("\n")); n < 120 || bytes.Count(data, []byte("\r\n")) != n {
			t.Errorf("%s: %d line ends, %d of them CR LF", f, n, bytes.Count(data, []byte("\r\n")))
		}
		crlf := readAny(f, data)
		if len(crlf.Diagnostics) > 0 || len(crlf.Cues) != 120 || !slices.EqualFunc(crlf.Cues, lf.Cues, func(a, b cue.Cue) bool {
			return a.Start == b.Start && a.End == b.End && linesOf(&a) == linesOf(&b)
		}) {
			t.Errorf("%s: the CR LF file reads differently (%d cues, %v)", f, len(crlf.Cues), crlf.Diagnostics)
		}
	}
}
