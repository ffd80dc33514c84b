package model

// What operations return: the response examples read as kinds and types.

import (
	"strings"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
)

func headerValue(hs []parser.Header, name string) string {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// contentPath reports whether path addresses the bytes of a resource rather
// than its JSON: its last segment, before any query, is "content" or
// "$value" (case-insensitively), as in "/drives/{drive-id}/items/{item-id}/content",
// "/me/drive/root:/{item-path}:/content" and "/users/{id}/photo/$value".
func contentPath(path string) bool {
	path, _, _ = strings.Cut(path, "?")
	path = strings.TrimRight(path, "/")
	last := path[strings.LastIndexByte(path, '/')+1:]
	return strings.EqualFold(last, "content") || strings.EqualFold(last, "$value")
}

func isJSONType(ct string) bool {
	ct = strings.ToLower(ct)
	return ct == "" || strings.Contains(ct, "json")
}

// success returns r when it documents an answer of the call itself, and nil
// for an error response (status 400 or more): a 429 or 400 example shows
// the error the service sends, not what the operation returns, so it is
// evidence neither for the operation's result nor for the result's type.
func success(r *parser.Response) *parser.Response {
	if r == nil || r.Status >= 400 {
		return nil
	}
	return r
}

// Evidence of what an operation returns, strongest first. README
// ("Responses") documents the ranking.
const (
	fromExample = "example"
	fromProse   = "prose"
	fromTable   = "methods table"
)

// responseOf decides what an operation returns from the strongest
// evidence: its success response example (its annotation's @odata.type,
// then the body's @odata.type), then, when it has none or its body names
// no type, what the page's Response prose says, then the Methods table of
// a resource page. It records the evidence in op.respFrom.
func (b *builder) responseOf(p *parser.Page, op *opFacts, resp *parser.Response) (ResponseKind, rawRef) {
	op.respFrom, op.resp = "", resp
	if resp != nil {
		op.respFrom = fromExample
	}
	ns := namespaceOf(p)
	if resp != nil && resp.Status >= 300 && resp.Status <= 399 && op.method == "GET" {
		// A redirect to the bytes, such as the pre-authenticated download
		// URL of a drive item's content or a report's CSV file.
		return ResponseStream, rawRef{}
	}
	if op.method == "GET" && contentPath(op.tmpl.Path) && (resp == nil || resp.Body == nil || resp.Body.JSON == nil) {
		return ResponseStream, rawRef{}
	}
	if resp == nil {
		if t := op.text(); t != nil {
			op.respFrom = t.from
			return t.kind, t.ref
		}
		if op.method != "DELETE" && len(op.examples) > 0 {
			b.diags.Warnf(op.tmpl.Pos, "operation-no-response", "%s %s has no response example; it is generated as returning nothing", op.method, op.tmpl.Path)
		}
		return ResponseNone, rawRef{}
	}
	ct := headerValue(resp.Headers, "Content-Type")
	if resp.ODataType != "" {
		name, coll := oDataTypeName(resp.ODataType)
		ref, ok := parseTypeText(name, ns)
		if !ok {
			b.diags.Warnf(resp.Pos, "response-type", "response @odata.type %s is not a type name", quote(resp.ODataType))
			return ResponseSingle, rawRef{prim: Untyped}
		}
		if ref.named != "" {
			b.typ(displayName(name, ref.named), 1, resp.Pos)
		}
		if ref.prim == Stream || (!isJSONType(ct) && resp.Body != nil) {
			return ResponseStream, rawRef{}
		}
		if coll || ref.collection || resp.IsCollection || b.valueListed(op, resp, ref) {
			ref.collection = false
			return ResponseCollection, ref
		}
		return ResponseSingle, ref
	}
	if resp.Body == nil || resp.Status == 204 {
		return ResponseNone, rawRef{}
	}
	if !isJSONType(ct) || resp.Body.JSON == nil && !strings.HasPrefix(strings.TrimSpace(resp.Body.Text), "{") {
		return ResponseStream, rawRef{}
	}
	v := resp.Body.JSON
	if v == nil {
		return ResponseSingle, rawRef{prim: Untyped}
	}
	if v.Kind == parser.JSONObject {
		if arr := v.Member("value"); arr != nil && arr.Kind == parser.JSONArray && (resp.IsCollection || onlyControl(v, "value")) {
			for _, e := range arr.Elems {
				if h := hint(e); h != "" {
					b.typ(h, 1, resp.Pos)
					return ResponseCollection, rawRef{named: strings.ToLower(h)}
				}
			}
			if t := op.text(); t != nil && t.kind == ResponseCollection {
				op.respFrom = t.from
				return t.kind, t.ref
			}
			b.diags.Warnf(resp.Pos, "response-type", "collection response names no element type; elements are kept as raw JSON")
			return ResponseCollection, rawRef{prim: Untyped}
		}
		if h := hint(v); h != "" {
			b.typ(h, 1, resp.Pos)
			return ResponseSingle, rawRef{named: strings.ToLower(h)}
		}
	}
	if t := op.text(); t != nil && t.kind == ResponseSingle && (v == nil || v.Kind == parser.JSONObject) {
		op.respFrom = t.from
		return t.kind, t.ref
	}
	b.diags.Warnf(resp.Pos, "response-type", "response annotation has no @odata.type and the body names none; the response is kept as raw JSON")
	return ResponseSingle, rawRef{prim: Untyped}
}

// valueListed reports whether a response annotated with type ref but not
// as a collection is one all the same: its body holds nothing but a
// "value" array, and the page's Response prose or Methods table says the
// operation returns a collection of ref's type: the annotation only
// omits "isCollection". Without the text the annotation stands.
func (b *builder) valueListed(op *opFacts, resp *parser.Response, ref rawRef) bool {
	return valueListedBy(op.text(), resp, ref)
}

// valueListedBy reports whether text evidence t makes the response resp
// annotated with type ref a collection, as valueListed says.
func valueListedBy(t *textResponse, resp *parser.Response, ref rawRef) bool {
	if t == nil || t.kind != ResponseCollection || ref.named == "" || t.ref.named != strings.ToLower(ref.named) || resp.Body == nil {
		return false
	}
	v := resp.Body.JSON
	if v == nil || v.Kind != parser.JSONObject {
		return false
	}
	arr := v.Member("value")
	return arr != nil && arr.Kind == parser.JSONArray && onlyControl(v, "value")
}

// textResponse is what prose or a table says an operation returns.
type textResponse struct {
	kind ResponseKind
	ref  rawRef
	from string
	pos  diag.Pos
}

func (t *textResponse) String() string {
	switch t.kind {
	case ResponseNone:
		return "nothing"
	case ResponseStream:
		return "a stream"
	case ResponseCollection:
		return "a collection of " + t.ref.String()
	}
	return t.ref.String()
}

// text returns the strongest text evidence of what op returns: the
// Response prose, then the Methods table; nil when neither says.
func (op *opFacts) text() *textResponse {
	if op.prose != nil {
		return op.prose
	}
	return op.table
}

// oneMethod reports whether every request line of page p has method m:
// only then do the page's prose and its unpaired examples describe the
// operation of m.
func (b *builder) oneMethod(p *parser.Page, m string) bool {
	for _, o := range b.pageOps[p] {
		if o.method != m {
			return false
		}
	}
	return true
}

// unpaired returns the first success response example of p that answers
// no request example, as on a page whose request example is not annotated
// while its response is, or nil.
func unpaired(p *parser.Page) *parser.Response {
	for _, r := range p.Responses {
		if r.RequestIndex < 0 && success(r) != nil {
			return r
		}
	}
	return nil
}

// proseResponse reads what p's Response section says op returns: a status
// 204 says nothing, a link to a resource page the resource (or a
// collection of it). It returns nil when the prose names no known
// resource page, or describes a page of several methods.
func (b *builder) proseResponse(p *parser.Page, op *opFacts) *textResponse {
	rp := p.ResponseProse
	if rp == nil || !b.oneMethod(p, op.method) || rp.Status != 0 && (rp.Status < 200 || rp.Status > 299) {
		return nil
	}
	if rp.Type != nil {
		if key := b.pageTypes[linkKey(rp.Type.Dest)]; key != "" && b.types[key].kind != Enum {
			kind := ResponseSingle
			if rp.Collection {
				kind = ResponseCollection
			}
			return &textResponse{kind: kind, ref: rawRef{named: key}, from: fromProse, pos: rp.Pos}
		}
	}
	if rp.Status == 204 {
		return &textResponse{kind: ResponseNone, from: fromProse, pos: rp.Pos}
	}
	return nil
}

// methodRow is the return type cell of a resource page's Methods table
// row.
type methodRow struct {
	page string
	pos  diag.Pos
	// list reports whether the row's method is a "List ...".
	list bool
	cell parser.Cell
}

// collectMethods indexes the rows of a Methods table by the API page their
// first cell links ("| [List books](../api/book-list.md) | [book](book.md)
// collection | ... |"). When several resource pages list one API page,
// the row of the first page by path is kept, whatever the order of pages.
func (b *builder) collectMethods(p *parser.Page, t *parser.Table) {
	col := column(t.Header, "return type")
	if col < 0 {
		return
	}
	for _, r := range t.Rows {
		if len(r.Cells) <= col || len(r.Cells[0].Links) == 0 {
			continue
		}
		key := linkKey(r.Cells[0].Links[0].Dest)
		if cur, ok := b.methodRows[key]; key == "" || ok && cur.page <= p.Path {
			continue
		}
		ws := strings.Fields(strings.ToLower(r.Cells[0].Text))
		list := len(ws) > 0 && ws[0] == "list"
		b.methodRows[key] = methodRow{page: p.Path, pos: r.Pos, list: list, cell: r.Cells[col]}
	}
}

// tableResponse reads what a Methods table row linking op's page says op
// returns: "None", "Stream", a linked resource, "[x](x.md) collection", or
// the name of the page's own type in plain text (a "List ..." row returns
// a collection, whatever its cell says: the tables often omit
// "collection" there). It returns nil when no row links the page, the row
// names no known resource page, or the page has several methods.
func (b *builder) tableResponse(p *parser.Page, op *opFacts) *textResponse {
	row, ok := b.methodRows[linkKey(p.Path)]
	if !ok || !b.oneMethod(p, op.method) {
		return nil
	}
	text := strings.ToLower(strings.Trim(row.cell.Text, " `*_."))
	t := &textResponse{from: fromTable, pos: row.pos}
	switch {
	case text == "none" || text == "no content" || text == "204 no content":
		t.kind = ResponseNone
	case text == "stream":
		t.kind = ResponseStream
	case len(row.cell.Links) > 0:
		key := b.pageTypes[linkKey(row.cell.Links[0].Dest)]
		if key == "" || b.types[key].kind == Enum {
			return nil
		}
		t.kind, t.ref = ResponseSingle, rawRef{named: key}
		if strings.Contains(text, "collection") || row.list {
			t.kind = ResponseCollection
		}
	default:
		// A cell naming in plain text the type of the resource page it
		// is on ("| [Get accounts](../api/dynamics-account-get.md) |
		// accounts |" on the accounts page); any other plain text names
		// nothing this can check.
		key := b.pageTypes[linkKey(row.page)]
		name, coll := strings.CutSuffix(text, " collection")
		if key == "" || b.types[key].kind == Enum || !strings.EqualFold(strings.TrimSpace(name), localName(key)) {
			return nil
		}
		t.kind, t.ref = ResponseSingle, rawRef{named: key}
		if coll || row.list {
			t.kind = ResponseCollection
		}
	}
	return t
}

// reportResponseEvidence runs once the operations are merged and the
// types' bases are known. It says which operations take their response
// from text (response-from-text), which GET operations return nothing for
// want of any evidence (response-unknown), and where weaker evidence
// disagrees with the evidence that decided: the Response prose with an
// example (response-prose-conflict), a Methods table with an example or
// the prose (response-table-conflict). A Methods table conflicts only by
// naming an unrelated type: its "None" and its collections are too loosely
// written to contradict an example.
func (b *builder) reportResponseEvidence() {
	for _, op := range b.ops {
		what := op.method + " " + op.tmpl.Path
		var said *textResponse
		switch op.respFrom {
		case fromProse, fromTable:
			said = op.text()
		case fromRelationship, fromProperty:
			if op.overruled == nil {
				said = op.rel
			}
		case "":
			if op.method == "GET" && op.respKind == ResponseNone {
				b.diags.Warnf(op.tmpl.Pos, "response-unknown", "%s: no response example, Response prose or Methods table names what it returns; it is generated as returning nothing", what)
			}
		}
		if said != nil {
			b.diags.Warnf(op.tmpl.Pos, "response-from-text", "%s has no response example that names its result; it returns %s, as the %s at %s says", what, op.decided(), op.respFrom, said.pos)
		}
		if (op.respFrom == fromExample || op.respFrom == fromContext) && op.prose != nil && b.conflicts(op, op.prose) {
			b.diags.Warnf(op.prose.pos, "response-prose-conflict", "%s returns %s, as its response example says, but the Response section says %s", what, op.decided(), op.prose)
		}
		b.reportRelationship(op)
		b.reportContext(op)
		if (op.respFrom == fromExample || op.respFrom == fromContext || op.respFrom == fromProse) && op.table != nil && b.unrelated(op, op.table) {
			b.diags.Warnf(op.table.pos, "response-table-conflict", "%s returns %s, as its %s says, but the Methods table of %s says %s", what, op.decided(), op.respFrom, op.table.pos.File, op.table)
		}
	}
}

// decided describes what op returns.
func (op *opFacts) decided() string {
	t := textResponse{kind: op.respKind, ref: op.respRef}
	if op.respRef.named == "" && (op.respKind == ResponseSingle || op.respKind == ResponseCollection) {
		t.ref.named = "raw JSON"
	}
	return t.String()
}

// conflicts reports whether text evidence t disagrees with what op
// returns: another kind, or a named type neither derived from nor a base
// of the decided one. A stream and an untyped result conflict with
// nothing: the text cannot tell them better.
func (b *builder) conflicts(op *opFacts, t *textResponse) bool {
	if op.respKind == ResponseStream || t.kind == ResponseStream {
		return false
	}
	if op.respKind != t.kind {
		return true
	}
	return b.unrelated(op, t)
}

// unrelated reports whether op's response type and the one t names are
// both known, differ, and neither derives from the other.
func (b *builder) unrelated(op *opFacts, t *textResponse) bool {
	got, said := op.respRef.named, t.ref.named
	if got == "" || said == "" || got == said {
		return false
	}
	return !b.derives(got, said) && !b.derives(said, got)
}

// reportIgnoredBodies reports each operation generated as returning
// nothing while one of its success examples of its method shows a JSON
// body, whether its own page documents that example, a page merged into it
// or a page whose example it was given (attachUnmatched): the call may
// answer with content (a PATCH with "Prefer: return=representation"), and
// the caller should know the client drops it. It runs once every example
// has found its operation.
func (b *builder) reportIgnoredBodies() {
	for _, op := range b.ops {
		if op.respKind != ResponseNone {
			continue
		}
		for _, ex := range op.examples {
			if r := success(ex.resp); ex.req.Method == op.method && showsBody(r) {
				b.diags.Warnf(r.Pos, "response-body-ignored", "%s %s is generated as returning nothing, as %s documents it; this example returns a body, which the client discards", op.method, op.tmpl.Path, op.page.Path)
				break
			}
		}
	}
}

// showsBody reports whether a response example shows a JSON body.
func showsBody(r *parser.Response) bool {
	if r == nil || r.Body == nil || r.Status == 204 {
		return false
	}
	t := strings.TrimSpace(r.Body.Text)
	return t != "" && (t[0] == '{' || t[0] == '[')
}

// onlyControl reports whether an object has no members but key and
// "@..." control information.
func onlyControl(v *parser.JSONValue, key string) bool {
	for _, m := range v.Members {
		if m.Key != key && !strings.HasPrefix(m.Key, "@") {
			return false
		}
	}
	return true
}

// hint returns the @odata.type an object carries, without "#".
func hint(v *parser.JSONValue) string {
	if v == nil || v.Kind != parser.JSONObject {
		return ""
	}
	t := v.Member("@odata.type")
	if t == nil || t.Kind != parser.JSONString {
		return ""
	}
	name, _ := oDataTypeName(t.String)
	if !isQualified(name) || !strings.Contains(name, ".") {
		return ""
	}
	return name
}
