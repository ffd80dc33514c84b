package pipeline

import (
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/emitter"
)

const apiOld = `package graph

type Client struct{}

type User struct {
	ID string
}

func (c *Client) GetAUser(id string) (*User, error) { return nil, nil }

func (c *Client) UpdateUser(id string, body *Extension) error { return nil }

func (c *Client) ListUsers() []User { return nil }

type Extension struct{}
`

const apiNew = `package graph

type Client struct{}

type User struct {
	ID       string
	JobTitle *string
}

func (c *Client) GetUser(id string) (*User, error) { return nil, nil }

func (c *Client) UpdateUser(id string, body *User) error { return nil }

func (c *Client) ListUsers() []User { return nil }

type Extension struct{}
`

func TestAPIChanges(t *testing.T) {
	files := []emitter.File{
		{Name: "client.go", Content: []byte(apiNew)},
		{Name: "added.go", Content: []byte("package graph\n\ntype Group struct{}\n")},
		{Name: "examples_test.go", Content: []byte("package graph_test\n")},
		{Name: "graphtest/server.go", Content: []byte("package graphtest\n\nfunc New() {}\n")},
	}
	changes := []Change{
		{Kind: Added, Name: "added.go", New: files[1].Content},
		{Kind: Changed, Name: "client.go", Old: []byte(apiOld), New: files[0].Content},
		{Kind: Removed, Name: "gone.go", Old: []byte("package graph\n\nconst Old = 1\n")},
		// Changes outside the package's own non-test files are not its API.
		{Kind: Changed, Name: "graphtest/server.go", Old: []byte("package graphtest\n\nfunc Old() {}\n"), New: files[3].Content},
	}
	api, err := APIChanges(files, changes)
	if err != nil {
		t.Fatal(err)
	}
	got := describe(api)
	want := []string{
		"removed (*Client).GetAUser: func(id string) (*User, error)",
		"removed Old: const untyped int = 1",
		"changed (*Client).UpdateUser: func(id string, body *Extension) error -> func(id string, body *User) error",
		"added (*Client).GetUser: func(id string) (*User, error)",
		"added Group: type struct",
		"added User.JobTitle: field *string",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("APIChanges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var b strings.Builder
	if err := ReportAPI(&b, api); err != nil {
		t.Fatal(err)
	}
	report := b.String()
	if !strings.HasPrefix(report, "API: 3 breaking changes (2 removed, 1 changed), 3 added\nremoved:\n  (*Client).GetAUser: func(id string) (*User, error)\n") {
		t.Errorf("ReportAPI starts:\n%s", report)
	}
	if strings.Index(report, "changed:") > strings.Index(report, "added:") {
		t.Errorf("breaking changes are not listed first:\n%s", report)
	}
}

func TestAPIChangesUnchanged(t *testing.T) {
	files := []emitter.File{{Name: "client.go", Content: []byte(apiNew)}}
	// A reformatted file is a file change, not an API change.
	changes := []Change{{Kind: Changed, Name: "client.go", Old: []byte(strings.ReplaceAll(apiNew, "\n\n", "\n\n\n")), New: []byte(apiNew)}}
	api, err := APIChanges(files, changes)
	if err != nil {
		t.Fatal(err)
	}
	if len(api) != 0 {
		t.Errorf("APIChanges = %v, want none", api)
	}
	var b strings.Builder
	if err := ReportAPI(&b, api); err != nil || b.Len() != 0 {
		t.Errorf("ReportAPI wrote %q, %v; want nothing", b.String(), err)
	}
}

func TestAPIChangesDoesNotCompile(t *testing.T) {
	files := []emitter.File{{Name: "client.go", Content: []byte(apiNew)}}
	changes := []Change{{Kind: Changed, Name: "client.go", Old: []byte("package graph\n\nvar X = undefined\n"), New: []byte(apiNew)}}
	if _, err := APIChanges(files, changes); err == nil || !strings.Contains(err.Error(), "output folder") {
		t.Errorf("APIChanges of a package that does not compile: err = %v, want one naming the output folder", err)
	}
}

func TestAPIChangesKinds(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"const value", "const Max = 1", "const Max = 2", "changed Max: const untyped int = 1 -> const untyped int = 2"},
		{"interface method", "type C interface{ AsUser() *int }", "type C interface{ AsUser() *string }", "changed C.AsUser: method func() *int -> method func() *string"},
		{"value receiver", "type T int\nfunc (T) M() {}", "type T int\nfunc (T) M(x int) {}", "changed (T).M: func() -> func(x int)"},
		{"type parameters", "type R[T any] struct{}", "type R[T comparable] struct{}", "changed R: type[T any] struct -> type[T comparable] struct"},
		{"alias", "type A = int", "type A int", "changed A: type = int -> type int"},
		{"unexported", "type t int\nfunc f() {}", "type t string", ""},
		{"field type", "type U struct{ N *string }", "type U struct{ N *int32 }", "changed U.N: field *string -> field *int32"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := []emitter.File{{Name: "a.go", Content: []byte("package p\n" + tc.new + "\n")}}
			changes := []Change{{Kind: Changed, Name: "a.go", Old: []byte("package p\n" + tc.old + "\n"), New: files[0].Content}}
			api, err := APIChanges(files, changes)
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(api); strings.Join(got, "\n") != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// describe formats each change as "kind name: declaration".
func describe(api []APIChange) []string {
	var out []string
	for _, c := range api {
		out = append(out, c.Kind.String()+" "+c.String())
	}
	return out
}
