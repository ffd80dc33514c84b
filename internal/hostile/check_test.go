package hostile

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/internal/gocheck"
	"github.com/docgen-dev/docgen/templates"
)

// stdImporter imports standard library packages from export data. One
// importer serves every check, so each package is loaded once; go/types
// importers are not safe for concurrent use, hence the lock.
var stdImporter = struct {
	sync.Mutex
	imp types.Importer
}{imp: importer.Default()}

type lockedImporter struct{}

func (lockedImporter) Import(p string) (*types.Package, error) {
	stdImporter.Lock()
	defer stdImporter.Unlock()
	return stdImporter.imp.Import(p)
}

// mapImporter serves the in-memory packages by import path and the
// standard library otherwise.
type mapImporter map[string]*types.Package

func (m mapImporter) Import(p string) (*types.Package, error) {
	if pkg, ok := m[p]; ok {
		return pkg, nil
	}
	return lockedImporter{}.Import(p)
}

// typeCheck parses and type-checks, in memory, everything Generate and its
// companions produced: the client package, its test double (files under
// "<pkg>test/") and examples_test.go, the external test package that
// imports both by importPath. It also checks that no generated file holds a
// directive, build constraint, line directive or block comment, an init
// function or an import outside the standard library and the package
// itself: the shapes injected code would take. Every file must also be
// gofmt's output.
func typeCheck(files []emitter.File, pkg, importPath string) error {
	fset := token.NewFileSet()
	groups := map[string][]*ast.File{}
	var errs []error
	runtime := map[string]bool{}
	for _, f := range templates.Files() {
		runtime[f.Name] = true
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		af, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := gocheck.Formatted([]gocheck.File{{Name: f.Name, Content: f.Content}}); err != nil {
			errs = append(errs, err)
		}
		group := path.Dir(f.Name)
		if strings.HasSuffix(f.Name, "_test.go") {
			group += "_test"
		}
		groups[group] = append(groups[group], af)
		errs = append(errs, commentLines(fset, af, f.Content)...)
		if !runtime[f.Name] && path.Base(f.Name) != "server.go" {
			errs = append(errs, injected(fset, af, importPath)...)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	check := func(group, path string, imp types.Importer) *types.Package {
		conf := types.Config{Importer: imp, Error: func(err error) {
			if len(errs) < 20 {
				errs = append(errs, err)
			}
		}}
		p, _ := conf.Check(path, fset, groups[group], nil)
		return p
	}
	tp := emitter.TestPackage(pkg)
	main := check(".", importPath, lockedImporter{})
	double := check(tp, importPath+"/"+tp, lockedImporter{})
	if len(groups["._test"]) > 0 && len(errs) == 0 {
		check("._test", importPath+"_test", mapImporter{importPath: main, importPath + "/" + tp: double})
	}
	for g := range groups {
		switch g {
		case ".", tp, "._test":
		default:
			errs = append(errs, fmt.Errorf("unexpected output folder %q", g))
		}
	}
	return errors.Join(errs...)
}

// commentLines checks every line of a generated file, runtime files and
// the test double included, as the tools that read Go files line by line
// see it (go generate scans every line, string literals too): a line whose
// text starts with "//" after its indentation must be the start of a
// comment of the file, never the inside of a literal; and no line may be a
// directive or build constraint ("//go:", "//line", "//export", "//extern",
// "// +build", "//+build") other than the go:generate line docgen writes in
// doc.go.
func commentLines(fset *token.FileSet, f *ast.File, src []byte) []error {
	file := fset.File(f.Pos())
	starts := map[int]bool{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			starts[file.Offset(c.Pos())] = true
		}
	}
	var errs []error
	off := 0
	for n, line := range strings.SplitAfter(string(src), "\n") {
		text := strings.TrimLeft(line, " \t")
		at := off + len(line) - len(text)
		off += len(line)
		text = strings.TrimRight(text, "\r\n")
		if !strings.HasPrefix(text, "//") {
			continue
		}
		pos := fmt.Sprintf("%s:%d", file.Name(), n+1)
		if !starts[at] {
			errs = append(errs, fmt.Errorf("%s: a line inside a literal starts with // (%q)", pos, short(text)))
		}
		for _, d := range []string{"//go:", "//line", "//export", "//extern", "// +build", "//+build"} {
			if strings.HasPrefix(text, d) && !(path.Base(file.Name()) == "doc.go" && strings.HasPrefix(text, "//go:generate go run github.com/docgen-dev/docgen/cmd/docgen ") && at == off-len(line)) {
				errs = append(errs, fmt.Errorf("%s: directive line %q", pos, short(text)))
			}
		}
	}
	return errs
}

// injected reports the shapes of injected code in a generated file.
func injected(fset *token.FileSet, f *ast.File, importPath string) []error {
	var errs []error
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			text := c.Text
			pos := fset.Position(c.Pos())
			// Directives and build constraints are commentLines' to
			// report: it reads every line of every file.
			if strings.HasPrefix(text, "/*") {
				errs = append(errs, fmt.Errorf("%s: block comment %s", pos, strconv.Quote(short(text))))
			}
		}
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" {
			errs = append(errs, fmt.Errorf("%s: func init", fset.Position(fd.Pos())))
		}
	}
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		if strings.Contains(strings.Split(p, "/")[0], ".") && p != importPath && !strings.HasPrefix(p, importPath+"/") {
			errs = append(errs, fmt.Errorf("%s: imports %s", fset.Position(im.Pos()), p))
		}
	}
	return errs
}

func short(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// sortedNames lists the file names of a generated package.
func sortedNames(files []emitter.File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Name)
	}
	sort.Strings(out)
	return out
}
