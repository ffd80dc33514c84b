package model

// What operations send: request bodies by the path addressed, parameter tables, examples, references and content.

import (
	"strings"

	"github.com/docgen-dev/docgen/parser"
)

type bodyFacts struct {
	ref       rawRef
	binary    bool
	reference bool
	// byPath marks a body typed by what its path addresses.
	byPath bool
}

// isRefWrite reports whether a request line adds or sets a reference: a
// POST, PUT or PATCH of a path whose last segment is "$ref" (the beta docs
// document PATCH .../userflowIdentityProviders/$ref with an @odata.id).
func isRefWrite(method, path string) bool {
	if method != "POST" && method != "PUT" && method != "PATCH" {
		return false
	}
	path, _, _ = strings.Cut(path, "?")
	path = strings.TrimRight(path, "/")
	return strings.EqualFold(path[strings.LastIndexByte(path, '/')+1:], "$ref")
}

// resolveBody decides the request body of an operation, in this order: a
// reference for a $ref operation; an action's parameter table; a binary
// upload; the @odata.type of the example body; the type a GET on the same
// path returns; the type a POST returns.
func (b *builder) resolveBody(op *opFacts) {
	switch op.method {
	case "POST", "PUT", "PATCH":
	default:
		for _, ex := range op.examples {
			if bd := ex.req.Body; bd != nil && strings.TrimSpace(bd.Text) != "" {
				b.diags.Warnf(bd.Pos, "example-body-ignored", "request example sends a body with %s, which takes none here; the body is left out of the operation, its Example and the test double", op.method)
			}
		}
		return
	}
	if isRefWrite(op.method, op.tmpl.Path) {
		// Whatever the page says the body is ("a JSON representation of
		// a user"), a $ref operation takes a reference.
		op.body = &bodyFacts{reference: true}
		return
	}
	p := op.page
	ns := namespaceOf(p)
	var reqBody *parser.Request
	for _, ex := range op.examples {
		if ex.req.Body != nil {
			reqBody = ex.req
			break
		}
	}
	if reqBody == nil && op.altOf != nil {
		for _, ex := range op.altOf.examples {
			if ex.req.Body != nil {
				reqBody = ex.req
				break
			}
		}
	}
	if op.altOf != nil && op.altOf.body != nil && b.sharesBody(op) {
		op.body = op.altOf.body
		return
	}
	if reqBody != nil && !isJSONType(headerValue(reqBody.Headers, "Content-Type")) {
		op.body = &bodyFacts{binary: true}
		return
	}
	if contentPath(op.tmpl.Path) && (reqBody == nil || reqBody.Body.JSON == nil) {
		op.body = &bodyFacts{binary: true}
		return
	}
	var paramTable *parser.Table
	for _, t := range p.Tables {
		if t.Kind == parser.TableRequestBody && len(t.Header) > 0 && len(t.Rows) > 0 {
			first := strings.ToLower(t.Header[0])
			if strings.HasPrefix(first, "parameter") || first == "name" {
				paramTable = t
				break
			}
		}
	}
	// The @odata.type of the example bodies: when examples send different
	// types, the body is their nearest common base type.
	var hinted []string
	for _, ex := range op.examples {
		if rb := ex.req.Body; rb != nil && rb.JSON != nil {
			if h := hint(rb.JSON); h != "" {
				hinted = append(hinted, b.typ(h, 1, rb.Pos).key)
			}
		}
	}
	hintKey := ""
	if len(hinted) > 0 {
		hintKey = b.commonBase(hinted)
		if hintKey == "" {
			hintKey = hinted[0]
			b.diags.Warnf(reqBody.Body.Pos, "body-type-conflict", "request examples send unrelated types %s; the body is typed by the first", strings.Join(hinted, ", "))
		}
	}
	// A POST to a collection creates, and a PATCH or PUT of an entity
	// updates, the type the path addresses: what a GET of the same path
	// returns (its elements, for a collection). That outranks a parameter
	// table, a type inferred from the example and a linked type; an
	// example's @odata.type of the type, a subtype or a base keeps the
	// body to that type, and an unrelated one is reported.
	if addr, ok := b.addressedType(op); ok {
		switch {
		case hintKey != "" && (b.derives(hintKey, addr.named) || b.derives(addr.named, hintKey)):
			op.body = &bodyFacts{ref: rawRef{named: hintKey}, byPath: true}
		case hintKey != "":
			// Reported by reportPathConflicts once the bases examples
			// imply are known, unless they relate the types after all.
			op.pathConflict = &pathConflict{sent: hintKey, addressed: addr.named, pos: reqBody.Body.Pos}
			op.body = &bodyFacts{ref: addr, byPath: true}
			if cb := b.commonBase([]string{hintKey, addr.named}); cb != "" && cb != "microsoft.graph.entity" {
				// Siblings (the GET's type came from the first element
				// of its example, a fileAttachment, and the POST sends
				// an itemAttachment): the body is their common base,
				// unless that is entity, which every entity derives
				// from.
				op.body.ref = rawRef{named: cb}
			}
		default:
			op.body = &bodyFacts{ref: addr, byPath: true}
		}
		return
	}
	if paramTable != nil && op.method == "POST" {
		key := "#params:" + p.Path
		tf := b.typ(key, 0, paramTable.Pos)
		tf.synthesized, tf.defined, tf.page = true, true, p.Path
		tf.goName, tf.goSuffix = op.baseName+"Parameters", "Parameters"
		tf.desc = "holds the parameters of " + op.baseName + "."
		b.collectTable(tf, paramTable, ns)
		for _, pf := range tf.props {
			if pf.table != nil {
				pf.params, pf.table = pf.table, nil
				pf.params.source = FromParams
			}
		}
		op.body = &bodyFacts{ref: rawRef{named: tf.key}}
		return
	}
	if hintKey != "" {
		op.body = &bodyFacts{ref: rawRef{named: hintKey}}
		return
	}
	if op.respKind == ResponseSingle && op.respRef.named != "" && op.method != "POST" {
		op.body = &bodyFacts{ref: op.respRef}
		return
	}
	if key := b.linkedType(p, reqBody); key != "" {
		op.body = &bodyFacts{ref: rawRef{named: key}}
		return
	}
	if op.respKind == ResponseSingle && op.respRef.named != "" && (reqBody != nil || hasBodyTable(p)) {
		op.body = &bodyFacts{ref: op.respRef}
		return
	}
	if reqBody == nil {
		return
	}
	if reqBody.Body.JSON == nil || reqBody.Body.JSON.Kind != parser.JSONObject {
		b.diags.Warnf(reqBody.Body.Pos, "body-type", "request body type is unknown and the example is not a JSON object; the body is sent as given")
		op.body = &bodyFacts{ref: rawRef{prim: Untyped}}
		return
	}
	key := "#body:" + p.Path + ":" + op.method
	tf := b.typ(key, 0, reqBody.Body.Pos)
	tf.synthesized, tf.defined, tf.page = true, true, p.Path
	tf.goName, tf.goSuffix = op.baseName+"Request", "Request"
	tf.desc = "is the request body of " + op.baseName + ", inferred from the documented example."
	b.diags.Warnf(reqBody.Body.Pos, "body-type-inferred", "request body names no type; %s is inferred from the example", tf.goName)
	op.body = &bodyFacts{ref: rawRef{named: tf.key}}
}

