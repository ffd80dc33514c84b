// Package templates holds the client runtime that docgen copies into every
// generated package: the Client type and its options, request options,
// APIError, the request helpers that generated operations call (with
// retries of throttled requests, replayable request bodies, response info
// and delta links), and value types for Edm primitives.
//
// The runtime files (body.go, client.go, decode.go, encode.go, errors.go,
// links.go, members.go, options.go, poly.go, refs.go, request.go, retry.go, streamdecode.go and
// values.go) are ordinary Go files of this package, so they are compiled
// and tested here;
// TestFiles fails when a non-test file of the package is neither embedded
// nor known to be package-local. They import only the standard library and
// rely on two identifiers they do not declare, the constant defaultBaseURL
// and the function newByODataType, which the emitter generates and
// defaults.go provides here. The emitter obtains them through Files,
// renames their package with Rewrite, and consults Identifiers to keep
// generated names from clashing with the runtime's.
package templates

import (
	"cmp"
	"embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"slices"
)

// runtimeFS holds the runtime files, and nothing else.
//
//go:embed body.go client.go decode.go encode.go errors.go links.go members.go options.go poly.go refs.go request.go retry.go streamdecode.go values.go
var runtimeFS embed.FS

// File is one runtime source file.
type File struct {
	// Name is the base name of the file, such as "client.go".
	Name string
	// Content is the file's source, still declaring package templates.
	Content []byte
}

// Files returns the runtime files sorted by name, with their content as it
// is in this package (see Rewrite).
func Files() []File {
	entries, err := fs.ReadDir(runtimeFS, ".")
	if err != nil {
		panic(fmt.Sprintf("templates: reading embedded runtime: %v", err))
	}
	files := make([]File, 0, len(entries))
	for _, e := range entries {
		content, err := runtimeFS.ReadFile(e.Name())
		if err != nil {
			panic(fmt.Sprintf("templates: reading embedded runtime: %v", err))
		}
		files = append(files, File{Name: e.Name(), Content: content})
	}
	// fs.ReadDir sorts already; sort anyway so the contract does not depend
	// on it.
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Name, b.Name) })
	return files
}

// Rewrite returns a copy of the Go source src whose package clause names
// pkg instead of its current package, leaving everything else untouched.
// It fails when pkg is not a valid package name or src has no package
// clause.
func Rewrite(src []byte, pkg string) ([]byte, error) {
	if !token.IsIdentifier(pkg) || pkg == "_" {
		return nil, fmt.Errorf("templates: invalid package name %q", pkg)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.PackageClauseOnly)
	if err != nil {
		return nil, fmt.Errorf("templates: finding package clause: %w", err)
	}
	start := fset.Position(f.Name.Pos()).Offset
	end := fset.Position(f.Name.End()).Offset
	out := make([]byte, 0, len(src)-(end-start)+len(pkg))
	out = append(out, src[:start]...)
	out = append(out, pkg...)
	out = append(out, src[end:]...)
	return out, nil
}

// Identifiers returns the sorted top-level identifiers (types, functions,
// constants and variables, but not methods) that the runtime files declare,
// plus defaultBaseURL and newByODataType, which the emitter generates
// alongside them. Generated declarations must not reuse these names.
func Identifiers() []string {
	names := []string{"defaultBaseURL", "newByODataType"}
	fset := token.NewFileSet()
	for _, file := range Files() {
		f, err := parser.ParseFile(fset, file.Name, file.Content, parser.SkipObjectResolution)
		if err != nil {
			panic(fmt.Sprintf("templates: parsing embedded %s: %v", file.Name, err))
		}
		names = append(names, topLevelNames(f)...)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// topLevelNames returns the names of f's top-level declarations, skipping
// methods, imports and blank identifiers.
func topLevelNames(f *ast.File) []string {
	var names []string
	add := func(id *ast.Ident) {
		if id.Name != "_" {
			names = append(names, id.Name)
		}
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				add(d.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					add(s.Name)
				case *ast.ValueSpec:
					for _, id := range s.Names {
						add(id)
					}
				}
			}
		}
	}
	return names
}
