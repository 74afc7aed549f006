package checks

import "github.com/exportqc/exportqc/qc/cue"

// The tests' and benchmarks' views of the line scan, which the rules
// reach through textFactsOf and scanASCIIInto.

// asciiScan is what the bytes of a line tell scanLine.
type asciiScan struct {
	set     asciiSet
	after   uint32 // lineFacts.afterSpace from the ASCII spaces and tabs
	afterMk uint32 // lineFacts.afterMark
	dbl     factFlags
	letters int    // ASCII letters, as langcheck.IsASCIILetter counts them
	dots    uint16 // lineFacts.dots: the full stops are among the bytes looked at one by one
}

// scanASCII is what scanASCIIInto finds on s, as one value: the tests'
// and benchmarks' view of the word scan.
func scanASCII(s string) asciiScan {
	var f lineFacts
	set, letters := scanASCIIInto(&f, s)
	return asciiScan{set: set, after: f.afterSpace, afterMk: f.afterMark, dbl: f.flags, letters: letters, dots: f.dots}
}

// scanCues is the text facts of doc in memory of their own.
func scanCues(doc *cue.Document) *textFacts {
	tf := new(textFacts)
	tf.scan(doc)
	return tf
}
