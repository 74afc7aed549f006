package fix

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/delivery/sums"
	"github.com/exportqc/exportqc/qc/internal/lazyre"
)

// Manifest is a delivery manifest or checksum sidecar beside the files
// fixed, rewritten with their new sizes and checksums so the corrected
// delivery passes D004/D005.
type Manifest struct {
	Path string // the original manifest
	Data []byte // its corrected content
}

// foreignManifests are manifests exportqc reads but does not rewrite.
var foreignManifests = map[string]string{
	"assetmap.xml": "IMF ASSETMAP", "assetmap": "IMF ASSETMAP", "metadata.xml": "iTunes package metadata",
}

// Manifests finds the native manifests and text checksum sidecars in the
// folders holding changed files (up to the folder named on the command
// line) and returns them updated for the new bytes, plus notes naming the
// manifests that are not rewritten (IMF, MMC, iTunes, MHL lists) and
// so no longer match the corrected copies. Bytes of a manifest other than
// the sizes and digests of changed files are kept.
func Manifests(args []string, files []File) ([]Manifest, []string) {
	changed := map[string]*File{}
	for i := range files {
		if files[i].Changed() {
			changed[files[i].Path] = &files[i]
		}
	}
	// Folders to look in: each changed file's folder and its ancestors
	// inside a folder argument.
	dirs := map[string]bool{}
	for p := range changed {
		for d := path.Dir(p); ; d = path.Dir(d) {
			inside := false
			for _, a := range args {
				a = filepath.ToSlash(filepath.Clean(a))
				if d == a || strings.HasPrefix(d, a+"/") || a == "." {
					inside = true
				}
			}
			if !inside {
				break
			}
			dirs[d] = true
			if d == "." || d == "/" || path.Dir(d) == d {
				break
			}
		}
	}
	var out []Manifest
	var notes []string
	for _, d := range sortedKeys(dirs) {
		entries, err := os.ReadDir(filepath.FromSlash(d))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.Type().IsRegular() {
				continue
			}
			name := e.Name()
			mpath := d + "/" + name
			rels := relsUnder(d, changed)
			if len(rels) == 0 {
				continue
			}
			lower := strings.ToLower(name)
			isText, isMHL, algo := sums.IsSidecar(name)
			switch {
			case isNative(name):
				data, err := delivery.ReadFile(filepath.FromSlash(mpath))
				if err != nil {
					continue
				}
				if upd, n := updateNative(data, rels); n > 0 {
					out = append(out, Manifest{Path: mpath, Data: upd})
				}
			case isText:
				data, err := delivery.ReadFile(filepath.FromSlash(mpath))
				if err != nil {
					continue
				}
				if upd, n := updateSums(data, rels, algo); n > 0 {
					out = append(out, Manifest{Path: mpath, Data: upd})
				}
			case isMHL:
				notes = append(notes, mpath+": not rewritten (MHL hash lists are not updated); its entries for the fixed files no longer match")
			case foreignManifests[lower] != "" || (strings.HasSuffix(lower, ".xml") && (strings.HasPrefix(lower, "pkl") || strings.HasPrefix(lower, "cpl") || strings.Contains(lower, "manifest"))):
				notes = append(notes, mpath+": not rewritten (IMF, MMC and iTunes manifests are left as they are); its sizes and hashes for the fixed files no longer match")
			}
		}
	}
	return out, notes
}

func isNative(name string) bool {
	for _, n := range delivery.NativeNames {
		if name == n {
			return true
		}
	}
	return false
}

// relsUnder maps the changed files under dir to their paths relative to it.
func relsUnder(dir string, changed map[string]*File) map[string]*File {
	m := map[string]*File{}
	for p, f := range changed {
		if dir == "." {
			m[p] = f
		} else if strings.HasPrefix(p, dir+"/") {
			m[strings.TrimPrefix(p, dir+"/")] = f
		}
	}
	return m
}

// digest is data's lower-case hex digest by algo as manifests spell it
// ("md5", "SHA-256", "xxh64"), computed by the package that checks the
// deliveries (so a rewritten sum is one D004/D005 accept); "" for an
// algorithm it does not know.
func digest(algo string, data []byte) string {
	name, ok := hashing.Normalize(algo)
	if !ok {
		return ""
	}
	res, err := hashing.Sum(bytes.NewReader(data), []string{name})
	if err != nil {
		return ""
	}
	return res.Hex[name]
}

var (
	pathKeyRE = lazyre.New(`^(\s*-?\s*)"?path"?\s*:\s*"?([^"\n,}]+?)"?\s*,?\s*$`)
	valueRE   = lazyre.New(`("?)(size|md5|sha1|sha256|sha512|xxh64)("?\s*:\s*"?)([0-9A-Fa-f]+)`)
)

