// Package testdouble is the hand-written part of the test-double package
// docgen emits beside every generated client (in a subfolder named after
// the client package plus "test"): a fake server that answers every
// documented request with its documented response. server.go is copied
// into the output with its package clause renamed; examples.go, the table
// of documented examples, is generated. examples_stub.go stands in for it
// here so that this package compiles and is tested where it lives.
package testdouble

import "embed"

// files holds the file copied into the output.
//
//go:embed server.go
var files embed.FS

// Source returns the content of server.go.
func Source() []byte {
	b, err := files.ReadFile("server.go")
	if err != nil {
		panic("testdouble: embedded server.go missing: " + err.Error())
	}
	return b
}
