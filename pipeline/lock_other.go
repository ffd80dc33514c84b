//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// openNonblock is 0 where there is no O_NONBLOCK to add: the mode of a file
// is checked before and after it is opened.
const openNonblock = 0

// lockOutput takes the lock of the output folder where flock(2) is not
// available: the lock is the file lockName, created exclusively (O_EXCL)
// by a run that writes and removed when it ends. Unlike flock it is not
// released when the process is killed, so a run that finds the file does
// not wait (the holder may be dead) but fails, saying which file to remove
// once no docgen run is active. A shared locker (-check) takes no lock; it
// reports a lock file as stale.
func lockOutput(ctx context.Context, out *outputDir, exclusive bool, onWait func()) (unlock func() error, stale bool, err error) {
	if !exclusive {
		_, err := out.root.Lstat(lockName)
		return func() error { return nil }, err == nil, nil
	}
	f, err := out.root.OpenFile(lockName, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, false, fmt.Errorf("another docgen run is writing %s, or one was stopped before it finished: remove %s if no docgen run is active", out.path, out.join(lockName))
	}
	if err != nil {
		return nil, false, fmt.Errorf("locking %s: %w", out.join(lockName), err)
	}
	fmt.Fprintf(f, "%d\n", os.Getpid())
	return func() error {
		return errors.Join(f.Close(), out.root.Remove(lockName))
	}, false, nil
}

// syncDir would flush a folder to disk; folders cannot be opened for
// syncing on every system, and the files in them are synced already.
func syncDir(out *outputDir, name string) error { return nil }
