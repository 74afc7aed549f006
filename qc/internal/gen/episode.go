package gen

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
)

// EpisodeOptions describe one generated subtitle file. The zero value of
// each field means its default.
type EpisodeOptions struct {
	Seed     uint64
	Format   string  // one of Formats; "srt" by default
	Language string  // a tag from Languages(); "en" by default
	Cues     int     // exact number of cues; 700 by default
	Minutes  float64 // programme duration; 45 by default
	// FrameRate is the programme rate every time falls on; 24000/1001 by
	// default, which is also the rate QC assumes for files that declare
	// none, so a generated SRT checked on its own is clean. EBU STL
	// defaults to 25 and SCC to 30000/1001, the rates they declare.
	FrameRate cue.FrameRate
	// Name tells files generated from the same seed apart (the audit tree
	// passes each file's path); it is part of the random stream's seed.
	Name  string
	Title string // TTML ttm:title, ASS Title, STL OPT; optional
	CRLF  bool   // CR LF line endings instead of LF (text formats; STL is binary)
	// Defects are the cues seeded to break a timing or layout rule.
	Defects CueDefects
}

// CueDefects counts seeded cue defects, each raising one finding of one
// rule under the default profile: T003 cue-overlap, T001 cue-too-short,
// T005 reading-speed-too-high, L001 line-too-long.
type CueDefects struct {
	Overlap     int `json:"overlap"`
	TooShort    int `json:"too_short"`
	TooFast     int `json:"too_fast"`
	LineTooLong int `json:"line_too_long"`
}

// Total is the number of seeded cues.
func (d CueDefects) Total() int { return d.Overlap + d.TooShort + d.TooFast + d.LineTooLong }

// DefaultFrameRate is the rate episodes are timed at unless told otherwise.
var DefaultFrameRate = cue.FrameRate{Num: 24000, Den: 1001}

func (o EpisodeOptions) withDefaults() (EpisodeOptions, error) {
	if o.Format == "" {
		o.Format = "srt"
	}
	if !knownFormat(o.Format) {
		return o, unknownFormat(o.Format)
	}
	if o.Language == "" {
		o.Language = "en"
	}
	if o.Cues == 0 {
		o.Cues = 700
	}
	if o.Minutes == 0 {
		o.Minutes = 45
	}
	if o.Minutes < 0 || o.Minutes > 24*60 {
		return o, fmt.Errorf("minutes must be between 0 and 1440, not %v", o.Minutes)
	}
	if o.FrameRate.IsZero() {
		o.FrameRate = formatRules[o.Format].rate
	}
	if o.FrameRate.IsZero() {
		o.FrameRate = DefaultFrameRate
	}
	fr, err := cue.ParseFrameRate(o.FrameRate.String())
	if err != nil {
		return o, err
	}
	o.FrameRate = fr
	return o, o.checkFormat()
}

// plan decides the episode's content.
func (o EpisodeOptions) plan() (*episodePlan, EpisodeOptions, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, o, err
	}
	l, err := lookupLanguage(o.Language)
	if err != nil {
		return nil, o, err
	}
	r := newRNG(o.Seed, "episode\x00"+o.Name+"\x00"+o.Language+"\x00"+planKey(o.Format))
	p, err := planEpisode(r, l, &o)
	return p, o, err
}

// Episode writes one subtitle file. The same options always give the same
// bytes.
func Episode(w io.Writer, opts EpisodeOptions) error {
	p, o, err := opts.plan()
	if err != nil {
		return err
	}
	_, err = p.write(w, o.Format, o.CRLF, false, make([]byte, 0, flushAt+4096))
	return err
}

// EpisodeBytes returns the file Episode writes, or nil when the options
// are invalid (Episode says why).
func EpisodeBytes(opts EpisodeOptions) []byte {
	var b bytes.Buffer
	if err := Episode(&b, opts); err != nil {
		return nil
	}
	return b.Bytes()
}

// FileName is the conventional name of an episode's subtitle file, the
// form language inference reads: Title_S01E03.fr.srt.
func FileName(title string, season, episode int, lang, format string) string {
	return title + "_S" + pad2(season) + "E" + pad2(episode) + "." + lang + Ext(format)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
