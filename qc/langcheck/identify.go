package langcheck

import (
	"github.com/abadojack/whatlanggo"
	"golang.org/x/text/language"
)

// The identifier is whatlanggo (MIT): trigram profiles for 60-odd languages
// in the Latin, Cyrillic, Arabic, Devanagari, Hebrew and Ethiopic scripts;
// for other scripts it only names the script's main language (Han → cmn,
// kana → jpn, Hangul → kor, Thai → tha), which the script checks here do
// better. So the identifier is consulted only for a declared language that
// has a trigram profile in its own script.

var (
	// idByTag maps a folded primary language to its profiles (no → Nob, Nno).
	idByTag = map[string][]whatlanggo.Lang{}
	// idTag maps a profile to its folded primary language.
	idTag = map[whatlanggo.Lang]string{}
)

// profileScripts are the scripts whatlanggo has trigram profiles for, and the
// languages in each (its lang.go; Azerbaijani and Turkmen in two scripts).
var profileScripts = map[script][]whatlanggo.Lang{
	scLatin: {whatlanggo.Spa, whatlanggo.Eng, whatlanggo.Por, whatlanggo.Ind, whatlanggo.Fra, whatlanggo.Deu,
		whatlanggo.Jav, whatlanggo.Vie, whatlanggo.Ita, whatlanggo.Tur, whatlanggo.Pol, whatlanggo.Orm,
		whatlanggo.Ron, whatlanggo.Hau, whatlanggo.Hrv, whatlanggo.Nld, whatlanggo.Kur, whatlanggo.Yor,
		whatlanggo.Uzb, whatlanggo.Ibo, whatlanggo.Ceb, whatlanggo.Tgl, whatlanggo.Hun, whatlanggo.Azj,
		whatlanggo.Ces, whatlanggo.Mlg, whatlanggo.Nya, whatlanggo.Kin, whatlanggo.Zul, whatlanggo.Swe,
		whatlanggo.Som, whatlanggo.Ilo, whatlanggo.Uig, whatlanggo.Hat, whatlanggo.Aka, whatlanggo.Sna,
		whatlanggo.Afr, whatlanggo.Fin, whatlanggo.Run, whatlanggo.Tuk, whatlanggo.Dan, whatlanggo.Nob,
		whatlanggo.Nno, whatlanggo.Lit, whatlanggo.Slv, whatlanggo.Epo, whatlanggo.Lav, whatlanggo.Est},
	scCyrillic:   {whatlanggo.Rus, whatlanggo.Ukr, whatlanggo.Srp, whatlanggo.Azj, whatlanggo.Bel, whatlanggo.Bul, whatlanggo.Tuk, whatlanggo.Mkd},
	scArabic:     {whatlanggo.Arb, whatlanggo.Urd, whatlanggo.Skr, whatlanggo.Uig, whatlanggo.Pes},
	scDevanagari: {whatlanggo.Hin, whatlanggo.Mar, whatlanggo.Mai, whatlanggo.Bho, whatlanggo.Nep},
	scHebrew:     {whatlanggo.Heb, whatlanggo.Ydd},
	scEthiopic:   {whatlanggo.Amh, whatlanggo.Tir},
}

// profiled[script][tag] says whether tag has a trigram profile in script.
var profiled = map[script]map[string]bool{}

func init() {
	for sc, langs := range profileScripts {
		profiled[sc] = map[string]bool{}
		for _, l := range langs {
			tag := profileTag[l] // foldTag(l.Iso6393()), computed when generated
			if tag == "" {
				continue
			}
			idTag[l] = tag
			profiled[sc][tag] = true
			found := false
			for _, o := range idByTag[tag] {
				found = found || o == l
			}
			if !found {
				idByTag[tag] = append(idByTag[tag], l)
			}
		}
	}
	// "no" (Norwegian) covers both written standards.
	idByTag["no"] = append(idByTag["nb"], idByTag["nn"]...)
	for sc := range profiled {
		if profiled[sc]["nb"] {
			profiled[sc]["no"] = true
		}
	}
}

// foldTag is the primary language of code with macrolanguages folded the
// way the identifier's codes need (arb → ar, pes → fa, azj → az, ydd → yi),
// keeping nb and nn apart; "" if code does not parse.
func foldTag(code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return ""
	}
	b, _ := t.Base()
	switch s := b.String(); s {
	case "nb", "nn", "no":
		return s
	}
	if m, err := language.Macro.Canonicalize(t); err == nil {
		b, _ = m.Base()
	}
	return b.String()
}

// sameGroups are languages the identifier cannot or should not tell apart:
// a detection inside a group is never a mismatch. Serbo-Croatian standards
// share one grammar and most vocabulary; Malay and Indonesian likewise;
// Norwegian's two standards are one language for subtitle delivery.
var sameGroups = [][]string{
	{"hr", "sr", "bs", "cnr", "sh"},
	{"ms", "id", "zsm"},
	{"no", "nb", "nn"},
	{"fa", "prs"},
}

// closeGroups are languages close enough that trigram statistics on short
// texts confuse them. A detection inside a group is reported only on much
// more text and at full confidence (MismatchOptions.CloseFactor).
var closeGroups = [][]string{
	{"es", "pt", "gl", "ca"},
	{"no", "nb", "nn", "da", "sv"},
	{"ru", "uk", "be", "bg", "mk", "sr"},
	{"cs", "sk", "pl", "sl", "hr"},
	{"hi", "mr", "ne", "mai", "bho"},
	{"ur", "skr", "pa"},
	{"fil", "tl", "ceb", "ilo"},
	{"id", "ms", "jv"},
	{"he", "yi"},
	{"am", "ti"},
	{"tr", "az", "tk", "uz"},
	{"zu", "xh", "ny", "sn", "rw", "rn"},
}

