package rule

import "testing"

var sink string

// A finding's message from its pieces: a shared text chunk against a
// string concatenation of its own.
func BenchmarkConcat(b *testing.B) {
	pieces := []string{"cue ", "412", " starts ", "0.125 s", " before cue ", "411", " ends (at ", "00:02:34.905", ")"}
	b.Run("text", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = Concat(pieces[0], pieces[1], pieces[2], pieces[3], pieces[4], pieces[5], pieces[6], pieces[7], pieces[8])
		}
	})
	b.Run("plus", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = pieces[0] + pieces[1] + pieces[2] + pieces[3] + pieces[4] + pieces[5] + pieces[6] + pieces[7] + pieces[8]
		}
	})
}
