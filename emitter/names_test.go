package emitter

import (
	"bytes"
	"go/format"
	"testing"

	"github.com/docgen-dev/docgen/model"
)

// TestNamesFileIsFormatted holds names.go, which genNames writes as text,
// to gofmt's output, also for keys that need quoting.
func TestNamesFileIsFormatted(t *testing.T) {
	for _, names := range [][]model.NameEntry{
		nil,
		{
			{Kind: "operation", Key: "GET /books/{id}", Name: "GetBook"},
			{Kind: "operation", Key: "POST /a\"b\\c\t*/ `x` \u00e9\u2028", Name: "CreateAB"},
			{Kind: "type", Key: "microsoft.graph.book", Name: "Book"},
		},
	} {
		src := genNames("graph", &model.Model{Names: names})
		got, err := format.Source(src)
		if err != nil {
			t.Fatalf("names.go does not parse: %v\n%s", err, src)
		}
		if !bytes.Equal(got, src) {
			t.Errorf("gofmt changes names.go:\n--- written\n%s\n--- gofmt\n%s", src, got)
		}
		if n := len(model.ParseNames(src)); n != len(names) {
			t.Errorf("ParseNames reads %d entries back, want %d", n, len(names))
		}
	}
}