// updateNative rewrites size and digest values in the entries of a
// native YAML or JSON manifest (one key per line, as the schema's examples
// are written) whose path is a changed file. It returns the new bytes and
// how many entries it updated.
func updateNative(data []byte, rels map[string]*File) ([]byte, int) {
	lines := strings.SplitAfter(string(data), "\n")
	n := 0
	for i := 0; i < len(lines); i++ {
		m := pathKeyRE().FindStringSubmatch(strings.TrimRight(lines[i], "\r\n"))
		if m == nil {
			// A JSON entry written on one line: {"path": "...", "size": ...}
			if im := inlinePathRE().FindStringSubmatch(lines[i]); im != nil && rels[im[1]] != nil && strings.Count(lines[i], `"path"`) == 1 {
				lines[i] = setValues(lines[i], rels[im[1]])
				n++
			}
			continue
		}
		f := rels[strings.TrimSpace(m[2])]
		if f == nil {
			continue
		}
		// The entry: lines indented at least as deep as its keys, before
		// the next list item or path.
		indent := len(m[1])
		lo, hi := i, i+1
		for !strings.Contains(m[1], "-") && lo > 0 {
			prev := lines[lo-1]
			t := strings.TrimLeft(prev, " \t")
			d := len(prev) - len(t)
			if strings.TrimSpace(t) == "" || strings.Contains(t, "path") {
				break
			}
			if d == indent && !strings.HasPrefix(t, "- ") {
				lo--
				continue
			}
			if d == indent-2 && strings.HasPrefix(t, "- ") {
				lo--
			}
			break
		}
		for hi < len(lines) && entryLine(lines[hi], indent) && pathKeyRE().FindStringIndex(strings.TrimRight(lines[hi], "\r\n")) == nil {
			hi++
		}
		for k := lo; k < hi; k++ {
			lines[k] = setValues(lines[k], f)
		}
		n++
	}
	return []byte(strings.Join(lines, "")), n
}

var inlinePathRE = lazyre.New(`"path"\s*:\s*"([^"]+)"\s*,.*"(?:size|md5|sha1|sha256|sha512|xxh64)"`)

// setValues writes f's new size and digests over those on a line.
func setValues(line string, f *File) string {
	return valueRE().ReplaceAllStringFunc(line, func(s string) string {
		sm := valueRE().FindStringSubmatch(s)
		var v string
		if sm[2] == "size" {
			v = strconv.Itoa(len(f.Fixed))
		} else {
			v = digest(sm[2], f.Fixed)
			if strings.ToUpper(sm[4]) == sm[4] {
				v = strings.ToUpper(v)
			}
		}
		return sm[1] + sm[2] + sm[3] + v
	})
}

// entryLine reports whether a line belongs to an entry whose keys are at
// indent: deeper-indented, not a new list item at the entry's level.
func entryLine(line string, indent int) bool {
	t := strings.TrimLeft(line, " \t")
	if strings.TrimSpace(t) == "" {
		return false
	}
	d := len(line) - len(t)
	return d >= indent && !strings.HasPrefix(t, "- ") || d > indent
}

var (
	gnuSumRE = lazyre.New(`^([0-9A-Fa-f]+)( [ *])(.+?)(\r?\n?)$`)
	bsdSumRE = lazyre.New(`^([A-Z0-9-]+) \((.+)\) = ([0-9A-Fa-f]+)(\r?\n?)$`)
)

// updateSums rewrites the digests of changed files in a text sidecar
// (GNU "hex  path" or BSD "ALGO (path) = hex" lines).
func updateSums(data []byte, rels map[string]*File, algo string) ([]byte, int) {
	lines := strings.SplitAfter(string(data), "\n")
	n := 0
	for i, l := range lines {
		if m := gnuSumRE().FindStringSubmatch(l); m != nil {
			f := rels[strings.TrimPrefix(m[3], "./")]
			a := algo
			if a == "" {
				a = byLength(len(m[1]))
			}
			if f != nil && a != "" {
				lines[i] = digest(a, f.Fixed) + m[2] + m[3] + m[4]
				n++
			}
			continue
		}
		if m := bsdSumRE().FindStringSubmatch(l); m != nil {
			f := rels[strings.TrimPrefix(m[2], "./")]
			if f != nil && digest(m[1], nil) != "" {
				lines[i] = m[1] + " (" + m[2] + ") = " + digest(m[1], f.Fixed) + m[4]
				n++
			}
		}
	}
	return []byte(strings.Join(lines, "")), n
}

func byLength(n int) string {
	switch n {
	case 16:
		return "xxh64"
	case 32:
		return "md5"
	case 40:
		return "sha1"
	case 64:
		return "sha256"
	case 128:
		return "sha512"
	}
	return ""
}
