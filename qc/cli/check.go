package cli

import (
	"errors"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/internal/gcpace"
	"github.com/exportqc/exportqc/qc/lang"
	"github.com/exportqc/exportqc/qc/output"
	"github.com/exportqc/exportqc/qc/output/progress"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/waiver"
)

// settingFlags are the flags shared by commands that resolve configuration
// (check, config print, rules explain), bound to viper keys.
func (a *app) addSettingFlags(fs *pflag.FlagSet) {
	fs.String("profile", "netflix", "platform profile (rule pack) to check against")
	fs.String("lang", "", "language of every file (BCP-47); default: from file name, else from the file")
	fs.String("fps", "", "frame rate for files that declare none, e.g. 25 or 24000/1001 (default 24000/1001)")
	fs.StringSlice("variant", nil, "pack variants to apply, e.g. children, sdh")
	fs.StringArray("set", nil, "set a rule parameter: RULE.param=value (e.g. T005.max_cps=15)")
	fs.StringArray("severity", nil, "override a rule's severity: RULE=error|warning|info")
	fs.StringSlice("enable", nil, "enable rules a pack turned off (codes, names or globs like T*)")
	fs.StringSlice("disable", nil, "disable rules (codes, names or globs like T*)")
	fs.StringSlice("enable-only", nil, "run only these rules (codes, names or globs)")
}

// flagKeys maps viper keys (config.yaml, EXPORTQC_*) to flag names.
var flagKeys = map[string]string{"profile": "profile", "lang": "lang", "fps": "fps", "variants": "variant",
	"jobs": "jobs", "format": "format", "output": "output", "fail_on": "fail-on", "quiet": "quiet",
	"max_file_size_mb": "max-file-size-mb", "indent": "indent", "csv_excel": "csv-excel", "territory": "territory", "waivers": "waivers"}

// bindFlags binds the running command's flags to viper keys. It runs when a
// command starts, not when it is built: viper keeps one binding per key, so
// binding every command's --format at construction would leave only the
// last command's flag bound.
func (a *app) bindFlags(cmd *cobra.Command) {
	for key, flag := range flagKeys {
		if f := cmd.Flags().Lookup(flag); f != nil {
			_ = a.v.BindPFlag(key, f)
		}
	}
}

func (a *app) checkCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check PATH...",
		Short: "Check subtitle files and folders",
		Long: "Check every subtitle file named, and every subtitle file under each folder named (recursively;\n" +
			"formats are recognised by content as well as by extension). " + deliveryUsage() + "\n" +
			"Exit status: 0 when no finding is at or above --fail-on, 1 when some are, 2 for usage or\n" +
			"configuration errors.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("check needs at least one file or folder")
			}
			return nil
		},
		RunE: a.runCheck,
	}
	fs := cmd.Flags()
	a.addSettingFlags(fs)
	fs.Int("jobs", 0, "files checked in parallel (default: number of CPUs)")
	addOutputFlags(fs, report.OutputFormats)
	fs.Int("max-file-size-mb", 64, "largest subtitle file read, in MiB; a larger one is an E000 'file too large' finding")
	fs.Bool("indent", false, "lay JSON reports out with indentation (default compact)")
	fs.Bool("csv-excel", false, "write CSV reports for spreadsheet programs: a UTF-8 BOM (without it Excel reads the file in a legacy code page and mangles accents) and CRLF line ends")
	fs.String("fail-on", "error", "lowest severity that makes the run fail: error, warning or info")
	fs.BoolP("quiet", "q", false, "no progress output")
	fs.String("waivers", "", "waiver file (YAML): accepted findings, each with a reason and optional expiry")
	fs.String("baseline", "", "a previous JSON report: report only findings that are not in it")
	fs.Bool("allow-empty", false, "pass a run that finds nothing to check (by default an empty folder is a usage error, exit 2)")
	fs.Bool("fixes", false, "attach the rules' suggested fixes (byte edits) to findings in JSON and SARIF reports; see exportqc fix")
	addDeliveryFlags(cmd)
	addHumanFlags(fs)
	addShotFlags(cmd)
	return cmd
}

