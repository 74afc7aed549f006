package gen

// cueText is the display text of one cue: one or two lines, their total
// weighted character count (what reading speed divides by duration), and
// whether the whole cue is set in italics.
type cueText struct {
	lines  [2]string
	n      int
	chars  float64
	italic bool
}

func (t *cueText) add(s string, chars float64) {
	t.lines[t.n] = s
	t.n++
	t.chars += chars
}

// fits reports whether a sentence fits on one line.
func (l *language) fits(s *sentence) bool { return s.chars <= l.MaxChars }

// normalText builds the text of a clean cue whose character count is at
// most budget (what the time available allows at a comfortable reading
// speed). The mix of shapes follows what broadcast subtitles look like:
// many one-liners, long sentences broken over two lines, the odd pair of
// sentences, and two-speaker dialogue with dashes.
func (l *language) normalText(r *rng, budget float64) cueText {
	dash := l.count(l.Dash)
	for try := 0; try < 16; try++ {
		var t cueText
		s := &l.counted[r.intn(len(l.counted))]
		switch x := r.intn(100); {
		case x < 45:
			if !l.fits(s) {
				continue
			}
			t.add(s.text, s.chars)
			t.italic = !l.NoItalics && r.chance(0.06)
		case x < 80:
			if s.first == "" {
				continue
			}
			t.add(s.first, s.firstN)
			t.add(s.rest, s.rstN)
			t.italic = !l.NoItalics && r.chance(0.04)
		case x < 90:
			s2 := &l.counted[r.intn(len(l.counted))]
			if !l.fits(s) || !l.fits(s2) || s == s2 {
				continue
			}
			t.add(s.text, s.chars)
			t.add(s2.text, s2.chars)
		default:
			s2 := &l.counted[r.intn(len(l.counted))]
			if s.chars+dash > l.MaxChars || s2.chars+dash > l.MaxChars || s == s2 {
				continue
			}
			t.add(l.Dash+s.text, s.chars+dash)
			t.add(l.Dash+s2.text, s2.chars+dash)
		}
		if t.chars <= budget {
			return t
		}
	}
	// Little time left: the shortest line we have.
	var t cueText
	s := l.shortest()
	t.add(s.text, s.chars)
	return t
}

func (l *language) shortest() *sentence {
	best := &l.counted[0]
	for i := range l.counted {
		if l.counted[i].chars < best.chars {
			best = &l.counted[i]
		}
	}
	return best
}

// shortText is an interjection, for a cue seeded too short.
func (l *language) shortText(r *rng) cueText {
	var t cueText
	s := &l.shorts[r.intn(len(l.shorts))]
	t.add(s.text, s.chars)
	return t
}

// denseText builds a two-line cue of at least minChars characters with both
// lines within the line limit, for a cue seeded too fast to read.
func (l *language) denseText(r *rng, minChars float64) cueText {
	var best cueText
	for try := 0; try < 64; try++ {
		var t cueText
		s := &l.counted[r.intn(len(l.counted))]
		s2 := &l.counted[r.intn(len(l.counted))]
		if s.first != "" && r.chance(0.5) {
			t.add(s.first, s.firstN)
			t.add(s.rest, s.rstN)
		} else if l.fits(s) && l.fits(s2) {
			t.add(s.text, s.chars)
			t.add(s2.text, s2.chars)
		} else {
			continue
		}
		if t.chars >= minChars {
			return t
		}
		if t.chars > best.chars {
			best = t
		}
	}
	return best
}

// longLine builds one line of more than lo and at most hi characters by
// running sentences together, for a cue seeded with a line too long.
func (l *language) longLine(r *rng, lo, hi float64) cueText {
	sep := l.count(l.Sep)
	for try := 0; try < 256; try++ {
		s := &l.counted[r.intn(len(l.counted))]
		text, n := s.text, s.chars
		for n <= lo {
			s2 := &l.counted[r.intn(len(l.counted))]
			text += l.Sep + s2.text
			n += sep + s2.chars
		}
		if n <= hi {
			var t cueText
			t.add(text, n)
			return t
		}
	}
	// Unreachable with the built-in phrase lists (a test covers every
	// language); fall back to a truncated run rather than fail.
	var t cueText
	s := l.counted[0].text
	for l.count(s) <= lo {
		s += l.Sep + l.counted[1].text
	}
	t.add(s, l.count(s))
	return t
}
