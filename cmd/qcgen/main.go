// Command qcgen generates deterministic synthetic subtitle corpora for
// exportqc's tests and benchmarks: one episode, a folder of episodes, or a
// whole audit tree of member deliveries with seeded defects and an
// EXPECTED.json saying where they are. The same seed always gives the same
// bytes, whatever the number of workers.
//
//	qcgen episode --out DIR [--seed N] [--format srt|vtt|ttml|stl|ass|scc] [--lang en] [--cues 700] [--minutes 45]
//	qcgen files   --out DIR [--count 2000] [--seed N] [--formats srt,vtt,ttml,stl,ass,scc]
//	qcgen audit   --out DIR [--members 58] [--episodes 10000] [--languages 5] [--seed N] [--defect-rate 0.02]
package main

import (
	"os"

	"github.com/exportqc/exportqc/qc/gencli"
)

func main() {
	os.Exit(gencli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
