// Command docgen generates a typed Go client from API reference pages
// written as markdown in the Microsoft Graph docs convention.
//
// Usage:
//
//	docgen [-in PATH]... [-out DIR] [-pkg NAME] [-check [-diff-lines N]] [-lint]
//	       [-diag text|json|github] [-strict] [-q]
//	       [-include GLOB]... [-exclude GLOB]... [-ops REGEXP] [-report FILE]
//	       [-max-page-bytes N] [-version]
//
// docgen reads every *.md page under each -in folder (or each -in file),
// merges what the pages say into one API model and writes a self-contained
// Go package (standard library only) to -out: a struct per resource type,
// a string type with constants per enum, a method on Client per documented
// request, and a small client runtime.
//
// For example, to generate a client for the v1.0 reference into ./graph:
//
//	docgen -in ../graph-docs/v1.0 -out graph -pkg graph
//
// docgen prints one diagnostic per problem it finds in the pages, as
// "file:line:col: message [code]", skips what it cannot use and goes on;
// then one summary line with the number of pages, types, enums, operations
// and diagnostics and the time taken.
//
// # Input and output
//
// -in PATH reads the pages under the folder PATH, or the page PATH itself.
// It is repeatable; without it docgen reads "seeds". A page is known by
// its stable name, the base name of its -in folder joined with its path
// inside it ("v1.0/api/user-get.md"), which diagnostics and the generated
// doc comments use.
//
//	docgen -in docs/api -in docs/resources
//
// -modroot reads relative -in paths from the root of the Go module that
// holds the working directory (the folder of its go.mod), wherever docgen
// runs inside it.
//
//	docgen -modroot -in seeds -out .
//
// -out DIR is the folder the package is written to (default "generated").
// docgen records the names it gives in DIR/names.go and keeps them on later
// runs, so adding pages never renames existing types or methods.
//
//	docgen -in docs -out graph
//
// -pkg NAME is the package name of the output (default "generated").
//
//	docgen -in docs -out graph -pkg graph
//
// -report FILE writes a JSON account of the run: for every page what it
// contributed (types, enums, operations) or why nothing (a conceptual
// page, no annotations, ...), every diagnostic with its file, line, column
// and stable code, the totals by code, and coverage figures (request pages
// that yield an operation, resource pages that yield a type, enum tables
// that yield an enum).
//
//	docgen -in ../graph-docs/v1.0 -out graph -pkg graph -report report.json
//
// -max-page-bytes N skips, with a "page-too-large" warning, every page
// larger than N bytes (default 16 MiB). Hostile or broken pages are safe
// whatever their size: a page whose markdown nests too deep or whose inline
// markup is too dense to parse in bounded time is skipped with a
// "markdown-too-deep" or "markdown-too-complex" warning, and example JSON
// nested deeper than 256 levels is dropped with "json-too-deep".
//
//	docgen -in docs -out graph -pkg graph -max-page-bytes 1048576
//
// -version prints docgen's module version and exits.
//
//	docgen -version
//
// # Diagnostics
//
// -diag FORMAT chooses how diagnostics are printed (to standard error):
//
//   - text (the default): "file:line:col: message [code]", with "error: "
//     before the message of errors;
//   - json: one JSON object per line, {"file", "line", "col", "severity",
//     "code", "message"}, every field always present (line and col are 0
//     when unknown); failures of the run itself have an empty file and the
//     code "run", "write" or "check"; no summary line is printed;
//   - github: GitHub Actions workflow commands,
//     "::warning file=F,line=L,col=C::message [code]" ("::error" for
//     errors), which GitHub shows as annotations on the pull request.
//
// For example:
//
//	docgen -in docs -out graph -pkg graph -diag github
//
// -strict treats warnings as errors: they are printed as errors and make
// the run exit 1. The output is still written (unless -check is given).
//
//	docgen -strict -in docs -out graph -pkg graph
//
// -q prints errors only, and the summary line only when the run fails.
//
//	docgen -q -in docs -out graph -pkg graph
//
// # Catching drift
//
// -check writes nothing. It compares the -out folder with what docgen would
// generate and, when they differ, prints one line per file ("added: x.go",
// "changed: x.go", or "removed: x.go" for a generated file docgen would no
// longer produce) and a unified diff to standard output, and exits 1. It
// exits 0 when the folder is up to date. Files that are not docgen's (see
// Safe output) are not compared, except that a file to generate clashing
// with one is an error, as it is when writing. What an interrupted run
// left is drift too, printed as "leftover: NAME": its staging folder
// (".docgen-staging/"), temporary files (".docgen-*.tmp") and a lock file
// (".docgen.lock") nobody holds; the next run without -check completes
// or discards them. -check reads the folder under its lock, shared, so it
// waits for a run that is writing; it never creates the lock file.
//
//	docgen -check -in docs -out graph -pkg graph
//
// -diff-lines N cuts the diff after N lines in all (default 200) with a
// "... (diff truncated)" line; 0 prints no diff.
//
//	docgen -check -diff-lines 50 -in docs -out graph -pkg graph
//
// # Generating part of an API
//
// -include GLOB generates only the operations of the pages whose stable
// name or base name matches GLOB (path.Match syntax, so * does not match
// "/"); -exclude GLOB leaves out the operations of the pages that match.
// Both are repeatable; a page is selected when it matches some -include
// (or none is given) and no -exclude. Every page is still read, so the
// types are exactly those of the whole client.
//
//	docgen -in docs -out books -pkg books -include 'docs/api/book-*.md' -exclude '*-delete.md'
//
// -ops REGEXP generates only the operations whose Go method name matches
// REGEXP (Go regexp syntax, unanchored).
//
//	docgen -in docs -out books -pkg books -ops '^(Get|List)Book'
//
// The package then holds the selected operations and the types they need:
// request and response types, the types of their properties, base types,
// and the subtypes of every type used as a value, which the service may
// send in its place. A selection of no operation is an error. The
// go:generate line in doc.go repeats the selection flags, so go generate
// regenerates the same subset.
//
// # Checking the docs
//
// -lint checks the docs and writes no code. It reports, in the -diag
// format and with file:line:col, these problems, each with a stable code:
//
//	property-from-example  an example has a property its resource page lacks
//	example-type-mismatch  an example value has the wrong JSON type
//	example-json           an example body is not valid JSON
//	annotation-json        an annotation comment's JSON is malformed
//	request-no-response    a request example has no response example
//	lint-response-no-page  an operation returns a type no page defines
//	lint-broken-link       a link names a .md page that no -in page is
//
// and every error. It exits 1 when it finds an error, or with -strict any
// finding. It cannot be combined with -check.
//
//	docgen -lint -strict -in docs
//
// # Exit status
//
// docgen exits 0 on success; 1 when the run failed: an error in the pages
// or in writing, a warning under -strict, drift under -check; and 2 on a
// usage error: an unknown flag, a bad flag value (-diag, -diff-lines), a
// malformed -include or -exclude pattern, a -ops regexp that does not
// compile, or an argument that is not a flag.
//
// # Safe output
//
// docgen only replaces or removes files whose first line is its own
// header, "// Code generated by docgen. DO NOT EDIT.". Every other file
// in the output folder, hand-written or made by another generator
// (stringer, mockgen), is never overwritten or removed, and a generated
// file of the same name is an error that fails the run before anything
// is written. Unchanged files are left alone (with their mtime), and
// docgen's .go files it no longer produces are removed. The output folder
// must not be a symlink, however -out writes it ("link", "link/",
// "link/."), nor its subfolders or the files docgen replaces; every file
// docgen reads from it (names.go, the files it compares) must be a
// regular file of at most 16 MiB.
//
// A run replaces the previous output all at once or not at all. It stages
// the new files in the hidden folder ".docgen-staging" inside the output
// folder, then commits by writing a journal of the renames and removals
// there, then performs them. SIGINT or SIGTERM before the commit point
// (or any failure, such as a full disk or an unwritable folder) leaves the
// old output untouched; after it, docgen finishes the renames before it
// exits. Either way an interrupted run exits 1. A run killed outright
// (SIGKILL, a crash) leaves its staging folder: the next run completes a
// committed write first, or discards one that was not committed, and says
// so ("docgen: completed the write of an interrupted run into graph").
//
// Runs into one folder are serialised by a lock on the file ".docgen.lock"
// in it (flock(2), which the system releases when a process dies; the file
// is removed when the run ends): a second run waits, printing "docgen:
// waiting for another docgen run to finish with graph", and then writes.
// On systems without flock(2) the lock file is created exclusively, and a
// second run fails instead, naming the file to remove if no run is active.
//
// To regenerate from go generate, put a line like this in a .go file of the
// output package (docgen writes it into doc.go for you):
//
//	//go:generate go run github.com/docgen-dev/docgen/cmd/docgen -modroot -in seeds -out . -pkg generated
//
// When the inputs lie in one Go module and the output in the same module
// (or in none), the line names them from the module's root with -modroot,
// so it is the same wherever the output is written and whichever folder
// docgen ran from; otherwise it names them relative to the output folder.
//
// # Memory
//
// docgen runs with a soft memory limit of 256 MiB (see
// runtime/debug.SetMemoryLimit), which keeps a run over the whole Microsoft
// Graph beta reference under 300 MB resident. Set GOMEMLIMIT to choose
// another limit; a larger input than the limit allows still completes, with
// more garbage collection.
package main

import (
	"os"

	"github.com/docgen-dev/docgen/cmd/docgen/internal/cli"
)

func main() {
	cli.LimitMemory(os.Getenv)
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
