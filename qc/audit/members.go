package audit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/exportqc/exportqc/qc/internal/lazyre"
)

// Member is one member company and the delivery folders that are its.
type Member struct {
	// Name identifies the member in reports and in the history database;
	// it must not change between audits or the history loses track.
	Name        string
	DisplayName string
	// Deliveries are slash-separated paths relative to the audit root,
	// sorted. A member may have none (it delivered nothing).
	Deliveries []string
	// unmatched are the deliveries patterns of a members file that matched
	// no folder (B002), with where the member is declared.
	unmatched []unmatchedPattern
}

type unmatchedPattern struct {
	file    string
	line    int
	pattern string
}

// MembersVersion is the members.yaml schema version this build reads.
const MembersVersion = 1

var reName = lazyre.New(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// membersFile is members.yaml, decoded strictly: a misspelt key would
// otherwise drop a member's deliveries from the audit without a word.
type membersFile struct {
	Version *int         `yaml:"members_version"`
	Members []memberSpec `yaml:"members"`
}

type memberSpec struct {
	Name        string   `yaml:"name"`
	DisplayName string   `yaml:"display_name"`
	Deliveries  []string `yaml:"deliveries"`
}

// MembersFromRoot reads the conventional layout: every folder directly
// under root is a member (named after the folder), and every folder
// directly under a member's folder is one of its deliveries. Hidden folders
// are skipped and symbolic links are not followed, as check does. A member
// folder that cannot be read is that member's one delivery: checking it
// reports why it could not be read (E000 at the folder) and fails it,
// instead of the member showing no delivery at all.
func MembersFromRoot(root string) ([]Member, error) {
	tops, err := subfolders(root)
	if err != nil {
		return nil, err
	}
	if len(tops) == 0 {
		return nil, fmt.Errorf("%s holds no member folders (want one folder per member, each holding delivery folders)", root)
	}
	members := make([]Member, 0, len(tops))
	for _, name := range tops {
		dels, err := subfolders(filepath.Join(root, name))
		if err != nil {
			members = append(members, Member{Name: name, DisplayName: name, Deliveries: []string{name}})
			continue
		}
		m := Member{Name: name, DisplayName: name, Deliveries: make([]string, 0, len(dels))}
		for _, d := range dels {
			m.Deliveries = append(m.Deliveries, name+"/"+d)
		}
		members = append(members, m)
	}
	return members, nil
}

// subfolders lists the visible, real (not symlinked) folders in dir, sorted.
func subfolders(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// LoadMembers reads a members.yaml and resolves each member's delivery
// globs under root:
//
//	members_version: 1
//	members:
//	  - name: acme                      # stable id: letters, digits, . _ -
//	    display_name: Acme Films Ltd    # optional; default: name
//	    deliveries: ["acme/*", "ftp/acme-2025/*"]
//
// Each deliveries entry is a slash-separated glob (path.Match syntax per
// segment) relative to root, matching delivery folders. Every problem is an
// error naming the file and line: unknown keys, a missing or repeated name,
// a glob that leaves root, a folder claimed by two members, or a delivery
// folder inside another one.
func LoadMembers(file, root string) ([]Member, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return ParseMembers(file, data, root)
}

// ParseMembers is LoadMembers for bytes already read.
func ParseMembers(name string, data []byte, root string) ([]Member, error) {
	var f membersFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty members file (want members_version: 1 and a members list)", name)
		}
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	// A second pass over the node tree gives each member its line, which
	// the struct decode cannot.
	lines := memberLines(data)
	at := func(i int) string {
		if i < len(lines) && lines[i] > 0 {
			return fmt.Sprintf("%s:%d", name, lines[i])
		}
		return name
	}
	var probs []error
	switch {
	case f.Version == nil:
		probs = append(probs, fmt.Errorf("%s: members_version missing (want %d)", name, MembersVersion))
	case *f.Version != MembersVersion:
		probs = append(probs, fmt.Errorf("%s: members_version %d, this build reads %d", name, *f.Version, MembersVersion))
	}
	if len(f.Members) == 0 {
		probs = append(probs, fmt.Errorf("%s: no members listed", name))
	}
	seen := map[string]int{}
	owner := map[string]string{}
	var members []Member
	for i, s := range f.Members {
		if !reName().MatchString(s.Name) {
			probs = append(probs, fmt.Errorf("%s: member name %q: want letters, digits, '.', '_' or '-', starting with a letter or digit", at(i), s.Name))
			continue
		}
		if j, dup := seen[s.Name]; dup {
			probs = append(probs, fmt.Errorf("%s: member %q listed twice (first at %s)", at(i), s.Name, at(j)))
			continue
		}
		seen[s.Name] = i
		m := Member{Name: s.Name, DisplayName: strings.TrimSpace(s.DisplayName), Deliveries: []string{}}
		if m.DisplayName == "" {
			m.DisplayName = s.Name
		}
		for _, g := range s.Deliveries {
			matches, err := globFolders(root, g)
			if err != nil {
				probs = append(probs, fmt.Errorf("%s: member %q: deliveries %q: %v", at(i), s.Name, g, err))
				continue
			}
			if len(matches) == 0 {
				line := 0
				if i < len(lines) {
					line = lines[i]
				}
				m.unmatched = append(m.unmatched, unmatchedPattern{file: name, line: line, pattern: g})
			}
			for _, d := range matches {
				if o, taken := owner[d]; taken && o != s.Name {
					probs = append(probs, fmt.Errorf("%s: delivery %s is claimed by members %q and %q", at(i), d, o, s.Name))
					continue
				}
				if owner[d] == "" {
					owner[d] = s.Name
					m.Deliveries = append(m.Deliveries, d)
				}
			}
		}
		sort.Strings(m.Deliveries)
		members = append(members, m)
	}
	if err := nested(owner); err != nil {
		probs = append(probs, fmt.Errorf("%s: %v", name, err))
	}
	if len(probs) > 0 {
		return nil, errors.Join(probs...)
	}
	sort.Slice(members, func(i, j int) bool { return members[i].Name < members[j].Name })
	return members, nil
}

// memberLines returns the line of each item of the members list.
func memberLines(data []byte) []int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "members" {
			var out []int
			for _, item := range top.Content[i+1].Content {
				out = append(out, item.Line)
			}
			return out
		}
	}
	return nil
}

