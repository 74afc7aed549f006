package ssa

import (
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cuetest"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

func TestReadAfterRecycledDocuments(t *testing.T) {
	large := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 3, Format: "ass", Language: "de"}))
	small := "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\n" +
		"Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n" +
		"Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1\n\n" +
		"[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" +
		"Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\i1}Erste Zeile{\\i0}\\N- Zweite\n" +
		"Dialogue: 0,0:00:03.00,0:00:04.50,Nobody,,0,0,0,,Eine Zeile\n"
	cuetest.ReadAfterRecycled(t, Read, large, small)
}
