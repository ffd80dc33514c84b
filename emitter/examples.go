package emitter

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/model"
)

// ExamplesFile is the test file that holds an Example function per
// documented request.
const ExamplesFile = "examples_test.go"

// generateExamples renders examples_test.go: for every documented request
// example, an Example function that performs the same call with the
// generated client against the test-double server and prints "ok". go test
// compiles and runs them, so the docs' examples are checked code. An
// example that cannot be expressed (its URL does not fit the operation's
// path template, its body is not valid JSON, ...) is a diagnostic.
// importPath is the import path of the generated package.
func generateExamples(m *model.Model, pkg, importPath string) (File, diag.List, error) {
	var diags diag.List
	tp := TestPackage(pkg)
	f := jen.NewFile(pkg + "_test")
	f.HeaderComment(Header)
	f.ImportName(importPath, pkg)
	f.ImportName(importPath+"/"+tp, tp)
	f.ImportName("net/http/httptest", "httptest")
	f.ImportName("encoding/json", "json")
	f.ImportName("context", "context")
	f.ImportName("fmt", "fmt")
	f.ImportName("strings", "strings")
	f.ImportName("errors", "errors")
	g := &exampleGen{pkg: importPath, test: importPath + "/" + tp, used: map[string]bool{}, named: map[exampleKey]int{}, baseURL: m.BaseURL}
	var served []servedExample // the test double's table, in its order
	for _, op := range m.Operations {
		for _, ex := range op.Examples {
			if ex.Status == 0 && ex.ResponseBody == "" {
				continue // not in the table (and inexpressible below)
			}
			served = append(served, servedExample{op, ex})
			g.named[exampleKey{ex.Pos.File, ex.Name}]++
		}
	}
	for _, op := range m.Operations {
		for _, ex := range op.Examples {
			if !model.Strict(ex.RequestLosses) {
				continue // example-not-as-documented: the client cannot send its body
			}
			code, why := g.example(op, ex)
			if why == "" {
				why = shadowed(served, op, ex)
			}
			if why != "" {
				diags.Warnf(ex.Pos, "example-inexpressible", "request example %s cannot become an Example function of %s: %s", quoteName(ex.Name), op.Name, why)
				continue
			}
			for _, c := range code {
				f.Add(c) // the doc comment and the function, as two items
			}
			f.Line()
		}
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return File{}, diags, fmt.Errorf("render %s: %w", ExamplesFile, err)
	}
	return File{Name: ExamplesFile, Content: buf.Bytes()}, diags, nil
}

// servedExample is an element of the test double's table.
type servedExample struct {
	op *model.Operation
	ex *model.Example
}

// shadowed says why the Example of ex would not get its documented
// outcome, or "": the test double answers a request with the first
// example of its table that has the request's method and path and whose
// request body has the shape of the request's, so an earlier example with
// the same request answers ex's. That is harmless when both are answered
// with success, or with the same error status, and otherwise makes the
// Example untrue to its docs.
func shadowed(table []servedExample, op *model.Operation, ex *model.Example) string {
	body := servedRequestBody(op, ex)
	for _, s := range table {
		if s.ex == ex {
			return ""
		}
		if s.op.Method != op.Method || s.ex.Path != ex.Path || !sameBodyShape(servedRequestBody(s.op, s.ex), body) {
			continue
		}
		if outcome(s.ex.Status) != outcome(ex.Status) {
			return fmt.Sprintf("the test double answers its request with the earlier example %s of %s (status %d), which has the same request",
				quoteName(s.ex.Name), s.ex.Pos.File, max(s.ex.Status, http.StatusOK))
		}
	}
	return ""
}

// outcome is what an Example expects of a documented status: 0 for
// success, the status for an error.
func outcome(status int) int {
	if status >= 400 {
		return status
	}
	return 0
}

