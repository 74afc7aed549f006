package audit

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// FuzzParseMembers: any members.yaml gives members or an error, never a
// panic, and what it gives holds the documented invariants.
func FuzzParseMembers(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join(testcorpus.RepoRoot(f), "fixtures", "audit", "members.yaml")); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		"members_version: 1\nmembers:\n  - name: a\n    deliveries: [\"a/*\"]\n",
		"members_version: 1\nmembers:\n  - name: a\n    deliveries: [\"*/*\", \"a/b\"]\n  - name: b\n    deliveries: [b]\n",
		"members_version: 1\nmembers:\n  - {name: a, display_name: \"A\", deliveries: [\"../x\"]}\n",
		"members_version: 1\nmembers: [{name: a, deliveries: [\"[\"]}]\n",
		"members_version: 2\n", "{}", "- a\n", "members: &x [*x]\n",
	} {
		f.Add([]byte(s))
	}
	root := f.TempDir()
	for _, d := range []string{"a/b", "a/c", "b/d", ".hidden/e", "x/y/z"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, err := ParseMembers("members.yaml", data, root)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, m := range ms {
			if !reName().MatchString(m.Name) || m.DisplayName == "" {
				t.Fatalf("member %+v breaks the name rules", m)
			}
			for _, d := range m.Deliveries {
				if seen[d] || strings.HasPrefix(d, "..") || strings.HasPrefix(d, "/") {
					t.Fatalf("delivery %q repeated or outside the root", d)
				}
				seen[d] = true
				if st, err := os.Stat(filepath.Join(root, filepath.FromSlash(d))); err != nil || !st.IsDir() {
					t.Fatalf("delivery %q is not a folder under the root", d)
				}
			}
		}
		if _, err := NewPlan(ms); err != nil {
			t.Fatalf("members accepted by ParseMembers make no plan: %v", err)
		}
	})
}

// FuzzMerge: shard reports read from any bytes are merged or refused,
// never a panic; a merge's JSON reads back.
func FuzzMerge(f *testing.F) {
	a := syntheticAudit()
	for i := 1; i <= 2; i++ {
		s := *a
		s.Shard = &Shard{Index: i, Count: 2}
		s.Deliveries = nil
		for j, d := range a.Deliveries {
			if j%2 == i-1 {
				s.Deliveries = append(s.Deliveries, d)
			}
		}
		var b bytes.Buffer
		if err := JSON(&b, &s); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes(), []byte(strings.Replace(b.String(), `"index": `+string(rune('0'+i)), `"index": `+string(rune('0'+3-i)), 1)))
	}
	f.Add([]byte(`{"schema_version":1,"shard":{"index":1,"count":1},"deliveries":[{"path":"x","findings":[{"rule":"W","waived":{"reason":"r"}}]}],"notes":[{"rule":"W001"}]}`), []byte(`{}`))
	f.Fuzz(func(t *testing.T, x, y []byte) {
		var shards []*Audit
		for _, b := range [][]byte{x, y} {
			s, err := Decode(bytes.NewReader(b))
			if err != nil {
				return
			}
			shards = append(shards, s)
		}
		m, err := Merge(shards)
		if err != nil {
			m, err = Merge(shards[:1])
			if err != nil {
				return
			}
		}
		var b bytes.Buffer
		if err := JSON(&b, m); err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(&b); err != nil {
			t.Fatalf("merged audit does not read back: %v", err)
		}
		for _, w := range []Writer{HTML, CSV, DeliveriesCSV, Text} {
			if err := w(&bytes.Buffer{}, m); err != nil {
				t.Fatal(err)
			}
		}
	})
}
