package langcheck

import (
	"testing"

	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

// subtitleFile builds a 700-cue file (two lines a cue) from a test text by
// repeating its lines, the size of a feature film's subtitles.
func subtitleFile(text string) []string {
	ls := lines(text)
	out := make([]string, 0, 1400)
	for len(out) < 1400 {
		out = append(out, ls[len(out)%len(ls)])
	}
	return out
}

func BenchmarkDetectMismatchCorrect(b *testing.B) {
	file := subtitleFile(scene["fr"] + "\n" + family["fr"])
	b.ReportAllocs()
	for b.Loop() {
		if m := DetectMismatch("fr", file, MismatchOptions{}); m != nil {
			b.Fatal(m.Message)
		}
	}
}

func BenchmarkDetectMismatchSwapped(b *testing.B) {
	file := subtitleFile(scene["fr"] + "\n" + family["fr"])
	b.ReportAllocs()
	for b.Loop() {
		if m := DetectMismatch("de", file, MismatchOptions{}); m == nil {
			b.Fatal("not reported")
		}
	}
}

func BenchmarkDetectMismatchJapanese(b *testing.B) {
	file := subtitleFile(scene["ja"])
	b.ReportAllocs()
	for b.Loop() {
		DetectMismatch("ja", file, MismatchOptions{})
	}
}

func BenchmarkChineseScript(b *testing.B) {
	file := subtitleFile(scene["zh-Hant"])
	b.ReportAllocs()
	for b.Loop() {
		st := ChineseScript(file)
		if ScriptMismatch("zh-Hant", st, ScriptOptions{}) != nil {
			b.Fatal("reported")
		}
	}
}

func BenchmarkCheckTag(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		CheckTag("pt_BR")
	}
}

// The engine checks files in parallel: the checks share only read-only
// tables (run with -race to see it).
func TestConcurrentUse(t *testing.T) {
	done := make(chan bool)
	for i := range 4 {
		go func() {
			k := []string{"fr", "ja", "zh-Hant", "ru"}[i]
			for range 3 {
				DetectMismatch("de", lines(scene[k]), MismatchOptions{})
				ScriptMismatch("zh-Hans", ChineseScript(lines(scene[k])), ScriptOptions{})
				CheckTag("pt_BR")
				Conflict(map[string]string{"filename": "fr-CA", "manifest": "fr"})
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}

// BenchmarkMeasure is the pass over a whole file that DetectMismatch makes
// before any identifier run (script counts, case, words, chunk cuts), and
// the cutting of the samples from it.
func BenchmarkMeasure(b *testing.B) {
	for _, k := range []string{"fr", "ru", "ar", "ja"} {
		b.Run(k, func(b *testing.B) {
			file := subtitleFile(scene[k])
			b.ReportAllocs()
			for b.Loop() {
				st := measure(file)
				chunks(file, &st, 800)
			}
		})
	}
}

// BenchmarkSample is one identifier run on a sample of the size G002
// takes (200 letters, about 300 bytes): script, trigram ranking and the
// distances to every profile of the script.
func BenchmarkSample(b *testing.B) {
	for _, k := range []string{"fr", "ru", "ja"} {
		b.Run(k, func(b *testing.B) {
			file := subtitleFile(scene[k])
			st := measure(file)
			text := pieces(file, &st, chunkLetters).text(0)
			b.ReportAllocs()
			for b.Loop() {
				newSample(text)
			}
		})
	}
}

// BenchmarkChineseScriptEpisode is G003's reading of the generated
// Simplified Chinese episode (700 cues) the engine's benchmark checks.
func BenchmarkChineseScriptEpisode(b *testing.B) {
	doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: "zh-Hans"})))
	b.ReportAllocs()
	for b.Loop() {
		if ScriptMismatch("zh-Hans", documentScript(doc, "Hans"), ScriptOptions{}) != nil {
			b.Fatal("reported")
		}
	}
}

// BenchmarkContentMismatchEpisode is G002's own work on a generated
// episode (700 cues) in the engine's way: the tally given (the line facts
// take it in their own pass), the lines read from the cues as far as the
// verdict needs.
func BenchmarkContentMismatchEpisode(b *testing.B) {
	for _, lang := range []string{"ru", "ar", "ko", "ja", "zh-Hans", "fr"} {
		b.Run(lang, func(b *testing.B) {
			doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang})))
			tally := TallyLines(DocumentLines(doc))
			var kept []string
			b.ReportAllocs()
			for b.Loop() {
				r := &cueLines{doc: doc}
				tl := &textLines{n: len(tally.lines), read: kept[:0], more: func(read []string, to int) []string {
					kept = r.appendTo(read, to)
					return kept
				}}
				if m := detectMismatch(lang, tl, tally, DefaultMismatchOptions()); m != nil {
					b.Fatal(m.Message)
				}
			}
		})
	}
}
