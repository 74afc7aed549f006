package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/fix"
	"github.com/exportqc/exportqc/qc/output"
	"github.com/exportqc/exportqc/qc/rule"
)

func (a *app) fixCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fix PATH... (--out DIR | --diff)",
		Short: "Write corrected copies of subtitle files, never touching the originals",
		Long: "Check like `check` (same packs, flags, territories and waivers), apply the fixes the rules offer\n" +
			"for their findings, re-check the corrected copy and keep only fixes that remove their findings\n" +
			"without adding others. Corrected files are written under --out DIR with their paths relative to\n" +
			"the folder named (only changed files unless --copy-all); DIR may not be inside a PATH. --diff\n" +
			"prints a unified diff instead. Waived findings are not fixed.\n" +
			"Fixable rules: " + strings.Join(fixableCodes(), ", ") + ".\n" +
			"Exit status: 0 when the copies have no finding left of the rules fixed, 1 when some remain,\n" +
			"2 for usage or configuration errors.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("fix needs at least one file or folder")
			}
			return nil
		},
		RunE: a.runFix,
	}
	fs := cmd.Flags()
	a.addSettingFlags(fs)
	fs.Int("jobs", 0, "files checked in parallel (default: number of CPUs)")
	fs.String("out", "", "folder to write the corrected copies to (not inside any PATH)")
	fs.Bool("diff", false, "print a unified diff of the corrections instead of writing files")
	fs.Bool("copy-all", false, "also copy the files that need no correction into --out")
	fs.StringSlice("only", nil, "fix only these rules (codes, e.g. T004,L004)")
	fs.StringSlice("except", nil, "fix every fixable rule but these")
	fs.String("log", "", "write the JSON change log here, - for standard output (default: DIR.fixlog.json beside --out; inside it when DIR is . or /)")
	fs.BoolP("quiet", "q", false, "print only the totals, not every edit")
	fs.Bool("allow-empty", false, "pass a run that finds no subtitle file to fix (by default that is a usage error, exit 2, as for check)")
	fs.String("waivers", "", "waiver file (YAML): waived findings are not fixed")
	fs.String("baseline", "", "a previous JSON report: findings in it are not fixed")
	addDeliveryFlags(cmd)
	addShotFlags(cmd)
	return cmd
}

