package langcheck

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// IdentifyDocument identifies the language of a file that declares none,
// with the thresholds the configuration gives G005 (Undeclared), whether
// or not G005 is enabled: the rule only decides whether the file is
// reported as undeclared, while the rules that depend on the language
// need it either way (the engine decides when to ask). It is false when
// the configuration has no G005 at all.
func IdentifyDocument(cfg map[string]*rule.Config, doc *cue.Document) (Identification, bool) {
	c := cfg[Undeclared.Code]
	if c == nil {
		return Identification{}, false
	}
	p := rule.NewPass(Undeclared, &rule.File{}, doc, c, nil)
	o := MismatchOptionsFrom(p.Int("min_letters"), p.Float("min_confidence"), p.Int("min_script_letters"))
	return Identify(DocumentLines(doc), o), true
}

// Identification is what the text of a file that declares no language says
// its language is.
type Identification struct {
	// Tag is the language as a BCP-47 tag ("en", "zh-Hant", "ja"), "" when
	// the text cannot tell; Reason then says why.
	Tag string
	// Basis is how it was found: "script" (a writing system used by one
	// language: kana, Hangul, Han characters) or "identifier" (the trigram
	// identifier G002 uses, on samples of the text).
	Basis string
	// Confidence is the share of the samples (identifier) or letters
	// (script) that point to Tag.
	Confidence float64
	Letters    int
	// Evidence is a phrase for messages: "4 of 4 samples of about 200
	// letters read as English" or, without a Tag, why the text cannot tell.
	Evidence string
}

// minScriptShare is the least share of a text's letters its main writing
// system must have for the text to be given one language: bilingual
// subtitles (two lines, two scripts) are left undecided.
const minScriptShare = 0.75

// Identify names the language of a text that declares none, with the
// identifier G002 uses: the writing system first (Hangul is Korean, kana
// Japanese, Han characters Chinese, Simplified or Traditional by the
// characters OpenCC converts), then, for scripts several languages share,
// the trigram identifier on samples spread over the text. It answers only
// when the evidence is clear: enough letters, one main writing system, and
// at least MinConfidence of the samples naming the same language (close
// relatives splitting the samples, es/pt or da/no/sv, leave it undecided).
//
// Its thresholds are G002's (MismatchOptions): the least running letters
// before the identifier is asked, the least share of samples that must
// agree on one language, the least letters before a writing system is
// judged, and the letters sampled; zero fields take G002's defaults.
func Identify(lines []string, opts MismatchOptions) Identification {
	o := opts.withDefaults()
	st := measure(lines)
	total := st.scripts.total()
	if total < o.MinScriptLetters {
		return Identification{Letters: total, Evidence: fmt.Sprintf("too little text to tell (%s; at least %d needed)", countWord(total)+" letters", o.MinScriptLetters)}
	}
	dom := st.scripts.dominant()
	inDom := st.scripts[dom]
	if dom == scHan || dom == scKana {
		inDom = st.scripts[scHan] + st.scripts[scKana]
	}
	if share := float64(inDom) / float64(total); share < minScriptShare {
		return Identification{Letters: total, Evidence: fmt.Sprintf("no one writing system (%.0f%% of %d letters are %s script): bilingual or mixed text", share*100, total, dom)}
	}
	if len(profileScripts[dom]) == 0 {
		tag := scriptLanguage(dom, &st)
		if strings.HasPrefix(tag, "und") {
			return Identification{Letters: total, Evidence: fmt.Sprintf("written in %s script, which is not one language's", dom)}
		}
		if tag == "zh" {
			tag = chineseTag(lines)
		}
		share := float64(inDom) / float64(total)
		return Identification{Tag: tag, Basis: "script", Confidence: share, Letters: total,
			Evidence: fmt.Sprintf("%.0f%% of its %d letters are %s script, which reads as %s", share*100, total, dom, describe(tag))}
	}
	letters := st.runningLetters()
	if letters < o.MinLetters || st.distinctWords() < minDistinctWords {
		return Identification{Letters: letters, Evidence: fmt.Sprintf("too little running text to identify (%d letters of %s script; at least %d needed)", letters, dom, o.MinLetters)}
	}
	v := identifyChunks(pieces(lines, &st, o.SampleLetters), "", nil, o.MinConfidence)
	if v.judged == 0 {
		return Identification{Letters: letters, Evidence: "the identifier named no language for any sample"}
	}
	n := v.counts[v.bestTag]
	share := float64(n) / float64(v.judged)
	if v.best < 0 || share < o.MinConfidence {
		return Identification{Letters: letters, Evidence: fmt.Sprintf("the samples disagree (%s of %d samples)", voteList(v.counts), v.judged)}
	}
	return Identification{Tag: v.bestTag, Basis: "identifier", Confidence: share, Letters: letters,
		Evidence: fmt.Sprintf("%d of %d samples of about %d letters read as %s (%d letters of running text)", n, v.judged, chunkLetters, describe(v.bestTag), letters)}
}

// chineseTag is zh-Hans or zh-Hant when the script-specific characters
// clearly say which, else zh.
func chineseTag(lines []string) string {
	s := ChineseScript(lines)
	switch {
	case s.DistinctSimplified >= 3 && s.Simplified >= 4*s.Traditional:
		return "zh-Hans"
	case s.DistinctTraditional >= 3 && s.Traditional >= 4*s.Simplified:
		return "zh-Hant"
	}
	return "zh"
}

// voteList is "fr 2, es 1".
func voteList(counts map[string]int) string {
	tags := make([]string, 0, len(counts))
	for t := range counts {
		tags = append(tags, t)
	}
	sort.Slice(tags, func(i, j int) bool {
		if counts[tags[i]] != counts[tags[j]] {
			return counts[tags[i]] > counts[tags[j]]
		}
		return tags[i] < tags[j]
	})
	parts := make([]string, len(tags))
	for i, t := range tags {
		parts[i] = fmt.Sprintf("%s %d", t, counts[t])
	}
	return strings.Join(parts, ", ")
}
