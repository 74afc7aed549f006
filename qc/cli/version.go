package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/spf13/cobra"

	"github.com/exportqc/exportqc/qc/report"
)

// build describes this binary: its version and the commit it was built
// from, read from the build info Go embeds (go install …@v1.2.0 records
// the module version, a build in a git checkout the revision and commit
// time).
type build struct {
	Version  string // -ldflags Version, else the module version, else "dev"
	Revision string // VCS revision, "" when unknown
	Time     string // commit time (RFC 3339), "" when unknown
	Modified bool   // built from a checkout with uncommitted changes
	Go       string
}

func readBuild() build {
	b := build{Version: Version, Go: runtime.Version()}
	info, ok := buildInfo()
	if !ok {
		return b
	}
	if b.Version == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		b.Version = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// buildInfo is debug.ReadBuildInfo, parsed once: a check asks three times
// (the root command's version, its template, the report's tool).
var buildInfo = sync.OnceValues(debug.ReadBuildInfo)

// String is what --version and `exportqc version` print.
func (b build) String() string {
	s := "exportqc " + b.Version + "\n"
	if b.Revision != "" {
		rev := b.Revision
		if b.Modified {
			rev += " (modified)"
		}
		s += "revision: " + rev + "\n"
	}
	if b.Time != "" {
		s += "date:     " + b.Time + "\n"
	}
	return s + "go:       " + b.Go + "\n"
}

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, VCS revision and build date",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprint(a.stdout, readBuild().String())
			return err
		},
	}
}

// historyVersion is the tool version an audit history row records: the
// version, and the first 12 digits of the revision when known, so two
// development builds of one version can be told apart.
func historyVersion(t report.Tool) string {
	if t.Revision == "" {
		return t.Version
	}
	return t.Version + " (" + t.Revision[:min(12, len(t.Revision))] + ")"
}
