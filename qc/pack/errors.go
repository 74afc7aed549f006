package pack

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// Error is one problem in a pack file or an override, with its position.
type Error struct {
	File string // pack file path, config file name, or flag
	Line int    // 0 when unknown (config values from viper carry no lines)
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// problems collects every error of a load or parse so an author sees them all
// at once, then reports them in a stable order.
type problems []*Error

func (p *problems) add(file string, line int, format string, args ...any) {
	*p = append(*p, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	slices.SortStableFunc(p, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Msg, b.Msg))
	})
	errs := make([]error, len(p))
	for i, e := range p {
		errs[i] = e
	}
	return errors.Join(errs...)
}
