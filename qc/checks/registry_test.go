package checks_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

var codePattern = regexp.MustCompile(`^[A-Z][0-9]{3}$`)

// The registry lists every rule once, in code order, each with a name, a
// summary and a way to run.
func TestRegistry(t *testing.T) {
	all := checks.All()
	codes, names := map[string]bool{}, map[string]bool{}
	for i, r := range all {
		if !codePattern.MatchString(r.Code) || r.Name == "" || r.Summary == "" || r.Doc == "" || r.Family == "" {
			t.Errorf("%s: incomplete declaration %+v", r.ID(), r)
		}
		if codes[r.Code] || names[r.Name] {
			t.Errorf("%s: code or name registered twice", r.ID())
		}
		codes[r.Code], names[r.Name] = true, true
		if i > 0 && all[i-1].Code >= r.Code {
			t.Errorf("registry not in code order at %s", r.Code)
		}
		if r.Run == nil && r.RunDelivery == nil && r.RunEnd == nil && r.RunAudit == nil {
			t.Errorf("%s has no Run: nothing would ever report it", r.ID())
		}
		if r.Facts && r.Run == nil {
			t.Errorf("%s: a Facts rule needs a Run", r.ID())
		}
		if got := checks.Lookup(r.Code); got != r {
			t.Errorf("Lookup(%s) = %v", r.Code, got)
		}
		if got := checks.Lookup(r.Name); got != r {
			t.Errorf("Lookup(%s) = %v", r.Name, got)
		}
	}
	if checks.Lookup("X999") != nil {
		t.Error("Lookup invents rules")
	}
}

// codeLiterals returns every string literal shaped like a rule code in the
// non-test Go files under dir, with where it is written.
func codeLiterals(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && codePattern.MatchString(s) {
					out[s] = fset.Position(lit.Pos()).String()
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Every code a reader can put on a diagnostic, and every code a manifest
// reader can put on a problem, is a registered rule that reports it:
// nothing a reader says is lost or relabelled.
func TestReaderCodesRegistered(t *testing.T) {
	root := testcorpus.RepoRoot(t)
	for _, dir := range []string{"qc/format", "qc/delivery"} {
		lits := codeLiterals(t, filepath.Join(root, dir))
		if len(lits) == 0 {
			t.Fatalf("no rule codes found under %s: has the code moved?", dir)
		}
		var codes []string
		for c := range lits {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			r := checks.Lookup(c)
			switch {
			case r == nil:
				t.Errorf("%s (%s) is not a registered rule", c, lits[c])
			case dir == "qc/format" && r.Run == nil:
				t.Errorf("%s can come from a reader but has no Run to report it", r.ID())
			}
		}
	}
}

// A problem a manifest reader records under any of the codes it uses is
// reported by that rule, and by no other.
func TestManifestProblemsReported(t *testing.T) {
	codes := []string{delivery.RuleFileMissing, delivery.RuleManifestInvalid, delivery.RuleUnknownHash, delivery.RulePathEscapes}
	for _, code := range codes {
		d := &delivery.Delivery{Root: t.TempDir(), Kind: delivery.KindNative, Manifests: []string{"manifest.yaml"}}
		d.Problemf(code, "manifest.yaml", 7, "the problem")
		d.Finish()
		e, err := shipped(t).Resolve(pack.Request{})
		if err != nil {
			t.Fatal(err)
		}
		in := &rule.Delivery{Root: "dlv", Model: d, Configs: e.Rules}
		var got []string
		for _, r := range checks.All() {
			if r.RunDelivery == nil {
				continue
			}
			rule.NewDeliveryPass(r, in, e.Rules[r.Code], func(f rule.Finding) {
				got = append(got, f.Rule+" "+f.File+":"+strconv.Itoa(f.Line)+" "+f.Message)
			}).Run()
		}
		if want := code + " dlv/manifest.yaml:7 the problem"; strings.Join(got, "|") != want {
			t.Errorf("problem %s reported as %q, want %q", code, got, want)
		}
	}
}
