package emitter

import (
	"go/format"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/model"
)

// TestFileWithoutDeclarations: a file of a group without declarations is
// the header and the package clause, and a test double without examples
// returns an empty table, each as go/format writes it.
func TestFileWithoutDeclarations(t *testing.T) {
	m := &model.Model{}
	out, err := Generate(m, Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	files := out.Files
	want := Header + "\n\npackage p\n"
	seen := 0
	for _, f := range files {
		switch f.Name {
		case "models.go", "enums.go", "operations.go":
			seen++
			if string(f.Content) != want {
				t.Errorf("%s = %q, want %q", f.Name, f.Content, want)
			}
		}
	}
	if seen != 3 {
		t.Errorf("found %d of models.go, enums.go and operations.go", seen)
	}
	double, err := generateTestDouble(m, "p")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range double {
		if f.Name != "ptest/examples.go" {
			continue
		}
		src := string(f.Content)
		if !strings.HasSuffix(src, "\nfunc examples() []example {\n\treturn []example{}\n}\n") {
			t.Errorf("examples.go without examples ends\n%s", src[max(0, len(src)-200):])
		}
		if out, err := format.Source(f.Content); err != nil || string(out) != src {
			t.Errorf("examples.go is not go/format's output (%v)", err)
		}
	}
}
