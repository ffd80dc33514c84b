package parser

import "encoding/json"

// Dump renders the facts of a page as indented JSON, stable from run to run:
// the form golden files and debugging sessions use.
func Dump(p *Page) []byte {
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		// Page holds only strings, numbers, bools and slices of them.
		return []byte(`{"error": "` + err.Error() + `"}`)
	}
	return append(b, '\n')
}
