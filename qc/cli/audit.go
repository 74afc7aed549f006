package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/audit/history"
	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/format"
	"github.com/exportqc/exportqc/qc/internal/gcpace"
	"github.com/exportqc/exportqc/qc/output"
	"github.com/exportqc/exportqc/qc/output/progress"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
	"github.com/exportqc/exportqc/qc/waiver"
)

// auditContext is the audit's context, cancelled by an interrupt; tests
// replace it to interrupt an audit without signalling the test process.
var auditContext = signalContext

// auditClock is the history database's clock; tests replace it so two
// databases written in one test hold the same times.
var auditClock = time.Now

func (a *app) auditCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "audit ROOT",
		Short: "Audit every member's deliveries: scorecards, body totals, history",
		Long: "Check every delivery of every member company in one run, with the same rules, packs, waivers\n" +
			"and exit codes as check, and report per member (deliveries passed, programmes, episodes, files,\n" +
			"languages delivered against what each territory requires, findings by severity and family, top\n" +
			"rules, change since the previous audit) and for the body as a whole.\n\n" +
			"ROOT holds one folder per member, each holding its delivery folders; --members names the members\n" +
			"and their delivery folders instead (members.yaml, see the README). Each run is recorded in the\n" +
			"history database (--db; default audit_db in the config, else audit.sqlite beside the config file,\n" +
			"else in the user's data folder: never in or next to ROOT); each audit is compared with the\n" +
			"previous audit of the same ROOT. An audit of nothing fails (B001, B002), folders no member\n" +
			"claims are listed (B003), and a delivery folder with nothing to check fails (B004).\n\n" +
			"--shard i/n checks the i-th of n deterministic slices of the deliveries and writes its JSON\n" +
			"report, without touching the database; 'exportqc merge' joins the n shard reports into the\n" +
			"audit an unsharded run writes.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("audit needs one ROOT folder (one folder per member inside)")
			}
			return nil
		},
		RunE: a.runAudit,
	}
	fs := cmd.Flags()
	a.addSettingFlags(fs)
	fs.String("members", "", "members.yaml listing the members, their display names and delivery folders")
	fs.String("waivers", "", "waiver file: findings it accepts stay in the reports as waived and do not fail deliveries")
	fs.String("db", "", "history database (default: audit_db from the config, else audit.sqlite beside the config, else in the user's data folder)")
	fs.Bool("no-db", false, "record nothing and compare with nothing")
	addOutputFlags(fs, audit.OutputFormats)
	fs.String("shard", "", "check only shard i of n (i/n, from 1) and write its JSON for 'exportqc merge'")
	fs.Int("jobs", 0, "files checked in parallel, over the whole audit (default: number of CPUs)")
	fs.String("fail-on", "error", "lowest severity that fails a delivery and the run: error, warning or info")
	fs.BoolP("quiet", "q", false, "no progress output")
	// The same --territory as check: the run's territories, added to each
	// delivery's own (a folder without a manifest is then read by its file
	// names, as check does).
	addTerritoryFlag(cmd)
	cmd.AddCommand(a.auditHistoryCommand())
	return cmd
}

func (a *app) runAudit(cmd *cobra.Command, args []string) error {
	// An interrupt (Ctrl-C, a batch system's SIGTERM) stops the run in
	// whatever phase it is, setting up included: nothing is recorded, no
	// report is written, and the exit is 2, never the shell's 130.
	ctx, stopSignals := auditContext()
	defer stopSignals()
	if err := a.loadConfig(cmd); err != nil {
		return err
	}
	root := args[0]
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		return usagef("audit root %s: not a folder", root)
	}
	failOn, err := rule.ParseSeverity(a.v.GetString("fail_on"))
	if err != nil {
		return usagef("--fail-on: %v", err)
	}
	var shard audit.Shard
	if s, _ := cmd.Flags().GetString("shard"); s != "" {
		if shard, err = audit.ParseShard(s); err != nil {
			return usagef("--shard: %v", err)
		}
	}
	specs, err := a.auditOutputs(cmd, shard)
	if err != nil {
		return err
	}
	a.warnInside(specs, []string{root})

	members, err := a.auditMembers(cmd, root)
	if err != nil {
		return err
	}
	eng, err := a.engineOptions(cmd, failOn)
	if err != nil {
		return err
	}
	// A broken waiver file or database fails now, not after the run.
	waive, err := a.auditWaivers(cmd)
	if err != nil {
		return err
	}
	o := audit.Options{Root: root, Members: members, Shard: shard, FailOn: failOn, Engine: eng,
		Requirements: auditRequirements(eng.Resolver), Waive: waive, Meta: a.runMeta(cmd, args)}
	if shard.Whole() {
		if o.DB, err = a.auditDB(cmd, root); err != nil {
			return err
		}
		if o.DB != nil {
			defer o.DB.Close()
		}
	}
	defer tuneAuditGC()()
	var prog *auditProgress
	if !a.v.GetBool("quiet") {
		o.Planned = func(plan *audit.Plan, sel []audit.Planned) {
			prog = newAuditProgress(progress.New(a.stderr, "files"), root, plan, sel)
		}
		o.Progress = func(done, total int) { prog.update(done, total) }
		o.Delivered = func(k int) { prog.delivered(k) }
	}
	res, err := audit.Run(ctx, o)
	if prog != nil {
		prog.clear()
	}
	if errors.Is(err, audit.ErrInterrupted) {
		return errAuditInterrupted
	}
	if err != nil {
		return usageError{err}
	}
	defer res.Close()
	return a.finishAudit(ctx, res.Audit, specs, res.Run)
}

