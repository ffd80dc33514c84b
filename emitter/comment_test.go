package emitter

import (
	"bytes"
	"github.com/docgen-dev/docgen/model"
	"go/ast"
	"go/build/constraint"
	"go/format"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestCleanText checks that docs text is neutralised for a // comment.
func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a */ b", "a * / b"},
		{"a /* b", "a / * b"},
		{"a // b", "a / / b"},
		{"///", "/ / /"},
		{"*/*/", "* / * /"},
		{"/*/", "/ * /"},
		{"//go:generate rm -rf /", "/ /go:generate rm -rf /"},
		{"//line x.go:1", "/ /line x.go:1"},
		{"+build linux", "+ build linux"},
		{"nul\x00byte", "nulbyte"},
		{"bom\ufeffin the middle", "bomin the middle"},
		{"bidi \u202eevil\u202c text", "bidi evil text"},
		{"zero\u200bwidth", "zerowidth"},
		{"bad \xff utf-8", "bad utf-8"},
		{"line\nbreaks\r\nand\ttabs", "line breaks and tabs"},
		{"separators\u2028here\u2029too", "separators here too"},
		{"go:generate at the start", "go:generate at the start"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDocHostile renders hostile descriptions as doc comments and checks
// the file: it parses, declares exactly what the emitter declared, and no
// comment line is a directive or a build constraint.
func TestDocHostile(t *testing.T) {
	for _, s := range []string{
		"*/ func init() { panic(1) } /*",
		"go:generate rm -rf /",
		"x\n//go:generate rm -rf /\n",
		"x\n//line evil.go:1\ny",
		"x +build ignore",
		strings.Repeat("w ", 38) + "+build ignore",
		strings.Repeat("w ", 38) + "//go:noinline",
		"\x00\ufeff\xff\u202e",
		"`raw` and \"quoted\" and 'single'",
	} {
		checkDocFile(t, s)
	}
}

// checkDocFile writes s as the doc comments of a type, of its field and
// of a function, as the emitter writes them (decl, fieldDoc) and as
// declDoc writes an Example function's doc comment, through jennifer, and
// checks each file as TestDocHostile describes.
func checkDocFile(t *testing.T, s string) {
	t.Helper()
	f := newFile("p")
	decl(f, declDocLines("T is a type.", s, "Documented in "+s+"."),
		jen.Type().Id("T").Struct(append(fieldDoc(docLines(s)), jen.Id("X").Int().Add(jsonTag("x")))...))
	decl(f, declDocLines(s), jen.Func().Id("F").Params().Block())
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		t.Fatalf("render %q: %v", s, err)
	}
	checkDocSource(t, s, buf.Bytes())

	jf := jen.NewFile("p")
	jf.Add(declDoc("T is a type.", s, "Documented in "+s+"."))
	jf.Type().Id("T").Struct(jen.Id("X").Int())
	jf.Add(declDoc(s))
	jf.Func().Id("F").Params().Block()
	buf.Reset()
	if err := jf.Render(&buf); err != nil {
		t.Fatalf("render %q: %v", s, err)
	}
	checkDocSource(t, s, buf.Bytes())
}

// checkDocSource checks a file written by checkDocFile.
func checkDocSource(t *testing.T, s string, src []byte) {
	t.Helper()
	if out, err := format.Source(src); err == nil && !bytes.Equal(out, src) {
		t.Errorf("doc comments of %q are not gofmt's output:\n%s\n--- gofmt:\n%s", s, src, out)
	}
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("doc(%q) does not parse: %v\n%s", s, err, src)
	}
	var names []string
	for _, d := range af.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Doc == nil {
				t.Errorf("declDoc(%q): T has no doc comment\n%s", s, src)
			}
			for _, sp := range d.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok {
					names = append(names, ts.Name.Name)
				} else {
					names = append(names, "?")
				}
			}
		case *ast.FuncDecl:
			names = append(names, d.Name.Name)
			if d.Doc == nil && len(docLines(s)) > 0 {
				t.Errorf("declDoc(%q): F has no doc comment\n%s", s, src)
			}
			if len(d.Body.List) != 0 {
				t.Errorf("doc(%q): F has a body", s)
			}
		}
	}
	if strings.Join(names, ",") != "T,F" {
		t.Errorf("doc(%q) declares %v, want T and F\n%s", s, names, src)
	}
	for _, cg := range af.Comments {
		for _, c := range cg.List {
			checkCommentLine(t, s, c.Text)
		}
	}
}

// checkCommentLine checks one comment: a // line comment that is no
// directive, build constraint or line directive.
func checkCommentLine(t *testing.T, s, text string) {
	t.Helper()
	if !strings.HasPrefix(text, "//") {
		t.Errorf("doc(%q) wrote a /* comment: %q", s, text)
		return
	}
	body := text[2:]
	if body != "" && body[0] != ' ' {
		t.Errorf("doc(%q) wrote a directive-like comment %q", s, text)
	}
	if constraint.IsGoBuild(text) || constraint.IsPlusBuild(text) {
		t.Errorf("doc(%q) wrote a build constraint %q", s, text)
	}
	if strings.Contains(body, "*/") || strings.Contains(body, "/*") || strings.Contains(body, "//") {
		t.Errorf("doc(%q) left a comment delimiter in %q", s, text)
	}
	if strings.ContainsAny(body, "\x00\ufeff\r") {
		t.Errorf("doc(%q) left a NUL, BOM or CR in %q", s, text)
	}
}

func TestWithPublished(t *testing.T) {
	got := withPublished([]string{"X is a type."}, "v1.0/resources/user.md")
	want := []string{"X is a type.", "", "Published at https://learn.microsoft.com/graph/api/resources/user?view=graph-rest-1.0."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("withPublished = %q, want %q", got, want)
	}
	for _, file := range []string{"seeds/api/x.md", "v1.0/api/a//b.md", "v1.0/api/x*/y.md", "v1.0/api/%2F.md", ""} {
		if got := withPublished([]string{"X."}, file); len(got) != 1 {
			t.Errorf("withPublished(%q) added %q", file, got[1:])
		}
	}
	for _, u := range []string{"https://learn.microsoft.com/a//b", "http://learn.microsoft.com/a", "https://learn.microsoft.com.evil/a", "https://learn.microsoft.com/a*/"} {
		if safeURL(u) {
			t.Errorf("safeURL(%q) = true", u)
		}
	}
}

func TestQueryDoc(t *testing.T) {
	op := &model.Operation{QueryOptions: []string{"$select", "$expand", "$skipToken"}}
	want := "Query options the docs name: $select ([WithSelect]), $expand ([WithExpand]), $skipToken ([WithQuery])."
	if got := queryDoc(op); got != want {
		t.Errorf("queryDoc = %q, want %q", got, want)
	}
	if got := queryDoc(&model.Operation{}); got != "" {
		t.Errorf("queryDoc of no options = %q", got)
	}
	// Every option named exists in the runtime.
	ids := map[string]bool{}
	for _, id := range Reserved() {
		ids[id] = true
	}
	for _, q := range []string{"$select", "$filter", "$top", "$skip", "$expand", "$orderby", "$search", "$count", "$format"} {
		if !ids[string(queryOption(q))] {
			t.Errorf("%s: request option %s is not a runtime identifier", q, queryOption(q))
		}
	}
}
