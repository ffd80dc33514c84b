package corpus

import (
	"os"
	"testing"

	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/pipeline"
)

// buildCorpus parses the pages under root and builds their model with the
// names file names (nil for none), as a run would; without root, the test
// is skipped.
func buildCorpus(t *testing.T, root string, names []model.NameEntry) ([]*parser.Page, *model.Model) {
	t.Helper()
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s: %v", root, err)
	}
	inputs, err := pipeline.Collect([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	pages := pipeline.ParsePages(inputs, pipeline.Config{})
	return pages, model.Build(pages, model.Options{Reserved: emitter.Reserved(), Names: names})
}
