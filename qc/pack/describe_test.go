package pack

import (
	"bytes"
	"strings"
	"testing"
)

// TestDescribeShowsEveryPackValue: `rules explain T005` for a Japanese file
// shows the effective 4 cps with its source, and what every other pack says.
func TestDescribeShowsEveryPackValue(t *testing.T) {
	lib := loadShipped(t)
	flags, err := lib.ParseFlags(FlagValues{Set: []string{"T005.half_width_weight=0.6"}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := lib.Describe("reading-speed-too-high", Request{Language: "ja-JP", Flags: flags})
	if err != nil {
		t.Fatal(err)
	}
	if d.Rule.Code != "T005" || len(d.Params) != 2 || d.Params[0].Spec.Name != "max_cps" {
		t.Fatalf("description %+v", d)
	}
	maxCPS := d.Params[0]
	if maxCPS.Effective.Value.Raw != "4" || maxCPS.Effective.Pack != "ja" {
		t.Errorf("effective max_cps %+v, want 4 from ja", maxCPS.Effective)
	}
	got := map[string]string{}
	var order []string
	for _, s := range maxCPS.SetBy {
		got[s.Pack] = s.Value.Raw
		order = append(order, s.Layer+"/"+s.Pack)
	}
	for pack, want := range map[string]string{"defaults": "25", "netflix": "17", "netflix:children": "13", "amazon": "17", "en": "20", "en:children": "17", "ja": "4", "ja:sdh": "7", "ko": "12", "zh-Hant": "9", "ru": "17"} {
		if got[pack] != want {
			t.Errorf("%s max_cps = %q, want %q", pack, got[pack], want)
		}
	}
	if order[0] != "defaults/defaults" || !strings.HasPrefix(order[len(order)-1], "language/") {
		t.Errorf("set-by order is not lowest layer first: %v", order)
	}
	if hw := d.Params[1]; hw.Effective.Layer != "flags" || hw.SetBy[len(hw.SetBy)-1].Pack != "flags" {
		t.Errorf("half_width_weight from the flags layer is not listed: %+v", hw)
	}
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"T005 reading-speed-too-high", "max_cps (float)", "effective", "ja *", "article 215767517"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Deterministic: the same request prints the same text.
	d2, _ := lib.Describe("T005", Request{Language: "ja-JP", Flags: flags})
	var b2 bytes.Buffer
	_ = d2.Write(&b2)
	if b2.String() != out {
		t.Error("Describe output is not deterministic")
	}
	if _, err := lib.Describe("T999", Request{}); err == nil {
		t.Error("unknown rule described")
	}
}
