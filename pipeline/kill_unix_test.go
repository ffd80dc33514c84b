//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The environment of TestHelperProcess, set by TestWriteKilled only.
const (
	helperDirEnv  = "DOCGEN_TEST_HELPER_DIR"
	helperStepEnv = "DOCGEN_TEST_HELPER_STEP"
	helperMarker  = "DOCGEN-TEST-HELPER-AT "
)

// TestHelperProcess is not a test: TestWriteKilled runs the test binary
// again with only this test and the helper environment. It writes
// newOutput over the folder, holding SIGINT and SIGTERM as the command
// does; at the named step it prints a marker line and blocks until a
// signal comes (or a minute passes).
func TestHelperProcess(t *testing.T) {
	dir, step := os.Getenv(helperDirEnv), os.Getenv(helperStepEnv)
	if dir == "" {
		t.Skip("helper process of TestWriteKilled")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	_, err := WriteContext(ctx, dir, newOutput(), OutputOptions{hook: func(s string) error {
		if s == step {
			fmt.Println(helperMarker + s)
			select {
			case <-ctx.Done():
			case <-time.After(time.Minute):
			}
		}
		return nil
	}})
	if err != nil {
		fmt.Println("write:", err)
		os.Exit(3)
	}
	os.Exit(0)
}

// TestWriteKilled interrupts a write of newOutput over oldOutput at each
// of its steps, in a child process, with SIGKILL and SIGINT, and on
// either side of the commit point with SIGTERM.
//
// SIGINT and SIGTERM: before the commit point the child rolls back and
// fails; from it on it completes and succeeds. Either way the folder then
// holds exactly the old or the new output and nothing else.
//
// SIGKILL: the child leaves what it left, and the docgen files visible in
// the folder are still the old ones before the commit point. Check reports
// the leftovers as drift; Recover (the next run) restores exactly the old
// output before the commit point and the new one from it on, taking the
// lock the dead child held; a run after that writes the new output, and
// Check then finds nothing.
func TestWriteKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process per step and signal")
	}
	steps, commit := writeSteps(t)
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT, syscall.SIGTERM} {
		for k, step := range steps {
			if sig == syscall.SIGTERM && k != commit-1 && k != commit {
				continue // handled as SIGINT is: tried on either side of the commit point
			}
			name := fmt.Sprintf("%v at %q", sig, step)
			dir := setUpOutput(t)
			code := runHelper(t, dir, step, sig)
			want := expectedState(oldOutput())
			if k >= commit {
				want = expectedState(newOutput())
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			if sig != syscall.SIGKILL {
				if wantCode := map[bool]int{true: 3, false: 0}[k < commit]; code != wantCode {
					t.Errorf("%s: exit %d, want %d", name, code, wantCode)
				}
				if diff := diffState(folderState(t, dir), want); diff != "" {
					t.Errorf("%s: %s", name, diff)
				}
				cancel()
				continue
			}
			if k < commit {
				got := folderState(t, dir)
				for name := range got {
					if strings.HasPrefix(name, ".docgen") {
						delete(got, name)
					}
				}
				if diff := diffState(got, want); diff != "" {
					t.Errorf("%s: the visible files are not the old output: %s", name, diff)
				}
			}
			changes, err := CheckContext(ctx, dir, newOutput(), OutputOptions{})
			if err != nil || !slices.ContainsFunc(changes, func(c Change) bool { return c.Kind == Leftover }) {
				t.Errorf("%s: Check = %v, %v; want a leftover", name, changeLines(changes), err)
			}
			if _, err := Recover(ctx, dir, OutputOptions{}); err != nil {
				t.Fatalf("%s: Recover: %v", name, err)
			}
			if diff := diffState(folderState(t, dir), want); diff != "" {
				t.Errorf("%s, recovered: %s", name, diff)
			}
			if _, err := WriteContext(ctx, dir, newOutput(), OutputOptions{}); err != nil {
				t.Fatalf("%s: next run: %v", name, err)
			}
			if diff := diffState(folderState(t, dir), expectedState(newOutput())); diff != "" {
				t.Errorf("%s, next run: %s", name, diff)
			}
			if changes, err := CheckContext(ctx, dir, newOutput(), OutputOptions{}); err != nil || changes != nil {
				t.Errorf("%s: Check after the next run = %v, %v", name, changeLines(changes), err)
			}
			cancel()
		}
	}
}

// runHelper runs TestHelperProcess writing into dir, waits until it is
// at step, sends it sig and returns its exit code (-1 when killed).
func runHelper(t *testing.T, dir, step string, sig syscall.Signal) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperDirEnv+"="+dir, helperStepEnv+"="+step)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	var lines []string
	at := false
	for sc.Scan() {
		if sc.Text() == helperMarker+step {
			at = true
			break
		}
		lines = append(lines, sc.Text())
	}
	if !at {
		cmd.Wait()
		t.Fatalf("the helper never reached %q: %q", step, lines)
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	go func() {
		for sc.Scan() {
		}
	}()
	cmd.Wait()
	return cmd.ProcessState.ExitCode()
}
