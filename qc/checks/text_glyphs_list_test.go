package checks_test

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/pack"
)

// TestGlyphSetsAgainstList measures the glyph sets of X001 against a glyph
// list that is not part of the repository (the Netflix Glyph List, which
// exportqc may not ship): EXPORTQC_GLYPH_LIST names a file with one code
// point a line, in hex with or without 0x, optionally followed by a comma
// and more columns (a CSV export). It logs, per set, how many of its
// assigned characters the list holds and which it lacks, and how many of
// the list's characters no set holds (run with -v; rules/TEXT-RULES.md has
// the figures). It fails when a language pack allows, as an extra
// character, one the list lacks: extras are chosen one by one, and each
// must be a character the platform can show.
func TestGlyphSetsAgainstList(t *testing.T) {
	path := os.Getenv("EXPORTQC_GLYPH_LIST")
	if path == "" {
		t.Skip("EXPORTQC_GLYPH_LIST not set: no glyph list to measure against")
	}
	list, err := readGlyphList(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) == 0 {
		t.Fatalf("%s: no code point read", path)
	}
	sets, err := checks.GlyphSetRanges()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("list %s: %d code points", path, len(list))
	inSome := map[rune]bool{}
	names := make([]string, 0, len(sets))
	for name := range sets {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var assigned, held int
		var lacking []rune
		for _, r := range sets[name] {
			for c := r[0]; c <= r[1]; c++ {
				inSome[c] = true
				if !assignedRune(c) {
					continue
				}
				assigned++
				if list[c] {
					held++
				} else {
					lacking = append(lacking, c)
				}
			}
		}
		t.Logf("set %-12s %6d assigned, %6d in the list, %6d not: %s", name, assigned, held, len(lacking), runeRanges(lacking, 40))
	}
	var outside []rune
	for c := range list {
		if !inSome[c] {
			outside = append(outside, c)
		}
	}
	sort.Slice(outside, func(i, j int) bool { return outside[i] < outside[j] })
	t.Logf("in the list, in no set: %d: %s", len(outside), runeRanges(outside, 80))

	lib, err := shippedPacks()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range lib.Languages() {
		eff, err := lib.Resolve(pack.Request{Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		cfg := eff.Config("X001")
		if cfg == nil {
			continue
		}
		extra, err := checks.ParseRuneList(cfg.Params["extra"].Value.String)
		if err != nil {
			t.Fatalf("%s: X001.extra: %v", lang, err)
		}
		for c := range extra {
			if !list[c] {
				t.Errorf("%s: X001.extra allows %U, which the glyph list lacks", lang, c)
			}
		}
	}
}

// readGlyphList reads the first column of each line as a hex code point;
// lines whose first column is not one (a header, a blank) are skipped.
func readGlyphList(path string) (map[rune]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	list := map[rune]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		tok, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(sc.Text()), "\uFEFF"), ",")
		tok = strings.TrimPrefix(strings.TrimPrefix(tok, "0x"), "0X")
		if v, err := strconv.ParseUint(tok, 16, 32); err == nil {
			list[rune(v)] = true
		}
	}
	return list, sc.Err()
}

// assignedRune reports a code point Go's Unicode tables give a category.
func assignedRune(c rune) bool {
	return unicode.In(c, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Cf)
}

// runeRanges writes sorted code points as ranges, at most max of them.
func runeRanges(rs []rune, max int) string {
	var out []string
	for i := 0; i < len(rs); {
		j := i
		for j+1 < len(rs) && rs[j+1] == rs[j]+1 {
			j++
		}
		if i == j {
			out = append(out, fmt.Sprintf("%04X", rs[i]))
		} else {
			out = append(out, fmt.Sprintf("%04X-%04X", rs[i], rs[j]))
		}
		i = j + 1
	}
	if len(out) > max {
		out = append(out[:max], fmt.Sprintf("… (%d ranges more)", len(out)-max))
	}
	return strings.Join(out, " ")
}
