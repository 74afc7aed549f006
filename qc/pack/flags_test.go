package pack

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

func resolveFlags(t *testing.T, lib *Library, f FlagValues) *Effective {
	t.Helper()
	o, err := lib.ParseFlags(f)
	if err != nil {
		t.Fatal(err)
	}
	e, err := lib.Resolve(Request{Language: "fr", Flags: o})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func enabled(e *Effective) []string {
	var on []string
	for _, r := range e.reg.rules {
		if e.Rules[r.Code].Enabled {
			on = append(on, r.Code)
		}
	}
	return on
}

func TestEnableOnly(t *testing.T) {
	lib := loadShipped(t)
	e := resolveFlags(t, lib, FlagValues{EnableOnly: []string{"T001,cue-overlap"}})
	if got := strings.Join(enabled(e), ","); got != "T001,T003" {
		t.Fatalf("enabled = %s, want T001,T003", got)
	}
	// Visible in Explain: the disabled rules say why.
	org := e.Origins["T006"].Enabled
	if org.Layer != "flags" || org.Source != "--enable-only T001,cue-overlap" || org.Value.Bool {
		t.Errorf("T006 enabled origin = %+v", org)
	}
	// A rule disabled by a pack is enabled when listed.
	e = resolveFlags(t, lib, FlagValues{EnableOnly: []string{"T006"}})
	if got := strings.Join(enabled(e), ","); got != "T006" {
		t.Errorf("enabled = %s, want T006", got)
	}
	// Globs, and an explicit --disable on top.
	e = resolveFlags(t, lib, FlagValues{EnableOnly: []string{"L*"}, Disable: []string{"L004"}})
	if got := strings.Join(enabled(e), ","); got != "L001,L002,L003,L005" {
		t.Errorf("enabled = %s", got)
	}
}

func TestDisableAndEnable(t *testing.T) {
	lib := loadShipped(t)
	e := resolveFlags(t, lib, FlagValues{Disable: []string{"T*"}, Enable: []string{"T003"}})
	var timing []string
	for _, c := range enabled(e) {
		if strings.HasPrefix(c, "T") {
			timing = append(timing, c)
		}
	}
	if strings.Join(timing, ",") != "T003" {
		t.Errorf("disable T* + enable T003 left %v", timing)
	}
	if !e.Rules["L001"].Enabled {
		t.Error("T* disabled L001")
	}
	// The exact rule wins whichever way round.
	e = resolveFlags(t, lib, FlagValues{Enable: []string{"T*"}, Disable: []string{"gap-should-close"}})
	if e.Rules["T006"].Enabled || !e.Rules["T008"].Enabled {
		t.Error("enable T* + disable gap-should-close: want T006 off, T008 on")
	}
	if _, err := lib.ParseFlags(FlagValues{Enable: []string{"T006"}, Disable: []string{"T006"}}); err == nil ||
		!strings.Contains(err.Error(), "conflicts with --enable T006") {
		t.Errorf("enable and disable of one rule: %v", err)
	}
}

func TestSeverityAndSet(t *testing.T) {
	lib := loadShipped(t)
	e := resolveFlags(t, lib, FlagValues{
		Severity: []string{"T*=info", "cue-overlap=error,L001=warn"},
		Set:      []string{"T005.max_cps=15", "reading-speed-too-high.half_width_weight=0.5", "T001.min_duration=20f"},
	})
	if e.Rules["T001"].Severity != rule.Info || e.Rules["T003"].Severity != rule.Error || e.Rules["L001"].Severity != rule.Warning {
		t.Errorf("severities T001 %v T003 %v L001 %v", e.Rules["T001"].Severity, e.Rules["T003"].Severity, e.Rules["L001"].Severity)
	}
	if s := e.Origins["T003"].Severity; s.Source != "--severity cue-overlap=error" || s.Layer != "flags" {
		t.Errorf("T003 severity origin %+v", s)
	}
	p := e.Rules["T005"].Params
	if p["max_cps"].Value.Float != 15 || p["max_cps"].Source != "--set T005.max_cps=15" || p["half_width_weight"].Value.Float != 0.5 {
		t.Errorf("T005 params %+v", p)
	}
	if d := e.Rules["T001"].Params["min_duration"].Value.Duration; !d.InFrames || d.Frames != 20 {
		t.Errorf("T001 min_duration %+v", d)
	}
}

func TestFlagErrors(t *testing.T) {
	lib := loadShipped(t)
	tests := []struct {
		f    FlagValues
		want string
	}{
		{FlagValues{Set: []string{"T005.max_cps=fast"}}, `--set T005.max_cps=fast: T005.max_cps: "fast" is not a valid float`},
		{FlagValues{Set: []string{"T005.max_cpl=15"}}, `has no parameter "max_cpl"`},
		{FlagValues{Set: []string{"T999.x=1"}}, `unknown rule "T999"`},
		{FlagValues{Set: []string{"T005=15"}}, "want RULE.PARAM=VALUE"},
		{FlagValues{Set: []string{"T001.min_duration=1"}}, "needs a unit"},
		{FlagValues{Severity: []string{"T005"}}, "want RULE=LEVEL"},
		{FlagValues{Severity: []string{"T005=fatal"}}, `unknown severity "fatal"`},
		{FlagValues{Disable: []string{"Z*"}}, `"Z*" matches no rule`},
		{FlagValues{Disable: []string{"overlap"}}, `unknown rule "overlap"`},
		{FlagValues{EnableOnly: []string{" , "}}, "name at least one rule"},
	}
	for _, tt := range tests {
		_, err := lib.ParseFlags(tt.f)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: error %v, want %q", tt.f, err, tt.want)
		}
	}
	if o, err := lib.ParseFlags(FlagValues{}); o != nil || err != nil {
		t.Errorf("no flags: %v, %v", o, err)
	}
}
