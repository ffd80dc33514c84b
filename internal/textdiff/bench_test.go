package textdiff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// goLikeFile returns a text of about n lines shaped like a generated Go
// file: numbered struct fields and methods between lines that repeat
// everywhere ("}", blank lines, "return nil"), which is what makes a line
// diff work hard on generated code.
func goLikeFile(n int) []string {
	var lines []string
	for i := 0; len(lines) < n; i++ {
		lines = append(lines,
			fmt.Sprintf("// Type%d is the microsoft.graph.type%d resource type.\n", i, i),
			fmt.Sprintf("type Type%d struct {\n", i),
			fmt.Sprintf("\tID string `json:\"id,omitempty\"`\n"),
			fmt.Sprintf("\tName%d *string `json:\"name%d,omitempty\"`\n", i, i),
			"}\n",
			"\n",
			fmt.Sprintf("func (t *Type%d) validate() error {\n", i),
			"\tif t == nil {\n",
			"\t\treturn nil\n",
			"\t}\n",
			"\treturn nil\n",
			"}\n",
			"\n",
		)
	}
	return lines[:n]
}

// scatter returns a copy of lines with changes edits spread over it at
// random (seeded) places: a third replace a line, a third insert one and a
// third delete one, as a docs change regenerating a package does.
func scatter(lines []string, changes int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, seed))
	out := append([]string(nil), lines...)
	for c := range changes {
		i := r.IntN(len(out))
		switch c % 3 {
		case 0:
			out[i] = fmt.Sprintf("\t// changed %d\n", c)
		case 1:
			out = append(out[:i], append([]string{fmt.Sprintf("\tAdded%d string\n", c)}, out[i:]...)...)
		case 2:
			out = append(out[:i], out[i+1:]...)
		}
	}
	return out
}

// BenchmarkLines diffs two 50,000-line generated-looking files with
// changes scattered over them: a few (a small docs change), a few hundred
// (a large one), and enough to reach maxEditDistance.
func BenchmarkLines(b *testing.B) {
	old := goLikeFile(50000)
	oldText := strings.Join(old, "")
	for _, changes := range []int{10, 100, 500, 1500} {
		newText := strings.Join(scatter(old, changes, uint64(changes)), "")
		b.Run(fmt.Sprintf("50k-lines-%d-changes", changes), func(b *testing.B) {
			b.SetBytes(int64(len(oldText) + len(newText)))
			b.ReportAllocs()
			for b.Loop() {
				if Lines("o", "n", oldText, newText) == nil {
					b.Fatal("no diff")
				}
			}
		})
	}
}
