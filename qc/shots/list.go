// Package shots reads shot-change lists: the frames where the picture cuts
// from one shot to the next, against which subtitle in- and out-times are
// timed. It reads a plain list of times (Subtitle Edit's .shotchanges
// text: seconds, one a line; timecodes), what ffmpeg's scene filter prints
// (showinfo or metadata=print lines with pts_time:), and the record-in
// points of a CMX 3600 EDL, and detects cuts in a video with ffmpeg's scene
// filter (detect.go). It never writes beside what it reads.
package shots

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/lazyre"
)

// MaxListSize bounds what a list may cost: a feature film has a few
// thousand cuts, a few tens of kilobytes of text.
const MaxListSize = 64 << 20

// Cut is one shot change as its list states it: a time, or a frame
// timecode (HH:MM:SS:FF) whose time depends on the programme's frame rate.
type Cut struct {
	Line int // in the list, 1-based
	Time cue.Time
	// InFrames marks a frame timecode: TC holds hours, minutes, seconds
	// and frames, Time is unset.
	InFrames bool
	TC       [4]int64
}

// List is a parsed shot-change list.
type List struct {
	Path string
	// Format is what the list was read as: "seconds" (a plain list of
	// times), "ffmpeg" (scene-filter output), "edl" (CMX 3600), "detected"
	// (found in a video by ffmpeg).
	Format string
	Cuts   []Cut
	// DropFrame marks frame timecodes counted in drop-frame (";" or an
	// EDL's FCM: DROP FRAME).
	DropFrame bool
}

// NeedsRate reports whether the list has frame timecodes, which a frame
// rate must turn into times.
func (l *List) NeedsRate() bool {
	for _, c := range l.Cuts {
		if c.InFrames {
			return true
		}
	}
	return false
}

// Times returns the cut times, sorted and without duplicates; fr converts
// frame timecodes. The slice is never nil: a list with no cuts is still a
// list. The List is not modified (one list serves files of any rate).
func (l *List) Times(fr cue.FrameRate) ([]cue.Time, error) {
	out := make([]cue.Time, 0, len(l.Cuts))
	for _, c := range l.Cuts {
		t := c.Time
		if c.InFrames {
			n, err := l.frame(c, fr)
			if err != nil {
				return nil, err
			}
			t = fr.Frames(n)
		}
		out = append(out, t)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// frame is the frame number of a timecode cut at rate fr: a timecode
// counts the rate's nominal frames per second (24 for 23.976), and in
// drop-frame skips the first 2 frame numbers (4 at 59.94) of every minute
// but every tenth (cue.Timecode).
func (l *List) frame(c Cut, fr cue.FrameRate) (int64, error) {
	nominal := fr.Nominal()
	if nominal <= 0 {
		return 0, fmt.Errorf("%s:%d: a timecode needs a frame rate (--fps, or the episode's frame_rate in the manifest)", l.Path, c.Line)
	}
	tc := cue.Timecode{H: c.TC[0], M: c.TC[1], S: c.TC[2], F: c.TC[3], Drop: l.DropFrame}
	if tc.Drop && (nominal%30 != 0 || !slowedByNTSC(fr, nominal)) {
		// Drop-frame numbering is defined for 29.97 and 59.94 only (an
		// exact 30 or 60 fps programme drops no frame numbers either).
		return 0, fmt.Errorf("%s:%d: drop-frame timecode at %s fps, where no frame numbers are dropped: give the list in non-drop-frame or set --fps to the programme's 29.97 or 59.94", l.Path, c.Line, fr)
	}
	if tc.F >= nominal {
		return 0, fmt.Errorf("%s:%d: frame %d does not exist at %s fps", l.Path, c.Line, tc.F, fr)
	}
	if tc.Skipped(nominal) {
		return 0, fmt.Errorf("%s:%d: %02d:%02d:%02d;%02d is a label drop-frame never uses (the first %d of minute %d are skipped): the list is not in drop-frame, or the timecode is mistyped",
			l.Path, c.Line, tc.H, tc.M, tc.S, tc.F, cue.DroppedPerMinute(nominal), tc.M)
	}
	return tc.Frame(nominal), nil
}

// slowedByNTSC reports whether fr is the nominal rate slowed by 1000/1001 (29.97,
// 59.94), the rates drop-frame numbering was made for.
func slowedByNTSC(fr cue.FrameRate, nominal int64) bool {
	return fr.Num*1001 == nominal*1000*fr.Den || math.Abs(float64(fr.Num)/float64(fr.Den)-float64(nominal)*1000/1001) < 0.005
}

// Load reads and parses the list at path.
func Load(path string) (*List, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("shot-change list %s: %w", path, errors.Unwrap(err))
	}
	if st.IsDir() {
		return nil, fmt.Errorf("shot-change list %s: is a folder", path)
	}
	if st.Size() > MaxListSize {
		return nil, fmt.Errorf("shot-change list %s: %d MiB is too large for a list of cuts", path, st.Size()>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("shot-change list %s: %w", path, err)
	}
	return Parse(path, data)
}

var (
	ptsTime  = lazyre.New(`pts_time:\s*(-?[0-9]+(?:\.[0-9]+)?)`)
	edlEvent = lazyre.New(`^\s*[0-9]{1,6}\s+\S+`)
	// HH:MM:SS:FF (";" before the frames: drop-frame), or
	// HH:MM:SS.mmm / HH:MM:SS,mmm.
	timecode = lazyre.New(`^([0-9]{1,3}):([0-5][0-9]):([0-5][0-9])(?:([:;])([0-9]{2,3})|[.,]([0-9]{1,3}))?$`)
)

// Parse reads a list from its bytes; path names it in errors.
func Parse(path string, data []byte) (*List, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fmt.Errorf("shot-change list %s: binary content, not a list of times (a video? pass it with --video)", path)
	}
	// Lines as every reader counts them (LF, CRLF or a lone CR), so that
	// an error's line number is the one an editor shows.
	var lines []string
	for sc := cue.NewLineScanner(string(data)); sc.Scan(); {
		lines = append(lines, sc.Text())
	}
	switch {
	case bytes.Contains(data, []byte("pts_time:")):
		return parseFFmpeg(path, lines)
	case looksEDL(lines):
		return parseEDL(path, lines)
	}
	return parsePlain(path, lines)
}

// parsePlain reads one time a line: seconds ("12.512", Subtitle Edit's
// .shotchanges), "12.512s", or a timecode. Blank lines and lines starting
// with # are skipped; anything else is an error naming the line.
func parsePlain(path string, lines []string) (*List, error) {
	l := &List{Path: path, Format: "seconds"}
	for i, raw := range lines {
		s := strings.TrimSpace(raw)
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		c, df, err := parseTime(s)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
		}
		c.Line = i + 1
		l.DropFrame = l.DropFrame || df
		l.Cuts = append(l.Cuts, c)
	}
	return l, nil
}

