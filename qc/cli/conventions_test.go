package cli

import (
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/report"
)

// Every command that writes reports takes the same output flags, with the
// same short forms and defaults; check's help lists every format.
func TestOutputFlagsAreTheSameOnEveryCommand(t *testing.T) {
	root := newApp(nil, nil).rootCommand()
	var walk func(*cobra.Command)
	reporting := map[string]bool{}
	walk = func(c *cobra.Command) {
		if f := c.Flags().Lookup("report"); f != nil {
			reporting[c.CommandPath()] = true
			for _, name := range []string{"format", "output", "report"} {
				f := c.Flags().Lookup(name)
				if f == nil {
					t.Errorf("%s has --report but no --%s", c.CommandPath(), name)
					continue
				}
				want := map[string]string{"format": "text", "output": "-", "report": "[]"}[name]
				if f.DefValue != want {
					t.Errorf("%s --%s defaults to %q, want %q", c.CommandPath(), name, f.DefValue, want)
				}
			}
			if o := c.Flags().Lookup("output"); o != nil && o.Shorthand != "o" {
				t.Errorf("%s --output has shorthand %q, want -o", c.CommandPath(), o.Shorthand)
			}
		}
		// Flags with one name mean one thing: the same shorthand everywhere.
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	var got []string
	for p := range reporting {
		got = append(got, p)
	}
	sort.Strings(got)
	if strings.Join(got, ",") != "exportqc audit,exportqc check,exportqc merge" {
		t.Errorf("commands with output flags: %v, want audit, check and merge", got)
	}

	for cmd, formats := range map[string][]string{"check": report.Formats, "audit": audit.Formats, "merge": audit.Formats} {
		code, out, _ := run(t, cmd, "--help")
		if code != ExitPass {
			t.Fatalf("%s --help: exit %d", cmd, code)
		}
		for _, f := range formats {
			if !strings.Contains(out, f) {
				t.Errorf("%s --help does not list the format %q", cmd, f)
			}
		}
		for _, flag := range []string{"--format", "-o, --output", "--report", "--color", "--config"} {
			if !strings.Contains(out, flag) {
				t.Errorf("%s --help lacks %s", cmd, flag)
			}
		}
	}
}

// Shorthands and value types agree wherever a flag name recurs.
func TestFlagsMeanOneThingAcrossCommands(t *testing.T) {
	root := newApp(nil, nil).rootCommand()
	type sig struct{ short, typ string }
	seen := map[string]sig{}
	where := map[string]string{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			s := sig{f.Shorthand, f.Value.Type()}
			if prev, ok := seen[f.Name]; ok && prev != s {
				t.Errorf("--%s is %+v in %s but %+v in %s", f.Name, prev, where[f.Name], s, c.CommandPath())
			}
			seen[f.Name], where[f.Name] = s, c.CommandPath()
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		code, out, _ := run(t, args...)
		if code != ExitPass || !strings.HasPrefix(out, "exportqc ") || !strings.Contains(out, "go:") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	b := build{Version: "v1.2.0", Revision: "0123456789abcdef", Time: "2026-12-01T10:00:00Z", Modified: true, Go: "go1.26"}
	want := "exportqc v1.2.0\nrevision: 0123456789abcdef (modified)\ndate:     2026-12-01T10:00:00Z\ngo:       go1.26\n"
	if b.String() != want {
		t.Errorf("version text %q", b.String())
	}
	if got := historyVersion(report.Tool{Version: "v1.2.0", Revision: "0123456789abcdef+modified"}); got != "v1.2.0 (0123456789ab)" {
		t.Errorf("history version %q", got)
	}
}
