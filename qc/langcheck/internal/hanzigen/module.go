package hanzigen

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Module is the Go module whose OpenCC dictionaries the table comes from.
const Module = "github.com/longbridgeapp/opencc"

// RegionalTables are the OpenCC variant tables whose characters some
// Traditional standard writes (see Derive).
var RegionalTables = []string{"TWVariants.txt", "TWVariantsRev.txt", "HKVariants.txt", "HKVariantsRev.txt"}

// ModuleDir asks the go command where the module version go.mod requires
// lives in the module cache (downloading it if needed), and its version.
func ModuleDir() (dir, version string, err error) {
	out, err := exec.Command("go", "list", "-m", "-json", Module).Output()
	if err != nil {
		return "", "", fmt.Errorf("go list -m %s: %v", Module, err)
	}
	var m struct{ Dir, Version string }
	if err := json.Unmarshal(out, &m); err != nil {
		return "", "", err
	}
	if m.Dir == "" {
		// Listed but not downloaded yet.
		if err := exec.Command("go", "mod", "download", Module).Run(); err != nil {
			return "", "", fmt.Errorf("go mod download %s: %v", Module, err)
		}
		return ModuleDir()
	}
	return m.Dir, m.Version, nil
}

// Generate derives the table from the module's dictionaries and renders it.
func Generate() ([]byte, error) {
	dir, version, err := ModuleDir()
	if err != nil {
		return nil, err
	}
	st, err := readTable(filepath.Join(dir, "dictionary", "STCharacters.txt"))
	if err != nil {
		return nil, err
	}
	ts, err := readTable(filepath.Join(dir, "dictionary", "TSCharacters.txt"))
	if err != nil {
		return nil, err
	}
	var regional []Table
	for _, name := range RegionalTables {
		t, err := readTable(filepath.Join(dir, "dictionary", name))
		if err != nil {
			return nil, err
		}
		regional = append(regional, t)
	}
	s, t := Derive(st, ts, regional...)
	return Render(version, s, t), nil
}

func readTable(path string) (Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := ParseTable(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return t, nil
}
