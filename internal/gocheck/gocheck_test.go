package gocheck

import (
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
