package cue

// Range is a byte range [From, To) of a file's decoded text (binary
// formats: of the file itself). Readers record where a cue's times and
// payload are written so that fixes can rewrite exactly those bytes.
type Range struct{ From, To int64 }

// Valid reports whether the range was recorded.
func (r Range) Valid() bool { return r.To > r.From }
