package deliverycheck_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/deliverycheck"
	"github.com/exportqc/exportqc/qc/format"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

var lib *pack.Library

func shipped(t *testing.T) *pack.Library {
	t.Helper()
	if lib == nil {
		l, err := pack.Load(checks.All())
		if err != nil {
			t.Fatal(err)
		}
		lib = l
	}
	return lib
}

// input builds the Input the engine would for d, with the shipped packs'
// configuration for the territories and variants.
func input(t *testing.T, d *delivery.Delivery, territories []string, variants ...string) *rule.Delivery {
	t.Helper()
	e, err := shipped(t).Resolve(pack.Request{Territories: territories, Variants: variants})
	if err != nil {
		t.Fatal(err)
	}
	facts := map[string]rule.DeliveryFile{}
	for _, f := range d.Files {
		if fm := format.ByExt(f.Path); fm != nil && delivery.IsText(f.Kind) {
			facts[f.Path] = rule.DeliveryFile{Format: fm.Name}
		}
	}
	return &rule.Delivery{Root: "dlv", Model: d, Territories: e.TerritoryRules(), Classes: e.DefaultClasses(),
		Configs: e.Rules, Hasher: hashing.New(2), Jobs: 2, Files: facts, Load: loadDoc}
}

// only keeps the findings of one rule, as "file:line message".
func only(fs []rule.Finding, code string) []string {
	var out []string
	for _, f := range fs {
		if f.Rule == code {
			out = append(out, f.File+":"+strconv.Itoa(f.Line)+" "+f.Message)
		}
	}
	slices.Sort(out)
	return out
}

// check runs the enabled delivery rules on in, as the engine does.
func check(t *testing.T, in *rule.Delivery) []rule.Finding {
	t.Helper()
	in.Ctx = context.Background()
	var out []rule.Finding
	for _, r := range deliverycheck.Rules {
		c := in.Configs[r.Code]
		if r.RunDelivery == nil || c == nil || !c.Enabled {
			continue
		}
		rule.NewDeliveryPass(r, in, c, func(f rule.Finding) { out = append(out, f) }).Run()
	}
	return out
}

// episodic builds a native-kind delivery: episodes numbered as given, each
// with files "lang kind" (e.g. "fr subtitles", "zh-TW sdh").
func episodic(eps map[int][]string) *delivery.Delivery {
	d := &delivery.Delivery{Root: "/nonexistent", Kind: delivery.KindNative, Manifests: []string{"manifest.yaml"}}
	nums := make([]int, 0, len(eps))
	for n := range eps {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	for _, n := range nums {
		ep := delivery.Episode{Number: n, Manifest: "manifest.yaml", Line: 10 * n}
		for i, spec := range eps[n] {
			lang, kind, _ := strings.Cut(spec, " ")
			p := "E" + strconv.Itoa(n) + "/" + strconv.Itoa(i) + "." + lang + ".srt"
			ep.Files = append(ep.Files, d.AddFile(delivery.File{Path: p, Kind: kind, Language: lang, Episode: n,
				Size: -1, Manifest: "manifest.yaml", Line: 10*n + i + 1}))
		}
		d.Episodes = append(d.Episodes, ep)
	}
	d.Finish()
	return d
}

func loadDoc(p string) (*cue.Document, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	f := format.ByExt(p)
	return f.Read(p, data, string(data)), nil
}

func write(t *testing.T, dir, rel, content string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// srt writes cues "start-end text" (seconds) as SRT.
func srt(cues ...string) string {
	var b strings.Builder
	for i, c := range cues {
		times, text, _ := strings.Cut(c, " ")
		s, e, _ := strings.Cut(times, "-")
		b.WriteString(strconv.Itoa(i+1) + "\n" + stamp(s) + " --> " + stamp(e) + "\n" + text + "\n\n")
	}
	return b.String()
}

func stamp(sec string) string {
	f, _ := strconv.ParseFloat(sec, 64)
	return string(cue.FromSeconds(f).AppendTimecode(nil)[:8]) + "," + strconv.Itoa(1000 + int(f*1000)%1000)[1:]
}
