package audit_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

type packResolver struct{ r *pack.Resolver }

func (p packResolver) Resolve(lang string) (map[string]*rule.Config, error) {
	e, err := p.r.Resolve(pack.Request{Language: lang})
	if err != nil {
		return nil, err
	}
	return e.Rules, nil
}

func runOptions(t *testing.T, root string) audit.Options {
	t.Helper()
	lib, err := pack.Load(checks.All())
	if err != nil {
		t.Fatal(err)
	}
	members, err := audit.MembersFromRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	return audit.Options{Root: root, Members: members, FailOn: rule.Error,
		Engine: engine.Options{Rules: checks.All(), Resolver: packResolver{lib.NewResolver()}, FailOn: rule.Error, Jobs: 2}}
}

// A delivery folder that disappears after the audit listed it and before
// it is checked is a failed delivery with an E000 at the folder; the
// audit goes on and the other deliveries are checked.
func TestAuditDeliveryVanishesMidRun(t *testing.T) {
	root := fixtureCopy(t)
	o := runOptions(t, root)
	o.Planned = func(*audit.Plan, []audit.Planned) {
		// Planned, not yet checked: the folder goes now.
		if err := os.RemoveAll(filepath.Join(root, "southbank", "salt-roads-s2")); err != nil {
			t.Fatal(err)
		}
	}
	res, err := audit.Run(context.Background(), o)
	if err != nil {
		t.Fatalf("the audit was aborted: %v", err)
	}
	defer res.Close()
	a := res.Audit
	if a.Passed || len(a.Deliveries) != 4 {
		t.Fatalf("passed %v, %d deliveries", a.Passed, len(a.Deliveries))
	}
	for _, d := range a.Deliveries {
		fs, _ := d.FindingList()
		if d.Path == "southbank/salt-roads-s2" {
			if d.Passed || len(fs) != 1 || fs[0].Rule != "E000" || !strings.Contains(fs[0].Message, "disappeared") {
				t.Errorf("vanished delivery: %+v %+v", d, fs)
			}
		} else if d.Files == 0 {
			t.Errorf("%s was not checked", d.Path)
		}
	}
}

// A cancelled audit returns ErrInterrupted whatever phase it is in, and
// leaves no spill file.
func TestAuditRunInterrupted(t *testing.T) {
	tmp := t.TempDir()
	root := fixtureCopy(t)
	o := runOptions(t, root)
	o.SpillDir = tmp
	ctx, cancel := context.WithCancel(context.Background())
	o.Delivered = func(int) { cancel() } // after the first delivery
	if _, err := audit.Run(ctx, o); !errors.Is(err, audit.ErrInterrupted) {
		t.Errorf("err %v, want ErrInterrupted", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}