func fixableCodes() []string {
	var codes []string
	for c := range fix.Fixable {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// fixRules turns --only/--except into the set of rules to fix.
func fixRules(cmd *cobra.Command) (map[string]bool, error) {
	only, _ := cmd.Flags().GetStringSlice("only")
	except, _ := cmd.Flags().GetStringSlice("except")
	if len(only) > 0 && len(except) > 0 {
		return nil, usagef("--only and --except cannot be used together")
	}
	code := func(s string) (string, error) {
		r := checks.Lookup(strings.TrimSpace(s))
		if r == nil {
			return "", usagef("unknown rule %q", s)
		}
		if _, ok := fix.Fixable[r.Code]; !ok {
			why := fix.NotFixable[r.Code]
			if why == "" {
				why = "the rule offers no fix"
			}
			return "", usagef("%s is not fixable: %s", r.ID(), why)
		}
		return r.Code, nil
	}
	set := map[string]bool{}
	if len(only) > 0 {
		for _, s := range only {
			c, err := code(s)
			if err != nil {
				return nil, err
			}
			set[c] = true
		}
		return set, nil
	}
	for c := range fix.Fixable {
		set[c] = true
	}
	for _, s := range except {
		c, err := code(s)
		if err != nil {
			return nil, err
		}
		delete(set, c)
	}
	return set, nil
}

func (a *app) runFix(cmd *cobra.Command, args []string) error {
	if err := a.loadConfig(cmd); err != nil {
		return err
	}
	out, _ := cmd.Flags().GetString("out")
	diff, _ := cmd.Flags().GetBool("diff")
	copyAll, _ := cmd.Flags().GetBool("copy-all")
	logPath, _ := cmd.Flags().GetString("log")
	quiet, _ := cmd.Flags().GetBool("quiet")
	if (out == "") == !diff {
		return usagef("fix needs exactly one of --out DIR and --diff")
	}
	if copyAll && out == "" {
		return usagef("--copy-all needs --out")
	}
	rules, err := fixRules(cmd)
	if err != nil {
		return err
	}
	opts, err := a.engineOptions(cmd, rule.Error)
	if err != nil {
		return err
	}
	opts.Paths = args
	opts.Manifest, _ = cmd.Flags().GetString("manifest")
	if err := a.acceptanceOptions(cmd, &opts); err != nil {
		return err
	}
	if err := a.shotOptions(cmd, &opts); err != nil {
		return err
	}
	if out != "" {
		// Refuse a bad --out before any work.
		if _, err := fix.Targets(args, out, nil); err != nil {
			return usageError{err}
		}
		if logPath == "" {
			logPath = defaultLogPath(out)
		}
	}
	logToStdout := output.IsStdout(logPath)
	switch {
	case logToStdout && diff:
		return usagef("--log - and --diff both want standard output: give the log a file")
	case logPath != "" && !logToStdout:
		if err := fix.OutsideInputs(args, logPath); err != nil {
			return usageError{fmt.Errorf("--log %s: %w", logPath, err)}
		}
	}
	ctx, stop := signalContext()
	defer stop()
	res, err := fix.Run(ctx, fix.Options{Engine: opts, Rules: rules})
	if ctx.Err() != nil {
		return errors.New("fix interrupted: nothing written")
	}
	if err != nil {
		return usageError{err}
	}
	if len(res.Files) == 0 {
		if allow, _ := cmd.Flags().GetBool("allow-empty"); !allow {
			// As check: a job that fixes an empty or mistyped folder has
			// fixed nothing, and must not look as if it had.
			return usagef("nothing to fix in %s: no subtitle file (.srt .vtt .ttml .dfxp .xml .stl .ass .ssa .scc …) "+
				"was found; --allow-empty passes such a run", strings.Join(args, ", "))
		}
	}
	// Every output (copies, manifests, the log) is staged first and put in
	// place together: an error or an interrupt leaves none of them.
	staged := fix.NewStaged(ctx)
	defer staged.Discard()
	written := map[string]string{}
	var notes []string
	if diff {
		for i := range res.Files {
			f := &res.Files[i]
			if err := fix.Diff(a.stdout, f); err != nil {
				return err
			}
		}
	} else {
		var paths []string
		for i := range res.Files {
			paths = append(paths, res.Files[i].Path)
		}
		// Manifests and checksum sidecars beside changed files are written
		// too, with the new sizes and digests.
		manifests, mnotes := fix.Manifests(args, res.Files)
		notes = mnotes
		for _, m := range manifests {
			paths = append(paths, m.Path)
		}
		targets, err := fix.Targets(args, out, paths)
		if err != nil {
			return usageError{err}
		}
		for i := range res.Files {
			f := &res.Files[i]
			if !f.Changed() && !copyAll {
				continue
			}
			if err := staged.Add(targets[f.Path], f.Fixed, f.Path); err != nil {
				return fmt.Errorf("writing %s: %w", targets[f.Path], err)
			}
			written[f.Path] = targets[f.Path]
		}
		for _, m := range manifests {
			if err := staged.Add(targets[m.Path], m.Data, m.Path); err != nil {
				return fmt.Errorf("writing %s: %w", targets[m.Path], err)
			}
			notes = append(notes, m.Path+": written to "+targets[m.Path]+" with the new sizes and checksums")
		}
	}
	var changeLog bytes.Buffer
	if logPath != "" {
		if err := fix.WriteLog(&changeLog, res, written, notes); err != nil {
			return err
		}
		if !logToStdout {
			if err := staged.Add(logPath, changeLog.Bytes(), ""); err != nil {
				return fmt.Errorf("writing the change log %s: %w", logPath, err)
			}
		}
	}
	if err := staged.Commit(); err != nil {
		output.RemoveTemps()
		if ctx.Err() != nil {
			return errors.New("fix interrupted: nothing written")
		}
		return fmt.Errorf("writing the corrected files: %w", err)
	}
	w := a.stdout
	if diff || logToStdout {
		w = a.stderr // the diff or the log owns standard output
	}
	if logToStdout {
		if _, err := a.stdout.Write(changeLog.Bytes()); err != nil {
			return err
		}
	}
	if err := fix.WriteSummary(w, res, !quiet); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	if len(res.Remaining) > 0 {
		fmt.Fprintf(w, "%d finding(s) of the rules fixed remain; run check on the copy for details\n", len(res.Remaining))
		return errFindings
	}
	return nil
}

// defaultLogPath is where the change log goes when --log is not given:
// beside the output folder, named after it ("fixed" → "fixed.fixlog.json"),
// or inside it when the folder has no name of its own ("." or "/").
func defaultLogPath(out string) string {
	clean := filepath.Clean(out)
	if base := filepath.Base(clean); base == "." || base == ".." || base == string(filepath.Separator) {
		return filepath.Join(clean, "exportqc.fixlog.json")
	}
	return clean + ".fixlog.json"
}
