package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDisplayPaths: pages inside the module of the working folder show
// their path from the module root, wherever docgen runs in it (here the
// output folder, as under go generate); pages outside it show their
// stable names.
func TestDisplayPaths(t *testing.T) {
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(mod, "graph")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "other", "x.md")
	if err := os.Mkdir(filepath.Dir(outside), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(out)
	got := DisplayPaths(map[string]string{
		"docs/api/a.md": filepath.Join("..", "site", "docs", "api", "a.md"),
		"other/x.md":    outside,
	})
	want := map[string]string{"docs/api/a.md": "site/docs/api/a.md", "other/x.md": "other/x.md"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s shows as %q, want %q", k, got[k], v)
		}
	}
	// No module: every page shows its stable name.
	t.Chdir(filepath.Dir(outside))
	if got := DisplayPaths(map[string]string{"other/x.md": "x.md"}); got["other/x.md"] != "other/x.md" {
		t.Errorf("outside a module: %q", got["other/x.md"])
	}
}

// TestRunReportDiagnostics: the report counts diagnostics by severity and
// lists them in the JSON form of -diag json, with paths from the module
// root, stable page names and keys.
func TestRunReportDiagnostics(t *testing.T) {
	t.Chdir("..")
	res, err := Run(Config{Inputs: []string{"seeds"}, Package: "generated", KeepParsed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("pipeline") // the paths do not depend on the working folder
	r := NewRunReport(res)
	sum := 0
	for _, n := range r.Summary.BySeverity {
		sum += n
	}
	if sum != len(res.Model.Diags) || sum == 0 || len(r.Diagnostics) != sum {
		t.Errorf("by severity %v, %d diagnostics listed, %d in the model", r.Summary.BySeverity, len(r.Diagnostics), len(res.Model.Diags))
	}
	for _, d := range r.Diagnostics {
		if d.File != d.Page || d.Key == "" || d.Severity == "" {
			t.Errorf("diagnostic %+v", d)
			break
		}
	}
	for _, p := range r.Pages {
		if p.File != p.Path {
			t.Errorf("page %s shows as %s", p.Path, p.File)
			break
		}
	}
}
