// Package pack loads rule packs (the YAML files embedded from the top-level
// rules/ folder) and resolves, for one subtitle file, the effective
// configuration of every registered rule with the provenance of each value.
//
// Rule kinds live in Go (package rule, registered by package checks); their
// thresholds, severities and on/off state are policy and live here, in packs.
//
// # Layers
//
// Layers apply from lowest to highest; a later layer overrides what an
// earlier one set, value by value (scalars override, nothing is merged):
//
//	built-in defaults < platform profile < language < territory < captions < project config.yaml < command-line flags/env
//
// Each layer in turn:
//
//   - defaults: rules/defaults.yaml. It must give every parameter of every
//     registered rule a value (checked at load), so any file can be checked
//     even with no profile. Rules it does not mention start enabled at the
//     rule's DefaultSeverity.
//   - platform: rules/platforms/<id>.yaml, chosen by Request.Profile
//     ("" means DefaultProfile, NoProfile means none).
//   - language: rules/languages/<id>.yaml, chosen for the file's BCP-47 tag
//     (see below); no tag or no matching pack means no language layer.
//   - territory: rules/territories/<id>.yaml, one layer per requested
//     territory, in request order.
//   - project: the `rules:` key of the project config.yaml (ParseProject).
//   - flags: --set, --severity, --enable, --disable, --enable-only (ParseFlags).
//
// Inside one pack, its base rules apply first, then its variants that the
// request selects (Request.Variants, e.g. "children", "sdh"): single-name
// variants in request order, then combinations ("children+sdh") that need
// every one of their names. A variant therefore refines its own pack only. So
// that a higher pack cannot silently discard a lower pack's variant, Load
// rejects a pack that sets a parameter in its base rules while a lower-layer
// pack sets the same parameter in a variant the higher pack does not define.
//
// # Language selection
//
// A language pack lists the tags it serves in applies_to. For a file tagged T
// (canonicalised by golang.org/x/text/language) the candidates, in order, are
// T, T's CLDR parents (es-MX → es-419; zh-TW → zh-Hant), the likely-script
// form (zh-CN → zh-Hans-CN → zh-Hans) and finally the bare language (es). The
// first candidate some pack lists wins: pt-BR stays pt-BR, pt-PT does not
// fall back to pt-BR, and a well-formed unknown tag ("xx") selects no pack.
//
// # Caching
//
// Library.Resolve does the work every call (tens of microseconds). A pipeline
// checking many files should use a Resolver, which caches the Effective per
// (profile, language pack, territories, variants, overrides) and is safe for
// concurrent use; the cached Effective is shared and must not be modified.
package pack
