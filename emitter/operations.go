package emitter

import (
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/model"
)

// genOperation writes the request method of one operation:
//
//	func (c *Client) Name(ctx context.Context, <path params>, [body], opts ...RequestOption) <result>
func genOperation(f *goFile, op *model.Operation) {
	var sig strings.Builder
	sig.WriteString("func (c *Client) " + op.Name + "(ctx " + f.qual("context", "Context"))
	for _, p := range op.Params {
		sig.WriteString(", " + p.Name + " string")
	}
	bodyArg := "nil"
	if op.Body != nil {
		var typ string
		switch {
		case op.Body.Binary:
			sig.WriteString(", contentType string")
			typ = f.qual("io", "Reader")
		case op.Body.Type.Collection:
			typ = f.fieldType(op.Body.Type)
		case op.Body.Type.Named.Polymorphic():
			typ = op.Body.Type.Named.ClassName
		case op.Body.Type.Named != nil:
			typ = "*" + op.Body.Type.Named.Name
		default:
			typ = f.elemType(op.Body.Type)
		}
		sig.WriteString(", body " + typ)
		bodyArg = "body"
		if op.Body.Binary {
			bodyArg = "contentBody(contentType, body)"
		}
	}
	sig.WriteString(", opts ...RequestOption) ")
	args := "(ctx, c, " + strconv.Quote(op.Method) + ", " + pathExpr(op) + ", " + bodyArg + ", opts)"

	var result, call string
	poly := op.ResponseType.Named.Polymorphic() && !op.ResponseType.Collection
	switch {
	case poly && op.Response == model.ResponseCollection:
		t := op.ResponseType.Named
		result = f.qual("iter", "Seq2") + "[" + t.ClassName + ", error]"
		call = "unwrapSeq[" + t.RefName + ", " + t.ClassName + "](doCollection[" + t.RefName + "]" + args + ")"
	case poly && op.Response == model.ResponseSingle:
		t := op.ResponseType.Named
		result = "(" + t.ClassName + ", error)"
		call = "unwrapOne[" + t.RefName + ", " + t.ClassName + "](doJSON[" + t.RefName + "]" + args + ")"
	default:
		result, call = plainResult(f, op, args)
	}

	f.docComment(declDocLines(op.Name+" calls "+op.Method+" "+op.Path+".", op.Description, paramDoc(op), source(op.Page))...)
	f.line(sig.String(), result, " {")
	f.line("\treturn ", call)
	f.line("}")
	f.end()
}

// plainResult is the result type and call of an operation whose response
// is not polymorphic; args are the call's parenthesized arguments.
func plainResult(f *goFile, op *model.Operation, args string) (result, call string) {
	switch op.Response {
	case model.ResponseCollection:
		elem := f.elemType(op.ResponseType)
		return f.qual("iter", "Seq2") + "[" + elem + ", error]", "doCollection[" + elem + "]" + args
	case model.ResponseSingle:
		elem := f.elemType(op.ResponseType)
		if op.ResponseType.Collection {
			elem = "[]" + elem
		}
		result = "(*" + elem + ", error)"
		if op.ResponseType.Named == nil && op.ResponseType.Primitive != model.Untyped {
			return result, "doValue[" + elem + "]" + args
		}
		return result, "doJSON[" + elem + "]" + args
	case model.ResponseStream:
		return "(" + f.qual("io", "ReadCloser") + ", error)", "doStream" + args
	}
	return "error", "doNoContent" + args
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
// parameters, written as gofmt writes a sum among call arguments (no
// spaces around "+").
func pathExpr(op *model.Operation) string {
	var e strings.Builder
	for _, part := range op.Parts {
		if e.Len() > 0 {
			e.WriteByte('+')
		}
		switch {
		case part.Param == nil:
			e.WriteString(strconv.Quote(part.Literal))
		case part.Param.Quoted:
			e.WriteString("pathLiteral(" + part.Param.Name + ")")
		default:
			e.WriteString("pathSegment(" + part.Param.Name + ")")
		}
	}
	if e.Len() == 0 {
		return strconv.Quote("/")
	}
	return e.String()
}
