package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Plan is what one audit covers: the members and every delivery folder,
// before anything is checked.
type Plan struct {
	Members []Member // sorted by name
	// Deliveries lists every delivery of every member, sorted by path; the
	// order shards are cut from.
	Deliveries []Planned
}

// Planned is one delivery folder to check.
type Planned struct {
	Member string // Member.Name
	Path   string // slash path relative to the audit root
}

// NewPlan lists the deliveries of the members in path order. A folder
// claimed by two members is an error (members.yaml reports it with its
// line before this).
func NewPlan(members []Member) (*Plan, error) {
	p := &Plan{Members: append([]Member(nil), members...)}
	sort.Slice(p.Members, func(i, j int) bool { return p.Members[i].Name < p.Members[j].Name })
	for i := 1; i < len(p.Members); i++ {
		if p.Members[i].Name == p.Members[i-1].Name {
			return nil, fmt.Errorf("member %q listed twice", p.Members[i].Name)
		}
	}
	for _, m := range p.Members {
		for _, d := range m.Deliveries {
			p.Deliveries = append(p.Deliveries, Planned{Member: m.Name, Path: d})
		}
	}
	sort.Slice(p.Deliveries, func(i, j int) bool { return p.Deliveries[i].Path < p.Deliveries[j].Path })
	for i := 1; i < len(p.Deliveries); i++ {
		if p.Deliveries[i].Path == p.Deliveries[i-1].Path {
			return nil, fmt.Errorf("delivery %s belongs to members %q and %q", p.Deliveries[i].Path,
				p.Deliveries[i-1].Member, p.Deliveries[i].Member)
		}
	}
	return p, nil
}

// Digest identifies the plan: members (with display names) and the
// delivery list. Shards record it, and merge refuses shards whose digests
// differ: they were cut from different trees or member lists, and their
// union would not be the audit of either.
func (p *Plan) Digest() string {
	h := sha256.New()
	for _, m := range p.Members {
		fmt.Fprintf(h, "member\x00%s\x00%s\n", m.Name, m.DisplayName)
	}
	for _, d := range p.Deliveries {
		fmt.Fprintf(h, "delivery\x00%s\x00%s\n", d.Member, d.Path)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Shard is one slice of an audit: Index of Count, 1-based ("--shard 2/4").
// The zero value is the whole audit.
type Shard struct {
	Index int `json:"index"`
	Count int `json:"count"`
}

// Whole reports whether s is the unsharded audit. "--shard 1/1" is not:
// it is a shard (of one), whose report merge takes, so a CI matrix of any
// size, one included, runs the same steps.
func (s Shard) Whole() bool { return s.Count == 0 }

func (s Shard) String() string { return strconv.Itoa(s.Index) + "/" + strconv.Itoa(s.Count) }

// ParseShard reads "i/n" with 1 <= i <= n.
func ParseShard(v string) (Shard, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(v), "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("shard %q: want i/n, e.g. 1/4", v)
	}
	if n < 1 || i < 1 || i > n {
		return Shard{}, fmt.Errorf("shard %q: want 1 <= i <= n (shards are numbered from 1)", v)
	}
	if n > 100000 {
		return Shard{}, errors.New("shard count over 100000")
	}
	return Shard{Index: i, Count: n}, nil
}

// Select returns the deliveries shard s checks: those whose position in the
// sorted plan is Index-1 modulo Count. The position depends only on the
// sorted paths, so every machine that sees the same tree cuts the same
// shards, and consecutive deliveries (often one member's, of similar size)
// are spread over all shards instead of piling onto one.
func (p *Plan) Select(s Shard) []Planned {
	if s.Whole() {
		return p.Deliveries
	}
	out := make([]Planned, 0, len(p.Deliveries)/s.Count+1)
	for i := s.Index - 1; i < len(p.Deliveries); i += s.Count {
		out = append(out, p.Deliveries[i])
	}
	return out
}
