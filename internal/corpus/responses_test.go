package corpus

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/model"
)

// TestNoSilentErrorOnly checks that an operation generated as returning
// only error while one of its documented success responses shows a JSON
// body is never silent: a response-body-ignored diagnostic names it, on its
// page or on the page of that example (issue 14). It logs how many there
// are; the floors hold them where they are.
func TestNoSilentErrorOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped under -short")
	}
	floors := map[string]int{"v1.0": 6, "beta": 8}
	for _, v := range []string{"v1.0", "beta"} {
		t.Run(v, func(t *testing.T) {
			_, m := buildCorpus(t, filepath.Join(corpusRoot, v), nil)
			reported := map[string]bool{} // pages with a response-body-ignored diagnostic
			for _, d := range m.Diags {
				if d.Code == "response-body-ignored" {
					reported[d.Pos.File] = true
				}
			}
			n := 0
			for _, op := range m.Operations {
				if op.Response != model.ResponseNone {
					continue
				}
				for _, ex := range op.Examples {
					b := strings.TrimSpace(ex.ResponseBody)
					if ex.Status < 200 || ex.Status > 299 || len(b) <= 2 || b[0] != '{' && b[0] != '[' {
						continue
					}
					n++
					if !reported[op.Page] && !reported[ex.Pos.File] {
						t.Errorf("%s (%s %s): returns only error, but %s shows a %d response with a body, and no diagnostic says so", op.Name, op.Method, op.Path, ex.Pos, ex.Status)
					}
					break
				}
			}
			t.Logf("%d operations return only error although an example shows a body, each diagnosed", n)
			if n > floors[v] {
				t.Errorf("%d such operations, more than the floor of %d", n, floors[v])
			}
		})
	}
}
