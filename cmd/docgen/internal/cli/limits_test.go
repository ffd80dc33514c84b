package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMaxPageBytes covers -max-page-bytes: pages over the limit are skipped
// with a page-too-large error (the output lacks them, so the run fails
// unless the baseline knows it or -skip-code leaves it out), the others are
// generated, the go:generate line repeats a non-default limit, and a limit
// below 1 is a usage error.
func TestMaxPageBytes(t *testing.T) {
	out := inRoot(t)
	fi, err := os.Stat(filepath.Join("seeds", "resources", "book.md"))
	if err != nil {
		t.Fatal(err)
	}
	limit := fi.Size() - 1
	arg := strconv.FormatInt(limit, 10)
	code, _, stderr := docgen(t, "-in", "seeds", "-out", out, "-max-page-bytes", arg)
	if code != ExitFail {
		t.Fatalf("exit %d, want %d: %s", code, ExitFail, stderr)
	}
	if !strings.Contains(stderr, "seeds/resources/book.md: error: page is ") || !strings.Contains(stderr, "[page-too-large]") {
		t.Errorf("no page-too-large error for book.md:\n%s", stderr)
	}
	if code, _, stderr := docgen(t, "-in", "seeds", "-out", out, "-max-page-bytes", arg, "-skip-code", "page-too-large"); code != ExitOK {
		t.Errorf("-skip-code page-too-large: exit %d: %s", code, stderr)
	}
	if doc := read(t, filepath.Join(out, "doc.go")); !strings.Contains(doc, " -max-page-bytes "+arg+"\n") {
		t.Errorf("go:generate line does not repeat -max-page-bytes:\n%s", doc)
	}
	if code, _, _ := docgen(t, "-strict", "-q", "-in", "seeds", "-out", out, "-max-page-bytes", arg); code != ExitFail {
		t.Errorf("-strict with a skipped page: exit %d, want %d", code, ExitFail)
	}
	code, _, stderr = docgen(t, "-q", "-in", "seeds", "-out", out)
	if code != ExitOK || strings.Contains(stderr, "page-too-large") {
		t.Errorf("default limit: exit %d, stderr %q", code, stderr)
	}
	if doc := read(t, filepath.Join(out, "doc.go")); strings.Contains(doc, "-max-page-bytes") {
		t.Errorf("go:generate line repeats the default -max-page-bytes:\n%s", doc)
	}
	for _, bad := range []string{"0", "-5", "lots"} {
		if code, _, stderr := docgen(t, "-max-page-bytes", bad); code != ExitUsage || !strings.Contains(stderr, "max-page-bytes") {
			t.Errorf("-max-page-bytes %s: exit %d, stderr %q", bad, code, stderr)
		}
	}
}
