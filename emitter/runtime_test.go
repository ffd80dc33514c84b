package emitter

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/templates"
	"github.com/docgen-dev/docgen/templates/testdouble"
)

// TestRuntimeTable: every name of the runtime table is declared where the
// table says: the top-level names by the runtime (templates.Identifiers),
// its members as a field or method in a runtime file, the test double's
// names in its server.go, the fields of its example type among them, and
// examples is called there. Renaming a helper in templates fails here.
func TestRuntimeTable(t *testing.T) {
	decls, members := runtimeNames()
	ids := templates.Identifiers()
	for _, n := range decls {
		if _, found := slices.BinarySearch(ids, string(n)); !found {
			t.Errorf("runtime name %q is not declared by templates", n)
		}
	}
	fset := token.NewFileSet()
	var runtimeMembers []string
	for _, f := range templates.Files() {
		af, err := parser.ParseFile(fset, f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		runtimeMembers = append(runtimeMembers, memberNames(af)...)
	}
	for _, n := range members {
		if !slices.Contains(runtimeMembers, string(n)) {
			t.Errorf("runtime member %q is no field or method of a runtime declaration", n)
		}
	}

	af, err := parser.ParseFile(fset, "server.go", testdouble.Source(), parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	tdDecls, tdFields := testDoubleNames()
	top := map[string]ast.Node{}
	for _, d := range af.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				top[d.Name.Name] = d
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					top[ts.Name.Name] = ts
				}
			}
		}
	}
	for _, n := range tdDecls {
		if top[string(n)] == nil {
			t.Errorf("test double name %q is not declared by templates/testdouble", n)
		}
	}
	var exampleFields []string
	if ts, ok := top[string(tdExample)].(*ast.TypeSpec); ok {
		if st, ok := ts.Type.(*ast.StructType); ok {
			for _, fl := range st.Fields.List {
				for _, name := range fl.Names {
					exampleFields = append(exampleFields, name.Name)
				}
			}
		}
	}
	for _, n := range tdFields {
		if !slices.Contains(exampleFields, string(n)) {
			t.Errorf("test double field %q is not a field of %s (fields: %v)", n, tdExample, exampleFields)
		}
	}
	called := false
	ast.Inspect(af, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && id.Name == string(tdExamples) {
				called = true
			}
		}
		return true
	})
	if !called {
		t.Errorf("templates/testdouble does not call %s, which examples.go declares", tdExamples)
	}
}

// memberNames are the names of the fields, interface methods and methods
// declared in f.
func memberNames(f *ast.File) []string {
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Recv != nil {
				names = append(names, n.Name.Name)
			}
		case *ast.Field:
			for _, id := range n.Names {
				names = append(names, id.Name)
			}
		}
		return true
	})
	return names
}

// TestNoRuntimeNameAsString: no file of the emitter but runtime.go names
// the runtime by a string: neither as the argument of a jennifer
// identifier (jen.Id("doJSON"), .Qual(pkg, "NewClient"), .Dot("StatusCode"))
// nor as code written in a string ("doCollection[", "pathSegment(").
// The check itself is shown to find both on a sample.
func TestNoRuntimeNameAsString(t *testing.T) {
	names := allRuntimeNames()
	sample := `package p
func f() {
	_ = "\treturn doCollection[" + elem + "]"
	_ = jen.Id("unwrapSeq")
	_ = jen.Id("x").Dot("StatusCode")
	_ = jen.Qual("time", "Date").Call()
	_ = jen.Qual("example.com/p", "Date")
	_ = "Create a Client with NewClient; see [WithRetry] and pkg.NewClient(x)"
}`
	if got := runtimeStrings(t, "sample.go", []byte(sample), names); len(got) != 4 {
		t.Errorf("the check finds %q in the sample, want the four uses of doCollection, unwrapSeq, StatusCode and example.com/p's Date (not time.Date)", got)
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "runtime.go" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, s := range runtimeStrings(t, name, src, names) {
			t.Errorf("%s names the runtime by a string: %s (use the table in runtime.go)", name, s)
		}
	}
	if checked < 5 {
		t.Errorf("only %d files checked", checked)
	}
}

// runtimeNameSets are the names a string must not spell: top-level names
// (the runtime's, which templates.Identifiers reserves, and the test
// double's of the table) and members (the fields and methods of the
// table; only as the argument of Dot, as others share their names).
type runtimeNameSets struct{ top, members map[string]bool }

// allRuntimeNames are the runtime names TestNoRuntimeNameAsString looks for.
func allRuntimeNames() runtimeNameSets {
	sets := runtimeNameSets{top: map[string]bool{}, members: map[string]bool{}}
	for _, n := range templates.Identifiers() {
		sets.top[n] = true
	}
	decls, members := runtimeNames()
	tdDecls, tdFields := testDoubleNames()
	for _, n := range append(append(decls, tdDecls...), tdExamples) {
		sets.top[string(n)] = true
	}
	for _, n := range append(members, tdFields...) {
		sets.members[string(n)] = true
	}
	return sets
}

// stdPath reports whether e is a string literal naming a package of the
// standard library: an import path whose first element has no dot.
func stdPath(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return false
	}
	p, err := strconv.Unquote(lit.Value)
	first, _, _ := strings.Cut(p, "/")
	return err == nil && p != "" && !strings.Contains(first, ".")
}

// runtimeStrings returns the string literals of src that name the
// runtime: the argument of a call of a method or function named Id or
// Qual that is a top-level runtime name, or of Dot that is a member, or a literal in which a runtime
// top-level name, not qualified by a package, is followed by "[" or "("
// as code calling or instantiating it.
func runtimeStrings(t *testing.T, name string, src []byte, names runtimeNameSets) []string {
	t.Helper()
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	jenArg := map[*ast.BasicLit]bool{}
	var found []string
	ast.Inspect(af, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		var fn string
		switch f := c.Fun.(type) {
		case *ast.SelectorExpr:
			fn = f.Sel.Name
		case *ast.Ident:
			fn = f.Name
		}
		if fn != "Id" && fn != "Qual" && fn != "Dot" {
			return true
		}
		if fn == "Qual" && len(c.Args) == 2 && stdPath(c.Args[0]) {
			// A name of the standard library (time.Date) is not the
			// runtime's, whatever it is called.
			return true
		}
		for _, a := range c.Args {
			if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				jenArg[lit] = true
				v, err := strconv.Unquote(lit.Value)
				if err == nil && (fn == "Dot" && names.members[v] || fn != "Dot" && names.top[v]) {
					found = append(found, fset.Position(lit.Pos()).String()+": "+lit.Value)
				}
			}
		}
		return true
	})
	ast.Inspect(af, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING || jenArg[lit] {
			return true
		}
		v, err := strconv.Unquote(lit.Value)
		if err != nil {
			return true
		}
		if w := codeUse(v, names.top); w != "" {
			found = append(found, fset.Position(lit.Pos()).String()+": "+lit.Value+" ("+w+")")
		}
		return true
	})
	return found
}

// codeUse returns the first runtime name in s that is followed by "[" or
// "(" and not preceded by a letter, digit, "_" or ".", or "".
func codeUse(s string, names map[string]bool) string {
	isIdent := func(c byte) bool {
		return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for i := 0; i < len(s); {
		if !isIdent(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isIdent(s[j]) {
			j++
		}
		word := s[i:j]
		if names[word] && (i == 0 || s[i-1] != '.') && j < len(s) && (s[j] == '[' || s[j] == '(') {
			return word
		}
		i = j
	}
	return ""
}
