package model

import (
	"runtime"
	"testing"
)

// TestParallelFor: every index is visited once, and a panic in a call
// reaches the caller's goroutine.
func TestParallelFor(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, n := range []int{0, 1, 2, 1000} {
		seen := make([]int, n)
		parallelFor(n, func(i int) { seen[i]++ })
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: index %d visited %d times", n, i, c)
			}
		}
	}
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want the call's panic", r)
		}
	}()
	parallelFor(100, func(i int) {
		if i == 57 {
			panic("boom")
		}
	})
	t.Error("parallelFor returned after a call panicked")
}
