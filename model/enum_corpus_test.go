package model

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser"
)

// corpusDocs is the July 2021 Graph reference the corpus tests read.
const corpusDocs = "../../shared/graph-docs"

// enumCounts are the figures TestEnumCorpus logs for one docs version.
type enumCounts struct {
	types, enums, enumsNoMembers, emptyStructs int
	// stringEmpty are the empty structs whose name a property's
	// description says holds listed values: the types that cannot decode
	// the string their own pages show.
	stringEmpty []string
}

func countEnums(m *Model) enumCounts {
	var c enumCounts
	c.types = len(m.Types)
	for _, t := range m.Types {
		switch {
		case t.Kind == Enum:
			c.enums++
			if len(t.Members) == 0 {
				c.enumsNoMembers++
			}
		case len(t.Properties) == 0 && t.Base == nil && len(t.Subtypes) == 0 && !t.Synthesized:
			c.emptyStructs++
		}
	}
	for _, t := range m.Types {
		for _, p := range t.Properties {
			n := p.Type.Named
			if n == nil || n.Kind == Enum || len(n.Properties) > 0 || n.Base != nil || len(n.Subtypes) > 0 || n.Synthesized {
				continue
			}
			if mayListValues(p.Description) && possibleRe.MatchString(p.Description) {
				c.stringEmpty = append(c.stringEmpty, n.FullName)
			}
		}
	}
	slices.Sort(c.stringEmpty)
	c.stringEmpty = slices.Compact(c.stringEmpty)
	return c
}

// TestEnumCorpus builds the model of each version of the real docs and
// requires that no property whose description lists its values has an
// empty struct type (which cannot decode the string the docs show). It
// logs the number of enums and of empty structs, the figures of the
// enum-inference work. It skips without ../shared or under -short.
func TestEnumCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test skipped under -short")
	}
	if _, err := os.Stat(corpusDocs); err != nil {
		t.Skipf("corpus not found at %s: %v", corpusDocs, err)
	}
	for _, version := range []string{"v1.0", "beta"} {
		t.Run(version, func(t *testing.T) {
			m := Build(parseDir(t, filepath.Join(corpusDocs, version)), Options{})
			c := countEnums(m)
			t.Logf("%s: %d types, %d enums (%d without members), %d empty structs, %d empty structs with listed values",
				version, c.types, c.enums, c.enumsNoMembers, c.emptyStructs, len(c.stringEmpty))
			if len(c.stringEmpty) > 0 {
				t.Errorf("%d empty struct types hold listed string values, such as %s", len(c.stringEmpty), strings.Join(c.stringEmpty[:min(5, len(c.stringEmpty))], ", "))
			}
		})
	}
}

// parseDir parses every markdown page under dir.
func parseDir(t *testing.T, dir string) []*parser.Page {
	t.Helper()
	p := parser.New()
	var pages []*parser.Page
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		pages = append(pages, p.Parse(filepath.ToSlash(rel), src))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}
