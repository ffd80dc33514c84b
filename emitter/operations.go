package emitter

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/model"
)

// genOperation adds the request method of one operation:
//
//	func (c *Client) Name(ctx context.Context, <path params>, [body], opts ...RequestOption) <result>
func genOperation(f *jen.File, op *model.Operation, alts altIndex) {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range op.Params {
		params = append(params, jen.Id(p.Name).Add(paramType(p)))
	}
	bodyArg := jen.Nil()
	if op.Body != nil {
		var typ jen.Code
		switch {
		case op.Body.Binary:
			params = append(params, jen.Id("contentType").String())
			typ = jen.Qual("io", "Reader")
		case op.Body.Reference:
			typ = rtReference.id()
		case op.Body.Type.Collection:
			typ = fieldType(op.Body.Type)
		case op.Body.Type.Named.Polymorphic():
			typ = jen.Id(op.Body.Type.Named.ClassName)
		case op.Body.Type.Named != nil:
			typ = jen.Op("*").Id(op.Body.Type.Named.Name)
		default:
			typ = elemType(op.Body.Type)
		}
		params = append(params, jen.Id("body").Add(typ))
		bodyArg = jen.Id("body")
		if op.Body.Binary {
			bodyArg = rtContentBody.id().Call(jen.Id("contentType"), jen.Id("body"))
		}
	}
	params = append(params, jen.Id("opts").Op("...").Add(rtRequestOption.id()))
	args := []jen.Code{jen.Id("ctx"), jen.Id("c"), jen.Lit(op.Method), pathExpr(op), bodyArg, jen.Id("opts")}

	var result, call *jen.Statement
	poly := op.ResponseType.Named.Polymorphic() && !op.ResponseType.Collection
	switch {
	case poly && op.Response == model.ResponseCollection:
		t := op.ResponseType.Named
		result = jen.Qual("iter", "Seq2").Types(jen.Id(t.ClassName), jen.Error())
		call = rtUnwrapSeq.id().Types(jen.Id(t.RefName), jen.Id(t.ClassName)).Call(rtDoCollection.id().Types(jen.Id(t.RefName)).Call(args...))
	case poly && op.Response == model.ResponseSingle:
		t := op.ResponseType.Named
		result = jen.Params(jen.Id(t.ClassName), jen.Error())
		call = rtUnwrapOne.id().Types(jen.Id(t.RefName), jen.Id(t.ClassName)).Call(rtDoJSON.id().Types(jen.Id(t.RefName)).Call(args...))
	default:
		result, call = plainResult(op, args)
	}

	bodyDoc := ""
	if op.Body != nil && op.Body.Reference {
		bodyDoc = "body names the resource to refer to; make it with [" + string(rtRefTo) + "] or [" + string(rtRefURL) + "]."
	}
	first := op.Name + " calls " + op.Method + " " + op.Path + "."
	var doc []string
	if primary := alts.primaryOf(op); primary != nil && primary.Page == op.Page {
		// The primary's doc says what the call does, from the same page; an
		// alternate says how it is reached and names the page it comes from.
		doc = declDocLines(first, alternatesDoc(op, alts), paramDoc(op), bodyDoc, source(op.Page))
	} else {
		doc = withPublished(declDocLines(first, alternatesDoc(op, alts), op.Description, paramDoc(op), bodyDoc, queryDoc(op), source(op.Page)), op.Page)
	}
	decl(f, doc,
		jen.Func().Params(jen.Id("c").Op("*").Add(rtClient.id())).Id(op.Name).Params(params...).Add(result).Block(jen.Return(call)))
}

// plainResult is the result type and call of an operation whose response
// is not polymorphic; args are the call's arguments.
func plainResult(op *model.Operation, args []jen.Code) (result, call *jen.Statement) {
	switch op.Response {
	case model.ResponseCollection:
		return jen.Qual("iter", "Seq2").Types(elemType(op.ResponseType), jen.Error()),
			rtDoCollection.id().Types(elemType(op.ResponseType)).Call(args...)
	case model.ResponseSingle:
		elem := elemType(op.ResponseType)
		if op.ResponseType.Collection {
			elem = jen.Index().Add(elem)
		}
		result = jen.Params(jen.Op("*").Add(elem), jen.Error())
		if op.ResponseType.Named == nil && op.ResponseType.Primitive != model.Untyped || op.ResponseType.Named != nil && op.ResponseType.Named.Kind == model.Enum {
			// A primitive or an enum's value comes as {"value": ...}.
			return result, rtDoValue.id().Types(elem).Call(args...)
		}
		return result, rtDoJSON.id().Types(elem).Call(args...)
	case model.ResponseStream:
		return jen.Params(jen.Qual("io", "ReadCloser"), jen.Error()), rtDoStream.id().Call(args...)
	}
	return jen.Error(), rtDoNoContent.id().Call(args...)
}

