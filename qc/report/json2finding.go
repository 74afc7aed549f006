package report

import "github.com/exportqc/exportqc/qc/rule"

// findingFrags holds the escaped pieces a v2 finding's first fields are
// made of, so that each is escaped once per run (or per file) instead of
// once per finding: a dense run writes hundreds of thousands of findings
// from a few dozen rules, three severities and one file at a time.
type findingFrags struct {
	keys     *findingKeys
	rules    map[string]*ruleFrag // by rule code
	short    []shortFrag          // the same for codes of up to 7 bytes
	severity [3]string            // severity key, value and the file key
	file     string               // the last file written, and its JSON
	fileJSON []byte
	// fileCount counts the changes of file: a ruleFrag's start is for
	// the file it was made in.
	fileCount int
}

func newFindingFrags(k *findingKeys) findingFrags {
	fr := findingFrags{keys: k, rules: map[string]*ruleFrag{}}
	for s := range fr.severity {
		fr.severity[s] = severityFrag(k, rule.Severity(s))
	}
	return fr
}

// ruleFrag is what a finding's rule code gives: the finding's start up to
// and including the escaped code, the rule's name in the rules table, and
// the source its last finding had with that source's index (a rule's
// findings share one source string: comparing it is cheaper than hashing
// its ~150 bytes for each finding).
type ruleFrag struct {
	head     string
	name     string
	inTable  bool
	source   string
	index    int
	expected memoJSON // a rule's findings in a file mostly share it
	// start is head, then the severity and file of the last finding
	// written (file fileCount startFile), when the rules table names it.
	start         []byte
	startFile     int
	startSeverity rule.Severity
}

// shortFrag is a ruleFrag found by its code packed in a number: codes
// are a letter and three digits, and a run reports a few dozen rules, so
// a scan of a short slice of numbers beats hashing the code's string for
// each finding.
type shortFrag struct {
	code uint64
	frag *ruleFrag
}

// maxShortFrags bounds the scan; rules past it are found in the map.
const maxShortFrags = 16

// packCode returns code's bytes as a number, and false when code is
// empty or longer than seven bytes (its length is the low byte, so
// two codes never share a number, even one with a zero byte).
func packCode(code string) (uint64, bool) {
	if len(code) == 0 || len(code) > 7 {
		return 0, false
	}
	x := uint64(len(code))
	for i := 0; i < len(code); i++ {
		x |= uint64(code[i]) << (8 * (i + 1))
	}
	return x, true
}

// rule returns the fragments of the rule with this code, made on first use.
func (j *jsonV2) rule(code string) *ruleFrag {
	fr := &j.frags
	packed, short := packCode(code)
	if short {
		for i := range fr.short {
			if fr.short[i].code == packed {
				return fr.short[i].frag
			}
		}
	}
	r := fr.rules[code]
	if r == nil {
		r = &ruleFrag{}
		r.head = fr.keys.open + string(appendJSONString(nil, code))
		r.name, r.inTable = j.named[code]
		fr.rules[code] = r
	}
	if short && len(fr.short) < maxShortFrags {
		fr.short = append(fr.short, shortFrag{packed, r})
	}
	return r
}

// memoJSON is the JSON of the last string written, kept so that the same
// string written again is copied rather than escaped again. It keeps no
// reference to the string itself: a finding's strings may live in a
// buffer the run reuses once the finding is written, so the new string is
// compared with the JSON's own bytes, which only a string that needed no
// escape (its JSON is its bytes in quotes) can match.
type memoJSON struct {
	json  []byte
	plain bool // json is the string's bytes in quotes
}

func (m *memoJSON) append(b []byte, s string) []byte {
	if !m.plain || len(m.json) != len(s)+2 || string(m.json[1:len(m.json)-1]) != s {
		m.json = appendJSONString(m.json[:0], s)
		m.plain = len(m.json) == len(s)+2 // every escape lengthens
	}
	return append(b, m.json...)
}

func severityFrag(k *findingKeys, s rule.Severity) string {
	return k.severity + string(appendJSONString(nil, s.String())) + k.file
}

// findingFields is jsonEnc.findingFields for the v2 layout, from the
// fragments: the rule's name is written only when the rules table does
// not give it, and the source is an index into the sources table.
func (j *jsonV2) findingFields(f *rule.Finding) {
	fr := &j.frags
	r := j.rule(f.Rule)
	if f.File != fr.file || fr.fileJSON == nil {
		fr.file = f.File
		fr.fileJSON = appendJSONString(fr.fileJSON[:0], f.File)
		fr.fileCount++
	}
	var b []byte
	if s := f.Severity; r.inTable && r.name == f.Name && s >= 0 && int(s) < len(fr.severity) {
		// The common case: the rule's start, severity and file in one copy.
		if r.startFile != fr.fileCount || r.startSeverity != s {
			r.start = append(append(append(r.start[:0], r.head...), fr.severity[s]...), fr.fileJSON...)
			r.startFile, r.startSeverity = fr.fileCount, s
		}
		b = append(j.e.buf, r.start...)
	} else {
		b = append(j.e.buf, r.head...)
		if !r.inTable || r.name != f.Name {
			b = appendJSONString(append(b, fr.keys.name...), f.Name)
		}
		if s >= 0 && int(s) < len(fr.severity) {
			b = append(b, fr.severity[s]...)
		} else {
			b = append(b, severityFrag(fr.keys, s)...)
		}
		b = append(b, fr.fileJSON...)
	}
	source := -1
	if f.Source != "" {
		if f.Source != r.source {
			r.source, r.index = f.Source, j.sourceOf(f.Source)
		}
		source = r.index
	}
	j.e.buf = appendFindingRest(b, f, fr.keys, source, &r.expected)
}
