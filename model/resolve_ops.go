package model

import (
	"mime"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/parser"
)

// resolveOperations resolves the types of the named operations.
func (b *builder) resolveOperations(m *Model) {
	for _, of := range b.ops {
		of.resolved = b.operation(of, of.name)
		m.Operations = append(m.Operations, of.resolved)
	}
	sortOps(m.Operations)
}

func (b *builder) operation(of *opFacts, name string) *Operation {
	p := of.page
	op := &Operation{
		Name:         name,
		Method:       of.method,
		Path:         of.tmpl.Path,
		Response:     of.respKind,
		ResponseFrom: of.respFrom,
		Description:  pageDescription(p),
		QueryOptions: p.QueryOptions,
		Page:         p.Path,
		Pos:          of.tmpl.Pos,
	}
	if of.altOf != nil {
		op.AlternateOf = of.altOf.name
	}
	if of.respKind == ResponseSingle || of.respKind == ResponseCollection {
		op.ResponseType = b.resolveRef(of.respRef)
	}
	if of.body != nil {
		op.Body = &RequestBody{Binary: of.body.binary, Reference: of.body.reference}
		if !of.body.binary && !of.body.reference {
			op.Body.Type = b.resolveRef(of.body.ref)
		}
	}
	op.Parts, op.Params = pathParts(of.tmpl.Path, paramDescriptions(p))
	if args := b.argTypes(p); len(args) > 0 {
		for _, pp := range op.Params {
			if pp.Arg == "" {
				continue
			}
			t, ok := args[strings.ToLower(pp.Arg)]
			if !ok {
				t = args[strings.ToLower(pp.Placeholder)]
			}
			pp.Type = t
		}
	}
	for _, ex := range of.examples {
		op.Examples = append(op.Examples, b.example(ex))
	}
	return op
}

func paramDescriptions(p *parser.Page) map[string]string {
	out := map[string]string{}
	for _, t := range p.Tables {
		if t.Kind != parser.TablePathParams {
			continue
		}
		desc := column(t.Header, "description")
		for _, r := range t.Rows {
			if len(r.Cells) == 0 || desc < 0 || desc >= len(r.Cells) {
				continue
			}
			k := strings.ToLower(strings.Trim(r.Cells[0].Text, "`* {}"))
			if _, ok := out[k]; !ok {
				out[k] = r.Cells[desc].Text
			}
		}
	}
	return out
}

// argTypes maps the lower-cased names of the rows of a page's parameter
// tables to the types a function argument takes from them: a primitive a
// path literal can carry (a number, Boolean, String, DateTimeOffset or
// Date) or one of the model's enums, never a collection. A row of any
// other type is left out, and its argument is passed as a string.
func (b *builder) argTypes(p *parser.Page) map[string]TypeRef {
	out := map[string]TypeRef{}
	ns := namespaceOf(p)
	for _, t := range p.Tables {
		if t.Kind != parser.TablePathParams {
			continue
		}
		typeCol := column(t.Header, "type")
		if typeCol < 0 {
			continue
		}
		for _, r := range t.Rows {
			if len(r.Cells) <= typeCol {
				continue
			}
			k := strings.ToLower(strings.Trim(r.Cells[0].Text, "`* {}"))
			if _, ok := out[k]; ok || k == "" {
				continue
			}
			ref, ok := parseTypeText(r.Cells[typeCol].Text, ns)
			if !ok || ref.collection {
				continue
			}
			switch {
			case ref.named != "":
				if tf := b.types[ref.named]; tf != nil && tf.kind == Enum && tf.resolved != nil {
					out[k] = TypeRef{Named: tf.resolved}
				}
			case argPrimitive(ref.prim):
				out[k] = TypeRef{Primitive: ref.prim}
			}
		}
	}
	return out
}

// argPrimitive reports whether a function argument of primitive type p is
// passed typed (see PathParam.Type).
func argPrimitive(p Primitive) bool {
	switch p {
	case String, Boolean, Byte, SByte, Int16, Int32, Int64, Single, Double, Decimal, DateTimeOffset, Date:
		return true
	}
	return false
}

// pathParts splits a template into literals and parameters. A parameter
// named "id" (or "id | something") takes its name from the segment before
// it: "/books/{id}/copies/{id}" → bookID, copyID.
func pathParts(path string, descs map[string]string) ([]PathPart, []*PathParam) {
	var parts []PathPart
	var params []*PathParam
	names := newNamer()
	rest := path
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			break
		}
		j += i
		lit := rest[:i]
		ph := strings.TrimSpace(rest[i+1 : j])
		quoted := strings.HasSuffix(lit, "'") && strings.HasPrefix(rest[j+1:], "'")
		if lit != "" {
			parts = append(parts, PathPart{Literal: lit})
		}
		prev := parts
		pp := &PathParam{Placeholder: ph, Quoted: quoted, Arg: funcArg(lit, parts)}
		pp.Name = names.unique(paramName(ph, prev, quoted))
		pp.Description = descs[strings.ToLower(ph)]
		if pp.Description == "" {
			first, _, _ := strings.Cut(ph, "|")
			pp.Description = descs[strings.ToLower(strings.TrimSpace(first))]
		}
		parts = append(parts, PathPart{Param: pp})
		params = append(params, pp)
		rest = rest[j+1:]
	}
	if rest != "" {
		parts = append(parts, PathPart{Literal: rest})
	}
	return parts, params
}

