// Package cli is the exportqc command line: cobra commands whose settings
// come through one viper instance per run (flags > EXPORTQC_* environment >
// project config > built-in defaults), so tests can run commands side
// by side without global state.
package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

// Exit codes.
const (
	ExitPass  = 0 // no finding at or above the fail-on severity
	ExitFail  = 1 // findings at or above the fail-on severity
	ExitUsage = 2 // bad flag, unknown profile, unreadable config, no such path
)

// Version is set at build time with -ldflags "-X github.com/exportqc/exportqc/qc/cli.Version=…";
// left at "dev", the module version from the build info is used when there
// is one (go install …@v1.2.0). See readBuild.
var Version = "dev"

// usageError marks errors that are the user's to fix (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// errFindings makes Run exit 1 (the run worked; findings failed it)
// without printing anything more: the report already said why.
var errFindings = errors.New("findings at or above the fail-on severity")

// Run executes the command line and returns the process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	root := app.rootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	switch {
	case err == nil:
		return ExitPass
	case errors.Is(err, errFindings):
		return ExitFail
	default:
		fmt.Fprintln(stderr, "exportqc: "+err.Error())
		return ExitUsage
	}
}

// app holds what the commands of one run share.
type app struct {
	v              *viper.Viper
	stdout, stderr io.Writer
	configFile     string
}

func newApp(stdout, stderr io.Writer) *app {
	v := viper.New()
	v.SetEnvPrefix("EXPORTQC")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	return &app{v: v, stdout: stdout, stderr: stderr}
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "exportqc",
		Short: "Quality control for subtitle files and export deliveries",
		Long: "exportqc checks subtitle files (SRT, WebVTT, TTML/IMSC/DFXP, EBU STL, SSA/ASS, SCC) against\n" +
			"per-platform, per-language and per-territory rule packs and reports what a platform would reject.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       readBuild().Version,
	}
	root.SetVersionTemplate(readBuild().String())
	root.PersistentFlags().StringVar(&a.configFile, "config", "",
		"project config file (default: $EXPORTQC_CONFIG, else exportqc.yaml or an exportqc config.yaml found walking up from the working folder)")
	root.PersistentFlags().String("color", "auto", "colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(a.checkCommand(), a.rulesCommand(), a.configCommand())
	root.AddCommand(a.auditCommand(), a.mergeCommand(), a.versionCommand())
	root.AddCommand(a.fixCommand())
	return root
}

// loadConfig reads the project config file into viper: the one findConfig
// chooses (--config and EXPORTQC_CONFIG must exist), or none.
func (a *app) loadConfig(cmd *cobra.Command) error {
	a.bindFlags(cmd)
	path, note, err := findConfig(a.configFile)
	if err != nil {
		return usagef("config: %v", err)
	}
	if path == "" {
		return nil
	}
	if note != "" {
		fmt.Fprintln(a.stderr, "exportqc: note: "+note)
	}
	a.v.SetConfigFile(path)
	a.v.SetConfigType("yaml")
	if err := a.v.ReadInConfig(); err != nil {
		return usagef("config: %v", err)
	}
	return checkConfigKeys(a.v)
}

// configKeys are the keys config.yaml may hold; anything else is a typo
// that would otherwise be silently ignored.
var configKeys = map[string]bool{
	"profile": true, "lang": true, "fps": true, "jobs": true, "format": true, "output": true,
	"fail_on": true, "variants": true, "rules": true, "quiet": true,
	"audit_db":         true, // history database of exportqc audit
	"max_file_size_mb": true, // per-file size cap of check
	"indent":           true, // indented JSON reports
	"csv_excel":        true, // CSV reports for spreadsheets (BOM, CRLF)
	// Deliveries: the run's territories (like --territory), the project's
	// own territory packs (pack.Library.WithProjectTerritories), extra
	// file-name patterns for deliveries described by their file names.
	"territory": true, "territories": true, "patterns": true,
	"waivers": true, // the waiver file, like --waivers
}

func checkConfigKeys(v *viper.Viper) error {
	for _, k := range v.AllKeys() {
		top := strings.SplitN(k, ".", 2)[0]
		if !configKeys[top] {
			return usagef("config %s: unknown key %q (known: %s)", v.ConfigFileUsed(), top, configKeyList())
		}
	}
	return nil
}

func (a *app) configSource() string {
	if f := a.v.ConfigFileUsed(); f != "" {
		return f
	}
	return ""
}
