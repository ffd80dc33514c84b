//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for one writer and one reader.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestWaitsForAnotherRun: while another process holds the output folder's
// lock, a run says it waits, and writes once the lock is released.
func TestWaitsForAnotherRun(t *testing.T) {
	out := inRoot(t)
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(out, ".docgen.lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	var stderr lockedBuffer
	done := make(chan int, 1)
	go func() { done <- Main([]string{"-in", "seeds", "-out", out}, new(bytes.Buffer), &stderr) }()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(stderr.String(), "docgen: waiting for another docgen run to finish with "+out) {
		select {
		case code := <-done:
			t.Fatalf("the run did not wait: exit %d, stderr %q", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no waiting message: %q", stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(out, "models.go")); err == nil {
		t.Error("the waiting run wrote before the lock was released")
	}
	f.Close() // releases the lock
	select {
	case code := <-done:
		if code != ExitOK {
			t.Errorf("after the wait: exit %d, stderr %q", code, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the run did not finish after the lock was released")
	}
	if _, err := os.Stat(filepath.Join(out, "models.go")); err != nil {
		t.Errorf("not written after the wait: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(out, ".docgen.lock")); err == nil {
		t.Error("the lock file was left")
	}
}

// TestNamesFIFO: a FIFO as names.go fails a run and -check; neither
// blocks.
func TestNamesFIFO(t *testing.T) {
	out := inRoot(t)
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(out, "names.go"), 0o644); err != nil {
		t.Skip("no FIFO:", err)
	}
	for _, args := range [][]string{{"-in", "seeds", "-out", out}, {"-check", "-in", "seeds", "-out", out}} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		done := make(chan struct{})
		var code int
		var stderr string
		go func() { code, _, stderr = docgen(t, args...); close(done) }()
		select {
		case <-done:
		case <-ctx.Done():
			t.Fatalf("%q blocked on a FIFO names.go", args)
		}
		cancel()
		if code != ExitFail || !strings.Contains(stderr, "a FIFO") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
}
