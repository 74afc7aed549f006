// Command genhanzi regenerates qc/langcheck/hanzi_table.go from the OpenCC
// dictionaries shipped in the github.com/longbridgeapp/opencc module that
// go.mod names. Run it through go generate in qc/langcheck.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/exportqc/exportqc/qc/langcheck/internal/hanzigen"
)

func main() {
	out := flag.String("o", "hanzi_table.go", "output file")
	flag.Parse()
	src, err := hanzigen.Generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "genhanzi:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genhanzi:", err)
		os.Exit(1)
	}
}
