// Command qcgen generates deterministic synthetic subtitle corpora for
// exportqc's tests and benchmarks: one episode, a folder of episodes, or a
// whole audit tree of member deliveries with seeded defects and an
// EXPECTED.json saying where they are. The same seed always gives the same
// bytes, whatever the number of workers.
//
//	qcgen episode --out DIR [--seed N] [--format srt|vtt|ttml] [--lang en] [--cues 700] [--minutes 45]
//	qcgen files   --out DIR [--count 2000] [--seed N]
//	qcgen audit   --out DIR [--members 58] [--episodes 10000] [--languages 5] [--seed N] [--defect-rate 0.02]
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `qcgen generates deterministic synthetic subtitle corpora.

Usage:
  qcgen episode --out DIR [flags]   one 45-minute episode (~700 cues)
  qcgen files   --out DIR [flags]   a folder of episodes (default 2,000)
  qcgen audit   --out DIR [flags]   an audit tree: members × deliveries × episodes × languages,
                                    seeded defects, EXPECTED.json

Run "qcgen COMMAND -h" for a command's flags.
`

// run is main without the exit, for tests: 0 done, 1 failed, 2 usage.
func run(args []string, stdout, stderr io.Writer) int {
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
