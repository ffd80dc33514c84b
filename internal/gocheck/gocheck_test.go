package gocheck

import (
	"strings"
	"testing"

	_ "github.com/docgen-dev/docgen/internal/golden"
)

func TestCheck(t *testing.T) {
	ok := []File{{Name: "a.go", Content: []byte("package p\n\nimport \"time\"\n\nvar T time.Duration\n")}}
	if err := Check(ok); err != nil {
		t.Errorf("valid package: %v", err)
	}
	bad := []File{{Name: "a.go", Content: []byte("package p\n\nvar x int = \"s\"\n")}}
	if err := Check(bad); err == nil {
		t.Error("ill-typed package passed")
	}
	syntax := []File{{Name: "a.go", Content: []byte("package p\nfunc {")}}
	if err := Check(syntax); err == nil {
		t.Error("syntax error passed")
	}
}

func TestFormatted(t *testing.T) {
	good := File{Name: "a.go", Content: []byte("package a\n\n// A is a thing.\nconst A = 1\n")}
	if err := Formatted([]File{good}); err != nil {
		t.Errorf("formatted file reported: %v", err)
	}
	for _, bad := range []File{
		{Name: "b.go", Content: []byte("package a\nconst  A = 1\n")},
		// A doc comment gofmt rewrites: an old-style heading.
		{Name: "c.go", Content: []byte("package a\n\n// A is a thing.\n//\n// Some heading\n//\n// Text.\nconst A = 1\n")},
		{Name: "d.go", Content: []byte("package a\nconst A = \n")},
	} {
		if err := Formatted([]File{good, bad}); err == nil || !strings.Contains(err.Error(), bad.Name) {
			t.Errorf("Formatted(%s) = %v, want an error naming it", bad.Name, err)
		}
	}
}