// sharesBody reports whether an alternate path takes its primary's body: it
// does unless its path addresses a type of its own that the primary's body
// is not related to (an extension page's POST /users/{id}/events, which
// creates an event, beside POST /devices/{id}/extensions).
func (b *builder) sharesBody(op *opFacts) bool {
	addr, ok := b.addressedType(op)
	prim := op.altOf.body
	if !ok {
		// A type its primary's path addresses is not evidence for
		// another path.
		return !prim.byPath
	}
	if prim.binary || prim.reference || prim.ref.named == "" {
		return true
	}
	return b.derives(prim.ref.named, addr.named) || b.derives(addr.named, prim.ref.named)
}

// addressedType is the type of the resource a write addresses: for a PATCH
// or PUT, the type a GET of the same path returns; for a POST, the element
// type of the collection a GET of the same path returns. It is false when
// no GET documents the path (a POST to an action, for one).
func (b *builder) addressedType(op *opFacts) (rawRef, bool) {
	types := b.getTypes
	switch op.method {
	case "POST":
		types = b.collTypes
	case "PATCH", "PUT":
	default:
		return rawRef{}, false
	}
	ref, ok := types[shape(op.tmpl.Path)]
	if !ok || ref.named == "" || b.types[ref.named] == nil || b.types[ref.named].kind == Enum {
		return rawRef{}, false
	}
	return ref, true
}

// linkedType finds the request body type among the resources the page links
// to in its introduction or its "Request body" section: the first one that
// has every property the body table and the example body name.
func (b *builder) linkedType(p *parser.Page, req *parser.Request) string {
	var want []string
	for _, t := range p.Tables {
		if t.Kind == parser.TableRequestBody && len(t.Header) > 0 && strings.HasPrefix(strings.ToLower(t.Header[0]), "propert") {
			for _, r := range t.Rows {
				if len(r.Cells) > 0 {
					if n := propertyName(r.Cells[0].Text); n != "" {
						want = append(want, n)
					}
				}
			}
		}
	}
	if req != nil && req.Body != nil && req.Body.JSON != nil {
		for _, m := range req.Body.JSON.Members {
			if !strings.Contains(m.Key, "@") {
				want = append(want, m.Key)
			}
		}
	}
	if len(want) == 0 {
		return ""
	}
	for _, l := range p.Links {
		sec := strings.ToLower(l.Section)
		if sec != "" && !strings.Contains(sec, "request body") {
			continue
		}
		key := b.pageTypes[linkKey(l.Dest)]
		if key == "" || b.types[key].kind == Enum {
			continue
		}
		all := true
		for _, w := range want {
			if b.owner(key, w).byName[w] == nil {
				all = false
				break
			}
		}
		if all {
			return key
		}
	}
	return ""
}

// linkKey reduces a link destination to the page name it points at:
// "../resources/bookcopy.md#x" → "bookcopy".
func linkKey(dest string) string {
	if i := strings.IndexAny(dest, "#?"); i >= 0 {
		dest = dest[:i]
	}
	return strings.ToLower(pageBase(dest))
}

func hasBodyTable(p *parser.Page) bool {
	for _, t := range p.Tables {
		if t.Kind == parser.TableRequestBody && len(t.Rows) > 0 {
			return true
		}
	}
	return false
}
