package webvtt

import (
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cuetest"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

func TestReadAfterRecycledDocuments(t *testing.T) {
	large := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 3, Format: "vtt", Language: "de"}))
	small := "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.000\r\n<i>Erste Zeile</i>\r\n- Zweite &amp; <b>dritte</b>\r\n\r\n" +
		"2\r\n00:00:03.000 --> 00:00:04.500\r\nEine Zeile\r\n\r\n" +
		"x\r\n00:00:05.000 --> 00:00:06.000\r\n\r\n"
	cuetest.ReadAfterRecycled(t, Read, large, small)
}
