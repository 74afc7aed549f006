package langcheck

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/exportqc/exportqc/qc/internal/memo"
	"github.com/exportqc/exportqc/qc/lang"
)

// declaredTag is what G002 and G003 read of a declared tag before they
// read text.
type declaredTag struct {
	chinese string       // ChineseScriptOf(the tag as declared), for G003
	canon   string       // CheckTag's canonical form
	tag     language.Tag // canon parsed
	base    string       // foldTag(canon)
	check   bool         // false: the tag is invalid or names no language, and G002 says nothing
}

// readDeclared works declaredTag out: four tag parses, which were a fifth
// of G002's own time on a correctly declared CJK file.
func readDeclared(declared string) declaredTag {
	d := declaredTag{chinese: ChineseScriptOf(declared)}
	canon, p := CheckTag(declared)
	if canon == "" || p != nil && p.Severity == SeverityError {
		return d
	}
	t, err := lang.Parse(canon)
	if err != nil {
		return d
	}
	first := strings.ToLower(strings.SplitN(canon, "-", 2)[0])
	if _, special := specialBases[first]; special {
		return d
	}
	d.canon, d.tag, d.base, d.check = canon, t, foldTag(canon), true
	return d
}

// A run declares few different tags and checks file after file in each,
// so readDeclared's answers are kept, up to maxDeclaredKept of them (a
// run of odd tags must not grow the table without end).
const maxDeclaredKept = 256

var declaredKept = memo.Bounded[string, declaredTag]{Limit: maxDeclaredKept,
	// The tag may be a piece of a file's text (an xml:lang): a copy keeps
	// the file from staying in memory with it.
	Own: strings.Clone}

// declaredFacts is readDeclared, each tag worked out once.
func declaredFacts(declared string) declaredTag { return declaredKept.Get(declared, readDeclared) }
