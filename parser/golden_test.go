package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/golden"
)

// TestGolden parses each case file golden/parser/NNN_name.md and compares
// the page facts with NNN_name.json. Regenerate with go test ./... -update.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("../golden/parser/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no parser case files in golden/parser")
	}
	p := New()
	for _, c := range cases {
		name := filepath.Base(c)
		t.Run(strings.TrimSuffix(name, ".md"), func(t *testing.T) {
			src, err := os.ReadFile(c)
			if err != nil {
				t.Fatal(err)
			}
			page := p.Parse(name, src)
			golden.Check(t, strings.TrimSuffix(c, ".md")+".json", Dump(page))
		})
	}
}
