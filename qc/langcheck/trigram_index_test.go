package langcheck

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unsafe"

	"github.com/abadojack/whatlanggo"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// bruteDistances is whatlanggo's own distance (its calculateDistance): for
// every profile trigram, the rank distance or 300 when the text lacks it.
func bruteDistances(ix *trigramIndex, profiles map[whatlanggo.Lang][]string, ranks map[string]int) []int {
	out := make([]int, len(ix.langs))
	for i, l := range ix.langs {
		for r, tg := range profiles[l] {
			if n, ok := ranks[tg]; ok {
				out[i] += max(n-r, r-n)
			} else {
				out[i] += maxTrigramDistance
			}
		}
	}
	return out
}

// identifierSamples are the samples G002 gives the identifier: the chunks
// of the test texts in every language, of each line alone, and of the real
// corpus files when the corpus is present.
func identifierSamples(t *testing.T) []string {
	var texts []string
	for _, m := range []map[string]string{scene, family, relatedScene, phone} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			texts = append(texts, m[k])
			texts = append(texts, lines(m[k])...)
		}
	}
	var out []string
	for _, text := range texts {
		ls := lines(text)
		st := measure(ls)
		out = append(out, chunks(ls, &st, 1<<30)...)
	}
	if dir := filepath.Join(testcorpus.RepoRoot(t), "..", "shared", "corpus"); isDirectory(dir) {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			ls, doc := corpusLines(t, p)
			if doc == nil || len(ls) == 0 {
				return nil
			}
			st := measure(ls) // the samples G002 takes (800 letters)
			out = append(out, chunks(ls, &st, DefaultMismatchOptions().SampleLetters*4)...)
			return nil
		})
	}
	return out
}

func isDirectory(p string) bool { st, err := os.Stat(p); return err == nil && st.IsDir() }

// The index gives exactly whatlanggo's distances, and the same verdict and
// confidence as whatlanggo.Detect and a two-language whitelist run on every
// sample where whatlanggo's own answer is not decided by map order (two
// languages at the same best distance).
func TestTrigramIndexSameAsWhatlanggo(t *testing.T) {
	tables := map[*unicode.RangeTable]map[whatlanggo.Lang][]string{unicode.Latin: wlLatin, unicode.Cyrillic: wlCyrillic,
		unicode.Arabic: wlArabic, unicode.Devanagari: wlDevanagari, unicode.Ethiopic: wlEthiopic, unicode.Hebrew: wlHebrew}
	for _, p := range tables {
		if len(p) == 0 {
			t.Fatal("a whatlanggo profile table reads empty: the linkname no longer matches the library")
		}
	}
	samples := identifierSamples(t)
	if len(samples) < 100 {
		t.Fatalf("only %d samples", len(samples))
	}
	compared, ties := 0, 0
	for _, s := range samples {
		script := whatlanggo.DetectScript(s)
		ix := scriptIndex(script)
		want := whatlanggo.Detect(s)
		got := detectLanguage(s, nil)
		if ix == nil {
			if got != want {
				t.Fatalf("script without profiles: %+v, whatlanggo %+v", got, want)
			}
			continue
		}
		ranks := trigramRanks(s)
		ranked := rankTrigrams(s)
		if len(ranked) != len(ranks) {
			t.Fatalf("%d trigrams ranked, whatlanggo's way %d\n%q", len(ranked), len(ranks), s)
		}
		for n, tg := range ranked {
			if ranks[string(tg[:])] != n {
				t.Fatalf("trigram %q ranked %d, whatlanggo's way %d\n%q", string(tg[:]), n, ranks[string(tg[:])], s)
			}
		}
		dist := ix.distances(new(ranking).rank(s))
		brute := bruteDistances(ix, tables[script], ranks)
		for i := range dist {
			if dist[i] != brute[i] {
				t.Fatalf("%s: distance of %v = %d, whatlanggo's computation %d\n%q", ix.langs[i], ix.langs[i], dist[i], brute[i], s)
			}
		}
		sorted := append([]int(nil), dist...)
		sort.Ints(sorted)
		if len(sorted) > 1 && sorted[0] == sorted[1] || len(sorted) > 2 && sorted[1] == sorted[2] {
			ties++ // whatlanggo's answer (or its confidence) depends on map order
			continue
		}
		compared++
		if got.Lang != want.Lang || got.Confidence != want.Confidence {
			t.Fatalf("verdict %v %.6f, whatlanggo %v %.6f\n%q", got.Lang, got.Confidence, want.Lang, want.Confidence, s)
		}
		// The restricted run identifyChunks makes: the detected language
		// against a declared one.
		for _, other := range ix.langs[:min(3, len(ix.langs))] {
			wl := map[whatlanggo.Lang]bool{want.Lang: true, other: true}
			var d []int
			for i, l := range ix.langs {
				if wl[l] {
					d = append(d, dist[i])
				}
			}
			if len(d) == 2 && d[0] == d[1] {
				continue
			}
			g, w := detectLanguage(s, wl), whatlanggo.DetectWithOptions(s, whatlanggo.Options{Whitelist: wl})
			if g.Lang != w.Lang || g.Confidence != w.Confidence {
				t.Fatalf("whitelist %v: %v %.6f, whatlanggo %v %.6f\n%q", wl, g.Lang, g.Confidence, w.Lang, w.Confidence, s)
			}
		}
	}
	t.Logf("%d samples compared with whatlanggo, %d with tied distances skipped", compared, ties)
	if compared < len(samples)/2 {
		t.Errorf("only %d of %d samples compared", compared, len(samples))
	}
}

