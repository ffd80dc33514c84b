//go:build !race

package hostile

// slowdown scales the time guards of the tests, which catch super-linear
// behaviour, not measure speed (benchmarks do that).
const slowdown = 4
