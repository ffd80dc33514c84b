package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// noHang runs f, failing the test if it does not return within ten
// seconds (a FIFO opened for reading, or /dev/zero read to its end, would
// block or run on for ever).
func noHang(t *testing.T, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not return", what)
		return nil
	}
}

// TestOutputPathForms: a symlinked output folder is refused however its
// path is written ("link", "link/", "link/.", "link/./"), by Write, Check,
// Recover and the reading of the names file, and the folder it points to
// is left as it was; "dir/" and "dir/." are the folder dir.
func TestOutputPathForms(t *testing.T) {
	target := setUpOutput(t)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	before := folderState(t, target)
	sep := string(filepath.Separator)
	for _, form := range []string{link, link + sep, link + sep + ".", link + sep + "." + sep} {
		if _, err := Write(form, newOutput()); err == nil || !strings.Contains(err.Error(), "symlink") {
			t.Errorf("Write(%q): err = %v", form, err)
		}
		if _, err := Check(form, newOutput()); err == nil || !strings.Contains(err.Error(), "symlink") {
			t.Errorf("Check(%q): err = %v", form, err)
		}
		if _, err := Recover(context.Background(), form, OutputOptions{}); err == nil {
			t.Errorf("Recover(%q): no error", form)
		}
		if _, err := readNames(form); err == nil {
			t.Errorf("readNames(%q): no error", form)
		}
	}
	if diff := diffState(folderState(t, target), before); diff != "" {
		t.Errorf("the folder behind the link changed: %s", diff)
	}
	for _, form := range []string{target + sep, target + sep + "."} {
		if _, err := Write(form, newOutput()); err != nil {
			t.Errorf("Write(%q): %v", form, err)
		}
	}
	if diff := diffState(folderState(t, target), expectedState(newOutput())); diff != "" {
		t.Errorf("written as dir/ and dir/.: %s", diff)
	}

	// A symlinked subfolder, or a symlink to a docgen file, is refused.
	if err := os.Rename(filepath.Join(target, "ytest"), filepath.Join(target, "ytest.real")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("ytest.real", filepath.Join(target, "ytest")); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(target, newOutput()); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("Write through a symlinked subfolder: err = %v", err)
	}
	if _, err := Check(target, newOutput()); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("Check through a symlinked subfolder: err = %v", err)
	}
}

// TestNamesFileKinds: names.go (or any docgen file the run reads) that is
// a symlink (to /dev/zero or to a docgen file), a FIFO, a folder or a file
// over MaxOutputFileBytes is an error, in a run (the reading of the names
// file, Write) and under Check, and nothing blocks.
func TestNamesFileKinds(t *testing.T) {
	kinds := map[string]func(p string) error{
		"a folder": func(p string) error { return os.Mkdir(p, 0o755) },
		"oversize": func(p string) error {
			if err := os.WriteFile(p, []byte(hdr), 0o644); err != nil {
				return err
			}
			return os.Truncate(p, MaxOutputFileBytes+1)
		},
		"a symlink to a docgen file": func(p string) error { return os.Symlink("a.go", p) },
	}
	if runtime.GOOS != "windows" {
		kinds["a symlink to /dev/zero"] = func(p string) error { return os.Symlink("/dev/zero", p) }
		kinds["a FIFO"] = mkfifo
	}
	for kind, make := range kinds {
		dir := setUpOutput(t)
		p := filepath.Join(dir, "names.go")
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := make(p); err != nil {
			t.Skipf("cannot make %s: %v", kind, err)
		}
		if err := noHang(t, "readNames of "+kind, func() error { _, err := readNames(dir); return err }); err == nil {
			t.Errorf("names.go as %s: readNames: no error", kind)
		}
		if err := noHang(t, "Check of "+kind, func() error { _, err := Check(dir, newOutput()); return err }); err == nil {
			t.Errorf("names.go as %s: Check: no error", kind)
		}
		if err := noHang(t, "Write of "+kind, func() error { _, err := Write(dir, newOutput()); return err }); err == nil {
			t.Errorf("names.go as %s: Write: no error", kind)
		}
	}
}