// trigramRanks is whatlanggo's getTrigramsWithPositions written out as it
// is (strings as keys, Unicode tables per character): the reference
// rankTrigrams must agree with.
func trigramRanks(text string) map[string]int {
	counts := map[string]int{}
	txt := make([]rune, 0, len(text)+1)
	for _, r := range text {
		if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
			r = ' '
		}
		txt = append(txt, unicode.ToLower(r))
	}
	txt = append(txt, ' ')
	r1, r2 := ' ', txt[0]
	for _, r3 := range txt[1:] {
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			counts[string([]rune{r1, r2, r3})]++
		}
		r1, r2 = r2, r3
	}
	type tc struct {
		tg string
		n  int
	}
	list := make([]tc, 0, len(counts))
	for tg, n := range counts {
		list = append(list, tc{tg, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].tg > list[j].tg
	})
	ranks := make(map[string]int, len(list))
	for i, t := range list {
		ranks[t.tg] = i
	}
	return ranks
}

// The identifier's reading of a character, from the table, is the Unicode
// tables' for every code point.
func TestTrigramRuneTable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := trigramRune(r), trigramRuneTables(r); got != want {
			t.Fatalf("trigramRune(%U) = %U, want %U", r, got, want)
		}
	}
}

// A ranking reused from sample to sample (newSample's pool) ranks each
// exactly as fresh memory does: nothing of a longer earlier sample, with
// more trigrams and higher counts, shows through in a shorter one.
func TestReusedRankingEqualsFresh(t *testing.T) {
	texts := []string{
		strings.Repeat("the quick brown fox jumps over the lazy dog. ", 40),
		"hola, ¿qué tal?",
		strings.Repeat("да да да нет ", 30),
		"",
		"a",
		strings.Repeat("Ich weiß es nicht, aber wir gehen. ", 12),
		"ok ok",
		"नमस्ते, आप कैसे हैं? मैं ठीक हूँ।",
		"hola, ¿qué tal?",
	}
	rk := new(ranking)
	reused := false
	var last *uint64
	for _, s := range texts {
		got := rk.rank(s)
		if want := new(ranking).rank(s); !slices.Equal(got, want) {
			t.Fatalf("%q ranked in reused memory:\n%v\nfresh:\n%v", s, got, want)
		}
		if len(got) > 0 {
			reused = reused || unsafe.SliceData(got) == last
			last = unsafe.SliceData(got)
		}
	}
	if !reused {
		t.Fatal("no sample was ranked in an earlier one's memory: the test proves nothing")
	}
}

// mapBuiltPostings is the index's first construction, kept as the
// reference: a map from each trigram to its postings, appended in
// (language, rank) order.
func mapBuiltPostings(langs []whatlanggo.Lang, profiles map[whatlanggo.Lang][]string) map[trigram][]posting {
	postings := map[trigram][]posting{}
	for i, l := range langs {
		for rank, tg := range profiles[l] {
			if rs := []rune(tg); len(rs) == 3 {
				k := trigram(rs)
				postings[k] = append(postings[k], posting{lang: int16(i), rank: int16(rank)})
			}
		}
	}
	return postings
}