// sameBodyShape reports whether the test double would take a request with
// body for an example documented with the request body documented, as its
// checkBody does: a documented body that is not a JSON object takes any,
// and otherwise the members (control information and nulls aside) must be
// the same, in any case.
func sameBodyShape(documented, body string) bool {
	want, ok := bodyMembers(documented)
	if !ok {
		return true
	}
	got, ok := bodyMembers(body)
	return ok && slices.Equal(want, got)
}

// bodyMembers returns the sorted, lower-cased member names of a JSON
// object, leaving out control information and nulls; false when body is
// not a JSON object.
func bodyMembers(body string) ([]string, bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &m) != nil || m == nil {
		return nil, false
	}
	var names []string
	for k, v := range m {
		if !strings.Contains(k, "@") && string(v) != "null" {
			names = append(names, strings.ToLower(k))
		}
	}
	slices.Sort(names)
	return names, true
}

func quoteName(s string) string {
	if s == "" {
		return "(unnamed)"
	}
	return fmt.Sprintf("%q", s)
}

type exampleGen struct {
	pkg, test string
	used      map[string]bool
	// named counts the examples of the test double's table by page and
	// name (handler).
	named map[exampleKey]int
	// baseURL is the service root the examples use (model.Model.BaseURL).
	baseURL string
}

// name is the Example function's name: ExampleClient_Op, then
// ExampleClient_Op_<example name> for the second and later.
func (g *exampleGen) name(op *model.Operation, ex *model.Example) string {
	base := "ExampleClient_" + op.Name
	if !g.used[base] {
		g.used[base] = true
		return base
	}
	suffix := strings.ToLower(model.LowerName(ex.Name))
	if suffix == "" || suffix[0] < 'a' || suffix[0] > 'z' {
		suffix = "example"
	}
	name := base + "_" + suffix
	for i := 2; g.used[name]; i++ {
		name = fmt.Sprintf("%s_%s%d", base, suffix, i)
	}
	g.used[name] = true
	return name
}

var paramRe = regexp.MustCompile(`\{[^{}]*\}`)

// pathArgs extracts the example's value for each path parameter.
func pathArgs(op *model.Operation, path string) ([]string, bool) {
	var b strings.Builder
	b.WriteString("^")
	rest := op.Path
	for {
		loc := paramRe.FindStringIndex(rest)
		if loc == nil {
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:loc[0]]))
		b.WriteString("([^/]*?)")
		rest = rest[loc[1]:]
	}
	b.WriteString(regexp.QuoteMeta(rest) + "/?$")
	re, err := regexp.Compile("(?i)" + b.String())
	if err != nil {
		return nil, false
	}
	m := re.FindStringSubmatch(path)
	if m == nil || len(m)-1 != len(op.Params) {
		return nil, false
	}
	args := make([]string, len(m)-1)
	for i, v := range m[1:] {
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
		args[i] = v
	}
	return args, true
}

// queryOptions turns the example's query string into WithQuery options.
func (g *exampleGen) queryOptions(raw string) []jen.Code {
	var opts []jen.Code
	for _, kv := range strings.Split(raw, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		if u, err := url.QueryUnescape(k); err == nil {
			k = u
		}
		if u, err := url.QueryUnescape(v); err == nil {
			v = u
		}
		opts = append(opts, rtWithQuery.in(g.pkg).Call(jen.Lit(k), jen.Lit(v)))
	}
	return opts
}

func printErr() jen.Code {
	return jen.If(jen.Err().Op("!=").Nil()).Block(
		jen.Qual("fmt", "Println").Call(jen.Lit("error:"), jen.Err()),
		jen.Return(),
	)
}

// example renders one Example function, or says why it cannot.
func (g *exampleGen) example(op *model.Operation, ex *model.Example) ([]jen.Code, string) {
	if ex.Status == 0 && ex.ResponseBody == "" {
		return nil, "it has no documented response for the test double to give"
	}
	if (op.Response == model.ResponseSingle || op.Response == model.ResponseCollection) && strings.TrimSpace(ex.ResponseBody) != "" &&
		!ex.ResponseJSON && ex.ResponseRepaired == "" {
		return nil, "its response body is not valid JSON and cannot be repaired, so the client could not decode it"
	}
	if ex.ResponseMismatch != "" {
		return nil, ex.ResponseMismatch
	}
	args, ok := pathArgs(op, ex.Path)
	if !ok {
		return nil, fmt.Sprintf("its path %s does not fit the template %s", ex.Path, op.Path)
	}
	var stmts []jen.Code
	stmts = append(stmts,
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(g.handler(ex)),
		jen.Defer().Id("srv").Dot("Close").Call(),
		// Retries off: the test double answers a retried request as it
		// answered the first, so a retry could only wait (a documented
		// Retry-After: 100000 for a day) and fail again; the documented
		// 429 or 503 comes back as the documented *APIError instead.
		jen.Id("c").Op(":=").Add(rtNewClient.in(g.pkg)).Call(
			rtWithBaseURL.in(g.pkg).Call(jen.Id("srv").Dot("URL").Op("+").Lit("/v1.0")),
			rtWithHTTPClient.in(g.pkg).Call(jen.Id("srv").Dot("Client").Call()),
			rtWithRetry.in(g.pkg).Call(jen.Lit(0)),
		),
		jen.Id("ctx").Op(":=").Qual("context", "Background").Call(),
	)
	call := []jen.Code{jen.Id("ctx")}
	for i, a := range args {
		lit, ok := argLit(g.pkg, op.Params[i], a)
		if !ok {
			return nil, fmt.Sprintf("its value %q for %s is not a %s the client would write as the example does", a, op.Params[i].Name, argKind(op.Params[i]))
		}
		call = append(call, lit)
	}
	if op.Body != nil {
		body, decl, why := g.body(op, ex)
		if why != "" {
			return nil, why
		}
		stmts = append(stmts, decl...)
		call = append(call, body)
	}
	call = append(call, g.queryOptions(ex.Query)...)
	output := "ok"
	if ex.Status >= 400 {
		// The docs answer the request with an error: the Example shows the
		// client returning it.
		stmts = append(stmts, g.documentedError(op, ex.Status, call)...)
		output = fmt.Sprintf("status: %d", ex.Status)
	} else {
		stmts = append(stmts, g.success(op, call)...)
	}
	stmts = append(stmts, jen.Comment("Output: "+output))
	name := g.name(op, ex)
	doc := fmt.Sprintf("%s calls %s as the example %s of %s does.", name, op.Name, quoteName(ex.Name), ex.Pos.File)
	if ex.Status >= 400 {
		doc += fmt.Sprintf(" The documented answer is a %d error, which the client returns as an *APIError.", ex.Status)
	}
	// The page path and example name are docs text: doc neutralises them.
	return []jen.Code{
		declDoc(doc),
		jen.Func().Id(name).Params().Block(stmts...),
	}, ""
}

// exampleKey names an example of the test double's table: its page and
// its name there.
type exampleKey struct{ source, name string }

// handler is the test double an Example serves its call with: the one
// that answers only its documented request (ExampleHandler), or, when
// another example of the page has the same name, the whole double.
func (g *exampleGen) handler(ex *model.Example) jen.Code {
	if g.named[exampleKey{ex.Pos.File, ex.Name}] == 1 {
		return tdForExample.in(g.test).Call(jen.Lit(ex.Pos.File), jen.Lit(ex.Name))
	}
	return tdHandler.in(g.test).Call()
}

