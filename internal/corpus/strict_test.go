package corpus

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/model"
)

// TestStrictRequestBodies measures issue 14's strict check: of the
// documented request examples whose JSON body is valid, how many the
// generated client sends exactly as documented (model.Strict: nothing but
// placeholder fits), and why the others are not, by kind of loss. Each one
// that is not must carry an example-not-as-documented diagnostic, and no
// Example function is generated for it (TestCorpus runs the others against
// the test double, which compares bodies the same way). The floors hold the
// pass rate where it is.
func TestStrictRequestBodies(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped under -short")
	}
	floors := map[string]float64{"v1.0": 0.955, "beta": 0.95}
	for _, v := range []string{"v1.0", "beta"} {
		t.Run(v, func(t *testing.T) {
			_, m := buildCorpus(t, filepath.Join(corpusRoot, v), nil)
			reported := map[string]bool{} // positions file:line of the diagnostics
			for _, d := range m.Diags {
				if d.Code == "example-not-as-documented" {
					reported[d.Pos.File] = true
				}
			}
			total, strict, placeholders := 0, 0, 0
			byKind := map[model.LossKind]int{} // examples with at least one loss of the kind
			for _, op := range m.Operations {
				if op.Body == nil || op.Body.Binary || op.Body.Reference {
					continue
				}
				for _, ex := range op.Examples {
					if !ex.RequestJSON || strings.TrimSpace(ex.RequestBody) == "" {
						continue
					}
					total++
					if model.Strict(ex.RequestLosses) {
						strict++
						if len(ex.RequestLosses) > 0 {
							placeholders++
						}
						continue
					}
					if !reported[ex.Pos.File] {
						t.Errorf("%s: request example %q of %s is not sent as documented and no diagnostic says so", ex.Pos, ex.Name, op.Name)
					}
					seen := map[model.LossKind]bool{}
					for _, l := range ex.RequestLosses {
						if l.Kind != model.LossPlaceholder && !seen[l.Kind] {
							seen[l.Kind] = true
							byKind[l.Kind]++
						}
					}
				}
			}
			frac := float64(strict) / float64(max(total, 1))
			var kinds []string
			for k, n := range byKind {
				kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
			}
			slices.Sort(kinds)
			t.Logf("%s: %d of %d request examples with a valid JSON body are sent as documented (%.1f%%; %d of them with placeholder fits); the others lose: %s",
				v, strict, total, 100*frac, placeholders, strings.Join(kinds, ", "))
			if frac < floors[v] {
				t.Errorf("strict pass rate %.3f is below the floor %.3f", frac, floors[v])
			}
		})
	}
}
