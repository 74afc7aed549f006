package fix

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/shots"
)

// shotOptions are options() with the shot-change list of testdata/shots,
// whose cuts sit a few frames from the timing fixtures' cues, fixing only
// the shot-change rules so each golden shows their edits alone.
func shotOptions(t *testing.T, path string) Options {
	t.Helper()
	opts := options(t, path)
	l, err := shots.Load(filepath.Join("testdata", "shots", "cuts.shotchanges"))
	if err != nil {
		t.Fatal(err)
	}
	opts.Engine.ShotChanges = l
	opts.Rules = map[string]bool{"T010": true, "T011": true, "T012": true}
	return opts
}

// TestGoldenShotChanges fixes the timing fixtures of every format against
// the cut list: the copy must equal its golden (frame-accurate times in
// the file's own notation), have no finding of T010–T012 left and none of
// any rule it did not have, and fixing it again must change nothing.
func TestGoldenShotChanges(t *testing.T) {
	for _, name := range []string{"srt_timing.srt", "vtt_timing.vtt", "ttml_clock.ttml", "ttml_ticks.ttml", "stl_timing.stl"} {
		t.Run(name, func(t *testing.T) {
			in := filepath.Join("testdata", name)
			opts := shotOptions(t, in)
			res := fixOne(t, opts)
			if len(res.Files) != 1 || !res.Files[0].Changed() {
				t.Fatalf("%s: nothing fixed", name)
			}
			f := res.Files[0]
			golden := filepath.Join("testdata", "shots", "golden", name)
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, f.Fixed, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(f.Fixed, want) {
				var d strings.Builder
				_ = Unified(&d, "golden", "got", want, f.Fixed)
				t.Errorf("fixed copy differs from %s:\n%s", golden, d.String())
			}
			before, after := count(check(t, opts, in, f.Original)), count(check(t, opts, in, f.Fixed))
			for code, n := range after {
				if n > before[code] {
					t.Errorf("%s: %d findings after fixing, %d before", code, n, before[code])
				}
			}
			for _, code := range []string{"T010", "T011", "T012"} {
				if after[code] != 0 {
					t.Errorf("%s: %d findings left (%d before)", code, after[code], before[code])
				}
			}
			if len(res.Remaining) != 0 {
				t.Errorf("remaining findings: %+v", res.Remaining)
			}
			copyPath := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(copyPath, f.Fixed, 0o644); err != nil {
				t.Fatal(err)
			}
			if res2 := fixOne(t, shotOptions(t, copyPath)); len(res2.Changes) != 0 {
				t.Errorf("fixing the fixed copy changed it again: %+v", res2.Changes)
			}
		})
	}
}

// TestShotChangeFixesRespectNeighbours: a fix is not offered when the
// retimed cue would break a timing rule the original kept, new times are
// whole frames at a non-integer rate (23.976 fps), and a fix refused for a
// neighbour is made once the neighbour's own fix has made room. Every time
// is on a frame, so no fix waits for T008's snap.
func TestShotChangeFixesRespectNeighbours(t *testing.T) {
	fr := cue.FrameRate{Num: 24000, Den: 1001}
	tc := func(n int64) string { return string(fr.Frames(n).AppendTimecodeSep(nil, ',')) }
	cues := [][2]int64{
		{237, 259}, // 1: 3 frames past the cut at 256; ending at 254 leaves 17 frames, under T001's 5/6 s (20 frames)
		{300, 479}, // 2: ends 1 frame before the cut at 480 (T011): to frame 478
		{482, 528}, // 3: starts 2 frames after it (T010): back onto it only once cue 2 ends at 478 (T004's 2 frames)
		{959, 995}, // 4: ends 5 frames before the cut at 1000 (T011): to frame 998
	}
	var srt strings.Builder
	for i, c := range cues {
		fmt.Fprintf(&srt, "%d\n%s --> %s\nText %d.\n\n", i+1, tc(c[0]), tc(c[1]), i+1)
	}
	dir := t.TempDir()
	in, list := filepath.Join(dir, "n.srt"), filepath.Join(dir, "cuts.txt")
	os.WriteFile(in, []byte(srt.String()), 0o644)
	var cuts strings.Builder
	for _, n := range []int64{256, 480, 1000} {
		fmt.Fprintf(&cuts, "%.6f\n", fr.Frames(n).Seconds())
	}
	os.WriteFile(list, []byte(cuts.String()), 0o644)
	l, err := shots.Load(list)
	if err != nil {
		t.Fatal(err)
	}
	run := func(codes ...string) (*Result, map[int]string) {
		opts := options(t, in)
		opts.Engine.FrameRate = fr
		opts.Engine.ShotChanges = l
		opts.Rules = map[string]bool{}
		for _, c := range codes {
			opts.Rules[c] = true
		}
		res := fixOne(t, opts)
		changed := map[int]string{}
		for _, c := range res.Changes {
			changed[c.Cue] += c.Rule
		}
		return res, changed
	}

	if _, changed := run("T010"); len(changed) != 0 {
		t.Errorf("T010 alone changed %v: cue 3 moved back to the cut would be 1 frame after cue 2", changed)
	}
	res, changed := run("T010", "T011", "T012")
	if want := map[int]string{2: "T011", 3: "T010", 4: "T011"}; !maps.Equal(changed, want) {
		t.Errorf("changed cues %v, want %v", changed, want)
	}
	fixed := string(res.Files[0].Fixed)
	for _, want := range []string{tc(300) + " --> " + tc(478), tc(480) + " --> " + tc(528), tc(959) + " --> " + tc(998), tc(237) + " --> " + tc(259)} {
		if !strings.Contains(fixed, want) {
			t.Errorf("fixed copy lacks %q:\n%s", want, fixed)
		}
	}
	if left := count(res.Remaining); left["T012"] != 1 || len(left) != 1 {
		t.Errorf("remaining %v, want cue 1's T012 left for a person (ending it before the cut makes it too short)", left)
	}
}

// A T010 and a T012 fix on one cue are each offered against the cue as
// it is; together they would shorten it below T001's min_duration. One of
// them must still land (each alone fits), not both be dropped.
func TestShotFixesOnOneCueTogether(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cue.en.srt")
	body := "1\n00:00:05,000 --> 00:00:07,000\nHello there.\n\n" +
		"2\n00:00:09,840 --> 00:00:11,040\nA cue over the cuts.\n\n" +
		"3\n00:00:14,000 --> 00:00:16,000\nAfter.\n\n"
	cuts := filepath.Join(dir, "cuts.txt")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cuts, []byte("10.000\n10.800\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := options(t, path)
	l, err := shots.Load(cuts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Engine.ShotChanges = l
	opts.Rules = map[string]bool{"T010": true, "T011": true, "T012": true}
	res := fixOne(t, opts)
	if res.Before["T010"] != 1 || res.Before["T012"] != 1 {
		t.Fatalf("findings before: %v; want one T010 and one T012", res.Before)
	}
	if res.After["T010"]+res.After["T012"] != 1 {
		t.Errorf("findings after: %v; want one of T010, T012 fixed; dropped: %+v", res.After, res.Dropped)
	}
	after := count(check(t, opts, path, res.Files[0].Fixed))
	before := count(check(t, opts, path, res.Files[0].Original))
	if after["T001"] > before["T001"] {
		t.Errorf("the fix made the cue too short: T001 %d → %d", before["T001"], after["T001"])
	}
	if !bytes.Contains(res.Files[0].Fixed, []byte("00:00:10,000 --> 00:00:11,040")) {
		t.Errorf("cue 2 not moved onto the first cut:\n%s", res.Files[0].Fixed)
	}
}
