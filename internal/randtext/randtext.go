// Package randtext makes the random inputs of the tests that hold a
// function to a reference implementation or a regular expression:
// strings assembled from pieces that matter to the function under test,
// from a fixed seed so that a failure reproduces.
package randtext

import (
	"math/rand/v2"
	"strings"
)

// Texts returns fixed followed by n strings of up to maxParts pieces each,
// drawn with a generator seeded by seed.
func Texts(seed uint64, pieces []string, maxParts, n int, fixed ...string) []string {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	out := append([]string(nil), fixed...)
	for range n {
		var b strings.Builder
		for range rng.IntN(maxParts + 1) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}
