// Package deliverycheck holds the delivery rules (D001–D012): what a
// delivery's manifest declares, compared with the disk, with the territories
// it ships to, and across its subtitle files. The readers in qc/delivery say
// what a manifest declares; these rules decide what is wrong with it.
//
// Each rule has a RunDelivery the engine calls once per delivery after the
// per-file pass (rule.Delivery hands over what the files' checks learned),
// except D007, whose Run looks at each subtitle file of a delivery during
// the per-file pass, with the programme it belongs to (rule.File.Programme).
package deliverycheck

import "github.com/exportqc/exportqc/qc/rule"

const family = "delivery"

var (
	LanguageMissing = &rule.Rule{
		Code: "D001", Name: "language-missing", Family: family, Scope: rule.DeliveryScope,
		Summary: "A territory requires a subtitle language the delivery lacks, or a subtitle file declares no language",
		Doc: "Each territory the delivery ships to (manifest territories: plus --territory) requires subtitle languages " +
			"of given kinds (full subtitles, SDH, forced narratives, captions), listed with their source in " +
			"rules/territories/*.yaml or the project config. For every episode (or the whole programme when it has no " +
			"episodes) the delivery must declare a file of an accepted kind in that language or an equivalent one " +
			"(zh-TW for zh-Hant, es-MX for es-419; see the equivalence classes). The finding names the territory, " +
			"the language, the kind and the episode. A subtitle file declared without a language is reported too: it " +
			"cannot count towards any requirement. Deliver the missing file, or correct the manifest's language/kind.",
		DefaultSeverity: rule.Error,
		RunDelivery:     runLanguageMissing,
	}
	FileMissing = &rule.Rule{
		Code: "D002", Name: "file-missing", Family: family, Scope: rule.DeliveryScope,
		Summary: "A file the manifest lists is not in the delivery",
		Doc: "The manifest (or packing list) names a file that is not on disk at that path, relative to the manifest's " +
			"folder, or the path names a folder. The finding points at the manifest line. Deliver the file or " +
			"correct the path (names are case-sensitive on most file systems).",
		DefaultSeverity: rule.Error,
		RunDelivery:     runFileMissing,
	}
	FileUnlisted = &rule.Rule{
		Code: "D003", Name: "file-unlisted", Family: family, Scope: rule.DeliveryScope,
		Summary: "A file in the delivery folder is not in the manifest",
		Doc: "Every file delivered should be declared, so the recipient knows what it is and can verify it. Manifests " +
			"and checksum sidecars themselves, hidden files and folders, and names matching the ignore patterns " +
			"(comma-separated globs matched against the base name and the path relative to the delivery root) are " +
			"not reported. List the file in the manifest or remove it from the delivery.",
		DefaultSeverity: rule.Warning,
		RunDelivery:     runFileUnlisted,
		Params: []rule.ParamSpec{{Name: "ignore", Kind: rule.KindString,
			Doc: "comma-separated glob patterns of files that may sit in a delivery unlisted (e.g. *.md,Thumbs.db)"}},
	}
	ChecksumMismatch = &rule.Rule{
		Code: "D004", Name: "checksum-mismatch", Family: family, Scope: rule.DeliveryScope,
		Summary: "A file's checksum differs from the one the manifest declares",
		Doc: "The file was read and hashed (once per run, every declared algorithm in one pass, with a bounded number " +
			"of files read at a time) and the digest differs from the manifest's or the sidecar's: the file was " +
			"changed after it was hashed, or was damaged in transfer. The hash is computed even when the size already " +
			"differs (D005), so the report says whether the content or only the declared size is wrong. Re-deliver " +
			"the file or re-hash it if the change was intended.",
		DefaultSeverity: rule.Error,
		RunDelivery:     runChecksumMismatch,
	}
	SizeMismatch = &rule.Rule{
		Code: "D005", Name: "size-mismatch", Family: family, Scope: rule.DeliveryScope,
		Summary: "A file's size differs from the one the manifest declares",
		Doc: "The file's size on disk is not the size the manifest declares. Reported separately from D004: a wrong " +
			"size with a matching checksum means only the manifest's size entry is wrong. Correct the manifest or " +
			"re-deliver the file.",
		DefaultSeverity: rule.Error,
		RunDelivery:     runSizeMismatch,
	}
	EpisodeMissing = &rule.Rule{
		Code: "D006", Name: "episode-missing", Family: family, Scope: rule.DeliveryScope,
		Summary: "An episode is missing: a gap in the numbering, or fewer episodes than the stated count",
		Doc: "Episodes are expected to run from 1 to the manifest's episode_count, or, without a count, without gaps " +
			"between the lowest and highest number delivered. Each run of missing numbers is one finding (\"episodes " +
			"3–7 are missing (5 episodes)\"), at the episode_count line or at the first episode after the gap; past 50 " +
			"gaps one last finding counts the rest. A count over D009's max_episode_count is not used, whether or not D009 " +
			"runs (D009 reports it). Deliver the episode or correct the count.",
		DefaultSeverity: rule.Error,
		RunDelivery:     runEpisodeMissing,
	}
	OutsideProgramme = &rule.Rule{
		Code: "D007", Name: "subtitle-outside-programme", Family: family, Scope: rule.DeliveryScope,
		Summary: "Subtitles run past the end of the episode, or start before the programme starts",
		Doc: "The manifest gives each episode's duration; subtitles must lie between programme_start and " +
			"programme_start + duration (+ tolerance). One finding per file and side, at the cue that ends last (or " +
			"starts first), with the number of cues outside. A file whose first cue is already past the end is " +
			"usually timed from a start timecode such as 01:00:00:00 or 10:00:00:00: set programme_start, or " +
			"re-time the file.",
		DefaultSeverity: rule.Error,
		Run:             outsideProgramme,
		Params: []rule.ParamSpec{
			{Name: "tolerance", Kind: rule.KindDuration, Doc: "how far past the programme's end (or before its start) a cue may go"},
			{Name: "programme_start", Kind: rule.KindDuration, Doc: "the subtitle time at which the programme starts (0s, or 1h/10h for broadcast timecode)"},
		},
	}
	ForcedNotInFull = &rule.Rule{
		Code: "D008", Name: "forced-not-in-full", Family: family, Scope: rule.DeliveryScope,
		Summary: "A forced-narrative event has no matching event in the full subtitles of its language",
		Doc: "Netflix (Timed Text Style Guide: Subtitle Templates / forced narratives, article 217558918) requires every " +
			"forced-narrative event to appear in the full subtitles too, since viewers who turn subtitles on see only " +
			"those. Each forced event of an episode must overlap in time (within time_tolerance) events of the full " +
			"subtitles of the same language whose text contains it: after normalisation (case, punctuation and " +
			"spaces ignored) at least min_similarity of its character pairs must be found there. Add the event to the " +
			"full subtitles.",
		DefaultSeverity: rule.Error,
		RunDelivery:     runForcedNotInFull,
		Params: []rule.ParamSpec{
			{Name: "time_tolerance", Kind: rule.KindDuration, Doc: "how far apart in time a forced event and its full counterpart may be"},
			{Name: "min_similarity", Kind: rule.KindFloat, Doc: "share (0–1) of the forced text's character pairs the full text must contain"},
		},
	}
	ManifestInvalid = &rule.Rule{
		Code: "D009", Name: "manifest-invalid", Family: family, Scope: rule.DeliveryScope,
		Summary: "The manifest breaks its schema or contradicts itself",
		Doc: "A manifest that is not valid YAML/JSON/XML, an unknown key, a missing required key, a value of the " +
			"wrong type (kind: subtitle), two sources giving different checksums for one file, an unknown territory " +
			"code, an episode_count over max_episode_count. The finding gives the manifest line; the rest of the " +
			"manifest is still read. A file with a manifest's name that cannot be read or parsed at all (empty, " +
			"binary, a list or a single value, unreadable) is one finding, and the delivery fails: it is never " +
			"checked as loose files that pass. Fix the manifest.",
		DefaultSeverity: rule.Error,
		Params: []rule.ParamSpec{{Name: paramMaxEpisodeCount, Kind: rule.KindInt,
			Doc: "the largest episode_count a manifest may state; more is a typo or a hostile manifest"}},
		RunDelivery: runManifestInvalid,
	}
	UnknownHashAlgorithm = &rule.Rule{
		Code: "D010", Name: "unknown-hash-algorithm", Family: family, Scope: rule.DeliveryScope,
		Summary: "A manifest declares a checksum in an algorithm exportqc cannot compute",
		Doc: "The manifest is not wrong, but this checksum cannot be verified (exportqc computes md5, sha1, sha256, " +
			"sha512 and xxh64). Other checksums of the same file are still verified. Add a supported checksum to the " +
			"manifest if the file must be verified.",
		DefaultSeverity: rule.Warning,
		RunDelivery:     rule.ReportProblems,
	}
	PathEscapesRoot = &rule.Rule{
		Code: "D011", Name: "path-escapes-root", Family: family, Scope: rule.DeliveryScope,
		Summary: "A manifest path or a symbolic link leads outside the delivery folder",
		Doc: "A path such as ../other/file.srt or an absolute path, or a symbolic link in the delivery whose target " +
			"is outside it. Such paths are never followed: a delivery must be self-contained. Move the file into " +
			"the delivery and correct the path.",
		DefaultSeverity: rule.Error,
		RunDelivery:     runPathEscapesRoot,
	}
	FormatNotAccepted = &rule.Rule{
		Code: "D012", Name: "format-not-accepted", Family: family, Scope: rule.DeliveryScope,
		Summary: "A subtitle file is in a format a territory does not accept",
		Doc: "A territory pack may list the subtitle formats it accepts (formats: accepted:, with its source). A " +
			"subtitle file of the delivery in another format is reported once per territory. Convert the file.",
		DefaultSeverity: rule.Warning,
		RunDelivery:     runFormatNotAccepted,
	}
)

