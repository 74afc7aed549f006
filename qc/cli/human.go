package cli

import (
	"bytes"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// addHumanFlags adds the flags that shape the formats people read (text,
// Markdown, GitHub annotations, HTML). They change what is shown, never the
// verdict or the exit code, which stay --fail-on's.
func addHumanFlags(fs *pflag.FlagSet) {
	fs.Int("max-per-file", report.DefaultMaxPerFile, "text: findings listed per file, errors first (0: only the counts)")
	fs.Bool("all", false, "text: list every finding of every file (what CI logs want)")
	fs.String("min-severity", "info", "hide findings below this severity in text, Markdown, GitHub and HTML: info, warning or error (the exit code still follows --fail-on)")
	fs.Bool("errors-only", false, "shorthand for --min-severity error")
	fs.Int("max-annotations", report.DefaultMaxAnnotations, "github: annotations per rule before the rest are counted in one summary annotation (0: no cap)")
}

// humanOptions reads the flags of addHumanFlags into writer options.
func humanOptions(cmd *cobra.Command) (report.Options, error) {
	var o report.Options
	fs := cmd.Flags()
	if fs.Lookup("max-per-file") == nil {
		return o, nil
	}
	n, _ := fs.GetInt("max-per-file")
	if n < 0 {
		return o, usagef("--max-per-file %d: want 0 or more", n)
	}
	o.MaxPerFile = n
	if n == 0 {
		o.MaxPerFile = -1 // only the counts
	}
	o.All, _ = fs.GetBool("all")
	minSev, _ := fs.GetString("min-severity")
	sev, err := rule.ParseSeverity(minSev)
	if err != nil {
		return o, usagef("--min-severity: %v", err)
	}
	if errorsOnly, _ := fs.GetBool("errors-only"); errorsOnly {
		if fs.Changed("min-severity") && sev != rule.Error {
			return o, usagef("--errors-only and --min-severity %s contradict each other", minSev)
		}
		sev = rule.Error
	}
	o.MinSeverity = sev
	a, _ := fs.GetInt("max-annotations")
	if a < 0 {
		return o, usagef("--max-annotations %d: want 0 or more", a)
	}
	o.MaxAnnotations = a
	if a == 0 {
		o.MaxAnnotations = -1 // no cap
	}
	return o, nil
}

// writeStepSummary appends the Markdown summary to the file GitHub Actions
// names in $GITHUB_STEP_SUMMARY, so the run's verdict, per-rule table and
// first findings show on the job's page. Appending is what the runner
// expects: other steps write to the same file. Nothing happens outside
// Actions.
func writeStepSummary(path string, rep *report.Report, o report.Options) error {
	if path == "" {
		return nil
	}
	var buf bytes.Buffer
	w := report.Markdown(report.MarkdownOptions{MaxRows: o.MaxRows, MinSeverity: o.MinSeverity})
	if err := w(&buf, rep); err != nil {
		return err
	}
	return appendStepSummary(path, buf.Bytes())
}

// appendStepSummary appends a rendered summary to the step summary file.
func appendStepSummary(path string, md []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
	}
	if _, err := f.Write(md); err != nil {
		f.Close()
		return fmt.Errorf("GITHUB_STEP_SUMMARY %s: %w", path, err)
	}
	return f.Close()
}
