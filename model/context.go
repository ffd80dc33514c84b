package model

// What a response example's "@odata.context" says its body is: the
// service writes it on every answer, and the docs' examples, copied from
// real answers, keep it more often than they keep it right.
//
//	$metadata#users/$entity                        one user (an element of the users set)
//	$metadata#users                                a collection of users
//	$metadata#users('48d3...')/memberOf            what GET /users/{id}/memberOf returns
//	$metadata#teams('1')/channels('2')/members/microsoft.graph.aadUserConversationMember/$entity
//	                                               one aadUserConversationMember (a cast)
//	$metadata#Collection(microsoft.graph.user)     a collection of users
//	$metadata#microsoft.graph.keyCredential        one keyCredential

import (
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/parser"
)

// fromContext is the evidence of a response example's @odata.context
// (see responseOf for the others).
const fromContext = "@odata.context"

// odataContext is an @odata.context URL read: a type named outright, or a
// path of the API with an optional cast and "$entity".
type odataContext struct {
	// typ is the type named outright ("Collection(microsoft.graph.user)",
	// "microsoft.graph.user"), coll whether a collection of it.
	typ  string
	coll bool
	// segs are the steps of the path the body is what a GET of returns,
	// a key ("users('1')") as a step "{}" of its own.
	segs []string
	// cast is the type a cast step names; entity marks "$entity", one
	// element of what segs address.
	cast   string
	entity bool
}

// parseContext reads an @odata.context value; false when it is not a
// metadata URL, or its fragment is none of the forms above.
func parseContext(v string) (odataContext, bool) {
	_, frag, ok := strings.Cut(v, "$metadata#")
	if !ok || frag == "" || len(frag) > 2048 {
		return odataContext{}, false
	}
	if elem, ok := collectionOf(frag); ok {
		if !isQualified(elem) {
			return odataContext{}, false
		}
		return odataContext{typ: elem, coll: true}, true
	}
	if isQualified(frag) && strings.Contains(frag, ".") {
		return odataContext{typ: frag}, true
	}
	var c odataContext
	steps := strings.Split(frag, "/")
	if len(steps) > maxNavigationDepth {
		return odataContext{}, false
	}
	for i, s := range steps {
		switch {
		case s == "$entity" && i == len(steps)-1 && i > 0:
			c.entity = true
		case isQualified(s) && strings.Contains(s, "."):
			if c.cast != "" || i == 0 {
				return odataContext{}, false
			}
			c.cast = s
		default:
			name, key, keyed := strings.Cut(s, "(")
			if !isQualified(name) || strings.Contains(name, ".") || c.cast != "" {
				return odataContext{}, false
			}
			c.segs = append(c.segs, name)
			if keyed {
				key, closed := strings.CutSuffix(key, ")")
				if !closed {
					return odataContext{}, false
				}
				if !selectList(key) {
					c.segs = append(c.segs, "{}")
				}
			}
		}
	}
	if len(c.segs) == 0 {
		return odataContext{}, false
	}
	return c, true
}

// selectList reports whether the parenthesised text after a context step
// is a $select list ("users(displayName,mail)") rather than a key.
func selectList(s string) bool {
	if s == "" {
		return false
	}
	for _, f := range strings.Split(s, ",") {
		if !isQualified(strings.TrimSpace(f)) || strings.Contains(f, ".") {
			return false
		}
	}
	return true
}

// contextSays is what a response example's @odata.context says: the
// result, and whether the context itself tells one value from a
// collection ("$entity", "Collection(...)", or a path the docs type as a
// collection) or the kind is only the docs' guess (a navigation property
// whose table row omits "collection").
//
// fits reports whether the context describes what the operation returns:
// a GET's own path, or with "$entity" one element of the collection the
// path is a key into or a POST adds to. A context of another path
// ("#auditLogs/directoryAudits" answering "GET
// /auditLogs/directoryAudits/{id}") was copied with its example from
// another page.
type contextSays struct {
	said      *textResponse
	kindKnown bool
	fits      bool
	// path is the context's path, keys as "{}" ("" for a type named
	// outright).
	path string
}

