package report

import "github.com/exportqc/exportqc/qc/rule"

// findingFrags holds the escaped pieces a v2 finding's first fields are
// made of, so that each is escaped once per run (or per file) instead of
// once per finding: a dense run writes hundreds of thousands of findings
// from a few dozen rules, three severities and one file at a time.
type findingFrags struct {
	keys     *findingKeys
	rules    map[string]ruleFrag // by rule code
	severity [3]string           // severity key, value and the file key
	file     string              // the last file written, and its JSON
	fileJSON []byte
}

func newFindingFrags(k *findingKeys) findingFrags {
	fr := findingFrags{keys: k, rules: map[string]ruleFrag{}}
	for s := range fr.severity {
		fr.severity[s] = severityFrag(k, rule.Severity(s))
	}
	return fr
}

// ruleFrag is what a finding's rule code gives: the finding's start up to
// and including the escaped code, and the rule's name in the rules table.
type ruleFrag struct {
	head    string
	name    string
	inTable bool
}

func severityFrag(k *findingKeys, s rule.Severity) string {
	return k.severity + string(appendJSONString(nil, s.String())) + k.file
}

// findingFields is jsonEnc.findingFields for the v2 layout, from the
// fragments: the rule's name is written only when the rules table does
// not give it, and the source is an index into the sources table.
func (j *jsonV2) findingFields(f *rule.Finding, source int) {
	fr := &j.frags
	r, ok := fr.rules[f.Rule]
	if !ok {
		r.head = fr.keys.open + string(appendJSONString(nil, f.Rule))
		r.name, r.inTable = j.named[f.Rule]
		fr.rules[f.Rule] = r
	}
	b := append(j.e.buf, r.head...)
	if !r.inTable || r.name != f.Name {
		b = appendJSONString(append(b, fr.keys.name...), f.Name)
	}
	if s := f.Severity; s >= 0 && int(s) < len(fr.severity) {
		b = append(b, fr.severity[s]...)
	} else {
		b = append(b, severityFrag(fr.keys, s)...)
	}
	if f.File != fr.file || fr.fileJSON == nil {
		fr.file = f.File
		fr.fileJSON = appendJSONString(fr.fileJSON[:0], f.File)
	}
	b = append(b, fr.fileJSON...)
	j.e.buf = appendFindingRest(b, f, fr.keys, source)
}
