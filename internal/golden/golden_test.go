package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiff checks that Diff is the unified diff from want to got and that
// it stops before the (max+1)th deleted or inserted line.
func TestDiff(t *testing.T) {
	if got, want := Diff("a\nb\nc", "a\nx\nc", 10), "--- want\n+++ got\n@@ -1,3 +1,3 @@\n a\n-b\n+x\n c\n\\ No newline at end of file\n"; got != want {
		t.Errorf("Diff = %q, want %q", got, want)
	}
	if d := Diff("same", "same", 10); d != "" {
		t.Errorf("Diff of equal texts = %q, want \"\"", d)
	}
	var old, new strings.Builder
	for i := range 20 {
		fmt.Fprintf(&old, "l%d\n", i)
		fmt.Fprintf(&new, "l%d\n", i)
		if i%10 == 0 {
			fmt.Fprintf(&new, "new %d\n", i)
		}
	}
	full := Diff(old.String(), new.String(), 100)
	for _, tt := range []struct {
		max  int
		want string
	}{
		// Two inserted lines, in two hunks: max 2 or more shows both.
		{2, full},
		{100, full},
		{0, "--- want\n+++ got\n@@ -1,4 +1,5 @@\n l0\n...\n"},
		{1, "--- want\n+++ got\n@@ -1,4 +1,5 @@\n l0\n+new 0\n l1\n l2\n l3\n@@ -9,6 +10,7 @@\n l8\n l9\n l10\n...\n"},
	} {
		if got := Diff(old.String(), new.String(), tt.max); got != tt.want {
			t.Errorf("max %d: Diff =\n%s\nwant\n%s", tt.max, got, tt.want)
		}
	}
	if want := "--- want\n+++ got\n@@ -1,4 +1,5 @@\n l0\n+new 0\n l1\n l2\n l3\n@@ -9,6 +10,7 @@\n l8\n l9\n l10\n+new 10\n l11\n l12\n l13\n"; full != want {
		t.Errorf("max 100: Diff =\n%s\nwant\n%s", full, want)
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
