package gen

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
)

// An SCC episode is CEA-608 captions on CC1 at 29.97 fps, drop-frame
// timecodes, written the way caption encoders do:
//
//   - pop-on: RCL, ENM, then each row's PAC (indent), tab offset and text
//     load the caption into non-displayed memory; EOC at the cue's first
//     frame shows it; EDM at its end frame erases it. Control codes are
//     sent twice, as is usual.
//   - A caption can only be loaded after the one before it appears (there
//     is one non-displayed memory) and at two characters a frame. When a
//     short caption is followed by a long one, the load does not fit in
//     between: that caption is painted on instead (RDC and the cursor set
//     before it, its characters from its first frame on), as encoders do
//     rather than show it late. Cue times are then still the SRT episode's.
//   - Each subtitle line is wrapped into rows of at most 32 columns (the
//     608 grid), at most four rows, on the bottom rows, centred.
//
// TestNewFormatsMatchTheSRTEpisode reads every episode back with the SCC
// reader and compares it with the SRT episode.

const (
	sccCols    = 32
	sccMaxRows = 4
)

// sccWord is a word of the output at the frame it is sent in.
type sccWord struct {
	frame int64
	w     uint16
}

// sccSchedule places units in frames: from a first free frame on, one
// word a frame, around the two frames of the previous caption's EDM.
type sccSchedule struct {
	words   []sccWord
	blocked int64 // first frame of the EDM the next units must avoid, or -1
}

// place puts units in frames from frame from on, all before frame limit,
// and returns the frame after the last; ok is false (nothing placed) when
// they do not fit.
func (s *sccSchedule) place(units []unit608, from, limit int64) (int64, bool) {
	at := from
	mark := len(s.words)
	for _, u := range units {
		if s.blocked >= 0 && at < s.blocked+2 && at+int64(u.n) > s.blocked {
			at = s.blocked + 2
		}
		if at+int64(u.n) > limit {
			s.words = s.words[:mark]
			return from, false
		}
		for k := 0; k < u.n; k++ {
			s.words = append(s.words, sccWord{at, u.words[k]})
			at++
		}
	}
	return at, true
}

func (p *episodePlan) writeSCC(e *emitter, fm framing, alter bool) {
	if fm.rate != (cue.FrameRate{Num: 30000, Den: 1001}) {
		e.err = fmt.Errorf("scc: captions run at 30000/1001 fps, not %s", fm.rate)
		return
	}
	s := &sccSchedule{blocked: -1}
	free := int64(0)
	for i := range p.cues {
		c := &p.cues[i]
		rows, err := p.sccRows(i, alter)
		if err != nil {
			e.err = fmt.Errorf("scc: cue %d: %w", i+1, err)
			return
		}
		load := []unit608{control(codeRCL), control(codeENM)}
		for _, r := range rows {
			load = append(append(load, r.position...), r.text...)
		}
		if _, ok := s.place(load, free, c.start); ok {
			if _, ok := s.place([]unit608{control(codeEOC)}, c.start, c.start+2); !ok {
				e.err = fmt.Errorf("scc: cue %d starts less than two frames after the one before ends", i+1)
				return
			}
			free = c.start + 2
		} else if free, err = s.paintOn(rows, c, free); err != nil {
			e.err = fmt.Errorf("scc: cue %d: %w", i+1, err)
			return
		}
		s.blocked = -1
		if _, ok := s.place([]unit608{control(codeEDM)}, max(c.end, free), c.end+2); !ok {
			e.err = fmt.Errorf("scc: cue %d: no room for the EDM that ends it", i+1)
			return
		}
		s.blocked = c.end
	}
	writeSCCLines(e, s.words)
}

// paintOn places a caption painted on: the mode and the first row's
// cursor just before the cue, its characters from its first frame. It
// returns the first frame after them.
func (s *sccSchedule) paintOn(rows []sccRow, c *plannedCue, free int64) (int64, error) {
	pre := append([]unit608{control(codeRDC)}, rows[0].position...)
	body := append([]unit608(nil), rows[0].text...)
	for _, r := range rows[1:] {
		body = append(append(body, r.position...), r.text...)
	}
	// As late as possible: a decoder that acts on the mode change at once
	// (ffmpeg's shows the caption before as blank from there) does so for
	// the shortest time.
	placed := false
	for from := c.start - int64(unitFrames(pre)); from >= free && !placed; from-- {
		_, placed = s.place(pre, from, c.start)
	}
	if !placed {
		return free, fmt.Errorf("no room to set up a paint-on caption")
	}
	end, ok := s.place(body, c.start, c.end)
	if !ok {
		return free, fmt.Errorf("its text cannot be sent while it is shown")
	}
	return end, nil
}

