package format

import "testing"

func TestSniffNamed(t *testing.T) {
	for _, c := range []struct{ path, text, want string }{
		{"a.vtt", "WEBvtt\n\n00:00.000 --> 00:02.000\nhi\n", "webvtt"}, // garbled signature
		{"a.vtt", "1\n00:00:01.000 --> 00:00:02.000\nhi\n", "webvtt"},  // no signature, WebVTT times
		{"a.vtt", "1\n00:00:01,000 --> 00:00:02,000\nhi\n", "srt"},     // an SRT named .vtt
		{"a.srt", "1\n00:00:01.000 --> 00:00:02.000\nhi\n", "srt"},     // SRT with dots stays SRT
		{"a.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nhi\n", "webvtt"}, // the normal case
		{"a.stl", "\x00\x01", ""},                                      // nothing to sniff
	} {
		if got := SniffNamed(c.path, []byte(c.text), c.text); got != c.want {
			t.Errorf("%s %q: %q, want %q", c.path, c.text, got, c.want)
		}
	}
	// A bad code page number no longer hides an STL's GSI block.
	if got := Sniff([]byte("ABCSTL25.01"), ""); got != "stl" {
		t.Errorf("CPN ABC: %q", got)
	}
}
