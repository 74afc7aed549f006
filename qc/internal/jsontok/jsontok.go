// Package jsontok holds what the streaming JSON readers (a check report's
// findings for a baseline, an audit's spilled deliveries) need beyond
// encoding/json's token reader.
package jsontok

import (
	"encoding/json"
	"fmt"
)

// Expect reads the next token and fails unless it is the delimiter want.
func Expect(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != want {
		return fmt.Errorf("json: %v where %v was expected", tok, want)
	}
	return nil
}
