package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestParsePagesOrder: ParsePages returns one page per input, in input
// order, whatever the number of workers (fewer, as many or more than the
// pages), and nothing for no input.
func TestParsePagesOrder(t *testing.T) {
	dir := t.TempDir()
	var inputs []Input
	for i := range 7 {
		name := fmt.Sprintf("page%d.md", i)
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, fmt.Appendf(nil, "# Title %d\n\nText.\n", i), 0o644); err != nil {
			t.Fatal(err)
		}
		// Inputs in reverse name order: the result follows the inputs.
		inputs = append([]Input{{Name: "seeds/" + name, Path: path}}, inputs...)
	}
	for _, workers := range []int{0, 1, 2, 7, 16} {
		pages := ParsePages(inputs, Config{Workers: workers})
		if len(pages) != len(inputs) {
			t.Fatalf("Workers %d: %d pages for %d inputs", workers, len(pages), len(inputs))
		}
		for i, p := range pages {
			want := fmt.Sprintf("Title %d", len(inputs)-1-i)
			if p == nil || p.Path != inputs[i].Name || p.Title != want {
				t.Fatalf("Workers %d: page %d is %+v, want path %s, title %q", workers, i, p, inputs[i].Name, want)
			}
		}
		if got := ParsePages(nil, Config{Workers: workers}); len(got) != 0 {
			t.Fatalf("Workers %d: %d pages for no input", workers, len(got))
		}
	}
}
