package emitter

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/spec"
)

// genOperation writes the request method of one operation:
//
//	func (c *Client) Name(ctx context.Context, <path params>, [body], opts ...RequestOption) <result>
func genOperation(f *jen.File, op *spec.Operation) {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range op.Params {
		params = append(params, jen.Id(p.Name).String())
	}
	bodyArg := jen.Nil()
	if op.Body != nil {
		switch {
		case op.Body.Binary:
			params = append(params, jen.Id("body").Qual("io", "Reader"))
		case op.Body.Type.Collection:
			params = append(params, jen.Id("body").Add(fieldType(op.Body.Type)))
		case op.Body.Type.Named.Polymorphic():
			params = append(params, jen.Id("body").Id(op.Body.Type.Named.ClassName))
		case op.Body.Type.Named != nil:
			params = append(params, jen.Id("body").Op("*").Id(op.Body.Type.Named.Name))
		default:
			params = append(params, jen.Id("body").Add(elemType(op.Body.Type)))
		}
		bodyArg = jen.Id("body")
	}
	params = append(params, jen.Id("opts").Op("...").Id("RequestOption"))
	args := []jen.Code{jen.Id("ctx"), jen.Id("c"), jen.Lit(op.Method), pathExpr(op), bodyArg, jen.Id("opts")}

	var result jen.Code
	var call *jen.Statement
	poly := op.ResponseType.Named.Polymorphic() && !op.ResponseType.Collection
	switch {
	case poly && op.Response == spec.ResponseCollection:
		t := op.ResponseType.Named
		result = jen.Qual("iter", "Seq2").Types(jen.Id(t.ClassName), jen.Error())
		call = jen.Id("unwrapSeq").Types(jen.Id(t.RefName), jen.Id(t.ClassName)).Call(jen.Id("doCollection").Types(jen.Id(t.RefName)).Call(args...))
	case poly && op.Response == spec.ResponseSingle:
		t := op.ResponseType.Named
		result = jen.Params(jen.Id(t.ClassName), jen.Error())
		call = jen.Id("unwrapOne").Types(jen.Id(t.RefName), jen.Id(t.ClassName)).Call(jen.Id("doJSON").Types(jen.Id(t.RefName)).Call(args...))
	default:
		result, call = plainResult(op, args)
	}

	f.Add(declDoc(op.Name+" calls "+op.Method+" "+op.Path+".", op.Description, paramDoc(op), source(op.Page)))
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.Name).Params(params...).Add(result).Block(
		jen.Return(call),
	)
	f.Line()
}

// plainResult is the result type and call of an operation whose response
// is not polymorphic.
func plainResult(op *spec.Operation, args []jen.Code) (result jen.Code, call *jen.Statement) {
	switch op.Response {
	case spec.ResponseCollection:
		elem := elemType(op.ResponseType)
		result = jen.Qual("iter", "Seq2").Types(elem, jen.Error())
		call = jen.Id("doCollection").Types(elemType(op.ResponseType)).Call(args...)
	case spec.ResponseSingle:
		elem := elemType(op.ResponseType)
		if op.ResponseType.Collection {
			elem = jen.Index().Add(elemType(op.ResponseType))
		}
		result = jen.Params(jen.Op("*").Add(elem), jen.Error())
		if op.ResponseType.Named == nil && op.ResponseType.Primitive != spec.Untyped {
			elem2 := elemType(op.ResponseType)
			if op.ResponseType.Collection {
				elem2 = jen.Index().Add(elemType(op.ResponseType))
			}
			call = jen.Id("doValue").Types(elem2).Call(args...)
		} else {
			call = jen.Id("doJSON").Types(elem).Call(args...)
		}
	case spec.ResponseStream:
		result = jen.Params(jen.Qual("io", "ReadCloser"), jen.Error())
		call = jen.Id("doStream").Call(args...)
	default:
		result = jen.Error()
		call = jen.Id("doNoContent").Call(args...)
	}
	return result, call
}

// paramDoc describes the path parameters.
func paramDoc(op *spec.Operation) string {
	s := ""
	for _, p := range op.Params {
		if p.Description == "" {
			continue
		}
		s += p.Name + ": " + p.Description + " "
	}
	return s
}

// pathExpr builds the request path: quoted literals joined with escaped
// parameters.
func pathExpr(op *spec.Operation) jen.Code {
	var e *jen.Statement
	add := func(c jen.Code) {
		if e == nil {
			e = jen.Add(c)
			return
		}
		e = e.Op("+").Add(c)
	}
	for _, part := range op.Parts {
		switch {
		case part.Param == nil:
			add(jen.Lit(part.Literal))
		case part.Param.Quoted:
			add(jen.Id("pathLiteral").Call(jen.Id(part.Param.Name)))
		default:
			add(jen.Id("pathSegment").Call(jen.Id(part.Param.Name)))
		}
	}
	if e == nil {
		return jen.Lit("/")
	}
	return e
}
