// Package gencli is the qcgen command (cmd/qcgen is its tiny main): it
// parses qcgen's command line and drives the synthetic corpus generator
// (qc/internal/gen), which is test tooling and so internal to the module's
// qc tree.
package gencli

import (
	"fmt"
	"io"
)

const usage = `qcgen generates deterministic synthetic subtitle corpora.

Usage:
  qcgen episode --out DIR [flags]   one 45-minute episode (~700 cues)
  qcgen files   --out DIR [flags]   a folder of episodes (default 2,000)
  qcgen audit   --out DIR [flags]   an audit tree: members × deliveries × episodes × languages,
                                    seeded defects, EXPECTED.json

Run "qcgen COMMAND -h" for a command's flags.
`

// Run is qcgen's main without the exit: 0 done, 1 failed, 2 usage.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "episode":
		err = episodeCmd(args[1:], stdout, stderr)
	case "files":
		err = filesCmd(args[1:], stdout, stderr)
	case "audit":
		err = auditCmd(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "qcgen: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	switch e := err.(type) {
	case nil:
		return 0
	case usageError:
		if e.msg != "" {
			fmt.Fprintln(stderr, "qcgen:", e.msg)
		}
		return 2
	default:
		fmt.Fprintln(stderr, "qcgen:", err)
		return 1
	}
}

// usageError is a bad command line (exit 2) rather than a failed run.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }
