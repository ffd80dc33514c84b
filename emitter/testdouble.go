package emitter

import (
	"bytes"
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/spec"
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
func GenerateTestDouble(m *spec.Model, pkg string) ([]File, error) {
	tp := TestPackage(pkg)
	if !isPackageName(tp) {
		return nil, fmt.Errorf("invalid package name %q", tp)
	}
	src, err := templates.Rewrite(testdouble.Source(), tp)
	if err != nil {
		return nil, fmt.Errorf("test double: %w", err)
	}
	server := File{Name: tp + "/server.go", Content: append([]byte(Header+"\n\n"), src...)}

	f := jen.NewFile(tp)
	f.HeaderComment(Header)
	f.PackageComment("Package " + tp + " is a fake server for tests of package " + pkg + ": it answers")
	f.PackageComment("every request its reference pages document with the documented response.")
	f.PackageComment("Values of documented bodies that contradict their pages are served fitted to")
	f.PackageComment("the documented types (docgen reports each), and a documented redirect off the")
	f.PackageComment("service is pointed back at the server, which answers it with an empty 200.")
	f.PackageComment("")
	f.PackageComment("\tsrv := " + tp + ".NewServer(t)")
	f.PackageComment("\tc := " + pkg + ".NewClient(" + pkg + ".WithBaseURL(srv.URL), " + pkg + ".WithHTTPClient(srv.Client()))")
	var rows []jen.Code
	for _, op := range m.Operations {
		for _, ex := range op.Examples {
			if ex.Status == 0 && ex.ResponseBody == "" {
				continue // no documented response
			}
			d := jen.Dict{
				jen.Id("Operation"): jen.Lit(op.Name),
				jen.Id("Method"):    jen.Lit(op.Method),
				jen.Id("Template"):  jen.Lit(op.Path),
				jen.Id("Path"):      jen.Lit(ex.Path),
				jen.Id("Status"):    jen.Lit(ex.Status),
			}
			switch {
			case op.Body == nil:
				// The operation takes no body (example-body-ignored).
			case ex.RequestFitted != "":
				d[jen.Id("RequestBody")] = textLit(ex.RequestFitted)
			case ex.RequestJSON:
				d[jen.Id("RequestBody")] = textLit(ex.RequestBody)
			case ex.RequestRepaired != "":
				d[jen.Id("RequestBody")] = textLit(ex.RequestRepaired)
			}
			if len(ex.ResponseHeaders) > 0 {
				var hs []jen.Code
				for _, h := range ex.ResponseHeaders {
					hs = append(hs, jen.Values(jen.Lit(h[0]), jen.Lit(h[1])))
				}
				d[jen.Id("Header")] = jen.Index().Index(jen.Lit(2)).String().Values(hs...)
			}
			switch {
			case ex.ResponseFitted != "":
				// Values that would not decode into the documented
				// types are fitted to them (reported as diagnostics).
				d[jen.Id("Body")] = textLit(ex.ResponseFitted)
			case ex.ResponseRepaired != "":
				// The documented body is not JSON; the test double
				// serves its repair, as a real service would send JSON.
				d[jen.Id("Body")] = textLit(ex.ResponseRepaired)
			case ex.ResponseBody != "":
				d[jen.Id("Body")] = textLit(ex.ResponseBody)
			}
			rows = append(rows, jen.Values(d))
		}
	}
	f.Comment("examples are the documented request/response pairs, in operation order.")
	f.Func().Id("examples").Params().Index().Id("example").Block(
		jen.Return(jen.Index().Id("example").ValuesFunc(func(g *jen.Group) {
			for _, r := range rows {
				g.Line().Add(r)
			}
			g.Line()
		})),
	)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, fmt.Errorf("render %s/examples.go: %w", tp, err)
	}
	return []File{{Name: tp + "/examples.go", Content: buf.Bytes()}, server}, nil
}
