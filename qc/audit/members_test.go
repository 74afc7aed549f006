package audit

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// tree makes folders (slash paths) under a temp root.
func tree(t *testing.T, dirs ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, d := range dirs {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestMembersFromRoot(t *testing.T) {
	root := tree(t, "bravo/show-b", "alpha/show-a2", "alpha/show-a1", "alpha/.cache", ".git/x", "charlie")
	if err := os.WriteFile(filepath.Join(root, "alpha", "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "bravo"), filepath.Join(root, "alias")); err != nil {
		t.Fatal(err)
	}
	got, err := MembersFromRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []Member{
		{Name: "alpha", DisplayName: "alpha", Deliveries: []string{"alpha/show-a1", "alpha/show-a2"}},
		{Name: "bravo", DisplayName: "bravo", Deliveries: []string{"bravo/show-b"}},
		{Name: "charlie", DisplayName: "charlie", Deliveries: []string{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("members\n got %+v\nwant %+v", got, want)
	}
	if _, err := MembersFromRoot(tree(t)); err == nil {
		t.Error("an empty root gave no error")
	}
}

func TestParseMembers(t *testing.T) {
	root := tree(t, "acme/river", "acme/lake", "ftp/acme-2025/sea", "ftp/zeta-2025/hills", "zeta/old")
	good := `members_version: 1
members:
  - name: zeta
    deliveries: ["ftp/zeta-*/*"]
  - name: acme
    display_name: "Acme Films Ltd"
    deliveries: ["acme/*", "ftp/acme-2025/*", "acme/river"]
  - name: idle
    display_name: Idle Pictures
`
	got, err := ParseMembers("members.yaml", []byte(good), root)
	if err != nil {
		t.Fatal(err)
	}
	want := []Member{
		{Name: "acme", DisplayName: "Acme Films Ltd", Deliveries: []string{"acme/lake", "acme/river", "ftp/acme-2025/sea"}},
		{Name: "idle", DisplayName: "Idle Pictures", Deliveries: []string{}},
		{Name: "zeta", DisplayName: "zeta", Deliveries: []string{"ftp/zeta-2025/hills"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("members\n got %+v\nwant %+v", got, want)
	}

	bad := []struct {
		name, doc, want string
	}{
		{"unknown key", "members_version: 1\nmembers:\n  - name: a\n    delivery: [acme/*]\n", "line 4: field delivery not found"},
		{"no version", "members:\n  - name: a\n", "members_version missing"},
		{"newer version", "members_version: 2\nmembers:\n  - name: a\n", "members_version 2"},
		{"no members", "members_version: 1\n", "no members listed"},
		{"bad name", "members_version: 1\nmembers:\n  - name: \"a b\"\n", "members.yaml:3: member name \"a b\""},
		{"duplicate", "members_version: 1\nmembers:\n  - name: a\n  - name: a\n", "members.yaml:4: member \"a\" listed twice (first at members.yaml:3)"},
		{"escape", "members_version: 1\nmembers:\n  - name: a\n    deliveries: [\"../x/*\"]\n", "inside the audit root"},
		{"absolute", "members_version: 1\nmembers:\n  - name: a\n    deliveries: [\"/srv/*\"]\n", "relative to the audit root"},
		{"bad glob", "members_version: 1\nmembers:\n  - name: a\n    deliveries: [\"acme/[\"]\n", "syntax error in pattern"},
		{"claimed twice", "members_version: 1\nmembers:\n  - name: a\n    deliveries: [acme/*]\n  - name: b\n    deliveries: [acme/river]\n",
			"members.yaml:5: delivery acme/river is claimed by members \"a\" and \"b\""},
		{"nested", "members_version: 1\nmembers:\n  - name: a\n    deliveries: [ftp/acme-2025]\n  - name: b\n    deliveries: [ftp/acme-2025/sea]\n",
			"delivery ftp/acme-2025/sea is inside delivery ftp/acme-2025"},
		{"empty", "", "empty members file"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseMembers("members.yaml", []byte(c.doc), root)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}
