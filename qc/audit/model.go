package audit

import (
	"strconv"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// SchemaVersion is bumped on any incompatible change to the audit JSON.
const SchemaVersion = 1

// Audit is the result of one audit (or one shard of it). Its JSON form is
// the machine contract, and the only input of merge, so it holds every
// per-delivery fact the aggregates are computed from: merging shards is
// re-aggregating their deliveries, and gives the unsharded bytes.
//
// No field depends on where or when the audit ran: paths are relative to
// the audit root and there is no timestamp of this run (past runs from the
// history database carry theirs), so the same tree gives the same bytes on
// every machine.
type Audit struct {
	SchemaVersion int         `json:"schema_version"`
	Tool          report.Tool `json:"tool"`
	FailOn        string      `json:"fail_on"`
	// Plan is Plan.Digest: which members and deliveries the audit covers.
	Plan string `json:"plan"`
	// Shard is set on a shard's report, never on a whole or merged audit.
	Shard  *Shard `json:"shard,omitempty"`
	Passed bool   `json:"passed"`

	Members []MemberSummary `json:"members"`
	Totals  Totals          `json:"totals"`
	// Previous is the audit before this one in the history database.
	Previous *Previous `json:"previous,omitempty"`
	// Trend is every recorded audit, oldest first, this one last.
	Trend []TrendPoint `json:"trend,omitempty"`

	Deliveries []Delivery `json:"deliveries"`
	// Notes are findings that belong to no delivery: about waiver files,
	// or about folders that are not deliveries.
	Notes []Finding `json:"notes"`
	// Rules describes the rules that ran (no long docs: the check report
	// has those); the dashboard names rules and families from it.
	Rules []report.RuleInfo `json:"rules"`
}

// Delivery is one delivery folder's result: what it holds, and its
// findings in report order.
type Delivery struct {
	Member string `json:"member"`
	Path   string `json:"path"` // relative to the audit root, slash-separated
	// Kind is the manifest kind (native, imf, mmc, itunes, sums, inferred).
	Kind        string   `json:"kind"`
	Title       string   `json:"title"`
	Season      int      `json:"season,omitempty"`
	Territories []string `json:"territories"`
	// Episodes lists what each episode delivers; a film (no episode
	// numbers) is one entry numbered 0.
	Episodes []Episode `json:"episodes"`
	Files    int       `json:"files"` // subtitle files checked
	Cues     int       `json:"cues"`
	// Counts are of findings not waived; Waived counts the waived ones.
	rule.Counts
	Waived int  `json:"waived"`
	Passed bool `json:"passed"`
	// Coverage compares, per territory, what the territory requires with
	// what each episode delivers.
	Coverage []Coverage `json:"coverage"`
	// Findings are in memory unless the audit spilled them to disk (see
	// Spill); FindingList reads them either way.
	Findings []Finding `json:"findings"`
	spill    *spilled
}

// Episode is what one episode of a delivery holds.
type Episode struct {
	Number int `json:"number"`
	// Tracks are the timed-text tracks delivered, "fr" for full
	// subtitles and "fr:sdh", "fr:forced", "fr:captions" for the other
	// kinds; sorted, distinct.
	Tracks []string `json:"tracks"`
}

// Coverage is one territory's requirement against one delivery (or, summed,
// a member, or the body).
type Coverage struct {
	Territory string `json:"territory"`
	// Required are the tracks the territory requires ("fr", "en:sdh").
	Required []string `json:"required"`
	// Delivered are the required tracks delivered for at least one episode.
	Delivered []string `json:"delivered"`
	// Slots is episodes × required tracks; Covered how many were delivered.
	Slots   int      `json:"slots"`
	Covered int      `json:"covered"`
	Percent *Percent `json:"percent"`
}

// Finding is a finding as the audit keeps it: enough to show it, count it
// and recognise it next time, and no more (no cue text, no thresholds).
type Finding struct {
	Rule     string        `json:"rule"`
	Severity rule.Severity `json:"severity"`
	File     string        `json:"file"` // relative to the audit root
	Line     int           `json:"line,omitempty"`
	Cue      int           `json:"cue,omitempty"`
	Start    string        `json:"start,omitempty"` // HH:MM:SS.mmm
	Message  string        `json:"message"`
	// Fingerprint is rule.Fingerprint of the finding with its root-relative
	// path: the history database matches findings across audits by it.
	Fingerprint string       `json:"fingerprint"`
	Waived      *rule.Waiver `json:"waived,omitempty"`
	// More is how many further problems the finding stands for unlisted
	// (rule.Finding.More): counts include them.
	More int `json:"more,omitempty"`
}

// MemberSummary is one member's scorecard.
type MemberSummary struct {
	Name        string `json:"name"`
	DisplayName string `json:"display_name"`
	Deliveries  int    `json:"deliveries"`
	Programmes  int    `json:"programmes"`
	Episodes    int    `json:"episodes"`
	Files       int    `json:"files"`
	Cues        int    `json:"cues"`
	rule.Counts
	Waived           int      `json:"waived"`
	PassedDeliveries int      `json:"passed_deliveries"`
	FailedDeliveries int      `json:"failed_deliveries"`
	PassRate         *Percent `json:"pass_rate"`
	// Coverage is the share of required track slots delivered over all the
	// member's territories; null when no territory requires anything.
	Coverage    *Percent         `json:"coverage"`
	Territories []Coverage       `json:"territories"`
	Families    map[string]int   `json:"families"`
	TopRules    []RuleCount      `json:"top_rules"`
	Languages   []LanguageExport `json:"languages"`
	// Change is set when the history database has a previous audit.
	Change *Change `json:"change,omitempty"`
}

// RuleCount is how often a rule was found (not counting waived findings).
type RuleCount struct {
	Rule    string `json:"rule"`
	Name    string `json:"name"`
	Family  string `json:"family"`
	Count   int    `json:"count"`
	Members int    `json:"members,omitempty"` // body totals: members affected
}

// LanguageExport counts what was exported in one language (full
// subtitles, SDH or captions; a forced narrative alone does not count).
type LanguageExport struct {
	Language   string `json:"language"`
	Programmes int    `json:"programmes"`
	Episodes   int    `json:"episodes"`
}

// TerritoryExport counts what was exported to one territory and how much
// of what it requires was delivered.
type TerritoryExport struct {
	Territory  string `json:"territory"`
	Programmes int    `json:"programmes"`
	Episodes   int    `json:"episodes"`
	Coverage
}

// Totals is the body as a whole.
type Totals struct {
	Members    int `json:"members"`
	Deliveries int `json:"deliveries"`
	Programmes int `json:"programmes"`
	Episodes   int `json:"episodes"`
	Files      int `json:"files"`
	Cues       int `json:"cues"`
	rule.Counts
	Waived           int               `json:"waived"`
	PassedDeliveries int               `json:"passed_deliveries"`
	FailedDeliveries int               `json:"failed_deliveries"`
	PassRate         *Percent          `json:"pass_rate"`
	Coverage         *Percent          `json:"coverage"`
	Territories      []TerritoryExport `json:"territories"`
	Languages        []LanguageExport  `json:"languages"`
	Families         map[string]int    `json:"families"`
	// TopRules are the most common defects across members (at most 10).
	TopRules []RuleCount `json:"top_rules"`
	// Ranking is member names by pass rate, best first (ties by coverage,
	// then name); members without deliveries come last.
	Ranking []string `json:"ranking"`
	Change  *Change  `json:"change,omitempty"`
}

// Change compares findings with the previous audit, by fingerprint.
type Change struct {
	New       int `json:"new"`
	Fixed     int `json:"fixed"`
	Unchanged int `json:"unchanged"`
}

// Previous summarises the audit before this one.
type Previous struct {
	Run              int64    `json:"run"`
	Started          string   `json:"started"` // RFC 3339, UTC
	Deliveries       int      `json:"deliveries"`
	PassedDeliveries int      `json:"passed_deliveries"`
	PassRate         *Percent `json:"pass_rate"`
	// Coverage is null when nothing was required, or when the audit was
	// recorded before the database kept coverage.
	Coverage *Percent `json:"coverage"`
	Errors   int      `json:"errors"`
	Warnings int      `json:"warnings"`
}

// TrendPoint is one audit in the trend line. Past audits carry the
// coverage the database recorded (none for audits recorded before it kept
// coverage).
type TrendPoint struct {
	Run        int64    `json:"run"` // 0 for this audit (recorded after it is written)
	Started    string   `json:"started,omitempty"`
	Deliveries int      `json:"deliveries"`
	PassRate   *Percent `json:"pass_rate"`
	Coverage   *Percent `json:"coverage"`
	Errors     int      `json:"errors"`
}

// Percent is a share in percent. It marshals with exactly one decimal
// ("93.3", "100.0") so that reports are byte-stable.
type Percent float64

// MarshalJSON writes one decimal.
func (p Percent) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(p), 'f', 1, 64), nil
}

// String is the number with one decimal and a percent sign.
func (p Percent) String() string { return strconv.FormatFloat(float64(p), 'f', 1, 64) + "%" }

// percent returns part/whole in percent rounded to one decimal, or nil
// when whole is 0 (a rate of nothing is not 0 %).
func percent(part, whole int) *Percent {
	if whole <= 0 {
		return nil
	}
	// Integer rounding: the same on every platform, and the value read
	// back from JSON is exactly the one written.
	tenths := (int64(part)*2000 + int64(whole)) / (int64(whole) * 2)
	p := Percent(float64(tenths) / 10)
	return &p
}