// The index built without maps holds, for every script, exactly the
// postings of the map-built one, in the same order, and nothing else: the
// table is as large as the map construction made it and holds as many
// keys and postings.
func TestTrigramIndexEqualsMapBuilt(t *testing.T) {
	for script, profiles := range map[*unicode.RangeTable]map[whatlanggo.Lang][]string{unicode.Latin: wlLatin,
		unicode.Cyrillic: wlCyrillic, unicode.Arabic: wlArabic, unicode.Devanagari: wlDevanagari,
		unicode.Ethiopic: wlEthiopic, unicode.Hebrew: wlHebrew} {
		ix := scriptIndex(script)
		want := mapBuiltPostings(ix.langs, profiles)
		if len(want) < 300 {
			t.Fatalf("%d trigrams in a script's profiles: the reference read nothing", len(want))
		}
		if !slices.IsSorted(ix.langs) || len(ix.langs) != len(profiles) {
			t.Fatalf("languages %v, want the %d profiles' in order", ix.langs, len(profiles))
		}
		size := 1
		for size < 2*len(want) {
			size *= 2
		}
		keys, total := 0, 0
		for _, sl := range ix.postings.slots {
			k := sl.key
			if k != 0 {
				keys++
			}
		}
		for tg, ps := range want {
			total += len(ps)
			if got := ix.postings.find(packTrigram(tg[0], tg[1], tg[2])); !slices.Equal(got, ps) {
				t.Fatalf("%q: postings %v, map-built %v", string(tg[:]), got, ps)
			}
		}
		if len(ix.postings.slots) != size || keys != len(want) || len(ix.postings.list) != total {
			t.Fatalf("table of %d slots, %d keys, %d postings; map-built: %d slots, %d keys, %d postings",
				len(ix.postings.slots), keys, len(ix.postings.list), size, len(want), total)
		}
		for i, l := range ix.langs {
			if ix.base[i] != maxTrigramDistance*len(profiles[l]) {
				t.Fatalf("%v: base %d", l, ix.base[i])
			}
		}
		if ix.postings.find(packTrigram('\x00', 'q', 'x')) != nil {
			t.Fatal("a trigram no profile has found postings")
		}
	}
}

// A script's index is built once, shared by every sample in the script;
// a script without profiles has none.
func TestScriptIndexBuiltOnce(t *testing.T) {
	first, second := scriptIndex(unicode.Latin), scriptIndex(unicode.Latin)
	if first != second {
		t.Fatal("the Latin index was built twice")
	}
	if scriptIndex(unicode.Han) != nil {
		t.Fatal("an index for a script without profiles")
	}
}

// rankTrigrams ranks as whatlanggo's way (trigramRanks) on random texts:
// few and many different characters, code points on both sides of the
// trigramRune table's end, the characters it makes spaces, runs of
// spaces, upper case.
func TestRankTrigramsRandomAsWhatlanggo(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	alphabets := [][]rune{
		[]rune("abcdefghijklmnopqrstuvwxyzéèàçôœ      .,!?'-0123"),
		[]rune("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГ   ,.!?"),
		[]rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ً ٌ ٍ  ،؟."),
		[]rune("कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसहािीुूेैोौं्  ।"),
		[]rune("aAbBzZ ʼˆ˜ ΣσςДд\u07ff\u0800\u0801ẞß  "),
	}
	wide := make([]rune, 0, 600) // more than 256 different letters
	for r := rune(0x100); len(wide) < 600; r++ {
		if unicode.IsLetter(r) {
			wide = append(wide, r)
		}
	}
	alphabets = append(alphabets, wide, append(wide[:300:300], ' ', ' ', 'a'))
	for i := range 3000 {
		alpha := alphabets[i%len(alphabets)]
		n := rng.Intn(400)
		if i%len(alphabets) >= len(alphabets)-2 {
			n = 1500 + rng.Intn(500)
		}
		text := make([]rune, n)
		for k := range text {
			text[k] = alpha[rng.Intn(len(alpha))]
		}
		s := string(text)
		ranks := trigramRanks(s)
		ranked := new(ranking).rank(s)
		if len(ranked) != len(ranks) {
			t.Fatalf("%d trigrams ranked, whatlanggo's way %d\n%q", len(ranked), len(ranks), s)
		}
		for n, k := range ranked {
			tg := unpackTrigram(k)
			if ranks[string(tg[:])] != n {
				t.Fatalf("trigram %q ranked %d, whatlanggo's way %d\n%q", string(tg[:]), n, ranks[string(tg[:])], s)
			}
		}
	}
}

// A sample measured in place over an earlier one (identifyChunks reuses
// one for every piece) answers as a fresh one, pieces of different
// scripts and lengths one after another.
func TestSampleMeasuredInPlaceEqualsFresh(t *testing.T) {
	samples := identifierSamples(t)
	samples = append(samples, "", "12 34 !!", "日本語のテキスト", "नमस्ते, आप कैसे हैं?")
	var s sample
	for i := range 3 * len(samples) {
		text := samples[(i*7919)%len(samples)] // a fixed shuffle: scripts and lengths mixed
		s.measure(text)
		fresh := newSample(text)
		for _, wl := range []map[whatlanggo.Lang]bool{nil, {whatlanggo.Eng: true, whatlanggo.Fra: true}, {whatlanggo.Rus: true, whatlanggo.Ukr: true}} {
			if got, want := s.identify(wl), fresh.identify(wl); got != want {
				t.Fatalf("%q whitelist %v: in place %+v, fresh %+v", text, wl, got, want)
			}
		}
	}
}
