package gencli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/output/progress"
)

// newFlags makes a flag set that reports to stderr and never exits.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: qcgen %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, turning -h and bad flags into usage errors.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return usageError{}
		}
		return usageError{} // the flag package has printed the problem
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func episodeCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("episode", "episode --out DIR [flags]", stderr)
	out := fs.String("out", "", "folder to write the episode into (\"-\" for standard output)")
	seed := fs.Uint64("seed", 1, "random seed")
	format := fs.String("format", "srt", strings.Join(gen.Formats, ", ")+" (seeded defects: "+strings.Join(gen.DefectFormats, ", ")+")")
	lang := fs.String("lang", "en", "language: "+strings.Join(gen.Languages(), ", "))
	cues := fs.Int("cues", 700, "number of cues")
	minutes := fs.Float64("minutes", 45, "programme duration in minutes")
	fps := fs.String("fps", "", "frame rate every time falls on (default: 25 for stl, 30000/1001 for scc, 24000/1001 otherwise)")
	crlf := fs.Bool("crlf", false, "CR LF line endings")
	var d gen.CueDefects
	fs.IntVar(&d.Overlap, "overlaps", 0, "cues seeded to overlap the previous one (T003)")
	fs.IntVar(&d.TooShort, "too-short", 0, "cues seeded too short (T001)")
	fs.IntVar(&d.TooFast, "too-fast", 0, "cues seeded too fast to read (T005)")
	fs.IntVar(&d.LineTooLong, "long-lines", 0, "cues seeded with a line too long (L001)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"episode: --out is required"}
	}
	var fr cue.FrameRate
	if *fps != "" {
		var err error
		if fr, err = cue.ParseFrameRate(*fps); err != nil {
			return usageError{"--fps: " + err.Error()}
		}
	}
	o := gen.EpisodeOptions{Seed: *seed, Format: *format, Language: *lang, Cues: *cues, Minutes: *minutes,
		FrameRate: fr, CRLF: *crlf, Defects: d, Title: "Episode"}
	if *out == "-" {
		return gen.Episode(stdout, o)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	path := filepath.Join(*out, gen.FileName("Episode", 1, 1, *lang, *format))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := gen.Episode(f, o); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	return nil
}

func filesCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("files", "files --out DIR [flags]", stderr)
	out := fs.String("out", "", "folder to write the files into")
	count := fs.Int("count", 2000, "number of files")
	seed := fs.Uint64("seed", 1, "random seed")
	cues := fs.Int("cues", 700, "cues per file")
	minutes := fs.Float64("minutes", 45, "programme duration of each file, in minutes")
	langs := fs.String("langs", "", "comma-separated languages to draw from (default: all built-in)")
	formats := fs.String("formats", "", "comma-separated formats to draw from: "+strings.Join(gen.Formats, ", ")+" (default: mix of srt, ttml, vtt)")
	jobs := fs.Int("jobs", 0, "files written in parallel (default: number of CPUs)")
	quiet := fs.Bool("quiet", false, "no progress on standard error")
	var d gen.CueDefects
	fs.IntVar(&d.Overlap, "overlaps", 0, "cues per file seeded to overlap the previous one (T003)")
	fs.IntVar(&d.TooShort, "too-short", 0, "cues per file seeded too short (T001)")
	fs.IntVar(&d.TooFast, "too-fast", 0, "cues per file seeded too fast to read (T005)")
	fs.IntVar(&d.LineTooLong, "long-lines", 0, "cues per file seeded with a line too long (L001)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"files: --out is required"}
	}
	if *count < 1 {
		return usageError{"files: --count must be at least 1"}
	}
	if err := checkJobs(fs); err != nil {
		return err
	}
	start := time.Now()
	p := printer(stderr, *quiet)
	paths, err := gen.Files(*out, gen.FilesOptions{Count: *count, Seed: *seed, Cues: *cues, Minutes: *minutes,
		Languages: list(*langs), Formats: list(*formats), Workers: *jobs, Progress: p.Update, Defects: d})
	p.Clear()
	if err != nil {
		return err
	}
	var bytes int64
	for _, path := range paths {
		if st, err := os.Stat(path); err == nil {
			bytes += st.Size()
		}
	}
	took := time.Since(start)
	fmt.Fprintf(stdout, "%d files, %s in %s (%.0f MB/s) under %s\n", len(paths), megabytes(bytes),
		took.Round(time.Millisecond), float64(bytes)/(1<<20)/took.Seconds(), *out)
	return nil
}

func auditCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("audit", "audit --out DIR [flags]", stderr)
	out := fs.String("out", "", "empty or new folder to write the audit tree into")
	members := fs.Int("members", 58, "member companies")
	episodes := fs.Int("episodes", 10000, "episodes in the whole tree")
	languages := fs.Int("languages", 5, "subtitle languages per delivery (English plus others)")
	programmes := fs.Int("programmes", 0, "programmes, one delivery each (default: 470 per 9,600 episodes)")
	seed := fs.Uint64("seed", 1, "random seed")
	rate := fs.Float64("defect-rate", 0.02, "probability that a subtitle file slot carries a seeded defect")
	density := fs.String("density", "", "also seed every file's cue defects at a finding density: corpus (the real corpus's findings per cue)")
	cues := fs.Int("cues", 700, "cues per 45 minutes of programme")
	fps := fs.String("fps", "24000/1001", "comma-separated frame rates deliveries are timed at")
	formats := fs.String("formats", "", "comma-separated formats to draw from (default: mix of srt, ttml, vtt)")
	jobs := fs.Int("jobs", 0, "files written in parallel (default: number of CPUs)")
	quiet := fs.Bool("quiet", false, "no progress on standard error")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"audit: --out is required"}
	}
	var dens *gen.Density
	if *density != "" {
		if dens = gen.Densities[*density]; dens == nil {
			return usageError{"--density " + *density + ": want corpus"}
		}
	}
	if err := checkJobs(fs); err != nil {
		return err
	}
	var rates []cue.FrameRate
	for _, s := range list(*fps) {
		fr, err := cue.ParseFrameRate(s)
		if err != nil {
			return usageError{"--fps: " + err.Error()}
		}
		rates = append(rates, fr)
	}
	start := time.Now()
	p := printer(stderr, *quiet)
	exp, err := gen.AuditTree(*out, gen.AuditOptions{Members: *members, Episodes: *episodes, Languages: *languages,
		Programmes: *programmes, Seed: *seed, DefectRate: *rate, Density: dens, Cues: *cues, FrameRates: rates,
		Formats: list(*formats), Workers: *jobs, Progress: p.Update})
	p.Clear()
	if err != nil {
		return err
	}
	took := time.Since(start)
	t := exp.Totals
	fmt.Fprintf(stdout, "%d members, %d deliveries, %d episodes, %d files (%s) in %s (%.0f MB/s)\n",
		len(exp.Members), t.Deliveries, t.Episodes, t.FilesOnDisk, megabytes(t.Bytes), took.Round(time.Millisecond),
		float64(t.Bytes)/(1<<20)/took.Seconds())
	d := t.Defects
	fmt.Fprintf(stdout, "seeded: %d missing languages, %d missing files, %d checksum and %d size mismatches, %d episode gaps, "+
		"%d overlaps, %d too-short, %d too-fast cues, %d long lines; %d of %d deliveries clean\n",
		d.MissingLanguage, d.MissingFile, d.ChecksumMismatch, d.SizeMismatch, d.EpisodeGap, d.Overlap, d.TooShort,
		d.TooFast, d.LineTooLong, t.CleanDeliveries, t.Deliveries)
	fmt.Fprintln(stdout, "expected figures:", filepath.Join(*out, "EXPECTED.json"))
	return nil
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// printer is the progress line exportqc also draws (nil when quiet).
func printer(stderr io.Writer, quiet bool) *progress.Printer {
	if quiet {
		return nil
	}
	return progress.New(stderr, "files")
}

// checkJobs refuses a --jobs below 1 given on the command line (left
// out, it means one worker per CPU).
func checkJobs(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "jobs" {
			if n, _ := strconv.Atoi(f.Value.String()); n < 1 {
				err = usageError{"--jobs must be 1 or more"}
			}
		}
	})
	return err
}
