//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/browsertest"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// The corpus's HTML report opened in headless Chromium: the page becomes
// interactive quickly and renders the rows in view. The README records the
// figures this measures (size, data-ready-ms).
func TestHTMLOfTheCorpusOpensFast(t *testing.T) {
	browsertest.Require(t)
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	out := filepath.Join(t.TempDir(), "corpus.html")
	if code, _, stderr := run(t, "check", "-q", "--config", emptyConfig(t), "--format", "html", "-o", out, testcorpus.Dir(t)); code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	st, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	// Open at the first finding, as a link from a review would.
	dom := browsertest.DumpDOM(t, "file://"+out+"#f1", "--virtual-time-budget=3000", "--window-size=1280,2000")
	m := regexp.MustCompile(`<html lang="en" data-ready-ms="(\d+)"`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatal("the page never marked itself ready")
	}
	ms, _ := strconv.Atoi(m[1])
	t.Logf("corpus HTML: %d bytes, interactive after %d ms", st.Size(), ms)
	if ms > 15000 {
		t.Errorf("interactive after %d ms", ms)
	}
	rows := strings.Count(dom, `<tr class="finding`)
	if !strings.Contains(dom, `id="f1"`) {
		t.Error("the linked first finding was not rendered")
	}
	if rows == 0 || rows > 5000 {
		t.Errorf("%d rows rendered; want those near the view, not all", rows)
	}
}
