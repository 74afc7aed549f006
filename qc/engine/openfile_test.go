package engine

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cputime"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/openfiles"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// readFile (bare system calls where the system has them) reads what the
// plain way through os does, and refuses what it refuses with the same
// words: every corpus file, files of many sizes, and paths that are no
// regular file (missing, a folder, a FIFO, a device, a dangling link, a
// file used as a folder).
func TestReadFileIsThePlainRead(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, size := range []int{0, 1, 4095, 4096, 4097, 65536, 200_001} {
		p := filepath.Join(dir, fmt.Sprintf("f%d.srt", size))
		if err := os.WriteFile(p, bytes.Repeat([]byte{'x'}, size), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	fifo := filepath.Join(dir, "fifo.srt")
	if syscall.Mkfifo(fifo, 0o644) == nil {
		paths = append(paths, fifo)
	}
	link := filepath.Join(dir, "dangling.srt")
	if os.Symlink(filepath.Join(dir, "nowhere"), link) == nil {
		paths = append(paths, link)
	}
	paths = append(paths, filepath.Join(dir, "missing.srt"), dir, "/dev/null", filepath.Join(paths[0], "under-a-file.srt"))
	if corpus := filepath.Join(testcorpus.RepoRoot(t), "..", "shared", "corpus"); isDir(corpus) {
		filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				paths = append(paths, p)
			}
			return nil
		})
	}
	for _, limit := range []int64{DefaultMaxFileSize, 4096} {
		for _, p := range paths {
			got, err := readFile(p, limit)
			want, wantErr := plainReadFile(p, limit)
			if !bytes.Equal(got, want) || (got == nil) != (want == nil) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s (limit %d): %d bytes, %v; plain: %d bytes, %v", p, limit, len(got), err, len(want), wantErr)
			}
		}
	}
	if ls, err := os.Lstat("/dev/null"); err == nil && ls.Mode()&fs.ModeCharDevice == 0 {
		t.Fatal("/dev/null is no longer a character device")
	}
}

// plainReadFile is how the engine read a file through os before it made
// its own system calls: the reference readFile is held to.
func plainReadFile(path string, limit int64) ([]byte, error) {
	return plainReadFileInto(nil, path, limit)
}

func plainReadFileInto(buf []byte, path string, limit int64) ([]byte, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, notRegular(st.Mode())
	}
	fh, err := openfiles.Open(path)
	if err != nil {
		return nil, errors.New(strings.TrimPrefix(err.Error(), "open "+path+": "))
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(st.Mode())
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("file too large: %d bytes (%s), over the limit of %s for a subtitle file (max_file_size_mb, --max-file-size-mb); not read",
			st.Size(), byteSize(st.Size()), byteSize(limit))
	}
	size := st.Size()
	data := slices.Grow(buf[:0], int(size)+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		room := data[len(data):cap(data)]
		if left := limit + 1 - int64(len(data)); int64(len(room)) > left {
			room = room[:left]
		}
		n, err := fh.Read(room)
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("file too large: it grew past the limit of %s while being read (max_file_size_mb)", byteSize(limit))
		}
		if err == io.EOF || (err == nil && n < len(room) && int64(len(data)) == size) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Reading one 49 KB episode into a reused buffer, as a worker does: the
// bare system calls against the os-based read they replace.
//
// Run: go test ./qc/engine -run '^$' -bench ReadFileInto -cpu 1
func BenchmarkReadFileInto(b *testing.B) {
	path := filepath.Join(b.TempDir(), "Show_S01E01.en.srt")
	if err := os.WriteFile(path, gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: "en"}), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, read := range []struct {
		name string
		into func([]byte, string, int64) ([]byte, error)
	}{{"bare", readFileInto}, {"os", plainReadFileInto}} {
		b.Run(read.name, func(b *testing.B) {
			var buf []byte
			b.ReportAllocs()
			cpu := cputime.Process()
			for b.Loop() {
				data, err := read.into(buf, path, DefaultMaxFileSize)
				if err != nil {
					b.Fatal(err)
				}
				buf = data
			}
			if cpu := cputime.Process() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
}