// tuneAuditGC paces the collector for the audit (qc/internal/gcpace) and
// returns what restores it: up to 256 MiB of garbage between collections,
// GOGC between 100 and 400 depending on the live heap. The audit's live
// heap is small and flat, so it mostly runs at 400, which took a tenth of
// the CPU off; an audit holding many findings falls back towards Go's
// default instead of piling up four times its heap. A GOGC set in the
// environment is the user's choice and is kept.
func tuneAuditGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	return gcpace.Start(256<<20, 250*time.Millisecond)
}

// finishAudit writes the reports and commits the history run, so that
// either both happen or neither: every report file is rendered to its
// temporary file first; then the run is committed; only then are the
// files renamed into place and standard output written. A report that
// cannot be rendered, an interrupt, or a failed commit (a full disk)
// leaves no report and nothing recorded.
func (a *app) finishAudit(ctx context.Context, res *audit.Audit, specs []output.Spec, run *history.Run) error {
	committed := false
	err := writeAll(ctx, a.stdout, specs, func(s output.Spec) (output.Render, error) {
		w, err := audit.Lookup(s.Format)
		if err != nil {
			return nil, err
		}
		return func(out io.Writer) error { return w(out, res) }, nil
	}, func() error {
		if run == nil {
			return nil
		}
		committed = true // a failed commit is undone by Commit itself
		if err := run.Commit(); err != nil {
			return fmt.Errorf("history database: %w (no report written)", err)
		}
		return nil
	})
	if err != nil {
		if run != nil && !committed {
			run.Rollback()
		}
		if ctx.Err() != nil {
			return errAuditInterrupted
		}
		return err
	}
	if !res.Passed {
		return errFindings
	}
	return nil
}

var errAuditInterrupted = audit.ErrInterrupted

// auditOutputs reads the output flags; a shard must write JSON (merge
// reads it).
func (a *app) auditOutputs(cmd *cobra.Command, shard audit.Shard) ([]output.Spec, error) {
	specs, err := a.outputSpecs(cmd, audit.OutputFormats, false)
	if err != nil {
		return nil, err
	}
	json := false
	for _, s := range specs {
		json = json || s.Format == "json"
	}
	if !shard.Whole() && !json {
		return nil, usagef("--shard writes a JSON report for 'exportqc merge': add --report json=PATH")
	}
	return specs, nil
}

// auditMembers lists the members: from --members, else the root's folders.
func (a *app) auditMembers(cmd *cobra.Command, root string) ([]audit.Member, error) {
	file, _ := cmd.Flags().GetString("members")
	var (
		members []audit.Member
		err     error
	)
	if file != "" {
		members, err = audit.LoadMembers(file, root)
	} else {
		members, err = audit.MembersFromRoot(root)
	}
	if err != nil {
		return nil, usageError{err}
	}
	return members, nil
}

// auditRequirements gives coverage the territories' requirements exactly
// as the engine's D001 sees them: from the same resolver, so the same
// packs, project territories and variants.
func auditRequirements(r engine.Resolver) audit.Requirements {
	dr, ok := r.(engine.DeliveryResolver)
	if !ok {
		return nil
	}
	return func(territories []string) ([]*territory.Territory, error) {
		t, _, err := dr.Territories(territories)
		return t, err
	}
}

