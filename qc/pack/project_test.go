package pack

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

func TestProjectOverrides(t *testing.T) {
	lib := loadShipped(t)
	// As viper hands it over: keys lower-cased, numbers typed.
	o, err := lib.ParseProject("exportqc.yaml", map[string]any{
		"t005": map[string]any{
			"severity": "warning",
			"params": map[string]any{
				"max_cps":           15,
				"half_width_weight": map[any]any{"value": 0.5, "source": "client guide §2"},
			},
		},
		"cue-overlap": map[string]any{"enabled": "false", "source": "client accepts overlaps for karaoke"},
	})
	if err != nil {
		t.Fatal(err)
	}
	flags, _ := lib.ParseFlags(FlagValues{Set: []string{"T005.max_cps=14"}})
	e, err := lib.Resolve(Request{Language: "ja", Project: o})
	if err != nil {
		t.Fatal(err)
	}
	p := e.Rules["T005"].Params
	if got := p["max_cps"]; got.Value.Float != 15 || got.Layer != "project" || got.Pack != "exportqc.yaml" || got.Source != "project exportqc.yaml" {
		t.Errorf("max_cps %+v: the project must beat the ja pack", got)
	}
	if got := p["half_width_weight"]; got.Source != "client guide §2" {
		t.Errorf("half_width_weight source %q", got.Source)
	}
	if e.Rules["T005"].Severity != rule.Warning || e.Rules["T003"].Enabled {
		t.Error("project severity or enabled not applied")
	}
	if s := e.Origins["T003"].Enabled.Source; s != "client accepts overlaps for karaoke" {
		t.Errorf("T003 enabled source %q", s)
	}
	// Flags beat the project.
	e, err = lib.Resolve(Request{Language: "ja", Project: o, Flags: flags})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Rules["T005"].Params["max_cps"]; got.Value.Float != 14 || got.Layer != "flags" {
		t.Errorf("max_cps %+v: flags must beat the project", got)
	}
	if o, err := lib.ParseProject("config.yaml", nil); o != nil || err != nil {
		t.Errorf("no rules key: %v %v", o, err)
	}
}

func TestProjectErrors(t *testing.T) {
	lib := loadShipped(t)
	_, err := lib.ParseProject("config.yaml", map[string]any{
		"t999":          map[string]any{},
		"t005":          map[string]any{"colour": "red", "params": map[string]any{"max_cpl": 1, "max_cps": "fast"}},
		"t003":          map[string]any{"severity": "fatal", "enabled": "maybe"},
		"l002":          17,
		"t001":          map[string]any{"params": map[string]any{"min_duration": map[string]any{"value": "1s", "why": "x"}}},
		"t004":          map[string]any{"params": map[string]any{"min_gap": []any{"2f"}}},
		"t002":          map[string]any{"params": map[string]any{"max_duration": map[string]any{"source": "x"}}},
		"L001":          map[string]any{},
		"line-too-long": map[string]any{},
	})
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		`config.yaml: rules.t999: unknown rule`,
		`config.yaml: rules.t005.colour: unknown key`,
		`config.yaml: rules.t005.params.max_cpl: T005 reading-speed-too-high has no such parameter`,
		`config.yaml: rules.t005.params.max_cps: "fast" is not a valid float`,
		`config.yaml: rules.t003.severity: unknown severity "fatal"`,
		`config.yaml: rules.t003.enabled: want true or false, got "maybe"`,
		`config.yaml: rules.l002: want a mapping`,
		`config.yaml: rules.t001.params.min_duration: unknown key "why"`,
		`config.yaml: rules.t004.params.min_gap: want a single value, got a list`,
		`config.yaml: rules.t002.params.max_duration: missing value`,
		`L001 line-too-long is already configured`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
	if _, err := lib.ParseProject("config.yaml", []any{"T001"}); err == nil {
		t.Error("a list of rules was accepted")
	}
}
