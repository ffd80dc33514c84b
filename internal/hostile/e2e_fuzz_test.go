package hostile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/spec"
)

// pageSep separates the pages of one FuzzEndToEnd input.
const pageSep = "\n=====\n"

// generate runs the pipeline in memory on pages named api/pageN.md: parse,
// build, and render the package, its test double and its examples file.
func generate(pages []string) ([]emitter.File, *spec.Model, error) {
	p := parser.New()
	var parsed []*parser.Page
	for i, src := range pages {
		parsed = append(parsed, p.Parse(fmt.Sprintf("api/page%d.md", i), []byte(src)))
	}
	m := spec.Build(parsed, spec.Options{Reserved: emitter.Reserved()})
	files, err := emitter.Generate(m, emitter.Options{Package: pkgName})
	if err != nil {
		return nil, m, err
	}
	doubles, err := emitter.GenerateTestDouble(m, pkgName)
	if err != nil {
		return nil, m, err
	}
	ex, _, err := emitter.GenerateExamples(m, pkgName, importPath)
	if err != nil {
		return nil, m, err
	}
	return append(append(files, doubles...), ex), m, nil
}

// knownBugOutput reports whether err is the known bug of case 037: a
// U+FEFF in an example body breaks the examples' string literals.
func knownBugOutput(err error) bool {
	return err != nil && strings.Contains(err.Error(), "illegal byte order mark")
}

// FuzzEndToEnd asserts that any set of pages gives, without a panic or an
// internal error, a package, test double and examples file that
// type-check and hold no injected code. An input holds several pages
// separated by a line "=====". Seeds are the seed pages and the hostile
// cases.
func FuzzEndToEnd(f *testing.F) {
	var seeds []string
	if m, _ := filepath.Glob("../../seeds/*/*.md"); len(m) > 0 {
		var pages []string
		for _, name := range m {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			pages = append(pages, string(b))
		}
		seeds = append(seeds, strings.Join(pages, pageSep))
	}
	// A few real pages of the Microsoft Graph reference, when present: a
	// resource with the pages of its requests.
	for _, res := range []string{"user", "group", "application", "driveitem", "event"} {
		m, _ := filepath.Glob("../../../shared/graph-docs/v1.0/api/" + res + "-[gl]*.md")
		m = append(m, "../../../shared/graph-docs/v1.0/resources/"+res+".md")
		var pages []string
		for _, name := range m {
			if b, err := os.ReadFile(name); err == nil {
				pages = append(pages, string(b))
			}
		}
		if len(pages) > 1 {
			seeds = append(seeds, strings.Join(pages, pageSep))
		}
	}
	dirs, _ := filepath.Glob("testdata/[0-9]*")
	for _, dir := range dirs {
		m, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		var pages []string
		for _, name := range m {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			pages = append(pages, string(b))
		}
		if len(pages) > 0 {
			seeds = append(seeds, strings.Join(pages, pageSep))
		}
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		files, m, err := generate(strings.Split(input, pageSep))
		if knownBugOutput(err) {
			t.Skip("known bug, case 037")
		}
		if err != nil {
			t.Fatalf("generate: %v", err)
		}
		for _, d := range m.Diags {
			if d.Code == "internal-error" {
				t.Fatalf("internal error: %s", d)
			}
		}
		err = typeCheck(files, pkgName, importPath)
		if knownBugOutput(err) {
			t.Skip("known bug, case 037")
		}
		if err != nil {
			t.Fatalf("output does not type-check or holds injected code: %v", err)
		}
		again, _, _ := generate(strings.Split(input, pageSep))
		for i := range files {
			if i >= len(again) || again[i].Name != files[i].Name || !bytes.Equal(again[i].Content, files[i].Content) {
				t.Fatalf("second run gave a different %s", files[i].Name)
			}
		}
	})
}
