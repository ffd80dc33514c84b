// Package emitter writes the Go package for a model.Model: a struct per
// complex or entity type, a named string type per enum, a request method
// on Client per operation, and the client runtime copied from package
// templates. Output is gofmt'ed and depends only on the model, so the same
// model always gives the same bytes.
//
// The declarations that make up the bulk of a package (models, enums,
// operations, the type registry, names.go and the test double's examples)
// are written directly in the layout gofmt gives them (goFile), which
// costs a fraction of rendering them through jennifer and go/format; tests
// hold every such file to go/format's output. doc.go and the Example
// functions, which are few but varied, are built with jennifer.
//
// Docs text never becomes code: names come resolved from the model,
// descriptions are written as neutralised // comment lines, and wire names
// and paths are written as quoted string literals.
package emitter
