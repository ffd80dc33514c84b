package emitter_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/gocheck"
	"github.com/docgen-dev/docgen/internal/golden"
	"github.com/docgen-dev/docgen/pipeline"
)

// TestGolden generates each case folder golden/emitter/NNN_name/ (its *.md
// pages) and compares the generated models.go, enums.go and operations.go
// with the files in NNN_name/want/. The whole output must also type-check.
// Regenerate with go test ./... -update.
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
			var check, double []gocheck.File
			for _, f := range res.Files {
				if strings.Contains(f.Name, "/") {
					double = append(double, gocheck.File{Name: f.Name, Content: f.Content})
					continue
				}
				check = append(check, gocheck.File{Name: f.Name, Content: f.Content})
				switch f.Name {
				case "models.go", "enums.go", "operations.go":
					golden.Check(t, filepath.Join(dir, "want", f.Name+".golden"), f.Content)
				}
			}
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
		})
	}
}

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}
