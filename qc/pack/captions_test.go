package pack

import (
	"bytes"
	"strings"
	"testing"
)

// Captions follow the CEA-608 grid, 4 rows of 32 columns, above the
// platform's and language's subtitle limits (Netflix 2 lines, English 42).
func TestCaptionsLayer(t *testing.T) {
	lib := loadShipped(t)
	sub, err := lib.Resolve(Request{Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	// SCC files: the reader's C001/C002 check the grid; L001/L002 would
	// repeat them.
	scc, err := lib.Resolve(Request{Language: "en", Variants: FormatVariants("scc")})
	if err != nil {
		t.Fatal(err)
	}
	if scc.Config("L001").Enabled || scc.Config("L002").Enabled {
		t.Error("SCC: want L001/L002 off (C001/C002 check the grid)")
	}
	capt, err := lib.Resolve(Request{Language: "en", Variants: []string{CaptionsVariant}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		code, param string
		sub, capt   string
	}{{"L002", "max_lines", "2", "4"}, {"L001", "max_chars", "42", "32"}} {
		s, k := sub.Config(c.code).Params[c.param], capt.Config(c.code).Params[c.param]
		if s.Value.Raw != c.sub || k.Value.Raw != c.capt || k.Layer != "captions" || !strings.Contains(k.Source, "608") {
			t.Errorf("%s.%s: subtitles %s, captions %s from %s (%s); want %s and %s from the captions layer",
				c.code, c.param, s.Value.Raw, k.Value.Raw, k.Layer, k.Source, c.sub, c.capt)
		}
	}
	// Japanese SDH's 16-character lines are for subtitles; a caption keeps the grid.
	ja, err := lib.Resolve(Request{Language: "ja", Variants: []string{"sdh", CaptionsVariant}})
	if err != nil {
		t.Fatal(err)
	}
	if got := ja.Config("L001").Params["max_chars"].Value.Raw; got != "32" {
		t.Errorf("ja sdh captions max_chars %s, want 32", got)
	}
	if FormatVariants("srt") != nil || FormatVariants("webvtt") != nil {
		t.Error("only SCC is always captions")
	}
	var b bytes.Buffer
	if err := sub.Explain(&b); err != nil || !strings.Contains(b.String(), "applied to caption formats (SCC) and with --variant captions") {
		t.Errorf("explain does not say when the captions layer applies:\n%.600s", b.String())
	}
	b.Reset()
	if err := capt.Explain(&b); err != nil || !strings.Contains(b.String(), "  captions  captions") {
		t.Errorf("explain does not list the captions layer:\n%.600s", b.String())
	}
}
