package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// recorders are the functions and methods whose second argument is a
// diagnostic code.
var recorders = []string{"Warnf", "Errorf", "warnf", "errorf", "Infof", "infof"}

// sourceCodes returns the codes that the non-test Go files under root
// pass to a recorder, each with a position where it is raised, and the
// prefixes of codes built by concatenation ("collection-from-"+source).
// A code argument may be a string literal, a string constant of the
// package, a "prefix"+... expression, or a local variable; a variable
// yields every string literal assigned to it in its function.
func sourceCodes(t *testing.T, root string) (codes map[string]string, prefixes map[string]string) {
	t.Helper()
	codes, prefixes = map[string]string{}, map[string]string{}
	fset := token.NewFileSet()
	pkgs := map[string][]*ast.File{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "generated", "templates", "testdata", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		pkgs[filepath.Dir(p)] = append(pkgs[filepath.Dir(p)], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	lit := func(e ast.Expr) (string, bool) {
		if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
			s, err := strconv.Unquote(b.Value)
			return s, err == nil
		}
		return "", false
	}
	for _, files := range pkgs {
		consts := map[string]string{}
		for _, f := range files {
			for _, decl := range f.Decls {
				g, ok := decl.(*ast.GenDecl)
				if !ok || g.Tok != token.CONST {
					continue
				}
				for _, spec := range g.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if i < len(vs.Values) {
							if s, ok := lit(vs.Values[i]); ok {
								consts[name.Name] = s
							}
						}
					}
				}
			}
		}
		for _, f := range files {
			for _, decl := range f.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if !ok || fn.Body == nil {
					continue
				}
				// assigned maps a local variable to the literals assigned to it.
				assigned := map[string][]string{}
				ast.Inspect(fn.Body, func(n ast.Node) bool {
					if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
						for i, l := range as.Lhs {
							if id, ok := l.(*ast.Ident); ok {
								if s, ok := lit(as.Rhs[i]); ok {
									assigned[id.Name] = append(assigned[id.Name], s)
								}
							}
						}
					}
					return true
				})
				ast.Inspect(fn.Body, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok || len(call.Args) < 3 {
						return true
					}
					var name string
					switch fun := call.Fun.(type) {
					case *ast.SelectorExpr:
						if x, ok := fun.X.(*ast.Ident); ok && x.Name == "fmt" {
							return true // fmt.Errorf makes an error, not a diagnostic
						}
						name = fun.Sel.Name
					case *ast.Ident:
						name = fun.Name
					}
					if !slices.Contains(recorders, name) {
						return true
					}
					at := fset.Position(call.Pos()).String()
					arg := call.Args[1]
					switch a := arg.(type) {
					case *ast.BasicLit:
						if s, ok := lit(a); ok {
							codes[s] = at
						}
					case *ast.Ident:
						if s, ok := consts[a.Name]; ok {
							codes[s] = at
						}
						for _, s := range assigned[a.Name] {
							codes[s] = at
						}
					case *ast.SelectorExpr:
						if s, ok := consts[a.Sel.Name]; ok {
							codes[s] = at
						}
					case *ast.BinaryExpr:
						if s, ok := lit(a.X); ok && a.Op == token.ADD {
							prefixes[s] = at
						}
					}
					return true
				})
			}
		}
	}
	return codes, prefixes
}

// TestCatalog fails when a code raised anywhere in docgen's source is not
// in the catalog, when a catalog entry is raised nowhere, and when an
// entry lacks a meaning or a known severity.
func TestCatalog(t *testing.T) {
	codes, prefixes := sourceCodes(t, "..")
	if len(codes) < 40 {
		t.Fatalf("found only %d codes in the source; the scan is broken", len(codes))
	}
	for code, at := range codes {
		if _, ok := Lookup(code); !ok {
			t.Errorf("%s: code %q is not in the catalog (diag/codes.go)", at, code)
		}
	}
	for prefix, at := range prefixes {
		if !slices.ContainsFunc(Codes(), func(c Code) bool { return strings.HasPrefix(c.Name, prefix) }) {
			t.Errorf("%s: no catalog entry starts with %q", at, prefix)
		}
	}
	names := map[string]bool{}
	for _, c := range Codes() {
		if names[c.Name] {
			t.Errorf("code %s is in the catalog twice", c.Name)
		}
		names[c.Name] = true
		_, used := codes[c.Name]
		for prefix := range prefixes {
			used = used || strings.HasPrefix(c.Name, prefix)
		}
		if !used {
			t.Errorf("catalog entry %s is raised nowhere in the source", c.Name)
		}
		if c.Meaning == "" || strings.ContainsAny(c.Meaning, "\n") {
			t.Errorf("catalog entry %s needs a one-line meaning", c.Name)
		}
		if c.Severity != Error && c.Severity != Warning && c.Severity != Info {
			t.Errorf("catalog entry %s has severity %d", c.Name, c.Severity)
		}
	}
}

// TestSeverityFromCatalog: the recorded severity is the catalog's, whichever
// of Warnf and Errorf records it; a code the catalog lacks keeps the
// call's.
func TestSeverityFromCatalog(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "a.md"}, "annotation-json", "m")      // error in the catalog
	l.Errorf(Pos{File: "a.md"}, "annotation-repaired", "m") // info
	l.Warnf(Pos{File: "a.md"}, "type-conflict", "m")        // warning
	l.Warnf(Pos{File: "a.md"}, "no-such-code", "m")
	l.Errorf(Pos{File: "a.md"}, "no-such-code", "m")
	want := []Severity{Error, Info, Warning, Warning, Error}
	for i, d := range l {
		if d.Severity != want[i] {
			t.Errorf("%s: severity %s, want %s", d.Code, d.Severity, want[i])
		}
	}
	if got := l[1].String(); got != "a.md: info: m [annotation-repaired]" {
		t.Errorf("info prints as %q", got)
	}
	if !Error.AtLeast(Warning) || Info.AtLeast(Warning) || !Warning.AtLeast(Warning) {
		t.Error("AtLeast is wrong")
	}
}
