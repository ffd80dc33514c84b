//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// openNonblock is added to the flags of every open of a file in the output
// folder: opening a FIFO for reading would otherwise block until a writer
// comes (the mode is checked before and after opening as well).
const openNonblock = syscall.O_NONBLOCK

// lockPoll is how often a run waiting for another run's lock retries.
const lockPoll = 50 * time.Millisecond

// lockOutput takes the lock of the output folder: flock(2) on the file
// lockName in it, exclusive for a run that writes and shared for -check.
// The kernel releases the lock when the process dies, however it dies. A
// run that finds the lock held waits for it (calling onWait once) until
// ctx is done.
//
// The lock file is removed by the exclusive holder before it releases the
// lock, so that no lock file stays in the folder after a run. A run that
// opened the file before it was removed gets the lock on a file no longer
// in the folder; it sees that (the file at lockName is not the file it
// locked) and starts again. A shared locker never creates the file: when
// there is none, no run is writing, and -check writes nothing.
//
// stale reports, for a shared lock, that the lock file was there with
// nobody holding it: a run was killed while holding it.
func lockOutput(ctx context.Context, out *outputDir, exclusive bool, onWait func()) (unlock func() error, stale bool, err error) {
	waited := false
	for {
		var f *os.File
		if exclusive {
			f, err = out.root.OpenFile(lockName, os.O_RDWR|os.O_CREATE|openNonblock|syscall.O_NOFOLLOW, 0o644)
		} else {
			f, err = out.root.OpenFile(lockName, os.O_RDONLY|openNonblock|syscall.O_NOFOLLOW, 0)
			if errors.Is(err, os.ErrNotExist) {
				return func() error { return nil }, false, nil
			}
		}
		if err != nil {
			return nil, false, fmt.Errorf("locking %s: %w", out.join(lockName), err)
		}
		how := syscall.LOCK_SH
		if exclusive {
			how = syscall.LOCK_EX
		}
		for {
			err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
			if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
				break
			}
			if !waited && onWait != nil {
				onWait()
			}
			waited = true
			select {
			case <-ctx.Done():
				f.Close()
				return nil, false, fmt.Errorf("waiting for another docgen run to finish writing %s: %w", out.path, context.Cause(ctx))
			case <-time.After(lockPoll):
			}
		}
		if err != nil {
			f.Close()
			return nil, false, fmt.Errorf("locking %s: %w", out.join(lockName), err)
		}
		held, err1 := f.Stat()
		now, err2 := out.root.Lstat(lockName)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			if !exclusive {
				return f.Close, true, nil
			}
			return func() error {
				// Removed while still locked: see above.
				err := out.root.Remove(lockName)
				return errors.Join(err, f.Close())
			}, false, nil
		}
		// The holder we waited for removed the file: start again.
		f.Close()
		if err2 != nil && !errors.Is(err2, os.ErrNotExist) {
			return nil, false, fmt.Errorf("locking %s: %w", out.join(lockName), err2)
		}
	}
}

// syncDir flushes the folder name of the output to disk, so that the
// renames and removals in it are durable.
func syncDir(out *outputDir, name string) error {
	f, err := out.root.Open(name)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}
