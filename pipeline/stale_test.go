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

// TestGenerateLineForms: inputs in a module are named from its root
// whether the output goes into that module or outside any module (a
// scratch folder, as a staleness check uses), so the line does not change;
// an output in another module gets inputs relative to it, and inputs in no
// module are relative to the output too.
func TestGenerateLineForms(t *testing.T) {
	tmp := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(tmp, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("mod/go.mod", "module example.com/mod\n")
	write("mod/docs/api/a.md", "# A\n")
	write("other/go.mod", "module example.com/other\n")
	write("loose/docs/a.md", "# A\n")
	const head = "go run github.com/docgen-dev/docgen/cmd/docgen "
	for _, tt := range []struct {
		in, out, want string
	}{
		{"mod/docs", "mod/client", head + "-modroot -in docs -out . -pkg p"},
		{"mod/docs/api", "mod/a/b/client", head + "-modroot -in docs/api -out . -pkg p"},
		{"mod/docs", "scratch/client", head + "-modroot -in docs -out . -pkg p"},
		{"mod/docs", "other/client", head + "-in ../../mod/docs -out . -pkg p"},
		{"loose/docs", "loose/client", head + "-in ../docs -out . -pkg p"},
	} {
		in, out := filepath.Join(tmp, tt.in), filepath.Join(tmp, tt.out)
		if got := GenerateLine([]string{in}, out, "p"); got != tt.want {
			t.Errorf("GenerateLine(%s, %s) = %q, want %q", tt.in, tt.out, got, tt.want)
		}
	}
	// Inputs in two modules cannot be named from one root.
	if got, want := GenerateLine([]string{filepath.Join(tmp, "mod/docs"), filepath.Join(tmp, "other")}, filepath.Join(tmp, "mod/c"), "p"),
		head+"-in ../docs -in ../../other -out . -pkg p"; got != want {
		t.Errorf("two modules: %q, want %q", got, want)
	}

	// -modroot reads the inputs from the module root wherever it runs.
	t.Chdir(filepath.Join(tmp, "mod"))
	if err := os.MkdirAll("a/b", 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir("a/b")
	got, err := ResolveFromModule([]string{"docs", "/abs/x"})
	if err != nil || len(got) != 2 || filepath.ToSlash(got[0]) != "../../docs" || got[1] != "/abs/x" {
		t.Errorf("ResolveFromModule = %q, %v; want [../../docs /abs/x]", got, err)
	}
	t.Chdir(tmp)
	if _, err := ResolveFromModule([]string{"docs"}); err == nil {
		t.Error("ResolveFromModule outside any module: no error")
	}
}

// seedsGenerateLine is the go:generate line of generated/doc.go.
const seedsGenerateLine = "go run github.com/docgen-dev/docgen/cmd/docgen -modroot -in seeds -out . -pkg generated"

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
