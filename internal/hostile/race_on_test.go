//go:build race

package hostile

// slowdown scales the time guards of the tests: the race detector makes
// code several times slower, and CI runs packages side by side.
const slowdown = 20