// auditWaivers loads the waiver file check would use (--waivers, or
// `waivers:` in config.yaml, relative to the config file). The audit
// applies it itself, to findings whose paths are relative to ROOT, rather
// than handing it to the engine (which matches the paths it reports,
// ROOT included): so a waiver's fingerprint is the one the audit's JSON
// shows, and globs and fingerprints mean the same wherever the tree is
// mounted and in every shard. Same file, same matching (waiver.Set.Apply).
func (a *app) auditWaivers(cmd *cobra.Command) (audit.Waive, error) {
	path := a.v.GetString("waivers")
	if path == "" {
		return nil, nil
	}
	if !cmd.Flags().Changed("waivers") && a.v.InConfig("waivers") && !filepath.IsAbs(path) {
		path = filepath.Join(filepath.Dir(a.configSource()), path)
	}
	set, err := waiver.Load(path)
	if err != nil {
		return nil, usageError{err}
	}
	return set.Applier(auditClock()), nil
}

// auditDB opens the history database: --db, else audit_db from the
// config, else the default (defaultDBPath). --no-db: none.
func (a *app) auditDB(cmd *cobra.Command, root string) (*history.DB, error) {
	if off, _ := cmd.Flags().GetBool("no-db"); off {
		return nil, nil
	}
	path := a.dbPath(cmd)
	if path == "" {
		var err error
		if path, err = a.defaultDBPath(root); err != nil {
			return nil, usagef("history database: %v (give one with --db)", err)
		}
		// The user's data folder may not exist yet on a fresh machine.
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, usagef("history database: %v (give one with --db)", err)
		}
		a.noteOldDB(root, path)
	}
	db, err := history.Open(path, history.WithClock(auditClock))
	if err != nil {
		return nil, usagef("history database: %v", err)
	}
	return db, nil
}

// defaultDBPath is where the history goes when neither --db nor audit_db
// names it: audit.sqlite beside the project config file, else in the
// user's data folder (exportqc/audit.sqlite under $XDG_DATA_HOME,
// ~/.local/share or the platform's equivalent). Never inside the audited
// tree or in its parent: the tree is the members' deliveries, and a
// database beside the tree's folder is shared by sibling trees (issue 13).
func (a *app) defaultDBPath(root string) (string, error) {
	if cfg := a.configSource(); cfg != "" {
		if dir, err := filepath.Abs(filepath.Dir(cfg)); err == nil && !nearTree(dir, root) {
			return filepath.Join(dir, "audit.sqlite"), nil
		}
	}
	dir, err := userDataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "exportqc", "audit.sqlite"), nil
}

// nearTree reports whether dir is the audited root, inside it, or its
// parent.
func nearTree(dir, root string) bool {
	if root == "" {
		return false
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return true
	}
	if dir == filepath.Dir(abs) {
		return true
	}
	return output.Within(dir, abs)
}

// userDataDir is $XDG_DATA_HOME, else ~/.local/share on Unix-like systems,
// else the platform's per-user configuration folder (Application Support
// on macOS, %AppData% on Windows).
func userDataDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return d, nil
	}
	if runtime.GOOS != "darwin" && runtime.GOOS != "windows" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, ".local", "share"), nil
	}
	return os.UserConfigDir()
}

// noteOldDB points at a database an earlier version kept next to the
// root, so an existing history is not silently left behind.
func (a *app) noteOldDB(root, path string) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return
	}
	old := filepath.Join(filepath.Dir(abs), "audit.sqlite")
	if old != path && isFile(old) {
		fmt.Fprintf(a.stderr, "exportqc: note: recording in %s; an earlier history is in %s (pass --db %s to continue it)\n",
			path, old, old)
	}
}

// dbPath is --db, else audit_db from the config ("" for neither).
func (a *app) dbPath(cmd *cobra.Command) string {
	if p, _ := cmd.Flags().GetString("db"); p != "" {
		return p
	}
	return a.v.GetString("audit_db")
}

func (a *app) runMeta(cmd *cobra.Command, args []string) history.RunMeta {
	members, _ := cmd.Flags().GetString("members")
	return history.RunMeta{ToolVersion: historyVersion(a.tool()), Profile: a.v.GetString("profile"), Territories: a.v.GetStringSlice("territory"),
		Args: append([]string{cmd.CommandPath()}, args...), Scope: audit.Scope(args[0], members)}
}

