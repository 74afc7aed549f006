package deliverycheck

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/rule"
)

// listed is one distinct declared path and what the disk says about it.
type listed struct {
	rel   string
	decls []int // indexes into Delivery.Files declaring this path, manifest order
	out   []rule.Finding
}

// listedFiles compares every declared file with the disk: present (D002),
// inside the root (D011), of the declared size (D005) and checksums (D004).
// Files are hashed concurrently, each once for all its declared algorithms;
// each path's findings go to its own slot, so the result does not depend
// on scheduling.
func (c *checker) listedFiles() {
	ctx := c.p.Ctx()
	var items []*listed
	byPath := map[string]*listed{}
	for i := range c.d.Files {
		p := c.d.Files[i].Path
		it := byPath[p]
		if it == nil {
			it = &listed{rel: p}
			byPath[p] = it
			items = append(items, it)
		}
		it.decls = append(it.decls, i)
	}
	jobs := c.in.Jobs
	if jobs <= 0 {
		jobs = 4
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(jobs)
	for _, it := range items {
		g.Go(func() error {
			if ctx.Err() == nil {
				c.checkListed(ctx, it)
			}
			return nil
		})
	}
	_ = g.Wait()
	for _, it := range items {
		c.out = append(c.out, it.out...)
	}
}

func (c *checker) checkListed(ctx context.Context, it *listed) {
	first := &c.d.Files[it.decls[0]]
	at := func(f *delivery.File, code, msg, expected, actual string) {
		it.out = append(it.out, rule.Finding{Rule: code, File: c.report(f.Manifest), Line: f.Line,
			Message: msg, Expected: expected, Actual: actual})
	}
	real, err := delivery.Resolve(c.d.Root, it.rel)
	switch {
	case errors.Is(err, delivery.ErrEscapesRoot):
		if c.p.Enabled(codePathEscapesRoot) {
			at(first, "D011", fmt.Sprintf("%s leads outside the delivery folder (%v); not followed", it.rel, trimEscape(err)), "", "")
		}
		return
	case errors.Is(err, fs.ErrNotExist):
		if c.p.Enabled(codeFileMissing) {
			at(first, "D002", fmt.Sprintf("%s is listed but not in the delivery", it.rel), "", "")
		}
		return
	case err != nil:
		if c.p.Enabled(codeFileMissing) {
			at(first, "D002", fmt.Sprintf("%s cannot be opened: %v", it.rel, err), "", "")
		}
		return
	}
	st, err := os.Stat(real)
	if err != nil || !st.Mode().IsRegular() {
		if c.p.Enabled(codeFileMissing) {
			what := "is not a regular file"
			if err == nil && st.IsDir() {
				what = "is a folder, not a file"
			} else if err != nil {
				what = "cannot be read: " + err.Error()
			}
			at(first, "D002", fmt.Sprintf("%s %s", it.rel, what), "", "")
		}
		return
	}
	if c.p.Enabled(codeSizeMismatch) {
		seen := map[int64]bool{}
		for _, i := range it.decls {
			f := &c.d.Files[i]
			if f.Size >= 0 && f.Size != st.Size() && !seen[f.Size] {
				seen[f.Size] = true
				at(f, "D005", fmt.Sprintf("%s is %d bytes, the manifest declares %d", it.rel, st.Size(), f.Size),
					fmt.Sprint(f.Size), fmt.Sprint(st.Size()))
			}
		}
	}
	if !c.p.Enabled(codeChecksumMismatch) {
		return
	}
	var algos []string
	for _, i := range it.decls {
		for a := range c.d.Files[i].Hashes {
			if hashing.Known(a) && !slices.Contains(algos, a) {
				algos = append(algos, a)
			}
		}
	}
	if len(algos) == 0 {
		return
	}
	slices.Sort(algos)
	// The hash is computed even when the size already differs: a matching
	// digest then proves the manifest's size entry, not the file, is wrong.
	res, err := c.in.Hasher.File(ctx, real, algos...)
	if err != nil {
		if ctx.Err() == nil && c.p.Enabled(codeFileMissing) {
			at(first, "D002", fmt.Sprintf("%s could not be read to verify its checksum: %v", it.rel, err), "", "")
		}
		return
	}
	type key struct{ algo, want string }
	seen := map[key]bool{}
	for _, i := range it.decls {
		f := &c.d.Files[i]
		for _, a := range algos {
			want, ok := f.Hashes[a]
			if !ok || want == res.Hex[a] || seen[key{a, want}] {
				continue
			}
			seen[key{a, want}] = true
			at(f, "D004", fmt.Sprintf("%s: %s differs from the manifest's (the file changed after it was hashed, or was damaged in transfer)", it.rel, a),
				want, res.Hex[a])
		}
	}
}

// trimEscape keeps the useful part of a Resolve error ("… resolves to X").
func trimEscape(err error) string {
	return strings.TrimPrefix(err.Error(), delivery.ErrEscapesRoot.Error()+": ")
}
