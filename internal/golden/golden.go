// Package golden compares test output with golden files. Golden files
// change only when the tests run with -update:
//
//	go test ./... -update
//
// Every test package of the module imports this package (a blank import is
// enough) so that the -update flag is defined wherever "go test ./..."
// passes it.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update is the -update test flag; flag variables are the one form of
// package state the standard testing workflow requires.
var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// Check compares got with the golden file at path. With -update it writes
// got to path instead. On a mismatch it fails t with a line diff.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./... -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test ./... -update and review the diff):\n%s", path, Diff(string(want), string(got), 40))
	}
}

// Diff returns a compact line diff of want and got, showing at most max
// differing lines.
func Diff(want, got string, max int) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	i, j := 0, 0
	for (i < len(wl) || j < len(gl)) && n < max {
		switch {
		case i < len(wl) && j < len(gl) && wl[i] == gl[j]:
			i++
			j++
		case j < len(gl) && (i >= len(wl) || indexOf(wl[i:], gl[j]) < 0):
			fmt.Fprintf(&b, "+%d: %s\n", j+1, gl[j])
			j++
			n++
		default:
			fmt.Fprintf(&b, "-%d: %s\n", i+1, wl[i])
			i++
			n++
		}
	}
	if n >= max {
		b.WriteString("...\n")
	}
	return b.String()
}

func indexOf(lines []string, s string) int {
	for k, l := range lines {
		if k > 200 {
			break
		}
		if l == s {
			return k
		}
	}
	return -1
}