func (a *app) auditHistoryCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "history [ROOT]",
		Short: "List the audits recorded in the history database",
		Long: "List past audits, oldest first: when, tool version and profile, members, deliveries passed,\n" +
			"findings. The database is --db, else audit_db from the config, else audit.sqlite beside the config\n" +
			"file, else in the user's data folder (ROOT, when given, keeps a config inside it from counting).\n" +
			"Each audit is compared with the previous audit of the same ROOT (and members file); ROOT, when\n" +
			"given, lists only its audits. The ROOT column says what each audit covered.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.loadConfig(cmd); err != nil {
				return err
			}
			path := a.dbPath(cmd)
			if path == "" {
				root := ""
				if len(args) == 1 {
					root = args[0]
				}
				var err error
				if path, err = a.defaultDBPath(root); err != nil {
					return usagef("history database: %v (give one with --db)", err)
				}
			}
			if _, err := os.Stat(path); err != nil {
				return usagef("history database %s: %v", path, errNotExist(err))
			}
			db, err := history.Open(path)
			if err != nil {
				return usagef("history database: %v", err)
			}
			defer db.Close()
			runs, err := db.Runs()
			if err != nil {
				return err
			}
			if len(args) == 1 {
				runs = slices.DeleteFunc(runs, func(r history.RunSummary) bool { return !audit.ScopeRoot(r.Scope, args[0]) })
			}
			return printRuns(a, runs)
		},
	}
	cmd.Flags().String("db", "", "history database")
	return cmd
}

func errNotExist(err error) error {
	if errors.Is(err, os.ErrNotExist) {
		return errors.New("no such file (no audit recorded yet?)")
	}
	return err
}

func printRuns(a *app, runs []history.RunSummary) error {
	if len(runs) == 0 {
		fmt.Fprintln(a.stdout, "no audits recorded")
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RUN\tSTARTED (UTC)\tTOOL\tPROFILE\tMEMBERS\tDELIVERIES\tPASSED\tCOVERAGE\tERRORS\tWARNINGS\tFINDINGS\tSHARD\tROOT")
	for _, r := range runs {
		rate := "n/a"
		if r.Deliveries > 0 {
			rate = fmt.Sprintf("%d (%.1f%%)", r.PassedDeliveries, float64(r.PassedDeliveries)*100/float64(r.Deliveries))
		}
		shard := r.Shard
		if shard == "" {
			shard = "-"
		}
		// Runs recorded before the database kept coverage have none;
		// nothing required is no rate either.
		coverage := "n/a"
		if c := r.Coverage; c != nil && c.Slots > 0 {
			coverage = fmt.Sprintf("%.1f%%", float64(c.Covered)*100/float64(c.Slots))
		}
		scope := r.Scope
		if scope == "" {
			scope = "(not recorded)" // audits recorded before the history kept it
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%d\t%d\t%d\t%s\t%s\n", r.ID, r.StartedAt.UTC().Format("2006-01-02 15:04:05"),
			r.ToolVersion, r.Profile, r.Members, r.Deliveries, rate, coverage, r.Errors, r.Warnings, r.Findings, shard, scope)
	}
	return tw.Flush()
}

func (a *app) mergeCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "merge SHARD.json...",
		Short: "Join the JSON reports of every audit shard into one audit",
		Long: "Join the JSON reports of 'exportqc audit --shard i/n' (all n of them, in any order) into the\n" +
			"audit an unsharded run writes, byte for byte, and record it in the history database when --db\n" +
			"(or audit_db in config.yaml) names one. Shards made from different trees, member lists, tool\n" +
			"versions or settings are refused, and so is a shard whose counts do not add up. --root names\n" +
			"the tree the shards audited, so the merge is compared with that root's previous audit.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("merge needs the shard reports")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.loadConfig(cmd); err != nil {
				return err
			}
			specs, err := a.auditOutputs(cmd, audit.Shard{})
			if err != nil {
				return err
			}
			ctx, stop := signalContext()
			defer stop()
			// The shards' findings wait on disk, as in an audit.
			spill, err := audit.NewSpill("")
			if err != nil {
				return err
			}
			defer spill.Close()
			shards := make([]*audit.Audit, 0, len(args))
			for _, p := range args {
				s, err := audit.ReadFile(p, spill)
				if err != nil {
					return usageError{err}
				}
				shards = append(shards, s)
			}
			res, err := audit.Merge(shards)
			if err != nil {
				return usageError{err}
			}
			var run *history.Run
			if path := a.dbPath(cmd); path != "" {
				db, err := history.Open(path, history.WithClock(auditClock))
				if err != nil {
					return usagef("history database: %v", err)
				}
				defer db.Close()
				if run, err = audit.RecordContext(ctx, db, res, history.RunMeta{ToolVersion: historyVersion(res.Tool),
					Profile: res.Tool.Profile, Args: append([]string{cmd.CommandPath()}, args...), Scope: mergeScope(cmd, res)}); err != nil {
					if ctx.Err() != nil {
						return errAuditInterrupted
					}
					return fmt.Errorf("history database: %w", err)
				}
			}
			return a.finishAudit(ctx, res, specs, run)
		},
	}
	addOutputFlags(cmd.Flags(), audit.OutputFormats)
	cmd.Flags().String("db", "", "record the merged audit in this history database (default: audit_db from config.yaml; none)")
	cmd.Flags().String("root", "", "the ROOT the shards audited: the merge is compared with that root's previous audit (default: with the previous merge of the same members)")
	cmd.Flags().String("members", "", "the members file the shards were audited with, when --root is given")
	return cmd
}