// contextResponse is what the @odata.context of op's response example
// says op returns, or nil when it has none or names nothing the docs
// type: a type outright, or the path walked as navigationOf walks one,
// a cast naming the type and "$entity" making it one value.
func (b *builder) contextResponse(op *opFacts) *contextSays {
	if op.resp == nil || op.resp.Body == nil || op.resp.Body.JSON == nil || op.resp.Body.JSON.Kind != parser.JSONObject {
		return nil
	}
	// The context describes the request its example answers: an answer
	// borrowed from another path of the page says nothing of this one.
	if !slices.ContainsFunc(op.examples, func(ex exPair) bool { return ex.resp == op.resp }) {
		return nil
	}
	m := op.resp.Body.JSON.Member("@odata.context")
	if m == nil || m.Kind != parser.JSONString {
		return nil
	}
	c, ok := parseContext(m.String)
	if !ok {
		return nil
	}
	t := &textResponse{kind: ResponseSingle, from: fromContext, pos: op.resp.Body.Pos.Within(m.Line, m.Col)}
	if c.typ != "" {
		r, ok := parseTypeText(c.typ, namespaceOf(op.page))
		if !ok || r.named == "" || b.types[r.named] == nil || b.types[r.named].kind == Enum {
			return nil
		}
		t.ref = rawRef{named: r.named}
		if c.coll {
			t.kind = ResponseCollection
		}
		return &contextSays{said: t, kindKnown: true, fits: true}
	}
	r, ok := b.contextAddresses(op, c.segs)
	if !ok {
		return nil
	}
	t.ref = rawRef{named: r.named}
	if c.cast != "" {
		cast, ok := parseTypeText(c.cast, namespaceOf(op.page))
		if !ok || cast.named == "" || b.types[cast.named] == nil || b.types[cast.named].kind == Enum {
			return nil
		}
		t.ref.named = cast.named
	}
	if r.collection && !c.entity {
		t.kind = ResponseCollection
	}
	at, own := shape("/"+strings.Join(c.segs, "/")), shape(op.tmpl.Path)
	// A GET of the path returns what the context names; a POST to a
	// collection one element of it ("$entity").
	fits := op.method == "GET" && at == own || c.entity && (at+"/{}" == own || op.method == "POST" && at == own)
	return &contextSays{said: t, kindKnown: c.entity || r.collection, fits: fits, path: "/" + strings.Join(c.segs, "/")}
}

// contextAddresses is what a context's path addresses, as addressedBy
// walks it, except that what op itself, or another path of its page's
// operation, says its own path returns is not evidence for it: a context
// of op's own path is typed by walkedTo, by the step before it and that
// step's relationship table, or not at all.
func (b *builder) contextAddresses(op *opFacts, segs []string) (rawRef, bool) {
	var before []string
	at := shape("/" + strings.Join(segs, "/"))
	// Only GETs say what a path returns (getTypes, collTypes).
	own := false
	if op.method == "GET" {
		for _, o := range b.pageOps[op.page] {
			if o.primary() == op.primary() && shape(o.tmpl.Path) == at {
				own = true
			}
		}
	}
	if own {
		return b.walkedTo(segs, &before)
	}
	return b.addressedBy(segs, &before)
}

// applyContexts lets each response example's @odata.context speak, once
// every page's GETs are known. Where the example's annotation and body
// name no type, the context decides, outranking the prose and the tables
// as the example it belongs to does; where the annotation names the type
// but omits "isCollection" over a body of only a "value" array, a context
// naming a collection of that type makes it one. Anything else it says is
// checked by reportContext.
func (b *builder) applyContexts() {
	for _, op := range b.ops {
		cs := b.contextResponse(op)
		if cs == nil {
			continue
		}
		op.ctx = cs
		c := cs.said
		was := &textResponse{kind: op.respKind, ref: op.respRef, from: op.respFrom}
		untyped := op.respRef.named == "" && op.respRef.prim == Untyped
		switch {
		case op.respKind == ResponseStream || op.respKind == ResponseNone:
			continue
		case op.respFrom == fromExample && op.respKind == ResponseSingle && cs.fits && valueListedBy(c, op.resp, op.respRef):
			op.respKind = ResponseCollection
		case op.respFrom == fromExample && !untyped:
			continue
		default:
			// The example names no type: the prose, a table or nothing
			// decided. Where the context does not tell the kind, or
			// describes another path, the body's shape does.
			op.respRef, op.respFrom = c.ref, fromContext
			if cs.kindKnown && cs.fits {
				op.respKind = c.kind
			}
		}
		b.retype(op, was)
	}
}

// reportContext says where the @odata.context of op's response example
// disagrees with the annotation or body type that decided what op
// returns: another kind, or a type neither derived from nor a base of the
// decided one. The annotation stands: a context is as often copied from
// another page as an annotation is.
func (b *builder) reportContext(op *opFacts) {
	if op.ctx == nil || op.respFrom != fromExample {
		return
	}
	c := op.ctx.said
	if !b.unrelated(op, c) && (!op.ctx.kindKnown || op.respKind == c.kind || op.respKind == ResponseStream) {
		return
	}
	of := ""
	if !op.ctx.fits && shape(op.ctx.path) != shape(op.tmpl.Path) {
		of = ", for " + op.ctx.path + ","
	}
	b.diags.Warnf(c.pos, "response-context-conflict", "%s %s returns %s, as its response example's annotation says, but its @odata.context%s says %s", op.method, op.tmpl.Path, op.decided(), of, c)
}
