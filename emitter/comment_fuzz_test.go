package emitter

import "testing"

// FuzzDoc asserts that any docs text becomes doc comments that parse, add
// no declaration and hold no directive, build constraint or comment
// delimiter (see checkDocFile).
func FuzzDoc(f *testing.F) {
	for _, s := range []string{
		"A widget. */ func init() { panic(1) } /*",
		"go:generate rm -rf /",
		"//go:generate x", "//line a.go:1", "+build ignore",
		"\x00\ufeff\xff\u202e\u2028",
		"Possible values are: `a`, `b`.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDocFile(t, s)
	})
}
