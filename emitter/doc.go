// Package emitter writes the Go package for a model.Model: a struct per
// complex or entity type, a named string type per enum, a request method
// on Client per operation, and the client runtime copied from package
// templates. Output is gofmt'ed and depends only on the model, so the same
// model always gives the same bytes.
//
// Every declaration of the generated package (models, enums, the
// polymorphism helpers, operations, the type registry, doc.go, the test
// double's examples table and the Example functions) is built with
// jennifer and rendered through jennifer's own formatting (go/format).
// Declarations of the runtime that generated code refers to are named
// from one table (runtime.go), never by strings. names.go, a comment
// without declarations, is written as text.
//
// Docs text never becomes code: names come resolved from the model,
// descriptions are written as neutralised // comment lines, and wire names
// and paths are written as quoted string literals.
package emitter
