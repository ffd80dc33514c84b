//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package pipeline

import "syscall"

// mkfifo makes a FIFO at p.
func mkfifo(p string) error { return syscall.Mkfifo(p, 0o644) }
