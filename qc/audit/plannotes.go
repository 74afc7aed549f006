package audit

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/exportqc/exportqc/qc/delivery/load"
	"github.com/exportqc/exportqc/qc/format"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textenc"
)

// planFacts is what the audit's rules (package auditrules) see of the
// plan as a whole, before anything is checked, so that an audit never
// passes on what it did not look at: how many members and deliveries
// (B001), the members.yaml patterns that match no folder (B002), and the
// folders under root holding a manifest or subtitle files that no member
// claims (B003). They depend on the whole plan, not on a shard's
// selection, so every shard reports the same ones. The Collector adds
// which selected deliveries held nothing to check (B004).
func planFacts(root string, plan *Plan) *rule.AuditPlan {
	facts := &rule.AuditPlan{Members: len(plan.Members), Deliveries: len(plan.Deliveries)}
	for _, m := range plan.Members {
		for _, u := range m.unmatched {
			facts.Unmatched = append(facts.Unmatched, rule.UnmatchedPattern{File: filepath.ToSlash(u.file), Line: u.line,
				Member: m.Name, Pattern: u.pattern})
		}
	}
	for _, u := range unclaimed(root, plan) {
		facts.Unclaimed = append(facts.Unclaimed, rule.UnclaimedFolder{Path: u.path, Why: u.why})
	}
	return facts
}

type unclaimedFolder struct{ path, why string }

// unclaimed walks root for folders that hold deliverables (a manifest, or
// subtitle files directly) but are neither a planned delivery nor inside
// one. Planned deliveries are not entered, so the walk reads only the
// folders between root and the deliveries, and whatever no member claims.
// Hidden folders are skipped and links not followed, as the audit does.
func unclaimed(root string, plan *Plan) []unclaimedFolder {
	claimed := make(map[string]bool, len(plan.Deliveries))
	above := map[string]bool{} // folders with a delivery below them
	for _, d := range plan.Deliveries {
		claimed[d.Path] = true
		for p := path.Dir(d.Path); p != "." && p != "/"; p = path.Dir(p) {
			above[p] = true
		}
	}
	var out []unclaimedFolder
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(root, p)
		if rerr != nil || rel == "." {
			return nil // root: its own files belong to no delivery in any layout
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			if d != nil && d.IsDir() && !claimed[rel] {
				out = append(out, unclaimedFolder{rel, fmt.Sprintf("folder could not be read (%v): it may hold deliveries no member claims", pathErr(err))})
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if claimed[rel] || strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		what := deliverables(p)
		if what == "" {
			return nil
		}
		out = append(out, unclaimedFolder{rel, fmt.Sprintf("holds %s but no member claims it: not audited", what)})
		if above[rel] {
			return nil // its own files are unclaimed; the deliveries below it are planned
		}
		return fs.SkipDir
	})
	return out
}

// deliverables says what in dir makes it look like a delivery: a manifest,
// or subtitle files directly in it ("" for neither).
func deliverables(dir string) string {
	if load.LooksLikeDelivery(dir) {
		return "a delivery manifest"
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() && e.Type()&fs.ModeSymlink == 0 && subtitleFile(filepath.Join(dir, e.Name())) {
			n++
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return "1 subtitle file"
	}
	return fmt.Sprintf("%d subtitle files", n)
}

func pathErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// sniffBytes is how much of a .txt or .xml file is read to tell subtitles
// from other text.
const sniffBytes = 4096

// subtitleFile reports whether the audit would check the file at p were
// its folder claimed: a subtitle extension, or a .txt or .xml whose first
// bytes are subtitles. The engine skips walked .txt and .xml files that are
// not, so a folder of licence texts or notes is no unclaimed delivery.
func subtitleFile(p string) bool {
	if !format.Ambiguous(p) {
		return format.Candidate(p)
	}
	f, err := os.Open(p)
	if err != nil {
		return true // unreadable: it may be subtitles, and checking it would say so
	}
	defer f.Close()
	head := make([]byte, sniffBytes)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	return format.Sniff(head, "") != "" || format.SniffNamed(p, head, textenc.Decode(head).Text) != ""
}
