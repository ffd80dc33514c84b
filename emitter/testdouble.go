package emitter

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/templates"
	"github.com/docgen-dev/docgen/templates/testdouble"
)

// TestPackage is the name of the test-double package of package pkg, which
// is written to a subfolder of the same name.
func TestPackage(pkg string) string { return pkg + "test" }

// GenerateTestDouble renders the test-double package of the client in
// package pkg: server.go (the hand-written fake server from
// templates/testdouble) and examples.go (every documented example with a
// response). File names carry the subfolder: "<pkg>test/server.go".
func GenerateTestDouble(m *model.Model, pkg string) ([]File, error) {
	tp := TestPackage(pkg)
	if !isPackageName(tp) {
		return nil, fmt.Errorf("invalid package name %q", tp)
	}
	src, err := templates.Rewrite(testdouble.Source(), tp)
	if err != nil {
		return nil, fmt.Errorf("test double: %w", err)
	}
	server := File{Name: tp + "/server.go", Content: append([]byte(Header+"\n\n"), src...)}

	return []File{{Name: tp + "/examples.go", Content: examplesFile(m, pkg, tp)}, server}, nil
}

// examplesFile writes examples.go of the test double: the package comment
// and every documented example with a response, one composite literal per
// example whose fields share its first line and whose bodies follow as
// text. The file is data in a shape gofmt leaves as it is (no field
// alignment, no line breaks it would add), so it is written as text rather
// than through jennifer and go/format, which took a quarter of the emit
// phase for it; TestExamplesFileIsFormatted and the hostile tests hold it
// to gofmt's output. Literals come from textLiteral and strconv, so docs
// text cannot leave them.
func examplesFile(m *model.Model, pkg, tp string) []byte {
	var b bytes.Buffer
	for _, line := range []string{
		Header,
		"",
		"// Package " + tp + " is a fake server for tests of package " + pkg + ": it answers",
		"// every request its reference pages document with the documented response.",
		"// Values of documented bodies that contradict their pages are served fitted to",
		"// the documented types (docgen reports each), and a documented redirect off the",
		"// service is pointed back at the server, which answers it with an empty 200.",
		"// No link the server answers with leads anywhere else: a documented",
		"// @odata.nextLink or @odata.deltaLink to another host is left out, and any",
		"// other link to another host points at that empty 200.",
		"//",
		"// The server answers a retried request as it answered the first, and sends a",
		"// documented Retry-After as documented, so build the client without retries:",
		"//",
		"//\tsrv := " + tp + ".NewServer(t)",
		"//\tc := " + pkg + ".NewClient(" + pkg + ".WithBaseURL(srv.URL+\"/v1.0\"), " + pkg + ".WithHTTPClient(srv.Client()), " + pkg + ".WithRetry(0))",
		"package " + tp,
		"",
		"// examples are the documented request/response pairs, in operation order.",
		"func examples() []example {",
	} {
		b.WriteString(line)
		b.WriteByte('\n')
	}
	n := 0
	for _, op := range m.Operations {
		for _, ex := range op.Examples {
			if ex.Status == 0 && ex.ResponseBody == "" {
				continue // no documented response
			}
			if n == 0 {
				b.WriteString("\treturn []example{\n")
			}
			n++
			writeExample(&b, op, ex)
		}
	}
	if n == 0 {
		b.WriteString("\treturn []example{}\n}\n")
	} else {
		b.WriteString("\t}\n}\n")
	}
	return b.Bytes()
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

// writeExample writes one element of the examples table.
func writeExample(b *bytes.Buffer, op *model.Operation, ex *model.Example) {
	b.WriteString("\t\t{Operation: ")
	b.WriteString(strconv.Quote(op.Name))
	b.WriteString(", Method: ")
	b.WriteString(strconv.Quote(op.Method))
	b.WriteString(", Template: ")
	b.WriteString(strconv.Quote(op.Path))
	b.WriteString(", Path: ")
	b.WriteString(strconv.Quote(ex.Path))
	b.WriteString(", Status: ")
	b.WriteString(strconv.Itoa(ex.Status))
	if len(ex.ResponseHeaders) > 0 {
		b.WriteString(", Header: [][2]string{")
		for i, h := range ex.ResponseHeaders {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("{" + strconv.Quote(h[0]) + ", " + strconv.Quote(h[1]) + "}")
		}
		b.WriteString("}")
	}
	if req := servedRequestBody(op, ex); req != "" {
		b.WriteString(", RequestBody: ")
		b.WriteString(textLiteral(req))
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
		b.WriteString(", Body: ")
		b.WriteString(textLiteral(body))
	}
	b.WriteString("},\n")
}
