package emitter

import (
	"bytes"
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/templates"
	"github.com/docgen-dev/docgen/templates/testdouble"
)

// TestPackage is the name of the test-double package of package pkg, which
// is written to a subfolder of the same name.
func TestPackage(pkg string) string { return pkg + "test" }

// generateTestDouble renders the test-double package of the client in
// package pkg: server.go (the hand-written fake server from
// templates/testdouble) and examples.go (every documented example with a
// response). File names carry the subfolder: "<pkg>test/server.go".
func generateTestDouble(m *model.Model, pkg string) ([]File, error) {
	tp := TestPackage(pkg)
	if !isPackageName(tp) {
		return nil, fmt.Errorf("invalid package name %q", tp)
	}
	src, err := templates.Rewrite(testdouble.Source(), tp)
	if err != nil {
		return nil, fmt.Errorf("test double: %w", err)
	}
	server := File{Name: tp + "/server.go", Content: append([]byte(Header+"\n\n"), src...)}

	examples, err := examplesFile(m, pkg, tp)
	if err != nil {
		return nil, fmt.Errorf("render %s/examples.go: %w", tp, err)
	}
	return []File{{Name: tp + "/examples.go", Content: examples}, server}, nil
}

// examplesFile renders examples.go of the test double: the package comment
// and every documented example with a response, one composite literal per
// example whose fields share its first line and whose bodies are text
// literals (textLit), so docs text cannot leave them.
func examplesFile(m *model.Model, pkg, tp string) ([]byte, error) {
	f := jen.NewFile(tp)
	f.HeaderComment(Header)
	for _, line := range []string{
		"Package " + tp + " is a fake server for tests of package " + pkg + ": it answers",
		"every request its reference pages document with the documented response.",
		"Values of documented bodies that contradict their pages are served fitted to",
		"the documented types (docgen reports each), and a documented redirect off the",
		"service is pointed back at the server, which answers it with an empty 200.",
		"No link the server answers with leads anywhere else: a documented",
		"@odata.nextLink or @odata.deltaLink to another host is left out, and any",
		"other link to another host points at that empty 200.",
		"",
		"The server answers a retried request as it answered the first, and sends a",
		"documented Retry-After as documented, so build the client without retries:",
		"",
		"\tsrv := " + tp + ".NewServer(t)",
		"\tc := " + pkg + ".NewClient(" + pkg + ".WithBaseURL(srv.URL+\"/v1.0\"), " + pkg + ".WithHTTPClient(srv.Client()), " + pkg + ".WithRetry(0))",
	} {
		f.PackageComment(commentLine(line))
	}
	var rows []jen.Code
	for _, op := range m.Operations {
		for _, ex := range op.Examples {
			if ex.Status == 0 && ex.ResponseBody == "" {
				continue // no documented response
			}
			rows = append(rows, jen.Line().Values(exampleFields(op, ex)...))
		}
	}
	if len(rows) > 0 {
		rows = append(rows, jen.Line())
	}
	decl(f, []string{"examples are the documented request/response pairs, in operation order."},
		jen.Func().Add(tdExamples.id()).Params().Index().Add(tdExample.id()).Block(
			jen.Return(jen.Index().Add(tdExample.id()).Values(rows...))))
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// servedRequestBody is the request body of an example as the test double
// holds it, to compare requests with: "" when there is none.
func servedRequestBody(op *model.Operation, ex *model.Example) string {
	switch {
	case op.Body == nil:
		// The operation takes no body (example-body-ignored).
	case ex.RequestFitted != "":
		return ex.RequestFitted
	case ex.RequestJSON:
		return ex.RequestBody
	case ex.RequestRepaired != "":
		return ex.RequestRepaired
	}
	return ""
}

// exampleFields are the fields of one element of the examples table.
func exampleFields(op *model.Operation, ex *model.Example) []jen.Code {
	field := func(name rtName, value jen.Code) jen.Code { return name.id().Op(":").Add(value) }
	fields := []jen.Code{
		field(tdOperation, jen.Lit(op.Name)),
		field(tdMethod, jen.Lit(op.Method)),
		field(tdTemplate, jen.Lit(op.Path)),
		field(tdPath, jen.Lit(ex.Path)),
	}
	if ex.Query != "" {
		fields = append(fields, field(tdQuery, jen.Lit(ex.Query)))
	}
	fields = append(fields,
		field(tdSource, jen.Lit(ex.Pos.File)),
		field(tdName, jen.Lit(ex.Name)),
		field(tdStatus, jen.Lit(ex.Status)),
	)
	if len(ex.ResponseHeaders) > 0 {
		var hs []jen.Code
		for _, h := range ex.ResponseHeaders {
			hs = append(hs, jen.Values(jen.Lit(h[0]), jen.Lit(h[1])))
		}
		fields = append(fields, field(tdHeader, jen.Index().Index(jen.Lit(2)).String().Values(hs...)))
	}
	if req := servedRequestBody(op, ex); req != "" {
		fields = append(fields, field(tdRequestBody, textLit(req)))
	}
	var body string
	switch {
	case ex.ResponseFitted != "":
		// Values that would not decode into the documented types are
		// fitted to them (reported as diagnostics).
		body = ex.ResponseFitted
	case ex.ResponseRepaired != "":
		// The documented body is not JSON; the test double serves its
		// repair, as a real service would send JSON.
		body = ex.ResponseRepaired
	default:
		body = ex.ResponseBody
	}
	if body != "" {
		fields = append(fields, field(tdBody, textLit(body)))
	}
	return fields
}
