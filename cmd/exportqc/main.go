// Command exportqc checks subtitle files and deliveries against rule packs.
// All behaviour lives in package cli; this file only hands over and exits.
package main

import (
	"os"

	"github.com/exportqc/exportqc/qc/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
