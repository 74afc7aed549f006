package output

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Pending is a report rendered but not yet in place, for commands that
// must not leave a report for work they then fail to record (an audit
// whose history commit fails or is interrupted). Files are rendered to
// their temporary file at once; standard output, devices and FIFOs, which
// cannot be staged, are rendered when the report is committed.
type Pending struct {
	ctx    context.Context
	stdout io.Writer
	path   string
	render Render
	tmp    string // temporary file to rename over target; "" for a direct write
	target string
}

// Prepare renders a report for path the way Write would, but leaves a
// file's new content in its temporary file until Commit.
func Prepare(ctx context.Context, stdout io.Writer, path string, render Render) (*Pending, error) {
	p := &Pending{ctx: ctx, stdout: stdout, path: path, render: render}
	if IsStdout(path) {
		return p, nil
	}
	direct, target, err := classify(path)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if direct {
		return p, nil
	}
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	tmp, err := createTemp(dir, filepath.Base(target))
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	if err := fill(ctx, tmp, render); err != nil {
		tmp.Close()
		removeTemp(tmp.Name())
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	p.tmp, p.target = tmp.Name(), target
	return p, nil
}

// Commit puts the report in place: renames the staged file over its
// target, or writes standard output or the device now.
func (p *Pending) Commit() error {
	if p.tmp == "" {
		return Write(p.ctx, p.stdout, p.path, p.render)
	}
	if err := replaceFile(p.tmp, p.target); err != nil {
		p.Discard()
		return fmt.Errorf("write %s: %w", p.path, err)
	}
	forgetTemp(p.tmp)
	p.tmp = ""
	return nil
}

// Discard drops a staged report, leaving its target as it was.
func (p *Pending) Discard() {
	if p != nil && p.tmp != "" {
		removeTemp(p.tmp)
		p.tmp = ""
	}
}

// Staged reports whether the report was rendered to a temporary file
// (Commit renames it) rather than left to be written by Commit (standard
// output, devices, FIFOs).
func (p *Pending) Staged() bool { return p.tmp != "" }