func (a *app) runCheck(cmd *cobra.Command, args []string) error {
	if err := a.loadConfig(cmd); err != nil {
		return err
	}
	failOn, err := rule.ParseSeverity(a.v.GetString("fail_on"))
	if err != nil {
		return usagef("--fail-on: %v", err)
	}
	opts, err := a.engineOptions(cmd, failOn)
	if err != nil {
		return err
	}
	opts.Paths = args
	opts.Manifest, _ = cmd.Flags().GetString("manifest")
	opts.Patterns = a.v.GetStringSlice("patterns")
	opts.SuggestFixes, _ = cmd.Flags().GetBool("fixes")
	if err := a.acceptanceOptions(cmd, &opts); err != nil {
		return err
	}
	if err := a.shotOptions(cmd, &opts); err != nil {
		return err
	}
	outputs, err := a.outputs(cmd)
	if err != nil {
		return err
	}
	shown, err := humanOptions(cmd)
	if err != nil {
		return err
	}
	a.warnInside(outputs, args)
	color, err := a.color(cmd)
	if err != nil {
		return err
	}
	var prog *progress.Printer
	if !a.v.GetBool("quiet") {
		prog = progress.New(a.stderr, "files")
		opts.Progress = prog.Update
	}
	// An interrupt stops the engine, or the report being written (its
	// temporary file is removed): exit 2, no report.
	ctx, stop := checkContext()
	defer stop()
	// A check keeps little alive and allocates a lot: collecting less
	// often took ~7 % off its CPU on 600 finding-dense episodes, for
	// ~25 MB more resident memory (README, Performance).
	defer gcpace.Batch(checkGCHeadroom)()
	shown.Color = color
	shown.Indent = a.v.GetBool("indent")
	shown.Excel = a.v.GetBool("csv_excel")
	stepSummary := os.Getenv("GITHUB_STEP_SUMMARY")
	lastCheckStreamed = false
	if !wholeRunOnly {
		sopts := opts
		if streamsToTerminal(outputs, a.stdout) {
			// The report itself shows the run going on; a progress line
			// on the same terminal would be drawn across it.
			sopts.Progress = nil
		}
		tail, err := checkStreaming(ctx, a.stdout, sopts, outputs, shown, stepSummary)
		if !errors.Is(err, engine.ErrWholeRun) {
			lastCheckStreamed = true
			prog.Clear()
			switch {
			case ctx.Err() != nil:
				output.RemoveTemps()
				return errors.New("check interrupted: no report written")
			case err != nil:
				return usageError{err}
			case !tail.Summary.Passed:
				return errFindings
			}
			return nil
		}
	}
	rep, err := engine.Run(ctx, opts)
	prog.Clear()
	if ctx.Err() != nil {
		output.RemoveTemps()
		return errors.New("check interrupted: no report written")
	}
	if err != nil {
		return usageError{err}
	}
	if nothingChecked(rep) {
		if allow, _ := cmd.Flags().GetBool("allow-empty"); !allow {
			// A gate that passes an empty or mistyped folder ships nothing
			// green: say so instead, unless the job asked for it.
			return usagef("nothing to check in %s: no subtitle file (.srt .vtt .ttml .dfxp .xml .stl .ass .ssa .scc …) "+
				"or delivery manifest was found; --allow-empty passes such a run", strings.Join(args, ", "))
		}
	}
	if err := writeAll(ctx, a.stdout, outputs, func(s output.Spec) (output.Render, error) {
		return report.Renderer(s, rep, shown)
	}, nil); err != nil {
		if ctx.Err() != nil {
			return errors.New("check interrupted while writing the reports: none written")
		}
		return err
	}
	if err := writeStepSummary(stepSummary, rep, shown); err != nil {
		return err
	}
	if !rep.Summary.Passed {
		return errFindings
	}
	return nil
}