// Rules lists the delivery rules in code order, for the registry.
var Rules = []*rule.Rule{
	LanguageMissing, FileMissing, FileUnlisted, ChecksumMismatch, SizeMismatch, EpisodeMissing,
	OutsideProgramme, ForcedNotInFull, ManifestInvalid, UnknownHashAlgorithm, PathEscapesRoot, FormatNotAccepted,
}

// Rules that share work (the declared files compared with the disk, the
// walk of the folder) share it through the pass's Memo under these keys.
type (
	listedKey   struct{}
	unlistedKey struct{}
)

// The codes of the rules whose work others share, to ask the pass whether
// they are enabled: the rules' values cannot be named from their own Run
// (an initialisation cycle).
const (
	codeFileMissing      = "D002"
	codeFileUnlisted     = "D003"
	codeChecksumMismatch = "D004"
	codeSizeMismatch     = "D005"
	codeManifestInvalid  = "D009"
	codePathEscapesRoot  = "D011"
)

const paramMaxEpisodeCount = "max_episode_count"

func runLanguageMissing(p *rule.DeliveryPass) { runChecker(p, (*checker).languages) }
func runFileMissing(p *rule.DeliveryPass) {
	rule.ReportProblems(p)
	shared(p, listedKey{}, (*checker).listedFiles)
}
func runFileUnlisted(p *rule.DeliveryPass)     { shared(p, unlistedKey{}, (*checker).unlisted) }
func runChecksumMismatch(p *rule.DeliveryPass) { shared(p, listedKey{}, (*checker).listedFiles) }
func runSizeMismatch(p *rule.DeliveryPass)     { shared(p, listedKey{}, (*checker).listedFiles) }
func runEpisodeMissing(p *rule.DeliveryPass)   { runChecker(p, (*checker).episodes) }
func runForcedNotInFull(p *rule.DeliveryPass)  { runChecker(p, (*checker).forced) }
func runPathEscapesRoot(p *rule.DeliveryPass) {
	rule.ReportProblems(p)
	shared(p, listedKey{}, (*checker).listedFiles)
	shared(p, unlistedKey{}, (*checker).unlisted)
}
func runManifestInvalid(p *rule.DeliveryPass) {
	rule.ReportProblems(p)
	runChecker(p, (*checker).episodeCountTooLarge)
}
func runFormatNotAccepted(p *rule.DeliveryPass) { runChecker(p, (*checker).formats) }
