package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/lang"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// packRequest builds the layer request shared by check, config print and
// rules explain: profile and variants from flags/env/config, the project
// layer from config.yaml's `rules:`, the flags layer from the rule flags.
func (a *app) packRequest(cmd *cobra.Command, registry []*rule.Rule) (*pack.Library, pack.Request, error) {
	lib, err := pack.Load(registry)
	if err != nil {
		return nil, pack.Request{}, err // a broken embedded pack: exit 2 with file:line
	}
	if lib, err = a.withProjectTerritories(lib); err != nil {
		return nil, pack.Request{}, err
	}
	req := pack.Request{Profile: a.v.GetString("profile"), Variants: a.v.GetStringSlice("variants")}
	if req.Territories, err = a.runTerritories(lib); err != nil {
		return nil, req, err
	}
	if !contains(lib.Profiles(), req.Profile) {
		return nil, req, usagef("unknown profile %q (known: %s)", req.Profile, strings.Join(lib.Profiles(), ", "))
	}
	for _, v := range req.Variants {
		if !contains(lib.Variants(), v) {
			return nil, req, usagef("unknown variant %q (known: %s)", v, strings.Join(lib.Variants(), ", "))
		}
	}
	if a.v.IsSet("rules") {
		name := a.configSource()
		if req.Project, err = lib.ParseProject(name, a.v.Get("rules")); err != nil {
			return nil, req, usageError{err}
		}
	}
	fv := pack.FlagValues{}
	fs := cmd.Flags()
	fv.Set, _ = fs.GetStringArray("set")
	fv.Severity, _ = fs.GetStringArray("severity")
	fv.Enable, _ = fs.GetStringSlice("enable")
	fv.Disable, _ = fs.GetStringSlice("disable")
	fv.EnableOnly, _ = fs.GetStringSlice("enable-only")
	if req.Flags, err = lib.ParseFlags(fv); err != nil {
		return nil, req, usageError{err}
	}
	return lib, req, nil
}

// languageRequest is the request of the commands that explain
// configuration (config print, rules list/explain): the project config
// loaded, every layer named by flags, and the language of --lang.
func (a *app) languageRequest(cmd *cobra.Command) (*pack.Library, pack.Request, error) {
	if err := a.loadConfig(cmd); err != nil {
		return nil, pack.Request{}, err
	}
	lib, req, err := a.packRequest(cmd, checks.All())
	if err != nil {
		return nil, req, err
	}
	if l := a.v.GetString("lang"); l != "" {
		if req.Language, _, err = lang.Canonical(l); err != nil {
			return nil, req, usagef("--lang %q is not a BCP-47 language tag", l)
		}
	}
	return lib, req, nil
}

// effective is the rule configuration in force for the command's flags
// and --lang, as "config print" and "rules list" show it.
func (a *app) effective(cmd *cobra.Command) (*pack.Effective, error) {
	lib, req, err := a.languageRequest(cmd)
	if err != nil {
		return nil, err
	}
	eff, err := lib.Resolve(req)
	if err != nil {
		return nil, usageError{err}
	}
	return eff, nil
}

// resolver gives the engine the packs for this run: one cached Effective
// per language, territories and format for the whole run.
func (a *app) resolver(cmd *cobra.Command, registry []*rule.Rule) (*pack.RunResolver, error) {
	lib, req, err := a.packRequest(cmd, registry)
	if err != nil {
		return nil, err
	}
	return lib.NewRunResolver(req), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
