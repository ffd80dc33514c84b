package model

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallelFor calls f(0) to f(n-1) on up to GOMAXPROCS goroutines. The
// calls must be independent: each writes only what index i owns. A panic
// in a call is raised again on the caller's goroutine once every call has
// returned, where Build's callers recover from it.
func parallelFor(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		panicked atomic.Value
	)
	for range workers {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					panicked.CompareAndSwap(nil, panicValue{r})
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
	if p, ok := panicked.Load().(panicValue); ok {
		panic(p.v)
	}
}

// panicValue wraps a recovered value for atomic.Value, which needs one
// concrete type.
type panicValue struct{ v any }