func unitFrames(units []unit608) int {
	n := 0
	for _, u := range units {
		n += u.n
	}
	return n
}

// writeSCCLines writes the words, one line per run of consecutive frames.
func writeSCCLines(e *emitter, words []sccWord) {
	sort.SliceStable(words, func(i, j int) bool { return words[i].frame < words[j].frame })
	e.line("Scenarist_SCC V1.0")
	const hex = "0123456789abcdef"
	for i, w := range words {
		if i == 0 || w.frame != words[i-1].frame+1 {
			if i > 0 {
				e.s(e.nl)
				e.s(e.nl)
			} else {
				e.s(e.nl)
			}
			tc := cue.TimecodeAt(w.frame, 30, true)
			e.buf = append(e.buf, byte('0'+tc.H/10), byte('0'+tc.H%10), ':', byte('0'+tc.M/10), byte('0'+tc.M%10), ':',
				byte('0'+tc.S/10), byte('0'+tc.S%10), ';', byte('0'+tc.F/10), byte('0'+tc.F%10), '\t')
		} else {
			e.s(" ")
		}
		e.buf = append(e.buf, hex[w.w>>12], hex[w.w>>8&15], hex[w.w>>4&15], hex[w.w&15])
		e.maybeFlush()
	}
	e.s(e.nl)
}

// sccRow is one caption row: the codes that place the cursor, and the text.
type sccRow struct {
	position []unit608
	text     []unit608
}

// sccRows wraps cue i's lines into rows of at most 32 columns, placed on
// the bottom rows of the grid and centred (PAC indent plus tab offset; an
// italic row starts with the italics mid-row code, which takes the column
// before the text).
func (p *episodePlan) sccRows(i int, alter bool) ([]sccRow, error) {
	c := &p.cues[i]
	var texts []string
	for j := 0; j < c.text.n; j++ {
		texts = append(texts, wrapRow(p.lineText(i, j, alter), sccCols, p.lang)...)
	}
	if len(texts) > sccMaxRows {
		return nil, fmt.Errorf("%d rows of 32 columns, more than the 4 CEA-608 shows", len(texts))
	}
	rows := make([]sccRow, len(texts))
	for k, t := range texts {
		n := utf8.RuneCountInString(t)
		if n > sccCols {
			return nil, fmt.Errorf("%q is longer than 32 columns and has no space to break at", t)
		}
		row := 15 - len(texts) + 1 + k
		col := (sccCols - n) / 2
		var pos []unit608
		switch {
		case c.text.italic && col == 0:
			pos = append(pos, control(pac(row, 0, true)))
		case c.text.italic:
			col-- // the mid-row code takes the column before the text
			fallthrough
		default:
			pos = append(pos, control(pac(row, col/4*4, false)))
			if col%4 > 0 {
				pos = append(pos, control(tabOffset(col%4)))
			}
			if c.text.italic {
				pos = append(pos, control(codeItalics))
			}
		}
		units, err := rowText(t)
		if err != nil {
			return nil, err
		}
		rows[k] = sccRow{position: pos, text: units}
	}
	return rows, nil
}

// wrapRow breaks a line into rows of at most width characters at spaces,
// filling each row, without ending a row on one of the language's weak
// words (a rule the line breaks of the other formats follow too).
func wrapRow(line string, width int, l *language) []string {
	if utf8.RuneCountInString(line) <= width {
		return []string{line}
	}
	words := strings.Split(line, " ")
	var rows []string
	for len(words) > 0 {
		n, used := 0, 0
		for n < len(words) {
			w := utf8.RuneCountInString(words[n])
			if n > 0 {
				w++
			}
			if used+w > width && n > 0 {
				break
			}
			used += w
			n++
		}
		for n > 1 && n < len(words) && l.weakEnd([]rune(strings.Join(words[:n], " "))) {
			n--
		}
		rows = append(rows, strings.Join(words[:n], " "))
		words = words[n:]
	}
	return rows
}
