package report

// rulesTable appends the report's rules table exactly as
// e.value(rules, "  ") writes it through encoding/json (indented at depth
// one, or compact), without reflection and the indenting pass: the table
// is written at every run, and for a one-file check encoding/json's work
// on ~120 rules and their docs was about 5 % of the process.
// TestRulesTableMatchesEncodingJSON holds the two alike.
func (e *jsonEnc) rulesTable(rules []RuleInfo) {
	open, first, next, colon, end, close := "{", "", ",", ":", "}", "]"
	if !e.compact {
		open, first, next, colon, end, close = "\n    {", "\n      ", ",\n      ", ": ", "\n    }", "\n  ]"
	}
	if len(rules) == 0 { // as encoding/json: null for nil (head writes no table then)
		if rules == nil {
			e.raw("null")
		} else {
			e.raw("[]")
		}
		return
	}
	e.raw("[")
	for i := range rules {
		r := &rules[i]
		if i > 0 {
			e.raw(",")
		}
		e.raw(open)
		e.field(first, "code", colon, r.Code)
		e.field(next, "name", colon, r.Name)
		e.field(next, "family", colon, r.Family)
		e.field(next, "summary", colon, r.Summary)
		if r.Doc != "" { // omitempty
			e.field(next, "doc", colon, r.Doc)
		}
		e.field(next, "severity", colon, r.Severity.String()) // its MarshalText
		e.raw(end)
	}
	e.raw(close)
}

// field appends one string member of an object: sep, "key", colon, value.
func (e *jsonEnc) field(sep, key, colon, value string) {
	e.buf = append(e.buf, sep...)
	e.buf = append(e.buf, '"')
	e.buf = append(e.buf, key...)
	e.buf = append(e.buf, '"')
	e.buf = append(e.buf, colon...)
	e.buf = appendJSONString(e.buf, value)
}
