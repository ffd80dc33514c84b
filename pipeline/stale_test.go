package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen-dev/docgen/internal/golden"
)

// TestGeneratedIsFresh regenerates the committed package generated/ from
// seeds/ in memory, exactly as "go run ./cmd/docgen" does, and fails with a
// diff when a committed file is stale, missing or left over.
func TestGeneratedIsFresh(t *testing.T) {
	cfg := Config{
		Inputs:       []string{"../seeds"},
		NamesFrom:    "../generated",
		ImportPath:   "github.com/docgen-dev/docgen/generated",
		Package:      "generated",
		GenerateLine: seedsGenerateLine,
	}
	res, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, f := range res.Files {
		want[f.Name] = true
		got, err := os.ReadFile(filepath.Join("../generated", f.Name))
		if err != nil {
			t.Errorf("generated/%s: %v (run go run ./cmd/docgen)", f.Name, err)
			continue
		}
		if string(got) != string(f.Content) {
			t.Errorf("generated/%s is stale (run go run ./cmd/docgen):\n%s", f.Name, golden.Diff(string(got), string(f.Content), 30))
		}
	}
	stale, err := staleFiles("../generated", want)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range stale {
		t.Errorf("%s is a generated file docgen no longer produces (run go run ./cmd/docgen)", p)
	}
}

// TestGenerateLineSameFromEitherFolder checks that the go:generate line is
// the same whether docgen runs from the repository root or from the output
// folder, so that go generate changes nothing.
func TestGenerateLineSameFromEitherFolder(t *testing.T) {
	t.Chdir("..")
	fromRoot := GenerateLine([]string{"seeds"}, "generated", "generated")
	t.Chdir("generated")
	fromOut := GenerateLine([]string{"../seeds"}, ".", "generated")
	for _, got := range []string{fromRoot, fromOut} {
		if got != seedsGenerateLine {
			t.Errorf("GenerateLine = %q, want %q", got, seedsGenerateLine)
		}
	}
}

// seedsGenerateLine is the go:generate line of generated/doc.go.
const seedsGenerateLine = "go run github.com/docgen-dev/docgen/cmd/docgen -in ../seeds -out . -pkg generated"

// TestRelToLexical: relative paths are related without consulting the
// working directory, so the go:generate line cannot depend on where the
// repository sits.
func TestRelToLexical(t *testing.T) {
	for _, tt := range []struct{ base, target, want string }{
		{"generated", "seeds", "../seeds"},
		{".", "../seeds", "../seeds"},
		{"a/b", "a/c/d", "../c/d"},
		{"out", "out/in", "in"},
	} {
		if got, err := relTo(tt.base, tt.target); err != nil || got != tt.want {
			t.Errorf("relTo(%q, %q) = %q, %v; want %q", tt.base, tt.target, got, err, tt.want)
		}
	}
}
