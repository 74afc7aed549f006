package crosscheck_test

import (
	"os"
	"testing"

	"github.com/exportqc/exportqc/qc/cli/clitest"
)

// TestMain runs the command's tests without the runner's own variables
// (GitHub's, a user's EXPORTQC_*): see clitest.ClearRunnerEnv.
func TestMain(m *testing.M) {
	clitest.ClearRunnerEnv()
	os.Exit(m.Run())
}