// funcArg returns the name of the function argument a parameter stands
// for, given the literal before it ("/range(address='" or ",b=" gives the
// name before "="), or "" when the parameter is no function argument. A
// literal that holds no "(" or "," before the name continues the
// arguments of the segment an earlier part opened, as in "f(a={a},b={b})".
func funcArg(lit string, parts []PathPart) string {
	lit = strings.TrimSuffix(lit, "'")
	rest, ok := strings.CutSuffix(lit, "=")
	if !ok {
		return ""
	}
	i := strings.LastIndexAny(rest, "(,/")
	if i < 0 || rest[i] == '/' {
		return ""
	}
	if rest[i] == ',' && !strings.Contains(rest[:i], "(") && !inCall(parts) {
		return ""
	}
	name := strings.TrimSpace(rest[i+1:])
	if !argRe.MatchString(name + "=") {
		return ""
	}
	return name
}

// inCall reports whether the text of parts so far ends inside a
// parenthesised argument list.
func inCall(parts []PathPart) bool {
	for i := len(parts) - 1; i >= 0; i-- {
		l := parts[i].Literal
		if j := strings.LastIndexAny(l, "()/"); j >= 0 {
			return l[j] == '('
		}
	}
	return false
}

func (b *builder) example(ex exPair) *Example {
	e := &Example{Name: ex.req.Name, Pos: ex.req.Pos, Method: ex.req.Method, Path: ex.req.Path, Query: ex.req.Query}
	if ct := strings.TrimSpace(headerValue(ex.req.Headers, "Content-Type")); ct != "" {
		if _, _, err := mime.ParseMediaType(ct); err == nil {
			e.RequestContentType = ct
		}
	}
	if ex.req.Body != nil {
		e.RequestBody, e.RequestBodyPos = ex.req.Body.Text, ex.req.Body.Pos
		e.RequestJSON = ex.req.Body.Strict
		if !e.RequestJSON && ex.req.Body.JSON != nil {
			e.RequestRepaired = string(ex.req.Body.JSON.Encode())
		}
	}
	if r := ex.resp; r != nil {
		e.Status = r.Status
		for _, h := range r.Headers {
			e.ResponseHeaders = append(e.ResponseHeaders, [2]string{h.Name, h.Value})
		}
		if r.Body != nil {
			e.ResponseBody, e.ResponseBodyPos = r.Body.Text, r.Body.Pos
			e.ResponseJSON = r.Body.Strict
			if !e.ResponseJSON && r.Body.JSON != nil {
				e.ResponseRepaired = string(r.Body.JSON.Encode())
			}
		}
		if r.ODataType != "" {
			name, coll := oDataTypeName(r.ODataType)
			if ref, ok := parseTypeText(name, DefaultNamespace); ok && (ref.prim != "" || b.types[ref.named] != nil) {
				ref.collection = ref.collection || coll || r.IsCollection
				e.ResponseType = b.resolveRef(ref)
			}
		}
	}
	return e
}

// summarize records what every page contributed.
func (b *builder) summarize(m *Model) {
	for _, k := range b.sortedKeys() {
		tf := b.types[k]
		if !tf.defined || tf.synthesized {
			continue
		}
		for _, page := range tf.pages {
			s := b.summary[page]
			if s == nil {
				continue
			}
			if tf.kind == Enum {
				s.Enums = append(s.Enums, tf.resolved.Name)
			} else {
				s.Types = append(s.Types, tf.resolved.Name)
			}
		}
	}
	for _, of := range b.ops {
		if s := b.summary[of.page.Path]; s != nil {
			s.Operations = append(s.Operations, of.resolved.Name)
		}
	}
	for _, mg := range b.merged {
		if s := b.summary[mg.page]; s != nil && !slices.Contains(s.Operations, mg.into.resolved.Name) {
			s.Operations = append(s.Operations, mg.into.resolved.Name)
		}
	}
	for _, p := range b.pages {
		s := b.summary[p.Path]
		slices.Sort(s.Types)
		slices.Sort(s.Enums)
		slices.Sort(s.Operations)
		if len(s.Types)+len(s.Enums)+len(s.Operations) == 0 {
			s.Reason = emptyReason(p)
		}
		m.Pages = append(m.Pages, s)
	}
}

func emptyReason(p *parser.Page) string {
	switch {
	case len(p.Annotations) == 0 && len(p.Tables) == 0:
		return "conceptual page: no annotations and no tables"
	case len(p.Requests) > 0 && len(p.Templates) == 0:
		return "request examples without an HTTP request section"
	case len(p.Annotations) == 0:
		return "no annotations"
	case len(p.Resources) == 0 && len(p.Requests) == 0:
		return "annotations name no request or resource"
	}
	return "its facts were merged into types defined elsewhere"
}
