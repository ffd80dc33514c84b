package hostile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/parser"
)

// pageSep separates the pages of one FuzzEndToEnd input.
const pageSep = "\n=====\n"

// generate runs the pipeline in memory on pages named api/pageN.md: parse,
// build, and render the package, its test double and its examples file.
func generate(pages []string) ([]emitter.File, *model.Model, error) {
	p := parser.New()
	var parsed []*parser.Page
	for i, src := range pages {
		parsed = append(parsed, p.Parse(fmt.Sprintf("api/page%d.md", i), []byte(src)))
	}
	m := model.Build(parsed, model.Options{Reserved: emitter.Reserved()})
	out, err := emitter.Generate(m, emitter.Options{Package: pkgName, ImportPath: importPath})
	if err != nil {
		return nil, m, err
	}
	return out.Files, m, nil
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
	// resource with the pages of two of its requests. (Larger seeds make
	// each execution, which type-checks a whole package, slower.)
	for _, res := range []string{"user", "group", "event"} {
		var pages []string
		for _, name := range []string{"resources/" + res + ".md", "api/" + res + "-get.md", "api/" + res + "-update.md"} {
			name = "../../../shared/graph-docs/v1.0/" + name
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
	// Small pages, which the fuzzer mutates fastest.
	seeds = append(seeds,
		"# a resource type\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|id|String|k|\n|n|[b](b.md) collection|x|\n\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.a\"} -->\n```json\n{\"id\": \"String\"}\n```\n",
		"# Get a\n\n## HTTP request\n\n```http\nGET /as/{id}\n```\n\n<!-- {\"blockType\": \"request\", \"name\": \"g\"} -->\n```http\nGET /as/1\n```\n\n<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.a\"} -->\n```http\nHTTP/1.1 200 OK\n\n{\"id\": \"1\", \"x\": [1]}\n```\n",
		"# b enum type\n\n## Members\n\n|Member|Description|\n|-|-|\n|on|x|\n|off|y|\n"+pageSep+"# c resource type\n\n<!-- {\"blockType\": \"resource\", \"baseType\": \"microsoft.graph.a\", \"@odata.type\": \"microsoft.graph.c\"} -->\n```json\n{\"b\": \"microsoft.graph.b\"}\n```\n",
	)
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		files, m, err := generate(strings.Split(input, pageSep))
		if err != nil {
			t.Fatalf("generate: %v", err)
		}
		for _, d := range m.Diags {
			if d.Code == "internal-error" {
				t.Fatalf("internal error: %s", d)
			}
		}
		if err := typeCheck(files, pkgName, importPath); err != nil {
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