// success performs the call of an example the docs answer with success,
// printing the error, if any, and then "ok".
func (g *exampleGen) success(op *model.Operation, call []jen.Code) []jen.Code {
	var stmts []jen.Code
	switch op.Response {
	case model.ResponseCollection:
		stmts = append(stmts,
			jen.For(jen.List(jen.Id("_"), jen.Err()).Op(":=").Range().Id("c").Dot(op.Name).Call(call...)).Block(printErr()))
	case model.ResponseStream:
		stmts = append(stmts,
			jen.List(jen.Id("rc"), jen.Err()).Op(":=").Id("c").Dot(op.Name).Call(call...),
			printErr(),
			jen.Id("rc").Dot("Close").Call())
	case model.ResponseNone:
		stmts = append(stmts, jen.If(jen.Err().Op(":=").Id("c").Dot(op.Name).Call(call...), jen.Err().Op("!=").Nil()).Block(
			jen.Qual("fmt", "Println").Call(jen.Lit("error:"), jen.Err()),
			jen.Return(),
		))
	default:
		stmts = append(stmts,
			jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("c").Dot(op.Name).Call(call...),
			printErr())
	}
	return append(stmts, jen.Qual("fmt", "Println").Call(jen.Lit("ok")))
}

// documentedError performs the call of an example the docs answer with an
// error status: the call must return an *APIError, whose status it
// prints.
func (g *exampleGen) documentedError(op *model.Operation, status int, call []jen.Code) []jen.Code {
	var stmts []jen.Code
	switch op.Response {
	case model.ResponseCollection:
		stmts = append(stmts,
			jen.Var().Err().Error(),
			jen.For(jen.List(jen.Id("_"), jen.Err()).Op("=").Range().Id("c").Dot(op.Name).Call(call...)).Block(
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Break()),
			))
	case model.ResponseStream:
		stmts = append(stmts,
			jen.List(jen.Id("rc"), jen.Err()).Op(":=").Id("c").Dot(op.Name).Call(call...),
			jen.If(jen.Err().Op("==").Nil()).Block(jen.Id("rc").Dot("Close").Call()))
	case model.ResponseNone:
		stmts = append(stmts, jen.Err().Op(":=").Id("c").Dot(op.Name).Call(call...))
	default:
		stmts = append(stmts, jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("c").Dot(op.Name).Call(call...))
	}
	return append(stmts,
		jen.Var().Id("apiErr").Op("*").Add(rtAPIError.in(g.pkg)),
		jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("apiErr"))).Block(
			jen.Qual("fmt", "Println").Call(jen.Lit(fmt.Sprintf("want the documented %d error, got:", status)), jen.Err()),
			jen.Return(),
		),
		jen.Qual("fmt", "Println").Call(jen.Lit("status:"), jen.Id("apiErr").Dot(string(rtAPIErrorStatusCode))),
	)
}

