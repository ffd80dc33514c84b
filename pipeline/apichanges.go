package pipeline

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/emitter"
)

// APIChangeKind groups the changes of an API summary, breaking ones first.
type APIChangeKind int

// Kinds of API change, in the order a summary lists them.
const (
	// APIRemoved is an exported identifier, method or field that is gone:
	// code using it stops compiling.
	APIRemoved APIChangeKind = iota
	// APIChanged is an identifier, method or field whose type or signature
	// changed.
	APIChanged
	// APIAdded is a new exported identifier, method or field.
	APIAdded
)

func (k APIChangeKind) String() string {
	return [...]string{"removed", "changed", "added"}[k]
}

// APIChange is one difference between the exported API of the package in
// the output folder and that of the package docgen would generate.
type APIChange struct {
	Kind APIChangeKind
	// Name is the identifier as Go code spells a use of it:
	// "(*Client).GetUser", "User.JobTitle", "ListUsers".
	Name string
	// Old and New are its declarations without the name ("func(ctx
	// context.Context, userID string) (*User, error)", "field *string");
	// Old is empty when Added, New when Removed.
	Old, New string
}

// Breaking reports whether c breaks code written against the old API.
func (c APIChange) Breaking() bool { return c.Kind != APIAdded }

// String formats c as one line of a summary.
func (c APIChange) String() string {
	switch c.Kind {
	case APIRemoved:
		return c.Name + ": " + c.Old
	case APIChanged:
		return c.Name + ": " + c.Old + " -> " + c.New
	}
	return c.Name + ": " + c.New
}

// APIChanges compares the exported API of the package that files would
// replace (files with changes applied backwards: Old for changed and
// removed files, without the added ones) with that of files, both
// type-checked from source. Only the package's own non-test files at the
// top of the folder count; the test double and the Example functions are
// not the API users import. The API is every exported package-level
// constant, variable, function and type, every exported method, every
// exported struct field (embedded ones too) and interface method; each is
// compared by its declaration, so a reformatted file or a moved
// declaration is no change. The result is sorted: removed, changed, added,
// each by name. It is an error when either side does not type-check: a
// summary of a package that does not compile would name changes that are
// not there.
//
// golang.org/x/exp/apidiff was measured for this and left: on the v1.0
// update from the May 2020 to the July 2021 docs it prints debugging lines
// with whole struct types to standard output (a field both removed and
// changed), which a CI log must not get, and its messages drop parameter
// names, which say most about a changed request function.
func APIChanges(files []emitter.File, changes []Change) ([]APIChange, error) {
	newSrc := map[string][]byte{}
	for _, f := range files {
		if isPackageFile(f.Name) {
			newSrc[f.Name] = f.Content
		}
	}
	oldSrc := map[string][]byte{}
	for name, content := range newSrc {
		oldSrc[name] = content
	}
	for _, c := range changes {
		if !isPackageFile(c.Name) {
			continue
		}
		switch c.Kind {
		case Added:
			delete(oldSrc, c.Name)
		case Changed, Removed:
			oldSrc[c.Name] = c.Old
		}
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	oldPkg, err := typeCheck(fset, imp, oldSrc)
	if err != nil {
		return nil, fmt.Errorf("the package in the output folder: %w", err)
	}
	newPkg, err := typeCheck(fset, imp, newSrc)
	if err != nil {
		return nil, fmt.Errorf("the generated package: %w", err)
	}
	oldAPI, newAPI := exportedAPI(oldPkg), exportedAPI(newPkg)
	var out []APIChange
	for _, name := range sortedNames(oldAPI) {
		switch n, ok := newAPI[name]; {
		case !ok:
			out = append(out, APIChange{Kind: APIRemoved, Name: name, Old: oldAPI[name]})
		case n != oldAPI[name]:
			out = append(out, APIChange{Kind: APIChanged, Name: name, Old: oldAPI[name], New: n})
		}
	}
	for _, name := range sortedNames(newAPI) {
		if _, ok := oldAPI[name]; !ok {
			out = append(out, APIChange{Kind: APIAdded, Name: name, New: newAPI[name]})
		}
	}
	slices.SortStableFunc(out, func(a, b APIChange) int { return cmp.Compare(a.Kind, b.Kind) })
	return out, nil
}

// exportedAPI maps each exported name of pkg (see APIChanges) to its
// declaration, with types written relative to pkg.
func exportedAPI(pkg *types.Package) map[string]string {
	api := map[string]string{}
	qual := types.RelativeTo(pkg)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch obj := obj.(type) {
		case *types.Const:
			api[name] = "const " + types.TypeString(obj.Type(), qual) + " = " + obj.Val().ExactString()
		case *types.Var:
			api[name] = "var " + types.TypeString(obj.Type(), qual)
		case *types.Func:
			api[name] = types.TypeString(obj.Type(), qual)
		case *types.TypeName:
			api[name] = typeDecl(obj, qual)
			named, ok := obj.Type().(*types.Named)
			if !ok {
				continue
			}
			for m := range named.Methods() {
				if !m.Exported() {
					continue
				}
				recv := "(" + name + ")."
				if _, ptr := m.Signature().Recv().Type().(*types.Pointer); ptr {
					recv = "(*" + name + ")."
				}
				api[recv+m.Name()] = types.TypeString(m.Type(), qual)
			}
			switch u := named.Underlying().(type) {
			case *types.Struct:
				for f := range u.Fields() {
					if f.Exported() {
						api[name+"."+f.Name()] = "field " + types.TypeString(f.Type(), qual)
					}
				}
			case *types.Interface:
				for m := range u.ExplicitMethods() {
					if m.Exported() {
						api[name+"."+m.Name()] = "method " + types.TypeString(m.Type(), qual)
					}
				}
			}
		}
	}
	return api
}