// engineOptions builds the engine settings check and audit share: jobs,
// rules, tool, --lang, --fps, the layered pack resolver, territories and
// file-name patterns. One place, so the two commands cannot drift apart.
func (a *app) engineOptions(cmd *cobra.Command, failOn rule.Severity) (engine.Options, error) {
	// --jobs (or jobs: / EXPORTQC_JOBS) must be a positive count; left
	// unset, the engine uses one worker per CPU.
	if src := a.sourceOf(cmd, "jobs", "jobs"); src != "default" && a.v.GetInt("jobs") < 1 {
		return engine.Options{}, usagef("--jobs %s: want a number of workers, 1 or more (from %s)", a.v.GetString("jobs"), src)
	}
	opts := engine.Options{
		Jobs:  a.v.GetInt("jobs"),
		Rules: checks.All(),
		// Per-file size cap: config max_file_size_mb or --max-file-size-mb.
		MaxFileSize: int64(a.v.GetInt("max_file_size_mb")) << 20,
		FailOn:      failOn,
		Tool:        a.tool(),
	}
	if l := a.v.GetString("lang"); l != "" {
		tag, _, err := lang.Canonical(l)
		if err != nil {
			return opts, usagef("--lang %q is not a BCP-47 language tag", l)
		}
		opts.Language = tag
	}
	if s := a.v.GetString("fps"); s != "" {
		fr, err := cue.ParseFrameRate(s)
		if err != nil {
			return opts, usagef("--fps: %v", err)
		}
		opts.FrameRate, opts.FrameRateSource = fr, a.sourceOf(cmd, "fps", "fps")
	}
	res, err := a.resolver(cmd, opts.Rules)
	if err != nil {
		return opts, err
	}
	opts.Resolver = res
	opts.Territories = res.Request().Territories
	opts.Patterns = a.v.GetStringSlice("patterns")
	return opts, nil
}

// outputs lists check's reports (see outputSpecs). In GitHub Actions the
// findings are also printed as workflow annotations, so they show on the
// pull request, unless a github report is already requested or a machine
// format is on standard output.
func (a *app) outputs(cmd *cobra.Command) ([]report.Spec, error) {
	specs, err := a.outputSpecs(cmd, report.OutputFormats, true)
	if err != nil {
		return nil, err
	}
	github, machineStdout := false, false
	for _, s := range specs {
		machineStdout = machineStdout || (s.Stdout() && s.Format != "text")
		github = github || s.Format == "github"
	}
	// Annotations go after a human text report, never into JSON or XML on stdout.
	if os.Getenv("GITHUB_ACTIONS") == "true" && !github && !machineStdout {
		specs = append(specs, report.Spec{Format: "github", Path: "-"})
	}
	return specs, nil
}

// sourceOf names where a setting came from, for frame-rate and explain
// records: "flag", "env", "config" or "default".
func (a *app) sourceOf(cmd *cobra.Command, key, flag string) string {
	if f := cmd.Flags().Lookup(flag); f != nil && f.Changed {
		return "flag"
	}
	if _, ok := os.LookupEnv("EXPORTQC_" + envName(key)); ok {
		return "env"
	}
	if a.v.InConfig(key) {
		return "config"
	}
	return "default"
}

// tool names this build in reports: version from the build info, and the
// VCS revision when the binary was built from a checkout.
func (a *app) tool() report.Tool {
	b := readBuild()
	rev := b.Revision
	if rev != "" && b.Modified {
		rev += "+modified"
	}
	return report.Tool{Name: "exportqc", Version: b.Version, Revision: rev, Profile: a.v.GetString("profile")}
}

// nothingChecked reports a run that found no subtitle file, no delivery
// and nothing to say about either (an unreadable folder is a finding, so
// it is not "nothing"). Notes about the waivers do not count: with nothing
// checked every waiver is unused (W001), and an expired one (W002) says
// nothing about the delivery either.
func nothingChecked(rep *report.Report) bool {
	if len(rep.Files) > 0 || len(rep.Deliveries) > 0 {
		return false
	}
	for _, f := range rep.Findings {
		if f.Rule != waiver.CodeUnused && f.Rule != waiver.CodeExpired {
			return false
		}
	}
	return true
}

// checkGCHeadroom is the garbage a check lets pile up between collections
// (gcpace): its live heap is a few megabytes while it streams, so it runs
// at gcpace.MaxPercent, and a run holding every finding (waivers, a
// baseline, deliveries) falls back towards Go's default pace.
const checkGCHeadroom = 64 << 20
