package textenc

import "sync"

// candidate is one legacy encoding Decode may guess.
type candidate interface {
	score(sample []byte, atEOF bool) (score float64, chars int)
	decode(data []byte) (text string, invalid int)
	encodingName() string
}

type sbcsCandidate struct{ *sbcs }

func (c sbcsCandidate) score(sample []byte, _ bool) (float64, int) { return c.sbcs.score(sample) }
func (c sbcsCandidate) encodingName() string                       { return c.name }
func (d *dbcs) encodingName() string                               { return d.name }

// legacyCandidates are the candidates in tie-break order, the most common
// legacy code page for subtitles first; built on first use, as UTF-8 input
// never needs them.
var legacyCandidates = sync.OnceValue(func() []candidate {
	return []candidate{
		sbcsCandidate{newCP1252()},
		sbcsCandidate{newCP1250()},
		sbcsCandidate{newCP1251()},
		gb18030,
		sbcsCandidate{newCP1256()},
		big5,
	}
})

// guessLegacy scores every candidate on the sample and decodes all of data
// with the best one.
func guessLegacy(data, sample []byte, atEOF bool) Result {
	candidates := legacyCandidates()
	best, second := -1, -1
	var scores [8]float64
	var chars [8]int
	for i, c := range candidates {
		scores[i], chars[i] = c.score(sample, atEOF)
		switch {
		case best < 0 || scores[i] > scores[best]:
			best, second = i, best
		case second < 0 || scores[i] > scores[second]:
			second = i
		}
	}
	text, bad := candidates[best].decode(data)
	return Result{
		Text:       text,
		Encoding:   candidates[best].encodingName(),
		Guessed:    true,
		Confidence: confidence(scores[best], scores[second], chars[best]),
		Invalid:    bad,
	}
}

// confidence turns the winning score, the runner-up's score and the number
// of non-ASCII characters judged into 0..1 (see the package comment). The
// lead is weighed in total, not per character: a French file full of "’"
// and "…" (identical in every code page) has a small lead per character
// but hundreds of letters that only windows-1252 reads well.
func confidence(best, second float64, n int) float64 {
	c := min(max(best, 0), 1)
	lead := min(max((best-second)*float64(n)/10, 0), 1)
	return c * (0.5 + 0.5*lead)
}