// mergeScope is what a merge is recorded as having audited: --root (and
// --members) when given, as the whole audit of that root would be, else
// the shards' set of members (the shard reports do not say where their
// tree was).
func mergeScope(cmd *cobra.Command, res *audit.Audit) string {
	root, _ := cmd.Flags().GetString("root")
	members, _ := cmd.Flags().GetString("members")
	if root == "" {
		return audit.MergedScope(res)
	}
	return audit.Scope(root, members)
}

// auditProgress draws "members done/total, files done/total, rate, ETA" on
// a terminal's stderr with the shared progress printer (silent when stderr
// is not a terminal, in CI, and for runs under a second).
//
// The engine plans each delivery only when it starts on it, so it cannot
// say how many files the audit has: a quick walk counts them before the
// run, only when the line is drawn at all. A member is done when the
// engine has handed over all its deliveries.
type auditProgress struct {
	p        *progress.Printer
	mu       sync.Mutex
	members  int
	files    int      // subtitle-like files under the selected deliveries
	memberOf []string // per selected delivery
	left     map[string]int
	done     int // members done (idle ones, with nothing selected, from the start)
	checked  int // files checked
}

func newAuditProgress(p *progress.Printer, root string, plan *audit.Plan, sel []audit.Planned) *auditProgress {
	ap := &auditProgress{p: p}
	if !p.Enabled() {
		return ap
	}
	ap.members = len(plan.Members)
	ap.left = map[string]int{}
	ap.memberOf = make([]string, len(sel))
	for k, d := range sel {
		ap.left[d.Member]++
		ap.memberOf[k] = d.Member
		ap.files += countCandidates(filepath.Join(root, filepath.FromSlash(d.Path)))
	}
	ap.done = ap.members - len(ap.left)
	return ap
}

func countCandidates(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && format.Candidate(p) {
			n++
		}
		return nil
	})
	return n
}

// update is the engine's progress callback: files checked so far.
func (ap *auditProgress) update(done, _ int) {
	if !ap.p.Enabled() {
		return
	}
	ap.mu.Lock()
	defer ap.mu.Unlock()
	ap.checked = done
	ap.draw(false)
}

// delivered records that the k-th selected delivery is finished.
func (ap *auditProgress) delivered(k int) {
	if !ap.p.Enabled() {
		return
	}
	ap.mu.Lock()
	defer ap.mu.Unlock()
	m := ap.memberOf[k]
	if ap.left[m]--; ap.left[m] == 0 {
		ap.done++
	}
	ap.draw(ap.done == ap.members)
}

func (ap *auditProgress) draw(final bool) {
	total := max(ap.files, ap.checked) // the walk may count a file the engine does not read
	ap.p.Draw(final, func(elapsed time.Duration) string {
		return fmt.Sprintf("members %d/%d  files %d/%d  %s", ap.done, ap.members, ap.checked, total,
			progress.Rate("files", ap.checked, total, elapsed))
	})
}

func (ap *auditProgress) clear() { ap.p.Clear() }
