// Package clitest holds what tests that run the exportqc command share.
package clitest

import (
	"os"
	"strings"
)

// ClearRunnerEnv unsets the environment variables that change what the
// command does without appearing on its command line, so a test runs in
// the environment it describes and not the one it happens to run in: on a
// GitHub runner GITHUB_ACTIONS adds annotations to the text report and
// GITHUB_STEP_SUMMARY has check append to the job's summary (the runner's
// own file), NO_COLOR changes colour, and a user's EXPORTQC_* variables
// (config file, fail-on, jobs, …) are a configuration layer. A test that
// wants one sets it with t.Setenv. Call it from TestMain, before m.Run:
// os.Unsetenv is not safe while tests run in parallel.
func ClearRunnerEnv() {
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "EXPORTQC_") || name == "GITHUB_ACTIONS" || name == "GITHUB_STEP_SUMMARY" || name == "NO_COLOR" {
			os.Unsetenv(name)
		}
	}
}
