package pack

import (
	"encoding/binary"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"

	"github.com/exportqc/exportqc/qc/rule"
)

//go:generate go test -run ^TestCompiledPacks$ -update

// compiled is the embedded packs as Go values, written by TestCompiledPacks
// from the YAML (packs_compiled.go registers it): every run of the command
// would otherwise spend most of its start-up parsing YAML. The YAML stays
// the source; nil when the generated file is absent.
var compiled *compiledPacks

type compiledPacks struct {
	// sum is packSum of the packs file system and the registry the packs
	// were decoded from; any other input is decoded from its YAML.
	sum   uint64
	packs func() []*Pack // fresh values on every call: callers own them
}

// loadCompiled builds the library from the compiled packs when they were
// made from exactly these files and this registry, and returns nil
// otherwise (an edited pack, another registry), so the caller decodes the
// YAML and reports its problems by file and line.
func loadCompiled(fsys fs.FS, registry []*rule.Rule) *Library {
	if compiled == nil {
		return nil
	}
	sum, err := packSum(fsys, registry)
	if err != nil || sum != compiled.sum {
		return nil
	}
	reg, err := newRegistry(registry)
	if err != nil {
		return nil
	}
	var probs problems
	lib := newLibrary(reg, compiled.packs(), &probs)
	if probs.err() != nil {
		return nil // cannot happen for packs that were compiled; decode to say why
	}
	return lib
}

// packSum fingerprints the inputs of decoding: every file of fsys
// (name and bytes, in walk order) and, per registered rule, its code, name
// and parameters with their kinds: their length and CRC-32 (IEEE, the one
// CPUs compute with their own instructions and whose table setup is cheap:
// start-up hashes every pack byte). What it hashes is gathered in one buffer
// first, as CRCs are slow on short writes. Not the decoding code itself:
// see the note at the top of decode.go.
func packSum(fsys fs.FS, registry []*rule.Rule) (uint64, error) {
	b := make([]byte, 0, 160<<10)
	for _, r := range registry {
		if r == nil {
			return 0, fs.ErrInvalid
		}
		b = appendField(b, r.Code)
		b = appendField(b, r.Name)
		for _, p := range r.Params {
			b = appendField(b, p.Name)
			b = binary.LittleEndian.AppendUint64(b, uint64(p.Kind))
		}
		b = appendField(b, "") // ends the rule's parameters
	}
	err := fs.WalkDir(fsys, ".", func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		b = appendField(b, p)
		b, err = appendFile(b, fsys, p)
		return err
	})
	return uint64(len(b))<<32 | uint64(crc32.ChecksumIEEE(b)), err
}

// appendFile appends the file's length and bytes, read straight into b.
func appendFile(b []byte, fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return b, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return b, err
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(info.Size()))
	n := len(b)
	b = slices.Grow(b, int(info.Size()))[:n+int(info.Size())]
	_, err = io.ReadFull(f, b[n:])
	return b, err
}

// appendField appends s with its length, so that field boundaries count.
func appendField(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
	return append(b, s...)
}

// ptrTo is how the compiled packs write a pointer to a scalar.
func ptrTo[T any](v T) *T { return &v }
