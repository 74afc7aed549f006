package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/exportqc/exportqc/qc/output"
	"github.com/exportqc/exportqc/qc/output/progress"
)

// addOutputFlags gives a command the output flags every reporting command
// shares (check, audit, merge), so they mean the same everywhere:
// --format F and -o/--output PATH for the main report, --report F=PATH
// (repeatable) for more.
func addOutputFlags(fs *pflag.FlagSet, formats output.Formats) {
	fs.String("format", "text", "format of the main report: "+formats.List())
	fs.StringP("output", "o", "-", "write the main report to this file instead of standard output (- is standard output)")
	fs.StringArray("report", nil, "also write a report: FORMAT=PATH with FORMAT one of "+formats.List()+
		" (PATH - is standard output); repeatable")
}

// outputSpecs lists the reports a command writes: every --report F=PATH,
// plus the main --format/-o report unless --report alone was used. With
// fromConfig, format and output may also come from the config file or
// EXPORTQC_FORMAT/EXPORTQC_OUTPUT (check's settings; an audit's reports are
// always named on its command line). Two reports on standard output or in
// one file are a usage error.
func (a *app) outputSpecs(cmd *cobra.Command, formats output.Formats, fromConfig bool) ([]output.Spec, error) {
	var specs []output.Spec
	flags, _ := cmd.Flags().GetStringArray("report")
	for _, f := range flags {
		s, err := formats.ParseSpec(f)
		if err != nil {
			return nil, usagef("--report: %v", err)
		}
		specs = append(specs, s)
	}
	format, _ := cmd.Flags().GetString("format")
	path, _ := cmd.Flags().GetString("output")
	single := cmd.Flags().Changed("format") || cmd.Flags().Changed("output")
	if fromConfig {
		format, path = a.v.GetString("format"), a.v.GetString("output")
		single = single || a.v.InConfig("format") || a.v.InConfig("output")
	}
	if len(specs) == 0 || single {
		s, err := formats.Main(format, path)
		if err != nil {
			return nil, usageError{err}
		}
		specs = append([]output.Spec{s}, specs...)
	}
	if err := output.CheckSpecs(specs); err != nil {
		return nil, usageError{err}
	}
	return specs, nil
}

// warnInside notes reports written into a folder being checked.
func (a *app) warnInside(specs []output.Spec, checked []string) {
	for _, n := range output.Inside(specs, checked) {
		fmt.Fprintln(a.stderr, "exportqc: note: "+n)
	}
}

// signalContext is cancelled by an interrupt (Ctrl-C, a batch system's
// SIGTERM). Commands pass it down to the engine and the report writers, so
// an interrupted run stops, removes the report it was writing and exits 2.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// checkContext is check's context; tests replace it to interrupt a check
// without signalling the test process.
var checkContext = signalContext

// color decides whether text on standard output gets ANSI colour:
// --color always or never as given; auto (the default) when standard
// output is a terminal and NO_COLOR is unset or empty (the common
// convention: any value turns colour off).
// CI logs are not terminals but many render colour: --color always.
func (a *app) color(cmd *cobra.Command) (bool, error) {
	mode, _ := cmd.Flags().GetString("color")
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return progress.IsTerminal(a.stdout) && os.Getenv("NO_COLOR") == "", nil
	}
	return false, usagef("--color %q: want auto, always or never", mode)
}

// writeAll writes every report or none: files are rendered to their
// temporary files first and renamed into place (and standard output
// written) only when all rendered and record, when not nil, has succeeded
// (the audit commits its history there), so an interrupt or a failure
// leaves the previous reports as they were.
func writeAll(ctx context.Context, stdout io.Writer, specs []output.Spec, renderer func(output.Spec) (output.Render, error),
	record func() error) error {
	var pending []*output.Pending
	discard := func() {
		for _, p := range pending {
			p.Discard()
		}
		output.RemoveTemps()
	}
	for _, s := range specs {
		render, err := renderer(s)
		if err == nil {
			var p *output.Pending
			if p, err = output.Prepare(ctx, stdout, s.Path, render); err == nil {
				pending = append(pending, p)
				continue
			}
		}
		discard()
		return fmt.Errorf("writing %s report to %s: %w", s.Format, s.Path, err)
	}
	if err := ctx.Err(); err != nil {
		discard()
		return err
	}
	if record != nil {
		// The audit's history commits durably and later runs (merge, the
		// next audit's baseline) read these reports: on disk before the
		// history says they exist. A check's reports are not synced.
		for i, p := range pending {
			if err := p.Sync(); err != nil {
				discard()
				return fmt.Errorf("writing %s report to %s: %w", specs[i].Format, specs[i].Path, err)
			}
		}
		if err := record(); err != nil {
			discard()
			return err
		}
	}
	if i, err := output.CommitAll(pending, record != nil); err != nil {
		return fmt.Errorf("writing %s report to %s: %w", specs[i].Format, specs[i].Path, err)
	}
	return nil
}