// body declares the request body from the documented one.
func (g *exampleGen) body(op *model.Operation, ex *model.Example) (jen.Code, []jen.Code, string) {
	if op.Body.Binary {
		return jen.List(textLit(ex.RequestContentType), jen.Qual("strings", "NewReader").Call(textLit(ex.RequestBody))), nil, ""
	}
	if op.Body.Reference {
		segs, why := g.referenceSegments(ex)
		if why != "" {
			return nil, nil, why
		}
		args := make([]jen.Code, len(segs))
		for i, seg := range segs {
			args[i] = jen.Lit(seg)
		}
		return rtRefTo.in(g.pkg).Call(args...), nil, ""
	}
	if strings.TrimSpace(ex.RequestBody) == "" {
		return jen.Nil(), nil, ""
	}
	text := ex.RequestBody
	switch {
	case ex.RequestFitted != "":
		text = ex.RequestFitted // the values fitted to the model are reported by model
	case !ex.RequestJSON:
		if ex.RequestRepaired == "" {
			return nil, nil, "its request body is not valid JSON and cannot be repaired"
		}
		text = ex.RequestRepaired // the repairs are reported by the parser
	}
	t := op.Body.Type
	var typ jen.Code
	arg := jen.Op("&").Id("body")
	use := jen.Id("body")
	switch {
	case t.Collection:
		typ = jen.Index().Add(g.elem(t))
		use = jen.Id("body")
	case t.Named != nil && t.Named.Polymorphic():
		typ = jen.Qual(g.pkg, t.Named.RefName)
		use = jen.Id("body").Dot(t.Named.ClassName)
	case t.Named != nil:
		typ = jen.Qual(g.pkg, t.Named.Name)
		use = jen.Op("&").Id("body")
	case t.Primitive == model.Untyped:
		return jen.Qual("encoding/json", "RawMessage").Call(textLit(text)), nil, ""
	default:
		return nil, nil, "its body type Edm." + string(t.Primitive) + " has no Example form"
	}
	decl := []jen.Code{
		jen.Var().Id("body").Add(typ),
		jen.If(jen.Err().Op(":=").Add(rtUnmarshal.in(g.pkg)).Call(jen.Index().Byte().Parens(textLit(text)), arg), jen.Err().Op("!=").Nil()).Block(
			jen.Qual("fmt", "Println").Call(jen.Lit("error:"), jen.Err()),
			jen.Return(),
		),
	}
	if t.Named != nil && !t.Collection && !t.Named.Polymorphic() {
		// The documented nulls, which a nil field would leave out.
		for _, name := range ex.RequestNulls {
			decl = append(decl, jen.If(jen.Err().Op(":=").Add(rtSetNull.in(g.pkg)).Call(jen.Op("&").Id("body"), jen.Op("&").Id("body").Dot(name)), jen.Err().Op("!=").Nil()).Block(
				jen.Qual("fmt", "Println").Call(jen.Lit("error:"), jen.Err()),
				jen.Return(),
			))
		}
	}
	return use, decl, ""
}

func (g *exampleGen) elem(t model.TypeRef) jen.Code {
	switch {
	case t.Named != nil && t.Named.Polymorphic():
		return jen.Qual(g.pkg, t.Named.RefName)
	case t.Named != nil:
		return jen.Qual(g.pkg, t.Named.Name)
	}
	return primitiveTypeQual(t.Primitive, g.pkg)
}

// primitiveTypeQual is primitiveType for code outside the package.
func primitiveTypeQual(p model.Primitive, pkg string) jen.Code {
	switch p {
	case model.Date:
		return rtDate.in(pkg)
	case model.TimeOfDay:
		return rtTimeOfDay.in(pkg)
	case model.Duration:
		return rtDuration.in(pkg)
	}
	return primitiveType(p)
}

