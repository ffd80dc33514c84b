package emitter_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/internal/gocheck"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/pipeline"
)

// splitModels are the models TestSplit generates: the seeds and every
// golden emitter case.
func splitModels(t *testing.T) map[string]*model.Model {
	t.Helper()
	inputs := map[string]string{"seeds": "../seeds"}
	cases, err := filepath.Glob("../golden/emitter/[0-9]*/pages")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no golden emitter cases: %v", err)
	}
	for _, c := range cases {
		inputs[filepath.Base(filepath.Dir(c))] = c
	}
	models := map[string]*model.Model{}
	for name, in := range inputs {
		res, err := pipeline.Run(pipeline.Config{Inputs: []string{in}, Package: "client"})
		if err != nil {
			t.Fatal(err)
		}
		models[name] = res.Model
	}
	return models
}

// TestSplit: a package split into models_<letter>.go, enums_<letter>.go
// and operations_<letter>.go files declares exactly what the unsplit one
// does, each declaration in the file its name selects; the output is the
// same whatever the number of workers and GOMAXPROCS; and it type-checks.
func TestSplit(t *testing.T) {
	fileRe := regexp.MustCompile(`^(models|enums|operations)_([a-z]|other)\.go$`)
	for name, m := range splitModels(t) {
		t.Run(name, func(t *testing.T) {
			whole := generate(t, m, emitter.Options{Package: "client", SplitAbove: 1 << 30})
			if got := generate(t, m, emitter.Options{Package: "client"}); !sameFiles(got, whole) {
				t.Errorf("a package this small is split by default: %v", fileNames(got))
			}
			split := generate(t, m, emitter.Options{Package: "client", SplitAbove: -1, Workers: 1})
			for _, procs := range []int{1, 4} {
				prev := runtime.GOMAXPROCS(procs)
				for _, workers := range []int{0, 3, 64} {
					if got := generate(t, m, emitter.Options{Package: "client", SplitAbove: -1, Workers: workers}); !sameFiles(got, split) {
						t.Errorf("GOMAXPROCS %d, Workers %d: output differs from one worker's", procs, workers)
					}
				}
				runtime.GOMAXPROCS(prev)
			}
			if w, s := declarations(t, whole), declarations(t, split); !slices.Equal(w, s) {
				t.Errorf("split files declare %d declarations, the unsplit package %d, or different ones", len(s), len(w))
			}
			if !slices.ContainsFunc(split, func(f emitter.File) bool { return fileRe.MatchString(f.Name) }) {
				t.Fatalf("SplitAbove -1 split nothing: %v", fileNames(split))
			}
			for _, f := range split {
				sub := fileRe.FindStringSubmatch(f.Name)
				if sub == nil {
					// An empty group keeps its one declaration-free file.
					switch f.Name {
					case "models.go", "enums.go", "operations.go":
						if d := declarations(t, []emitter.File{f}); len(d) > 0 {
							t.Errorf("split package has %s with %d declarations", f.Name, len(d))
						}
					}
					continue
				}
				for _, n := range declNames(t, f) {
					if l := letterOf(sub[1], n); l != sub[2] {
						t.Errorf("%s declares %s, which belongs in %s_%s.go", f.Name, n, sub[1], l)
					}
				}
			}
			var check []gocheck.File
			for _, f := range split {
				if !strings.Contains(f.Name, "/") {
					check = append(check, gocheck.File{Name: f.Name, Content: f.Content})
				}
			}
			if err := gocheck.Check(check); err != nil {
				t.Errorf("split package does not type-check: %v", err)
			}
		})
	}
}

// TestSplitStable: adding a type to a split package rewrites the models
// file of its letter and the registry, and no other file.
func TestSplitStable(t *testing.T) {
	m := splitModels(t)["seeds"]
	before := generate(t, m, emitter.Options{Package: "client", SplitAbove: -1})
	more := *m
	more.Types = append(slices.Clone(m.Types), &model.Type{Name: "Zebra", FullName: "microsoft.graph.zebra", Kind: model.Complex})
	after := generate(t, &more, emitter.Options{Package: "client", SplitAbove: -1})
	old := map[string][]byte{}
	for _, f := range before {
		old[f.Name] = f.Content
	}
	var changed []string
	for _, f := range after {
		if c, ok := old[f.Name]; !ok || !bytes.Equal(c, f.Content) {
			changed = append(changed, f.Name)
		}
		delete(old, f.Name)
	}
	for name := range old {
		changed = append(changed, name)
	}
	slices.Sort(changed)
	if want := []string{"models_z.go", "registry.go"}; !slices.Equal(changed, want) {
		t.Errorf("adding type Zebra changed %v, want %v", changed, want)
	}
}

func generate(t *testing.T, m *model.Model, opts emitter.Options) []emitter.File {
	t.Helper()
	out, err := emitter.Generate(m, opts)
	if err != nil {
		t.Fatal(err)
	}
	return out.Files
}

func sameFiles(a, b []emitter.File) bool {
	return slices.EqualFunc(a, b, func(x, y emitter.File) bool { return x.Name == y.Name && bytes.Equal(x.Content, y.Content) })
}

func fileNames(files []emitter.File) []string {
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	return names
}

// declarations returns the source of every top-level declaration but
// imports, doc comment included, sorted.
func declarations(t *testing.T, files []emitter.File) []string {
	t.Helper()
	var out []string
	for _, f := range files {
		fset := token.NewFileSet()
		af, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		tf := fset.File(af.Pos())
		for _, d := range af.Decls {
			start := d.Pos()
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok == token.IMPORT {
					continue
				}
				if d.Doc != nil {
					start = d.Doc.Pos()
				}
			case *ast.FuncDecl:
				if d.Doc != nil {
					start = d.Doc.Pos()
				}
			}
			out = append(out, string(f.Content[tf.Offset(start):tf.Offset(d.End())]))
		}
	}
	slices.Sort(out)
	return out
}

// declNames returns the names of the types and of the functions and
// methods declared in f, except the methods of polymorphic types' Ref
// wrappers and base types, which go with their type.
func declNames(t *testing.T, f emitter.File) []string {
	t.Helper()
	af, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Content, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range af.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					names = append(names, ts.Name.Name)
				}
			}
		case *ast.FuncDecl:
			if d.Recv != nil {
				if id, ok := d.Recv.List[0].Type.(*ast.StarExpr); ok {
					if id, ok := id.X.(*ast.Ident); ok && id.Name == "Client" {
						names = append(names, d.Name.Name)
					}
				}
			}
		}
	}
	return names
}

// letterOf is the letter of the file of group that declaration name
// belongs in: a type's initial; a method's initial after its leading verb.
func letterOf(group, name string) string {
	if group == "operations" {
		for i := 1; i < len(name); i++ {
			if name[i] >= 'A' && name[i] <= 'Z' {
				name = name[i:]
				break
			}
		}
	}
	c := name[0] | 0x20
	if c < 'a' || c > 'z' {
		return "other"
	}
	return string(c)
}
