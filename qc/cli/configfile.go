package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// configName is the project config file exportqc looks for.
const configName = "exportqc.yaml"

// sharedConfigName is the generic name a project may also use (this
// repository's own project config is config.yaml); it is read when it holds
// exportqc's keys and ignored otherwise, since many tools have one.
const sharedConfigName = "config.yaml"

// findConfig chooses the project config file: --config, else
// $EXPORTQC_CONFIG (either must exist), else the nearest exportqc.yaml
// walking up from the working folder to the filesystem root, like git and
// golangci-lint find theirs; in each folder an exportqc-shaped config.yaml
// is taken when there is no exportqc.yaml. It returns "" when there is
// none, and a note for the user when it settles on a config.yaml above the
// working folder: a generic name found by walking up is the one a person
// would not expect to apply, so the run says which file it read.
func findConfig(flag string) (path, note string, err error) {
	if flag != "" {
		return flag, "", nil
	}
	if env := os.Getenv("EXPORTQC_CONFIG"); env != "" {
		if _, err := os.Stat(env); err != nil {
			return "", "", fmt.Errorf("EXPORTQC_CONFIG: %w", err)
		}
		return env, "", nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", "", nil // no working folder: no project config
	}
	start := dir
	for {
		p := filepath.Join(dir, configName)
		if isFile(p) {
			return p, "", nil
		}
		p = filepath.Join(dir, sharedConfigName)
		if isFile(p) && holdsExportqcKeys(p) {
			if dir == start {
				return p, "", nil
			}
			return p, fmt.Sprintf("reading %s as exportqc's config (found above the working folder; "+
				"name it %s to make it unmistakable, or pass --config)", p, configName), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", "", nil
		}
		dir = parent
	}
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// holdsExportqcKeys reports whether a config.yaml is exportqc's: a YAML
// mapping with at least one of exportqc's top-level keys. An unreadable or
// non-YAML file, or one with none of the keys, belongs to another tool.
// (When it has exportqc keys and a misspelt one, it is read, and the
// misspelling is reported as in any config.)
func holdsExportqcKeys(p string) bool {
	data, err := os.ReadFile(p)
	if err != nil {
		return false
	}
	var doc map[string]any
	if yaml.Unmarshal(data, &doc) != nil {
		return false
	}
	for k := range doc {
		if configKeys[k] {
			return true
		}
	}
	return false
}

// configKeyList is the known keys, for messages.
func configKeyList() string {
	keys := make([]string, 0, len(configKeys))
	for k := range configKeys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}
