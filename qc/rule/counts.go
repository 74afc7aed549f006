package rule

// Counts tallies findings by severity. Reports embed it, so the JSON of a
// summary, a file, a delivery or an audit member keeps its "errors",
// "warnings" and "infos" fields, and every tally is one Add.
type Counts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Add counts one finding of severity s (anything below warning is info).
func (c *Counts) Add(s Severity) {
	switch {
	case s >= Error:
		c.Errors++
	case s == Warning:
		c.Warnings++
	default:
		c.Infos++
	}
}

// AddFinding counts f: one problem, plus the ones it stands for unlisted.
func (c *Counts) AddFinding(f *Finding) {
	n := f.Problems()
	switch {
	case f.Severity >= Error:
		c.Errors += n
	case f.Severity == Warning:
		c.Warnings += n
	default:
		c.Infos += n
	}
}

// AddCounts adds another tally to c.
func (c *Counts) AddCounts(o Counts) {
	c.Errors += o.Errors
	c.Warnings += o.Warnings
	c.Infos += o.Infos
}

// Total is the number of findings counted.
func (c Counts) Total() int { return c.Errors + c.Warnings + c.Infos }

// Problems is how many problems f stands for: itself and the More it
// counts without listing them.
func (f *Finding) Problems() int { return 1 + max(f.More, 0) }
