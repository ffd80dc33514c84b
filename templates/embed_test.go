package templates

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	runtimeNames := []string{"body.go", "client.go", "decode.go", "encode.go", "errors.go", "links.go", "members.go", "options.go", "poly.go", "refs.go", "request.go", "retry.go", "streamdecode.go", "values.go"}
	files := Files()
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		disk, err := os.ReadFile(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(disk, f.Content) {
			t.Errorf("%s: embedded content differs from the file", f.Name)
		}
	}
	if !slices.Equal(names, runtimeNames) {
		t.Errorf("Files() names = %v, want %v", names, runtimeNames)
	}
	// Every non-test file of the package ships, but for the two that only
	// make it a package of its own: a runtime file left off the //go:embed
	// line would compile and pass here, and be missing from every client.
	onDisk, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, name := range onDisk {
		if !strings.HasSuffix(name, "_test.go") && name != "embed.go" && name != "defaults.go" {
			want = append(want, name)
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("embedded runtime files %v, but the package's non-test files (less embed.go and defaults.go) are %v: add the missing ones to the //go:embed line", names, want)
	}
}

// parseRuntime parses every runtime file with mode.
func parseRuntime(t *testing.T, fset *token.FileSet, mode parser.Mode) []*ast.File {
	t.Helper()
	var out []*ast.File
	for _, f := range Files() {
		af, err := parser.ParseFile(fset, f.Name, f.Content, mode)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, af)
	}
	return out
}

func TestRuntimeImportsStandardLibraryOnly(t *testing.T) {
	fset := token.NewFileSet()
	for _, f := range parseRuntime(t, fset, parser.ImportsOnly) {
		name := fset.Position(f.Package).Filename
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(path, "/")
			if strings.Contains(first, ".") {
				t.Errorf("%s imports non-standard package %q", name, path)
			}
		}
	}
}

func TestRuntimeFilesShape(t *testing.T) {
	fset := token.NewFileSet()
	for _, f := range parseRuntime(t, fset, parser.ParseComments|parser.PackageClauseOnly) {
		name := fset.Position(f.Package).Filename
		if f.Name.Name != "templates" {
			t.Errorf("%s: package %s, want templates", name, f.Name.Name)
		}
		if f.Doc != nil {
			t.Errorf("%s has a package comment; only embed.go may", name)
		}
		for _, cg := range f.Comments {
			if strings.Contains(cg.Text(), "Code generated") {
				t.Errorf("%s carries a generated-code header", name)
			}
		}
	}
}

// TestRuntimeSelfContained type-checks the runtime files on their own, with
// defaultBaseURL and newByODataType as the only extra declarations, as the emitter will emit
// them.
func TestRuntimeSelfContained(t *testing.T) {
	fset := token.NewFileSet()
	files := parseRuntime(t, fset, 0)
	stub, err := parser.ParseFile(fset, "stub.go", "package templates\nconst defaultBaseURL = \"https://example.com\"\nfunc newByODataType(string) any { return nil }\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	if _, err := conf.Check("example.com/generated", fset, append(files, stub), nil); err != nil {
		t.Errorf("runtime files do not compile on their own: %v", err)
	}
}

func TestRewrite(t *testing.T) {
	src := []byte("// Comment mentioning\n// package foo\n\npackage templates // trailing\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint(\"package templates\")\n")
	got, err := Rewrite(src, "graph")
	if err != nil {
		t.Fatal(err)
	}
	want := "// Comment mentioning\n// package foo\n\npackage graph // trailing\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint(\"package templates\")\n"
	if string(got) != want {
		t.Errorf("Rewrite =\n%s\nwant\n%s", got, want)
	}
	if !bytes.HasPrefix(src, []byte("// Comment")) || !bytes.Contains(src, []byte("package templates //")) {
		t.Error("Rewrite modified its input")
	}

	for _, f := range Files() {
		out, err := Rewrite(f.Content, "msgraph")
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		af, err := parser.ParseFile(token.NewFileSet(), f.Name, out, 0)
		if err != nil {
			t.Fatalf("%s: rewritten source does not parse: %v", f.Name, err)
		}
		if af.Name.Name != "msgraph" {
			t.Errorf("%s: package %s after Rewrite", f.Name, af.Name.Name)
		}
		if !bytes.Equal(bytes.Replace(out, []byte("package msgraph"), []byte("package templates"), 1), f.Content) {
			t.Errorf("%s: Rewrite changed more than the package clause", f.Name)
		}
	}

	for _, pkg := range []string{"", "_", "1abc", "a-b", "func"} {
		if _, err := Rewrite(src, pkg); err == nil {
			t.Errorf("Rewrite(src, %q) accepted an invalid package name", pkg)
		}
	}
	if _, err := Rewrite([]byte("// no package clause\n"), "graph"); err == nil {
		t.Error("Rewrite accepted source without a package clause")
	}
}

func TestIdentifiers(t *testing.T) {
	ids := Identifiers()
	if !slices.IsSorted(ids) {
		t.Errorf("Identifiers() not sorted: %v", ids)
	}
	if len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Errorf("Identifiers() has duplicates: %v", ids)
	}
	for _, want := range []string{
		"APIError", "Client", "Date", "Duration", "DurationOf", "NewClient", "Option", "ParseDuration", "Ptr",
		"RequestOption", "TimeOfDay", "WithBaseURL", "WithSelect", "defaultBaseURL", "doCollection", "doJSON",
		"maxErrorBody", "pathLiteral", "requestConfig", "ResponseInfo", "WithRetry", "WithResponseInfo",
		"WithDeltaLink", "WithResumeFrom",
	} {
		if _, found := slices.BinarySearch(ids, want); !found {
			t.Errorf("Identifiers() lacks %s", want)
		}
	}
	for _, method := range []string{"Error", "send", "do", "requestURL", "MarshalText", "String", "Std", "Time"} {
		if slices.Contains(ids, method) {
			t.Errorf("Identifiers() contains method name %s", method)
		}
	}
	for _, notRuntime := range []string{"File", "Files", "Rewrite", "Identifiers", "runtimeFS", "fmt", "http"} {
		if slices.Contains(ids, notRuntime) {
			t.Errorf("Identifiers() contains %s, which the runtime does not declare", notRuntime)
		}
	}

	// Cross-check against the type checker's view of the package scope.
	fset := token.NewFileSet()
	stub, err := parser.ParseFile(fset, "stub.go", "package templates\nconst defaultBaseURL = \"\"\nfunc newByODataType(string) any { return nil }\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("example.com/generated", fset, append(parseRuntime(t, fset, 0), stub), nil)
	if err != nil {
		t.Fatal(err)
	}
	if scope := pkg.Scope().Names(); !slices.Equal(scope, ids) {
		t.Errorf("Identifiers() = %v\npackage scope = %v", ids, scope)
	}
}
