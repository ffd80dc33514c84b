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
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/textdiff"
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

// Diff returns the unified diff (internal/textdiff's, the one "docgen
// -check" prints) that turns want into got, with "--- want" and "+++ got"
// as its file lines, or "" when they are equal. It shows at most max
// deleted or inserted lines: the diff stops before the next one, with a
// "..." line. Lines compare with their newlines, so a missing newline at
// the end is a difference too.
func Diff(want, got string, max int) string {
	var b strings.Builder
	changed := 0
	for i, l := range textdiff.Lines("want", "got", want, got) {
		if i >= 2 && (l[0] == '-' || l[0] == '+') {
			if changed == max {
				b.WriteString("...\n")
				break
			}
			changed++
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}