// typeDecl is a type's declaration as the summary compares it: its kind
// and type parameters for structs and interfaces (their members are
// entries of their own), the underlying type otherwise, with "= " for
// aliases.
func typeDecl(obj *types.TypeName, qual types.Qualifier) string {
	if obj.IsAlias() {
		return "type = " + types.TypeString(types.Unalias(obj.Type()), qual)
	}
	var tparams string
	if named, ok := obj.Type().(*types.Named); ok && named.TypeParams().Len() > 0 {
		var ps []string
		for p := range named.TypeParams().TypeParams() {
			ps = append(ps, p.Obj().Name()+" "+types.TypeString(p.Constraint(), qual))
		}
		tparams = "[" + strings.Join(ps, ", ") + "]"
	}
	switch u := obj.Type().Underlying().(type) {
	case *types.Struct:
		return "type" + tparams + " struct"
	case *types.Interface:
		return "type" + tparams + " interface"
	default:
		return "type" + tparams + " " + types.TypeString(u, qual)
	}
}

func sortedNames(m map[string]string) []string {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// isPackageFile reports whether name is a non-test Go file of the package
// itself (not of a subfolder such as the test double's).
func isPackageFile(name string) bool {
	return !strings.Contains(name, "/") && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
}

// typeCheck parses and type-checks the files of one package, sorted by
// name so that positions and errors do not depend on map order.
func typeCheck(fset *token.FileSet, imp types.Importer, src map[string][]byte) (*types.Package, error) {
	names := make([]string, 0, len(src))
	for name := range src {
		names = append(names, name)
	}
	slices.Sort(names)
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, src[name], parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return types.NewPackage("generated", "generated"), nil
	}
	conf := types.Config{Importer: imp}
	return conf.Check(files[0].Name.Name, fset, files, nil)
}

// ReportAPI writes the API summary of changes for a person reviewing a
// docs update: a count line, then the changes grouped as removed, changed
// and added, breaking groups first, one indented line each. Nothing is
// written when the API is unchanged.
func ReportAPI(w io.Writer, api []APIChange) error {
	if len(api) == 0 {
		return nil
	}
	var counts [3]int
	for _, c := range api {
		counts[c.Kind]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "API: %d breaking changes (%d removed, %d changed), %d added\n",
		counts[APIRemoved]+counts[APIChanged], counts[APIRemoved], counts[APIChanged], counts[APIAdded])
	for i, c := range api {
		if i == 0 || api[i-1].Kind != c.Kind {
			fmt.Fprintf(&b, "%s:\n", c.Kind)
		}
		b.WriteString("  " + c.String() + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
