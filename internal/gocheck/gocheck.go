// Package gocheck type-checks generated Go source in memory with go/types,
// so tests can prove that output compiles without writing a module to disk.
package gocheck

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sort"

	"github.com/docgen-dev/docgen/internal/golden"
)

// File is one Go source file.
type File struct {
	Name    string
	Content []byte
}

// Check parses and type-checks files as one package. It returns every
// error found, joined.
func Check(files []File) error {
	fset := token.NewFileSet()
	var parsed []*ast.File
	var errs []error
	sorted := append([]File(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, f := range sorted {
		af, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		parsed = append(parsed, af)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	conf := types.Config{
		Importer: importer.Default(),
		Error: func(err error) {
			if len(errs) < 20 {
				errs = append(errs, err)
			}
		},
	}
	_, _ = conf.Check("generated", fset, parsed, nil)
	return errors.Join(errs...)
}

// Formatted reports every file that gofmt would change, or that does not
// parse: generated code must be gofmt's output, so that a gofmt run (or a
// CI check with gofmt -l) leaves it as it is.
func Formatted(files []File) error {
	var errs []error
	for _, f := range files {
		out, err := format.Source(f.Content)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("%s: %w", f.Name, err))
		case !bytes.Equal(out, f.Content):
			errs = append(errs, fmt.Errorf("%s: gofmt would change it (- written, + gofmt):\n%s", f.Name, golden.Diff(string(f.Content), string(out), 10)))
		}
	}
	return errors.Join(errs...)
}