// globFolders expands a slash glob relative to root into the real folders
// it matches (slash paths relative to root, sorted). Hidden names match only
// when the pattern spells the dot, as in a shell. A folder on the way that
// cannot be read is returned as a match itself: it may hold what the
// pattern means, and checking it reports why it could not be read (E000)
// instead of the pattern silently matching less.
func globFolders(root, glob string) ([]string, error) {
	g := strings.TrimSpace(glob)
	if g == "" {
		return nil, errors.New("empty pattern")
	}
	if strings.Contains(g, `\`) {
		return nil, errors.New(`use "/" between folders`)
	}
	if strings.HasPrefix(g, "/") || filepath.IsAbs(g) {
		return nil, errors.New("must be relative to the audit root")
	}
	g = path.Clean(g)
	if g == "." || g == ".." || strings.HasPrefix(g, "../") {
		return nil, errors.New("must name folders inside the audit root")
	}
	if _, err := path.Match(g, ""); err != nil {
		return nil, err
	}
	cur := []string{""}
	for _, seg := range strings.Split(g, "/") {
		var next []string
		for _, base := range cur {
			dir := filepath.Join(root, filepath.FromSlash(base))
			entries, err := os.ReadDir(dir)
			if err != nil {
				if base != "" && !errors.Is(err, fs.ErrNotExist) {
					next = append(next, base)
				}
				continue
			}
			for _, e := range entries {
				if !e.IsDir() || (strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(seg, ".")) {
					continue
				}
				if ok, _ := path.Match(seg, e.Name()); ok {
					next = append(next, path.Join(base, e.Name()))
				}
			}
		}
		cur = next
	}
	sort.Strings(cur)
	return cur, nil
}

// nested rejects a delivery folder inside another: its files would belong
// to two deliveries. Each folder's ancestors are looked up, so this stays
// linear in the number of deliveries.
func nested(owner map[string]string) error {
	all := make([]string, 0, len(owner))
	for d := range owner {
		all = append(all, d)
	}
	sort.Strings(all)
	for _, d := range all {
		for p := path.Dir(d); p != "." && p != "/"; p = path.Dir(p) {
			if _, ok := owner[p]; ok {
				return fmt.Errorf("delivery %s is inside delivery %s", d, p)
			}
		}
	}
	return nil
}
