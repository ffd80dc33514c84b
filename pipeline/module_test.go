package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen-dev/docgen/emitter"
)

func TestImportPath(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("// comment\nmodule \"example.com/sdk\" // x\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "clients", "graph")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{root: "example.com/sdk", out: "example.com/sdk/clients/graph", filepath.Join(out, "new"): "example.com/sdk/clients/graph/new"} {
		got, err := ImportPath(dir)
		if err != nil || got != want {
			t.Errorf("ImportPath(%s) = %q, %v; want %q", dir, got, err, want)
		}
	}
	if got, err := ImportPath("../generated"); err != nil || got != "github.com/docgen-dev/docgen/generated" {
		t.Errorf("ImportPath(../generated) = %q, %v", got, err)
	}
}

func TestModulePath(t *testing.T) {
	for src, want := range map[string]string{
		"module a.b/c\n":         "a.b/c",
		"module\ta.b/c // x\n":   "a.b/c",
		"modules x\nmodule y\n":  "y",
		"go 1.26\n":              "",
		"module \"q.com/x y\"\n": "q.com/x y",
	} {
		if got := modulePath([]byte(src)); got != want {
			t.Errorf("modulePath(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestWriteSubfolder(t *testing.T) {
	dir := t.TempDir()
	files := []emitter.File{gen("a.go", ""), gen("xtest/server.go", "// s\n"), gen("xtest/examples.go", "// e\n")}
	if _, err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "xtest", "server.go")); err != nil {
		t.Fatal(err)
	}
	// A hand-written file in the subfolder is left alone; a generated one
	// no longer produced is removed.
	hand := filepath.Join(dir, "xtest", "extra_test.go")
	if err := os.WriteFile(hand, []byte("package xtest\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := Write(dir, files[:2])
	if err != nil || st.Removed != 1 {
		t.Fatalf("rewrite: %+v, %v", st, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "xtest", "examples.go")); !os.IsNotExist(err) {
		t.Errorf("stale xtest/examples.go kept: %v", err)
	}
	if _, err := os.Stat(hand); err != nil {
		t.Errorf("hand-written file removed: %v", err)
	}
	changes, err := Check(dir, files)
	if err != nil || len(changes) != 1 || changes[0].Name != "xtest/examples.go" || changes[0].Kind != Added {
		t.Errorf("Check = %v, %v", changes, err)
	}
	for _, bad := range []string{"x/y/z.go", "../x.go", "x/../y.go", ".hidden/a.go", "x/.a.go", "a\\b.go"} {
		if _, err := Write(dir, []emitter.File{gen(bad, "")}); err == nil {
			t.Errorf("Write accepted %q", bad)
		}
	}
	link := filepath.Join(dir, "ltest")
	if err := os.Symlink(t.TempDir(), link); err == nil {
		if _, err := Write(dir, []emitter.File{gen("ltest/a.go", "")}); err == nil {
			t.Error("Write wrote through a symlinked subfolder")
		}
	}
}
