package engine

import (
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// An empty subtitle file fails: it was 0 cues and PASS.
func TestEmptySubtitleFilesFail(t *testing.T) {
	for name, data := range map[string]string{
		"zero.srt":  "",
		"blank.srt": " \r\n\t\n\n",
		"bom.srt":   "\xef\xbb\xbf",
		"sig.vtt":   "WEBVTT\n\n",
	} {
		rep, _ := checkOne(t, name, []byte(data))
		f := findingWith(rep, "E004", "no cue")
		if f == nil || f.Severity != rule.Error || rep.Summary.Passed {
			t.Errorf("%s: findings %+v, passed %v", name, rep.Findings, rep.Summary.Passed)
		}
	}
	rep, _ := checkOne(t, "one.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nHi\n"))
	if findingWith(rep, "E004", "") != nil {
		t.Errorf("a file with a cue: %+v", rep.Findings)
	}
}

// An IMSC image-profile document has no text cues but is not empty.
func TestImageSubtitlesAreNotEmpty(t *testing.T) {
	rep, _ := checkOne(t, "image.ttml", []byte(`<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xml:lang="en"
    ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/image">
  <body><div begin="1s" end="2s"><image src="a.png" type="image/png"/></div></body>
</tt>`))
	if f := findingWith(rep, "E004", ""); f != nil {
		t.Errorf("image document reported empty: %+v", f)
	}
}