// parseTime reads seconds or a timecode.
func parseTime(s string) (Cut, bool, error) {
	if m := timecode().FindStringSubmatch(s); m != nil {
		h, _ := strconv.ParseInt(m[1], 10, 64)
		mi, _ := strconv.ParseInt(m[2], 10, 64)
		se, _ := strconv.ParseInt(m[3], 10, 64)
		switch {
		case m[5] != "":
			f, _ := strconv.ParseInt(m[5], 10, 64)
			return Cut{TC: [4]int64{h, mi, se, f}, InFrames: true}, m[4] == ";", nil
		case m[6] != "":
			ms, _ := strconv.ParseInt((m[6] + "00")[:3], 10, 64)
			return Cut{Time: cue.FromRatio(((h*60+mi)*60+se)*1000+ms, 1000)}, false, nil
		}
		return Cut{Time: cue.FromRatio((h*60+mi)*60+se, 1)}, false, nil
	}
	num := strings.TrimSuffix(s, "s")
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v < 0 || v > 1e6 || strings.ContainsAny(num, "eExXpP_+") {
		return Cut{}, false, fmt.Errorf("%q is not a time (want seconds such as 12.512, or a timecode such as 00:00:12:12 or 00:00:12.512)", s)
	}
	return Cut{Time: cue.FromSeconds(v)}, false, nil
}

// parseFFmpeg reads the pts_time of every frame ffmpeg's scene filter
// selected (showinfo on stderr, or metadata=print); other lines (the
// banner, lavfi.scene_score) are ffmpeg's own and are skipped.
func parseFFmpeg(path string, lines []string) (*List, error) {
	l := &List{Path: path, Format: "ffmpeg"}
	for i, s := range lines {
		m := ptsTime().FindStringSubmatch(s)
		if m == nil {
			continue
		}
		v, err := strconv.ParseFloat(m[1], 64)
		if err != nil || v < 0 || v > 1e6 {
			return nil, fmt.Errorf("%s:%d: pts_time %q is not a time in a programme", path, i+1, m[1])
		}
		l.Cuts = append(l.Cuts, Cut{Line: i + 1, Time: cue.FromSeconds(v)})
	}
	return l, nil
}

// looksEDL recognises a CMX 3600 EDL by its header or its event lines
// (number, reel, track, transition, four timecodes).
func looksEDL(lines []string) bool {
	for _, s := range lines {
		s = strings.TrimSpace(s)
		if strings.HasPrefix(s, "TITLE:") || strings.HasPrefix(s, "FCM:") {
			return true
		}
		if f := strings.Fields(s); len(f) >= 8 && edlEvent().MatchString(s) && isTimecodes(f[len(f)-4:]) {
			return true
		}
	}
	return false
}

func isTimecodes(f []string) bool {
	for _, s := range f {
		if m := timecode().FindStringSubmatch(s); m == nil || m[5] == "" {
			return false
		}
	}
	return true
}

// parseEDL takes the record-in timecode of every video event: where the
// edited programme changes from one source clip to the next. Audio-only
// events, comments (* FROM CLIP NAME), notes and speed changes (M2) are
// not cuts.
func parseEDL(path string, lines []string) (*List, error) {
	l := &List{Path: path, Format: "edl"}
	for i, raw := range lines {
		s := strings.TrimSpace(raw)
		switch {
		case strings.HasPrefix(s, "FCM:"):
			l.DropFrame = strings.Contains(strings.ToUpper(s), "DROP FRAME") && !strings.Contains(strings.ToUpper(s), "NON-DROP")
			continue
		case s == "" || strings.HasPrefix(s, "*") || strings.HasPrefix(s, "TITLE:") || strings.HasPrefix(s, "M2") ||
			!edlEvent().MatchString(s):
			continue
		}
		f := strings.Fields(s)
		if len(f) < 8 || !isTimecodes(f[len(f)-4:]) {
			return nil, fmt.Errorf("%s:%d: event line does not end in four timecodes (source in/out, record in/out): %q", path, i+1, s)
		}
		track := strings.ToUpper(f[2])
		if !strings.HasPrefix(track, "V") && track != "B" {
			continue
		}
		c, df, _ := parseTime(f[len(f)-2])
		c.Line = i + 1
		l.DropFrame = l.DropFrame || df
		l.Cuts = append(l.Cuts, c)
	}
	return l, nil
}
