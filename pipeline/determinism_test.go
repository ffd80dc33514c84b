package pipeline

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	_ "github.com/docgen-dev/docgen/internal/golden"
)

// TestDeterministic generates the same package, byte for byte, and the same
// diagnostics whatever the parsing concurrency (Workers 1 and 8), the
// number of threads (GOMAXPROCS 1 and 4) and the order in which the inputs
// are given, duplicates included. The inputs are the seeds, the seeds'
// api/ and resources/ folders given separately, and each golden emitter
// case, as its folder and as its pages given one by one.
func TestDeterministic(t *testing.T) {
	type group struct {
		name string
		// orders are input lists that must all give the same output.
		orders [][]string
	}
	groups := []group{{"seeds", [][]string{{"../seeds"}}}}

	// The seeds as two folders, in both orders and with duplicates.
	tmp := t.TempDir()
	api, res := filepath.Join(tmp, "api"), filepath.Join(tmp, "resources")
	copyDir(t, "../seeds/api", api)
	copyDir(t, "../seeds/resources", res)
	groups = append(groups, group{"seeds split", [][]string{
		{api, res}, {res, api}, {res, api, res}, {api, api, res, api},
	}})

	cases, err := filepath.Glob("../golden/emitter/*/pages")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no golden emitter cases: %v", err)
	}
	r := rand.New(rand.NewPCG(4, 26))
	for _, dir := range cases {
		name := filepath.Base(filepath.Dir(dir))
		groups = append(groups, group{name, [][]string{{dir}, {dir, dir}}})
		pages, err := mdFiles(dir)
		if err != nil || len(pages) == 0 {
			t.Fatalf("%s: no pages: %v", dir, err)
		}
		// Pages given one by one are named by their base names, so these
		// runs are compared with each other, not with the folder's.
		var orders [][]string
		for range 3 {
			p := slices.Clone(pages)
			r.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
			orders = append(orders, p)
		}
		orders = append(orders, append(slices.Clone(pages), pages[len(pages)-1], pages[0]))
		groups = append(groups, group{name + " by page", orders})
	}

	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			var want, wantFrom string
			for _, inputs := range g.orders {
				for _, procs := range []int{1, 4} {
					for _, workers := range []int{1, 8} {
						got := generateWith(t, inputs, workers, procs)
						from := fmt.Sprintf("inputs %v, Workers %d, GOMAXPROCS %d", inputs, workers, procs)
						if want == "" {
							want, wantFrom = got, from
							continue
						}
						if got != want {
							t.Fatalf("output differs:\n%s\ngives\n%s\n%s\ngives\n%s", wantFrom, want, from, got)
						}
					}
				}
			}
		})
	}
}

// generateWith runs the pipeline with GOMAXPROCS procs and returns every
// file and diagnostic as one text.
func generateWith(t *testing.T, inputs []string, workers, procs int) string {
	t.Helper()
	prev := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(prev)
	res, err := Run(Config{Inputs: inputs, Package: "client", GenerateLine: "docgen", Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range res.Files {
		fmt.Fprintf(&b, "== %s\n%s", f.Name, f.Content)
	}
	b.WriteString("== diagnostics\n")
	for _, d := range res.Model.Diags {
		fmt.Fprintln(&b, d)
	}
	fmt.Fprintln(&b, "==", res.Summary())
	return b.String()
}

// copyDir copies the regular files under src to dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// mdFiles lists the .md files under dir, in its subfolders too, sorted.
func mdFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".md" {
			out = append(out, p)
		}
		return err
	})
	slices.Sort(out)
	return out, err
}
