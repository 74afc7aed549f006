// Package gen is test tooling: it writes deterministic synthetic subtitle
// files, delivery folders and audit trees with seeded defects, and the
// oracle of what QC must find in them (Expected, written as EXPECTED.json),
// so that scale tests and benchmarks assert exact figures instead of
// "some findings". The same seed always gives the same bytes.
//
//   - Episode and EpisodeBytes write one episode (SRT, WebVTT or TTML),
//     with the cue defects CueDefects asks for; or a clean one in EBU STL,
//     SSA/ASS or SCC, with the cues of the SRT episode (formats.go says
//     what each of those can carry);
//   - Files writes a flat folder of episodes (the many-files benchmarks);
//   - AuditTree writes members' season deliveries with manifests, seeded
//     delivery defects (missing languages and files, wrong checksums and
//     sizes, skipped episodes) and EXPECTED.json.
//
// Each seeded defect is built to raise exactly one finding of one rule
// under the default profile and nothing else (Expected.Rules maps each kind
// to its rule); the cross-check tests in ./crosscheck run the real command
// over generated trees and hold it to that.
//
// It is used by cmd/qcgen and by benchmarks and tests only; it sits under
// internal/ (at the module root, so that cmd/qcgen may import it) because
// it is no part of what exportqc checks.
package gen
