package gen

import (
	"io"

	"github.com/exportqc/exportqc/qc/cue"
	"strconv"
	"strings"
)

// flushAt is how much output is gathered before it is handed to the
// writer: big enough that a 60 KB episode costs two writes, small enough
// that memory stays flat.
const flushAt = 32 << 10

// emitter appends output to a buffer and hands it over in chunks.
type emitter struct {
	w   io.Writer
	buf []byte
	nl  string
	err error
}

func (e *emitter) s(s string) { e.buf = append(e.buf, s...) }
func (e *emitter) line(parts ...string) {
	for _, p := range parts {
		e.buf = append(e.buf, p...)
	}
	e.buf = append(e.buf, e.nl...)
}

func (e *emitter) maybeFlush() {
	if len(e.buf) >= flushAt {
		e.flush()
	}
}

func (e *emitter) flush() {
	if e.err == nil && len(e.buf) > 0 {
		_, e.err = e.w.Write(e.buf)
	}
	e.buf = e.buf[:0]
}

// appendTime appends HH:MM:SS<sep>mmm.
func appendTime(b []byte, ms int64, sep byte) []byte {
	h, m, s, f := ms/3_600_000, ms/60_000%60, ms/1000%60, ms%1000
	b = append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10), ':',
		byte('0'+s/10), byte('0'+s%10), sep)
	return append(b, byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
}

// write renders the plan in one format; alter applies the planned
// alteration (the tampered copy).
func (p *episodePlan) write(w io.Writer, format string, crlf, alter bool, buf []byte) ([]byte, error) {
	e := &emitter{w: w, buf: buf[:0], nl: "\n"}
	if crlf {
		e.nl = "\r\n"
	}
	fm := newFraming(p.rate)
	switch format {
	case "vtt":
		p.writeVTT(e, fm, alter)
	case "ttml":
		p.writeTTML(e, fm, alter)
	case "stl":
		p.writeSTL(e, fm, alter)
	case "ass":
		p.writeASS(e, fm, alter)
	case "scc":
		p.writeSCC(e, fm, alter)
	default:
		p.writeSRT(e, fm, alter)
	}
	e.flush()
	return e.buf, e.err
}

func (p *episodePlan) lineText(i, j int, alter bool) string {
	t := p.cues[i].text.lines[j]
	if alter && i == p.alterCue && j == 0 {
		return swapAt(t, p.alterAt)
	}
	return t
}

func (p *episodePlan) writeSRT(e *emitter, fm framing, alter bool) {
	var num [20]byte
	for i := range p.cues {
		c := &p.cues[i]
		e.line(string(strconv.AppendInt(num[:0], int64(i+1), 10)))
		e.buf = appendTime(e.buf, fm.ms(c.start), ',')
		e.s(" --> ")
		e.buf = appendTime(e.buf, fm.ms(c.end), ',')
		e.s(e.nl)
		p.textLines(e, i, alter, "<i>", "</i>", false)
		e.s(e.nl)
		e.maybeFlush()
	}
}

func (p *episodePlan) writeVTT(e *emitter, fm framing, alter bool) {
	e.line("WEBVTT")
	e.s(e.nl)
	var num [20]byte
	for i := range p.cues {
		c := &p.cues[i]
		e.line(string(strconv.AppendInt(num[:0], int64(i+1), 10)))
		e.buf = appendTime(e.buf, fm.ms(c.start), '.')
		e.s(" --> ")
		e.buf = appendTime(e.buf, fm.ms(c.end), '.')
		e.s(e.nl)
		p.textLines(e, i, alter, "<i>", "</i>", false)
		e.s(e.nl)
		e.maybeFlush()
	}
}

// textLines writes a cue's lines, each on its own source line (SRT, WebVTT)
// or joined with <br/> (TTML), italic lines wrapped in open/close.
func (p *episodePlan) textLines(e *emitter, i int, alter bool, open, close string, xml bool) {
	c := &p.cues[i]
	for j := 0; j < c.text.n; j++ {
		if xml && j > 0 {
			e.s("<br/>")
		}
		t := p.lineText(i, j, alter)
		if c.text.italic {
			e.s(open)
		}
		if xml {
			e.s(xmlEscaper.Replace(t))
		} else {
			e.s(t)
		}
		if c.text.italic {
			e.s(close)
		}
		if !xml {
			e.s(e.nl)
		}
	}
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")

// writeTTML writes an IMSC 1-style document: the frame rate declared (so
// the off-frame rule applies), one bottom region, clock times in
// milliseconds.
func (p *episodePlan) writeTTML(e *emitter, fm framing, alter bool) {
	rate, mul := ttmlRate(p.rate)
	e.line(`<?xml version="1.0" encoding="UTF-8"?>`)
	e.s(`<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"`)
	e.s(` xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"`)
	e.s(` ttp:timeBase="media" ttp:frameRate="` + rate + `"`)
	if mul != "" {
		e.s(` ttp:frameRateMultiplier="` + mul + `"`)
	}
	e.line(` xml:lang="` + p.lang.Tag + `">`)
	e.line(`  <head>`)
	if p.title != "" {
		e.line(`    <metadata><ttm:title>`, xmlEscaper.Replace(p.title), `</ttm:title></metadata>`)
	}
	e.line(`    <styling><style xml:id="s1" tts:fontFamily="proportionalSansSerif" tts:textAlign="center"/></styling>`)
	e.line(`    <layout><region xml:id="bottom" tts:origin="10% 80%" tts:extent="80% 15%" tts:displayAlign="after"/></layout>`)
	e.line(`  </head>`)
	e.line(`  <body style="s1" region="bottom">`)
	e.line(`    <div>`)
	for i := range p.cues {
		c := &p.cues[i]
		e.s(`      <p xml:id="c`)
		e.buf = strconv.AppendInt(e.buf, int64(i+1), 10)
		e.s(`" begin="`)
		e.buf = appendTime(e.buf, fm.ms(c.start), '.')
		e.s(`" end="`)
		e.buf = appendTime(e.buf, fm.ms(c.end), '.')
		e.s(`">`)
		p.textLines(e, i, alter, `<span tts:fontStyle="italic">`, `</span>`, true)
		e.line(`</p>`)
		e.maybeFlush()
	}
	e.line(`    </div>`)
	e.line(`  </body>`)
	e.line(`</tt>`)
}

// ttmlRate spells a frame rate as ttp:frameRate and ttp:frameRateMultiplier.
func ttmlRate(fr cue.FrameRate) (rate, mul string) {
	if num, den := fr.Num, fr.Den; den != 1 {
		if den == 1001 {
			return strconv.FormatInt((num+500)/1000, 10), "1000 1001"
		}
		// Other fractional rates: nearest integer rate times num/den.
		n := (num + den/2) / den
		return strconv.FormatInt(n, 10), strconv.FormatInt(num, 10) + " " + strconv.FormatInt(n*den, 10)
	}
	return strconv.FormatInt(fr.Num, 10), ""
}
