package hanzigen

import (
	"strings"
	"testing"
)

func table(t *testing.T, src string) Table {
	t.Helper()
	tb, err := ParseTable(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// The classification rules on a miniature of OpenCC's tables.
func TestDerive(t *testing.T) {
	st := table(t, "发\t發 髮\n们\t們\n后\t後 后\n台\t臺 檯 颱 台\n背\t背 揹\n群\t羣\n污\t污 汙\n")
	ts := table(t, "發\t发\n髮\t发\n們\t们\n後\t后\n臺\t台\n眞\t真\n羣\t群\n汙\t污\n")
	tw := table(t, "羣\t群\n污\t汙\n") // Taiwan writes 群 and 汙
	s, tr := Derive(st, ts, tw)
	if got := string(s); got != "们发" {
		t.Errorf("Simplified-only = %q, want 们发 (后 and 台 stay in Traditional text; 群 and 污 are written in Taiwan)", got)
	}
	// 眞 counts: ts folds it into 真, which s2t leaves alone. 真 itself and
	// 揹 (only an st candidate, not converted back by ts) are shared.
	// Regional tables never add to or take from this set: 羣 and 汙 stay.
	if got := string(tr); got != "們後汙發眞羣臺髮" {
		t.Errorf("Traditional-only = %q, want 們後汙發眞羣臺髮", got)
	}
}

func TestParseTableErrors(t *testing.T) {
	for _, bad := range []string{"no tab here\n", "两字\t兩字\n", "发\t發髮\n"} {
		if _, err := ParseTable(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseTable(%q) accepted", bad)
		}
	}
	tb := table(t, "# comment\n\n发\t發 髮\n")
	if len(tb) != 1 || string(tb['发']) != "發髮" {
		t.Errorf("table = %v", tb)
	}
}

func TestRender(t *testing.T) {
	src := string(Render("v9.9.9", []rune("们发"), []rune("們發")))
	for _, want := range []string{"DO NOT EDIT", "package langcheck", `openccVersion = "v9.9.9"`, `"们发"`, `"們發"`, "Apache License 2.0"} {
		if !strings.Contains(src, want) {
			t.Errorf("rendered source lacks %q:\n%s", want, src)
		}
	}
}
