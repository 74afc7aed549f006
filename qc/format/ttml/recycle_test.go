package ttml

import (
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cuetest"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

func TestReadAfterRecycledDocuments(t *testing.T) {
	large := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 3, Format: "ttml", Language: "de"}))
	small := `<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="de"><body><div>` +
		`<p begin="00:00:01.000" end="00:00:02.000">Erste <span>Zeile</span><br/>- Zweite &amp; dritte</p>` +
		`<p begin="00:00:03.000" end="00:00:02.500">Eine Zeile</p></div></body></tt>`
	cuetest.ReadAfterRecycled(t, Read, large, small)
}