// referenceSegments maps the "@odata.id" of a documented $ref body to the
// arguments of RefTo, or says why it cannot: the documented URL names a
// resource of the service the docs describe ("https://graph.microsoft.com/
// v1.0/directoryObjects/{id}"), which the Example's client, built for the
// test double, names by the same path under its own service root. The URL
// must be at the origin of the examples' service root (or be relative), and
// a leading version segment ("v1.0", "beta") is the service root's.
func (g *exampleGen) referenceSegments(ex *model.Example) ([]string, string) {
	text := ex.RequestBody
	if !ex.RequestJSON {
		text = ex.RequestRepaired
	}
	var body map[string]json.RawMessage
	if strings.TrimSpace(text) == "" || json.Unmarshal([]byte(text), &body) != nil {
		return nil, "its request body is not the JSON object with an @odata.id that a $ref operation sends"
	}
	var id string
	if raw, ok := body["@odata.id"]; !ok || json.Unmarshal(raw, &id) != nil || id == "" {
		return nil, "its request body has no @odata.id string, which a $ref operation sends"
	}
	u, err := url.Parse(id)
	if err != nil {
		return nil, "its @odata.id does not parse as a URL"
	}
	if u.IsAbs() || u.Host != "" {
		base, err := url.Parse(g.baseURL)
		if err != nil || !strings.EqualFold(u.Scheme, base.Scheme) || !strings.EqualFold(u.Host, base.Host) || u.User != nil {
			return nil, fmt.Sprintf("its @odata.id is not at the service root %s", g.baseURL)
		}
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, "its @odata.id has a query or fragment, which RefTo cannot express"
	}
	segs := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	if len(segs) > 0 && versionSegment(segs[0]) {
		segs = segs[1:]
	}
	out := make([]string, 0, len(segs))
	for _, seg := range segs {
		v, err := url.PathUnescape(seg)
		if err != nil {
			return nil, "its @odata.id has a segment that does not unescape"
		}
		if v == "" || v == "." || v == ".." {
			return nil, fmt.Sprintf("its @odata.id has a segment %q, which RefTo refuses", v)
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, "its @odata.id names no resource below the service root"
	}
	return out, ""
}

// versionSegment reports whether a path segment is a Graph API version,
// such as "v1.0" or "beta".
func versionSegment(s string) bool {
	s = strings.ToLower(s)
	if s == "beta" {
		return true
	}
	rest, ok := strings.CutPrefix(s, "v")
	if !ok || rest == "" {
		return false
	}
	for _, r := range rest {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return true
}

// argLit is the Go literal of an example's value v for path parameter p,
// of p's type; ok is false when v is not a value of the type the client
// writes back as v (the test double would not recognise the request).
func argLit(pkg string, p *model.PathParam, v string) (jen.Code, bool) {
	switch p.Type.Primitive {
	case model.Boolean:
		b, err := strconv.ParseBool(v)
		return jen.Lit(b), err == nil && strconv.FormatBool(b) == v
	case model.Byte, model.SByte, model.Int16, model.Int32, model.Int64:
		bits := map[model.Primitive]int{model.Byte: 8, model.SByte: 8, model.Int16: 16, model.Int32: 32, model.Int64: 64}[p.Type.Primitive]
		if p.Type.Primitive == model.Byte {
			n, err := strconv.ParseUint(v, 10, bits)
			return jen.Lit(int(n)), err == nil && strconv.FormatUint(n, 10) == v
		}
		n, err := strconv.ParseInt(v, 10, bits)
		return jen.Lit(int(n)), err == nil && strconv.FormatInt(n, 10) == v
	case model.Single, model.Double, model.Decimal:
		bits := 64
		if p.Type.Primitive == model.Single {
			bits = 32
		}
		f, err := strconv.ParseFloat(v, bits)
		return jen.Lit(f), err == nil && strconv.FormatFloat(f, 'g', -1, bits) == v
	case model.DateTimeOffset:
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil || t.Format(time.RFC3339Nano) != v {
			return nil, false
		}
		loc := jen.Qual("time", "UTC")
		if _, off := t.Zone(); off != 0 || !strings.HasSuffix(v, "Z") {
			loc = jen.Qual("time", "FixedZone").Call(jen.Lit(""), jen.Lit(off))
		}
		return jen.Qual("time", "Date").Call(jen.Lit(t.Year()), jen.Lit(int(t.Month())), jen.Lit(t.Day()),
			jen.Lit(t.Hour()), jen.Lit(t.Minute()), jen.Lit(t.Second()), jen.Lit(t.Nanosecond()), loc), true
	case model.Date:
		t, err := time.Parse(time.DateOnly, v)
		if err != nil || t.Format(time.DateOnly) != v {
			return nil, false
		}
		return rtDate.in(pkg).Values(jen.Dict{
			jen.Id("Year"):  jen.Lit(t.Year()),
			jen.Id("Month"): jen.Lit(int(t.Month())),
			jen.Id("Day"):   jen.Lit(t.Day()),
		}), true
	}
	return jen.Lit(v), true
}

// argKind names the type of a path parameter in a reason.
func argKind(p *model.PathParam) string {
	if p.Type.Named != nil {
		return p.Type.Named.Name
	}
	if p.Type.Primitive != "" {
		return string(p.Type.Primitive)
	}
	return "string"
}