// paramDoc describes the path parameters.
func paramDoc(op *model.Operation) string {
	s := ""
	for _, p := range op.Params {
		if p.Description == "" {
			continue
		}
		s += p.Name + ": " + p.Description + " "
	}
	return s
}

// pathExpr is the request path: quoted literals joined with escaped
// parameters.
func pathExpr(op *model.Operation) *jen.Statement {
	e := &jen.Statement{}
	for i, part := range op.Parts {
		if i > 0 {
			e.Op("+")
		}
		switch {
		case part.Param == nil:
			e.Lit(part.Literal)
		default:
			e.Add(paramValue(part.Param))
		}
	}
	if len(op.Parts) == 0 {
		return jen.Lit("/")
	}
	return e
}

// paramType is the Go type of a path parameter: the type the parameter
// table gives a function argument (a number, bool, string, time.Time, Date
// or an enum), else string.
func paramType(p *model.PathParam) *jen.Statement {
	switch {
	case p.Type.Named != nil:
		return jen.Id(p.Type.Named.Name)
	case p.Type.Primitive != "":
		return primitiveType(p.Type.Primitive)
	}
	return jen.String()
}

// paramValue is the escaped text of a path parameter in the request path:
// a function argument typed a number, bool or date is written by the
// runtime as the bare OData literal of its type (quotes the docs put
// around it stay in the literal text); any other parameter, a string or an
// enum's value, goes inside its documented single quotes (quotes doubled)
// or is made a path segment.
func paramValue(p *model.PathParam) *jen.Statement {
	v := jen.Id(p.Name)
	switch p.Type.Primitive {
	case model.Boolean:
		return rtPathBool.id().Call(v)
	case model.Int64:
		return rtPathInt.id().Call(v)
	case model.Byte, model.SByte, model.Int16, model.Int32:
		return rtPathInt.id().Call(jen.Int64().Call(v))
	case model.Single:
		return rtPathFloat.id().Call(jen.Float64().Call(v), jen.Lit(32))
	case model.Double, model.Decimal:
		return rtPathFloat.id().Call(v, jen.Lit(64))
	case model.DateTimeOffset:
		return rtPathDateTime.id().Call(v)
	case model.Date:
		return rtPathDate.id().Call(v)
	}
	if p.Type.Named != nil {
		v = jen.String().Call(v)
	}
	if p.Quoted {
		return rtPathLiteral.id().Call(v)
	}
	return rtPathSegment.id().Call(v)
}

// queryDoc names the query options the operation's page says it supports,
// each with the request option that sets it, as a doc link.
func queryDoc(op *model.Operation) string {
	if len(op.QueryOptions) == 0 {
		return ""
	}
	parts := make([]string, len(op.QueryOptions))
	for i, q := range op.QueryOptions {
		parts[i] = q + " ([" + string(queryOption(q)) + "])"
	}
	return "Query options the docs name: " + strings.Join(parts, ", ") + "."
}

// queryOption is the runtime's request option for a system query option.
func queryOption(q string) rtName {
	switch q {
	case "$select":
		return rtWithSelect
	case "$filter":
		return rtWithFilter
	case "$top":
		return rtWithTop
	case "$skip":
		return rtWithSkip
	case "$expand":
		return rtWithExpand
	case "$orderby":
		return rtWithOrderBy
	case "$search":
		return rtWithSearch
	case "$count":
		return rtWithCount
	}
	return rtWithQuery
}

// altIndex links the operations that have alternate paths with theirs.
type altIndex struct {
	// of holds the names of each primary's alternates, in name order.
	of map[string][]string
	// byName holds the operations by name.
	byName map[string]*model.Operation
}

// alternates indexes the alternate paths of ops (sorted by name); an
// alternate whose primary is not among ops is left out.
func alternates(ops []*model.Operation) altIndex {
	x := altIndex{of: map[string][]string{}, byName: make(map[string]*model.Operation, len(ops))}
	for _, op := range ops {
		x.byName[op.Name] = op
	}
	for _, op := range ops {
		if op.AlternateOf != "" && x.byName[op.AlternateOf] != nil {
			x.of[op.AlternateOf] = append(x.of[op.AlternateOf], op.Name)
		}
	}
	return x
}

// primaryOf returns the operation op is an alternate path of, or nil.
func (x altIndex) primaryOf(op *model.Operation) *model.Operation {
	if op.AlternateOf == "" {
		return nil
	}
	return x.byName[op.AlternateOf]
}

// alternatesDoc links an operation and its alternate paths, so that go doc
// shows one call with the ways to reach it: the primary lists its
// alternates, an alternate names its primary.
func alternatesDoc(op *model.Operation, alts altIndex) string {
	if names := alts.of[op.Name]; len(names) > 0 {
		return "The same call from other resources: [" + strings.Join(names, "], [") + "]."
	}
	if alts.primaryOf(op) != nil {
		return "It is [" + op.AlternateOf + "] reached by another path."
	}
	return ""
}
