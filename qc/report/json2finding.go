package report

import "github.com/exportqc/exportqc/qc/rule"

// findingFrags holds the escaped pieces a v2 finding's first fields are
// made of, so that each is escaped once per run (or per file) instead of
// once per finding: a dense run writes hundreds of thousands of findings
// from a few dozen rules, three severities and one file at a time.
type findingFrags struct {
	keys     *findingKeys
	rules    map[string]*ruleFrag // by rule code
	severity [3]string            // severity key, value and the file key
	file     string               // the last file written, and its JSON
	fileJSON []byte
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
	head    string
	name    string
	inTable bool
	source  string
	index   int
}

func severityFrag(k *findingKeys, s rule.Severity) string {
	return k.severity + string(appendJSONString(nil, s.String())) + k.file
}

// findingFields is jsonEnc.findingFields for the v2 layout, from the
// fragments: the rule's name is written only when the rules table does
// not give it, and the source is an index into the sources table.
func (j *jsonV2) findingFields(f *rule.Finding) {
	fr := &j.frags
	r := fr.rules[f.Rule]
	if r == nil {
		r = &ruleFrag{}
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
	source := -1
	if f.Source != "" {
		if f.Source != r.source {
			r.source, r.index = f.Source, j.sourceOf(f.Source)
		}
		source = r.index
	}
	j.e.buf = appendFindingRest(b, f, fr.keys, source)
}
