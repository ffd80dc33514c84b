package emitter

import "github.com/dave/jennifer/jen"

// rtName is a declaration of the client runtime (package templates, copied
// into the generated package), of the generated package's own fixed
// declarations, or of the test double's runtime (templates/testdouble)
// that generated code refers to. Generated code names the runtime only
// through these constants, so that TestRuntimeTable, not only a golden
// file's type-check, catches a helper renamed in templates; and
// TestNoRuntimeNameAsString checks that no other file of the emitter
// spells one as a string.
type rtName string

// The runtime of the generated package (templates).
const (
	rtClient         rtName = "Client"
	rtRequestOption  rtName = "RequestOption"
	rtNewClient      rtName = "NewClient"
	rtWithBaseURL    rtName = "WithBaseURL"
	rtWithHTTPClient rtName = "WithHTTPClient"
	rtWithRetry      rtName = "WithRetry"
	rtWithQuery      rtName = "WithQuery"
	// The request options of the system query options, named in doc
	// comments (queryDoc).
	rtWithSelect   rtName = "WithSelect"
	rtWithFilter   rtName = "WithFilter"
	rtWithTop      rtName = "WithTop"
	rtWithSkip     rtName = "WithSkip"
	rtWithExpand   rtName = "WithExpand"
	rtWithOrderBy  rtName = "WithOrderBy"
	rtWithSearch   rtName = "WithSearch"
	rtWithCount    rtName = "WithCount"
	rtAPIError     rtName = "APIError"
	rtDate         rtName = "Date"
	rtTimeOfDay    rtName = "TimeOfDay"
	rtDuration     rtName = "Duration"
	rtDoCollection rtName = "doCollection"
	rtDoJSON       rtName = "doJSON"
	rtDoValue      rtName = "doValue"
	rtDoStream     rtName = "doStream"
	rtDoNoContent  rtName = "doNoContent"
	rtUnwrapSeq    rtName = "unwrapSeq"
	rtUnwrapOne    rtName = "unwrapOne"
	rtDecodePoly   rtName = "decodePoly"
	rtEncodePoly   rtName = "encodePoly"
	rtPathLiteral  rtName = "pathLiteral"
	rtPathSegment  rtName = "pathSegment"
	rtPathBool     rtName = "pathBool"
	rtPathInt      rtName = "pathInt"
	rtPathFloat    rtName = "pathFloat"
	rtPathDateTime rtName = "pathDateTime"
	rtPathDate     rtName = "pathDate"
	rtReference    rtName = "Reference"
	rtContentBody  rtName = "contentBody"
	rtRefTo        rtName = "RefTo"
	rtRefURL       rtName = "RefURL"
	rtMembers      rtName = "Members"
	rtUnmarshal    rtName = "Unmarshal"
	// Named in doc comments.
	rtSetNull rtName = "SetNull"
	rtBind    rtName = "Bind"
	// Declared by the emitter itself (doc.go, registry.go), and reserved
	// with the runtime's names (templates.Identifiers).
	rtDefaultBaseURL rtName = "defaultBaseURL"
	rtNewByODataType rtName = "newByODataType"
)

// Members (fields and methods) of the runtime's declarations.
const (
	// rtAPIErrorStatusCode is a field of rtAPIError.
	rtAPIErrorStatusCode rtName = "StatusCode"
	// rtUnwrap is the method by which unwrapSeq and unwrapOne take the
	// value out of a Ref.
	rtUnwrap rtName = "unwrap"
)

// runtimeNames are the top-level names of the generated package's
// runtime the emitter refers to, then the members.
func runtimeNames() (decls, members []rtName) {
	return []rtName{
		rtClient, rtRequestOption, rtNewClient, rtWithBaseURL, rtWithHTTPClient, rtWithRetry, rtWithQuery,
		rtAPIError, rtDate, rtTimeOfDay, rtDuration, rtDoCollection, rtDoJSON, rtDoValue, rtDoStream,
		rtDoNoContent, rtUnwrapSeq, rtUnwrapOne, rtDecodePoly, rtEncodePoly, rtPathLiteral, rtPathSegment,
		rtPathBool, rtPathInt, rtPathFloat, rtPathDateTime, rtPathDate,
		rtDefaultBaseURL, rtNewByODataType,
		rtReference, rtRefTo, rtRefURL, rtContentBody, rtMembers, rtUnmarshal, rtSetNull, rtBind,
		rtWithSelect, rtWithFilter, rtWithTop, rtWithSkip, rtWithExpand, rtWithOrderBy, rtWithSearch, rtWithCount,
	}, []rtName{rtAPIErrorStatusCode, rtUnwrap}
}

// The test double's runtime (templates/testdouble): the handler the
// Example functions serve, and the table of examples and its fields.
const (
	tdHandler     rtName = "Handler"
	tdForExample  rtName = "ExampleHandler"
	tdExamples    rtName = "examples"
	tdExample     rtName = "example"
	tdOperation   rtName = "Operation"
	tdMethod      rtName = "Method"
	tdTemplate    rtName = "Template"
	tdPath        rtName = "Path"
	tdQuery       rtName = "Query"
	tdSource      rtName = "Source"
	tdName        rtName = "Name"
	tdStatus      rtName = "Status"
	tdHeader      rtName = "Header"
	tdRequestBody rtName = "RequestBody"
	tdBody        rtName = "Body"
)

// testDoubleNames are the test double's runtime declarations the emitter
// refers to: top-level names, then the fields of tdExample. tdExamples is
// not among them: the emitter declares it (examples.go) and server.go
// calls it.
func testDoubleNames() (decls, fields []rtName) {
	return []rtName{tdHandler, tdForExample, tdExample},
		[]rtName{tdOperation, tdMethod, tdTemplate, tdPath, tdQuery, tdSource, tdName, tdStatus, tdHeader, tdRequestBody, tdBody}
}

// id is n as an identifier of the package it is declared in.
func (n rtName) id() *jen.Statement { return jen.Id(string(n)) }

// in is n qualified by the import path of the package that declares it.
func (n rtName) in(path string) *jen.Statement { return jen.Qual(path, string(n)) }
