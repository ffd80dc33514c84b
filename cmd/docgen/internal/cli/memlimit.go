package cli

import "runtime/debug"

// DefaultMemoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit)
// docgen runs under unless the GOMEMLIMIT environment variable sets one. A
// run holds the model and every rendered file at once; with the limit the
// collector works harder as the heap nears it instead of letting it double,
// which keeps a run over the whole beta reference (7,948 pages) under
// 300 MB resident. It is soft: a larger input still completes, with more
// collection.
const DefaultMemoryLimit = 256 << 20

// LimitMemory applies DefaultMemoryLimit unless getenv("GOMEMLIMIT") is
// set. The command calls it once, before Main; tests and other callers of
// Main keep their own limits.
func LimitMemory(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(DefaultMemoryLimit)
	}
}
