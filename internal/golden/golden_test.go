package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	d := Diff("a\nb\nc", "a\nx\nc", 10)
	if !strings.Contains(d, "-2: b") || !strings.Contains(d, "+2: x") {
		t.Errorf("Diff = %q", d)
	}
	if Diff("same", "same", 10) != "" {
		t.Error("Diff of equal texts is not empty")
	}
}

func TestCheckMatches(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(p, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if Updating() {
		t.Skip("running with -update")
	}
	Check(t, p, []byte("hello\n"))
	ft := &fakeT{TB: t}
	Check(ft, p, []byte("other\n"))
	if !ft.failed {
		t.Error("Check did not fail on a mismatch")
	}
}

type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Fatalf(string, ...any) { f.failed = true }
