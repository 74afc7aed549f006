package rule

import (
	"encoding/json"
	"testing"
)

func TestCountsAdd(t *testing.T) {
	var c Counts
	for _, s := range []Severity{Error, Warning, Info, Error} {
		c.Add(s)
	}
	c.AddCounts(Counts{Errors: 1, Infos: 2})
	if c != (Counts{Errors: 3, Warnings: 1, Infos: 3}) || c.Total() != 7 {
		t.Errorf("%+v", c)
	}
}

// Embedded, Counts keeps the JSON fields where they were.
func TestCountsEmbeddedJSON(t *testing.T) {
	v := struct {
		Cues int `json:"cues"`
		Counts
		Passed bool `json:"passed"`
	}{Cues: 4, Counts: Counts{1, 2, 3}, Passed: true}
	b, _ := json.Marshal(v)
	if string(b) != `{"cues":4,"errors":1,"warnings":2,"infos":3,"passed":true}` {
		t.Errorf("%s", b)
	}
}
