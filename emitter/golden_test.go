package emitter_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/internal/gocheck"
	"github.com/docgen-dev/docgen/internal/golden"
	"github.com/docgen-dev/docgen/pipeline"
	"github.com/docgen-dev/docgen/templates"
)

// TestGolden generates each case folder golden/emitter/NNN_name/ (its *.md
// pages) and compares every generated file but the runtime copied from
// templates (models, enums, operations, doc.go, names.go, registry.go, the
// test double's examples) with NNN_name/want/<file>.golden; a golden file
// the output no longer has is an error. The whole output must also
// type-check. Regenerate with go test ./... -update.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("../golden/emitter/[0-9]*")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no emitter cases in golden/emitter")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res, err := pipeline.Run(pipeline.Config{Inputs: []string{filepath.Join(dir, "pages")}, Package: "golden"})
			if err != nil {
				t.Fatal(err)
			}
			runtime := map[string]bool{emitter.TestPackage("golden") + "/server.go": true}
			for _, rf := range templates.Files() {
				runtime[rf.Name] = true
			}
			want := map[string]bool{}
			var check, double []gocheck.File
			for _, f := range res.Files {
				if !runtime[f.Name] {
					path := filepath.Join(dir, "want", filepath.FromSlash(f.Name)+".golden")
					want[path] = true
					golden.Check(t, path, f.Content)
				}
				if strings.Contains(f.Name, "/") {
					double = append(double, gocheck.File{Name: f.Name, Content: f.Content})
					continue
				}
				check = append(check, gocheck.File{Name: f.Name, Content: f.Content})
			}
			checkStale(t, filepath.Join(dir, "want"), want)
			var diags strings.Builder
			for _, d := range res.Model.Diags {
				diags.WriteString(d.String() + "\n")
			}
			golden.Check(t, filepath.Join(dir, "want", "diagnostics.golden"), []byte(diags.String()))
			if err := gocheck.Check(check); err != nil {
				t.Errorf("generated package does not type-check: %v", err)
			}
			if err := gocheck.Check(double); err != nil {
				t.Errorf("generated test double does not type-check: %v", err)
			}
			if err := gocheck.Formatted(append(check, double...)); err != nil {
				t.Errorf("generated files are not gofmt's output: %v", err)
			}
		})
	}
}

// checkStale reports the Go golden files under dir that are not in want
// (removing them under -update).
func checkStale(t *testing.T, dir string, want map[string]bool) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go.golden") || want[path] {
			return err
		}
		if golden.Updating() {
			return os.Remove(path)
		}
		t.Errorf("golden file %s: no such file is generated (go test ./emitter -update removes it)", path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}
