package hostile

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/pipeline"
)

// trapHost stands for a host the docs of case 049 send the client to: a
// placeholder in the committed pages, replaced by an address when the case
// is prepared.
const trapHost = "TRAP"

// substituteTrap replaces trapHost in every page of dir by host.
func substituteTrap(t *testing.T, dir, host string) {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.ReplaceAll(string(b), trapHost, host)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestHostileLinksGoTest generates the package of case 049, whose documented
// responses send the client elsewhere (a nextLink whose "host" is userinfo,
// scheme-relative nextLink and Location, a deltaLink and redirects to
// another host) or tell it to wait a day (429 with Retry-After: 100000),
// and runs go test on it: its Example functions and test double run, and
// must finish, without a single connection to the host the docs name,
// which is a listener of this test.
func TestHostileLinksGoTest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a generated package; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command:", err)
	}
	trap, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer trap.Close()
	var contacts atomic.Int64
	go func() {
		for {
			conn, err := trap.Accept()
			if err != nil {
				return
			}
			contacts.Add(1)
			conn.Close()
		}
	}()

	docs := filepath.Join(t.TempDir(), "docs")
	copyDir(t, filepath.Join("testdata", "049_hostile_links"), docs)
	substituteTrap(t, docs, trap.Addr().String())
	res, err := pipeline.Run(pipeline.Config{Inputs: []string{docs}, Package: pkgName, ImportPath: importPath})
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	writePage(t, mod, "go.mod", "module "+importPath+"\n\ngo 1.24\n")
	examples := false
	for _, f := range res.Files {
		p := filepath.Join(mod, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
		examples = examples || f.Name == "examples_test.go"
	}
	if !examples {
		t.Fatal("no examples_test.go generated")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	// The test binary's own -timeout ends it (the context would end only
	// the go command).
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "-timeout=2m", "./...")
	cmd.Dir = mod
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil || strings.Contains(string(out), "panic: test timed out") {
		t.Fatalf("go test of the generated package did not finish in time (a documented Retry-After waited on?):\n%s", out)
	}
	if err != nil {
		t.Errorf("go test of the generated package: %v\n%s", err, out)
	}
	if n := contacts.Load(); n > 0 {
		t.Errorf("go test of the generated package connected %d times to %s, a host the docs named\n%s", n, trap.Addr(), out)
	}
}
