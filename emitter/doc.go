// Package emitter writes the Go package for a spec.Model with jennifer: a
// struct per complex or entity type, a named string type per enum, a
// request method on Client per operation, and the client runtime copied
// from package templates. Output is gofmt'ed and depends only on the
// model, so the same model always gives the same bytes.
//
// Docs text never becomes code: names come resolved from the model,
// descriptions are written as neutralised // comment lines, and wire names
// and paths are written as quoted string literals.
package emitter
