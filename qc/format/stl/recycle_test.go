package stl

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/cuetest"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

func TestReadAfterRecycledDocuments(t *testing.T) {
	large := gen.EpisodeBytes(gen.EpisodeOptions{Seed: 3, Format: "stl", Language: "de"})
	small := gen.EpisodeBytes(gen.EpisodeOptions{Seed: 4, Format: "stl", Language: "fr", Cues: 3})
	read := func(text string) *cue.Document { return Read([]byte(text)) }
	cuetest.ReadAfterRecycled(t, read, string(large), string(small))
}
