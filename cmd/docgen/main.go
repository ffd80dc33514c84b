// Command docgen generates a typed Go client from API reference pages
// written as markdown in the Microsoft Graph docs convention.
//
// Usage:
//
//	docgen [-in PATH]... [-out DIR] [-pkg NAME] [-check [-diff-lines N]] [-lint]
//	       [-diag text|json|github] [-strict] [-q] [-v]
//	       [-baseline FILE] [-baseline-write]
//	       [-only-code CODE]... [-skip-code CODE]... [-path GLOB]...
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
// "file:line:col: message [code]" (see Diagnostics), skips what it cannot
// use and goes on;
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
// runs, so adding pages never renames existing types or methods. An
// operation, and the struct made up for its body, is recognised by its
// request's shape (method, and path without placeholder names), so a docs
// update renaming a placeholder keeps it.
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
// -max-page-bytes N skips, with a "page-too-large" error, every page
// larger than N bytes (default 16 MiB). Hostile or broken pages are safe
// whatever their size: a page whose markdown nests too deep or whose inline
// markup is too dense to parse in bounded time is skipped with a
// "markdown-too-deep" or "markdown-too-complex" error, and example JSON
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
// Every diagnostic has a stable code (listed under Diagnostic codes) and
// the severity of its code:
//
//   - error: the output is or may be wrong: a page, an annotation, a
//     property or an example was skipped or could not be read. Errors make
//     the run exit 1.
//   - warning: docgen chose between conflicting evidence, or guessed (two
//     sources disagree on a type, a name was taken by another page). The
//     run goes on; under -strict it exits 1.
//   - info: docgen repaired or inferred something safely (repaired JSON,
//     merged duplicate pages, a property added from the JSON
//     representation). Infos never fail the run.
//
// By default docgen prints errors and warnings one by one and, for the
// infos, one line per code with their number and the code's meaning
// ("docgen: 25 info: an annotation's JSON was repaired ... [annotation-repaired]").
// -v prints every diagnostic.
//
//	docgen -v -in docs -out graph -pkg graph
//
// Diagnostics show the page's path relative to the root of the Go module
// holding the working directory, so they read the same from the repository
// root and under go generate (whose working directory is the output
// folder); outside a module, or for a page outside it, they show its
// stable name.
//
// -diag FORMAT chooses how diagnostics are printed (to standard error):
//
//   - text (the default): "file:line:col: message [code]", with "error: "
//     or "info: " before the message of errors and infos;
//   - json: one JSON object per line, {"file", "page", "line", "col",
//     "severity", "code", "message", "key"}, every field always present
//     (line and col are 0 when unknown; page is the stable name and key
//     the stable key a baseline matches); failures of the run itself have
//     an empty file and the code "run", "write", "check", "report" or
//     "baseline"; no summary or count line is printed. The -report file
//     holds diagnostics in the same form;
//   - github: GitHub Actions workflow commands,
//     "::warning file=F,line=L,col=C::message [code]" ("::error" for
//     errors), which GitHub shows as annotations on the pull request; the
//     count lines are "::notice::" commands without a file.
//
// For example:
//
//	docgen -in docs -out graph -pkg graph -diag github
//
// -strict treats warnings as errors: they are printed as errors and make
// the run exit 1. Infos stay infos. The output is still written (unless
// -check is given).
//
//	docgen -strict -in docs -out graph -pkg graph
//
// -q prints errors only, and the summary line only when the run fails.
//
//	docgen -q -in docs -out graph -pkg graph
//
// # Baselines
//
// A baseline file lists known findings, as a linter's baseline does, so
// that a run fails on, and -diag github annotates, only new ones. The
// findings the baseline knows are not printed (but counted, one line per
// code; -v prints them) and never fail the run. A finding matches an
// entry by its code, its page's stable name and its stable key: the
// message with every number replaced by "#", so moving lines or changing
// a count does not make a finding new. The file holds one JSON object per
// line, {"code", "page", "key"} and "count" when more than 1, sorted by
// page, code and key, so that it diffs well; commit it.
//
// -baseline FILE reads the baseline from FILE; without it docgen reads
// docgen.baseline in the -out folder when that file exists.
//
//	docgen -baseline ci/docgen.baseline -strict -in docs -out graph -pkg graph
//
// -baseline-write writes every finding of the run (after the filters
// below) to the baseline file as known, replacing it, and exits 0 unless
// the run fails otherwise. The findings are those of a run that reads the
// names file just written: a first run into an empty folder also reports
// the naming conflicts it settles, which later runs no longer meet, and
// they are left out. When findings in the baseline are gone (fixed),
// a run says how many with "baseline: N known findings of FILE are gone";
// -baseline-write then shrinks the file.
//
//	docgen -baseline-write -in docs -out graph -pkg graph
//
// # Filters
//
// -only-code CODE considers only diagnostics with the code (comma-separated
// codes, and repeatable); -skip-code CODE leaves them out. An unknown code
// is a usage error. The filters apply before the baseline, so a filtered
// run writes a baseline of what it kept.
//
//	docgen -only-code type-conflict,operation-name -in docs -out graph -pkg graph
//	docgen -skip-code operation-duplicate -in docs -out graph -pkg graph
//
// -path GLOB considers only diagnostics about pages whose stable name or
// shown path, or a folder of either, matches GLOB (path.Match syntax, so *
// does not match "/"); it is repeatable.
//
//	docgen -path 'v1.0/api/user-*' -path v1.0/resources -in ../graph-docs/v1.0 -out graph
//
// # Diagnostic codes
//
// Every code docgen reports, with its severity and meaning:
//
//	annotation-blocktype                 error    an annotation has an unknown blockType; it is ignored
//	annotation-field                     warning  an annotation field has the wrong JSON type; it is ignored
//	annotation-field-null                info     an annotation field is null; it is read as absent
//	annotation-json                      error    an annotation's JSON cannot be read even with repairs; the annotation is skipped
//	annotation-no-block                  error    an annotation is not followed by a code block; it is ignored
//	annotation-repaired                  info     an annotation's JSON was repaired (comments, trailing commas, quotes) and read
//	annotation-unterminated              error    an HTML comment is not closed with -->; what follows may be lost
//	base-cycle                           error    base types form a cycle; the base type is dropped
//	base-entity-default                  info     an entity type names no base type; it derives from entity, whose key it has
//	base-enum                            error    a base type is an enum; the base type is dropped
//	base-from-derived-list               info     no annotation or text names a type's base type; it is taken from the derived types its base's page lists
//	base-from-example                    warning  no page names a type's base type; it is guessed from where examples use it
//	base-from-text                       info     the annotation names no baseType; it is taken from the page text
//	base-too-deep                        error    base types nest more than 64 deep; the base type is dropped
//	body-type                            warning  a request body type is unknown and the example is not an object; the body is sent as given
//	body-type-conflict                   warning  request examples send unrelated types; the body is typed by the first
//	body-type-inferred                   info     a request body names no type; it is inferred from the example
//	body-type-path                       warning  a request example sends a type unrelated to the one its path addresses; the body is typed by the path
//	collection-from-example              warning  a property's source says single but an example shows an array; made a collection
//	collection-from-json-representation  warning  a property's table says single but the JSON representation shows an array; made a collection
//	enum-duplicate                       info     an enum lists a member twice; it is generated once
//	enum-empty                           warning  an enum member table has no members
//	enum-from-heading                    info     an enum member table names no enum; the enum is taken from the page's heading
//	enum-from-text                       info     a type has no enum table; its members are taken from a property's description
//	enum-name                            error    an enum member table has no enum name; it is skipped
//	enum-properties                      warning  an enum is given properties by examples or tables; they are ignored
//	example-body-ignored                 warning  a request example sends a body with a method that takes none; the body is left out
//	example-inexpressible                info     a request example cannot become an Example function; none is generated for it
//	example-invalid-value                warning  an example value does not fit the documented type; it is dropped from the example
//	example-json                         warning  an example body is not valid JSON, or is suspect; it was repaired or dropped
//	example-member-untyped               warning  an example value without @odata.type where a base type is expected has a member no table of the base declares; it is evidence for no type
//	example-no-template                  warning  a request example fits no request line of any page; it documents no operation
//	example-not-as-documented            warning  a request example's body cannot be sent as documented (a member its type lacks, a null, an annotation, a value in the wrong form); no Example function is generated for it
//	example-other-page                   warning  a request example fits a request line of another page; it is taken as documenting that one
//	example-property-case                info     an example spells a property in another case; it decodes, and re-encodes with the documented case
//	example-type-mismatch                warning  an example gives a property a type other than the documented one
//	example-unknown-property             warning  an example has a property its type does not document
//	example-value-wrapper                warning  a single-entity response example wraps its object in "value"; it is read as the object itself
//	front-matter                         error    the front matter is not closed by a --- line; the page may be misread
//	http-method-case                     info     an HTTP method is not upper case; it is read as upper case
//	http-request-line                    error    a request example has no readable request line; it is not used
//	http-status-line                     error    a response example has no readable HTTP status line; it is not used
//	internal-error                       error    docgen failed while parsing a page; the page is skipped (a bug in docgen)
//	json-too-deep                        error    an example body nests too deep to read; it is not used
//	lint-broken-include                  warning  (-lint) an [!INCLUDE] names a file missing from an includes folder among the inputs
//	lint-broken-link                     warning  (-lint) a link points to a page that is not among the inputs
//	lint-response-no-page                warning  (-lint) an operation returns a type no resource or enum page defines
//	markdown-too-complex                 error    a page's tables or inline markup are too large to parse in bounded time; the page is skipped
//	markdown-too-deep                    error    a page's block quotes or lists nest too deep; the page is skipped
//	operation-duplicate                  info     two pages document the same operation; they are merged
//	operation-from-example               warning  an example documents an alternate request line no page states; an operation is made for it
//	operation-name                       warning  an operation's name is claimed by another page; this one is renamed
//	operation-no-response                error    an operation has no response example; it is generated as returning nothing
//	operation-no-template                error    a page has request examples but no request line; no operation is generated
//	page-too-large                       error    a page is over -max-page-bytes; it is skipped
//	property-example-only                warning  a property is only in examples of a type whose page has a property table; it is not added
//	property-from-example                info     a property is only in examples of a type whose page has no property table; it is added
//	property-from-json-representation    info     a property is only in the JSON representation, not in the table; it is added
//	property-name                        error    a property name cannot be used in Go or a struct tag; it is skipped
//	property-shadows-base                warning  a table row names a property a base type declares from weaker evidence or with another type; the type keeps its own
//	read                                 error    a page cannot be read, or is not a regular file; it is skipped
//	representation-value                 info     a JSON representation value names no type any page or table names; it is read as a String example value
//	request-no-response                  info     a request example has no response example
//	request-other-resource               warning  a GET request line with a query addresses a resource other pages document with an unrelated type; no operation of its page is made of it
//	resource-no-annotation               warning  a resource page has no usable annotation; the type is named from the title
//	resource-no-type                     error    a resource annotation has no @odata.type; it is not used
//	response-body-ignored                warning  an operation is generated as returning nothing although one of its response examples shows a body
//	response-context-conflict            warning  a response example's @odata.context names another result than its annotation; the annotation wins
//	response-from-text                   info     an operation's response is taken from its page's Response prose, a resource page's Methods table or a relationship table, its examples showing none
//	response-prose-conflict              warning  a response example and the page's Response prose name different results; the example wins
//	response-relationship-conflict       warning  a relationship or property table names another result for a GET of a property than its other evidence; the table wins only over a type the path addresses before the property
//	response-table-conflict              warning  a resource page's Methods table names another result than the operation's stronger evidence; the stronger wins
//	response-type                        warning  a response's type cannot be told; the response is kept as raw JSON
//	response-unknown                     warning  a GET operation's docs show no response example and name no result; it is generated as returning nothing
//	template-literal-arg                 info     a request line passes a literal value or docs placeholder to a function; it is taken as a parameter
//	template-literal-id                  info     a request line names literal ids; they are taken as parameters
//	template-outside-section             warning  a page has no "HTTP request" section; request lines are taken from other code blocks
//	template-placeholder                 info     a request line writes a parameter as <name>; it is taken as {name}
//	template-unclosed-call               warning  a request line leaves a function call unclosed; it is closed at the end of its segment
//	type-conflict                        warning  a property's table and JSON representation disagree; the stronger source wins
//	type-from-text                       warning  a property's table says String but its description lists an enum's values; the enum is used
//	type-refined                         info     a weaker source refines a property's type without contradicting it; the refinement is used
//	type-text                            warning  a property's stated type cannot be read; it is kept as raw JSON
//	type-undefined                       warning  a type has no resource or enum page; it is generated from examples and tables
//	type-unknown                         info     no source states a property's type (examples show only null); it is kept as raw JSON
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
// Before the file lines, -check prints what the change does to the
// package's exported API, breaking changes first, so that a reviewer of a
// docs update sees what stops compiling for the package's users:
//
//	API: 2 breaking changes (1 removed, 1 changed), 1 added
//	removed:
//	  (*Client).GetAUser: func(ctx context.Context, userID string, opts ...RequestOption) (*User, error)
//	changed:
//	  User.JobTitle: field json.RawMessage -> field *string
//	added:
//	  (*Client).GetUser: func(ctx context.Context, userID string, opts ...RequestOption) (*User, error)
//
// Both packages are type-checked from source (the test double and the
// Example functions are left out); every exported constant, variable,
// function, type, method, struct field and interface method is compared by
// its declaration. When the folder's package does not compile (a file
// deleted by hand, say) the line is "API: no summary: ..." with the reason.
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
//	response-body-ignored    an operation drops the body an example returns
//	response-context-conflict  an example's @odata.context and its annotation disagree
//	response-prose-conflict  an example and the Response prose disagree
//	response-relationship-conflict  a relationship or property table and other evidence disagree
//	response-table-conflict  a Methods table and stronger evidence disagree
//	response-unknown         a GET names no result anywhere in its docs
//
// and every error. It exits 1 when it finds an error, or with -strict any
// finding. It cannot be combined with -check.
//
//	docgen -lint -strict -in docs
//
// # Exit status
//
// docgen exits 0 on success; 1 when the run failed: an error in the pages
// that the baseline does not know, or in writing, a warning the baseline
// does not know under -strict, drift under -check; and 2 on a usage error:
// an unknown flag, a bad flag value (-diag, -diff-lines, -only-code), a
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
// docgen writes the line that regenerates the package into its doc.go, so
// that "go generate ./..." reruns it once; do not add a line of your own,
// or go generate runs docgen twice. For this repository's seeds it reads:
//
//	//go:generate go run github.com/docgen-dev/docgen/cmd/docgen -modroot -in seeds -out . -pkg generated
//
// Its arguments are quoted as go generate reads them back: a path with a
// space or a quote is a Go string literal, and a '$' is written ${DOLLAR},
// which go generate expands to a dollar sign.
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
