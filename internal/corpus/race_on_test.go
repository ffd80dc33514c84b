//go:build race

package corpus

// raceEnabled: under the race detector the corpus tests check generation
// in process (where docgen's concurrency is) and skip building and running
// the generated packages, which the plain run covers.
const raceEnabled = true