func inGroup(groups [][]string, a, b string) bool {
	for _, g := range groups {
		ina, inb := false, false
		for _, x := range g {
			ina = ina || x == a
			inb = inb || x == b
		}
		if ina && inb {
			return true
		}
	}
	return false
}

// chunkLetters is the size of the pieces of text given to the identifier.
// whatlanggo ranks all of a text's trigrams and compares the ranks with its
// 300-trigram profiles without capping the distance, so on long texts (a few
// thousand letters, over ~300 distinct trigrams) the ranking is dominated by
// rare trigrams and it misnames plain Russian as Azerbaijani and Hungarian
// as Vietnamese. Texts of a few hundred letters stay below that, so the
// identifier judges chunks of this size and the chunks vote.
const chunkLetters = 200

// minPairConfidence is the least confidence of the identifier, in one
// chunk, of the detected language against the declared one for the chunk
// to vote against the declaration; below it the chunk is undecided.
const minPairConfidence = 0.5

// chunkVotes is the outcome of the identifier over a file's chunks.
type chunkVotes struct {
	judged   int             // chunks the identifier named a language for
	declared int             // chunks that read as the declared language (or its group)
	best     whatlanggo.Lang // the other language with most votes, -1 if none
	bestTag  string          // its folded tag
	votes    int             // chunks that read as best
	counts   map[string]int  // votes per folded tag, for messages (nil: none)
	langs    map[string]whatlanggo.Lang
}

// identifyChunks runs the identifier on each chunk. A chunk votes for the
// declared language when the identifier's best language is one of
// declared's profiles or in its group, or when the declared language wins
// a run restricted to the two; it votes against when another language wins
// that run with at least minPairConfidence. declared may be empty (naming
// the language of text in an unexpected script).
//
// It stops early once the outcome is settled: when no family of other
// languages can reach needShare of the judged chunks any more (a correctly
// declared file is usually settled by its first two chunks), or when one
// family has reached it whatever the remaining chunks say.
func identifyChunks(chunks textPieces, declaredTag string, declared []whatlanggo.Lang, needShare float64) chunkVotes {
	// The maps are made at the first vote against the declared language:
	// a correctly declared file (nearly every one) has none.
	v := chunkVotes{best: -1}
	var family map[string]int
	var s sample            // each piece's, in turn
	top, topFamily := 0, "" // most votes of any family so far
	for i := 0; i < chunks.len(); i++ {
		rest := chunks.len() - i
		if v.judged > 0 && float64(top+rest) < needShare*float64(v.judged+rest) {
			break // no family can reach needShare any more
		}
		if top > 0 && float64(top) >= needShare*float64(v.judged+rest) && !inGroup(closeGroups, declaredTag, topFamily) &&
			!inGroup(closeGroups, declaredTag, familyOf(declaredTag)) {
			break // the family has needShare whatever the rest say (close relatives need every sample)
		}
		s.measure(chunks.text(i))
		info := s.identify(nil)
		if info.Lang < 0 {
			continue
		}
		v.judged++
		tag := idTag[info.Lang]
		if isDeclared(info.Lang, declared) || tag == declaredTag || inGroup(sameGroups, declaredTag, tag) {
			v.declared++
			continue
		}
		// The confidence of a run over all profiles is that of the best
		// language against the runner-up; against the declared language,
		// which scored no better than the runner-up, it can only be
		// higher. So the costlier restricted run is needed only when the
		// overall confidence is low.
		if len(declared) > 0 && info.Confidence < minPairConfidence {
			wl := map[whatlanggo.Lang]bool{info.Lang: true}
			for _, d := range declared {
				wl[d] = true
			}
			pair := s.identify(wl)
			if isDeclared(pair.Lang, declared) {
				v.declared++
				continue
			}
			if pair.Confidence < minPairConfidence {
				continue
			}
		}
		if v.counts == nil {
			v.counts, v.langs, family = map[string]int{}, map[string]whatlanggo.Lang{}, map[string]int{}
		}
		v.counts[tag]++
		v.langs[tag] = info.Lang
		f := familyOf(tag)
		family[f]++
		if family[f] > top {
			top, topFamily = family[f], f
		}
	}
	// Chunks of a text in a close relative of one language split their votes
	// between the relatives (a Danish text: some chunks Danish, some
	// Norwegian). They agree that the text is in that family, which is what
	// a mismatch needs, so votes are summed per family and the family's
	// most voted language names it.
	bestFamily := ""
	for f, n := range family {
		if n > v.votes || n == v.votes && f < bestFamily {
			bestFamily, v.votes = f, n
		}
	}
	most := 0
	for tag, n := range v.counts {
		if familyOf(tag) == bestFamily && (n > most || n == most && tag < v.bestTag) {
			v.best, v.bestTag, most = v.langs[tag], tag, n
		}
	}
	return v
}

// familyOf names the group of close languages tag belongs to (its first
// close or same group), or tag itself.
func familyOf(tag string) string {
	for _, groups := range [][][]string{sameGroups, closeGroups} {
		for _, g := range groups {
			for _, x := range g {
				if x == tag {
					return g[0]
				}
			}
		}
	}
	return tag
}

func isDeclared(l whatlanggo.Lang, declared []whatlanggo.Lang) bool {
	for _, d := range declared {
		if d == l {
			return true
		}
	}
	return false
}
