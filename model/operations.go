package model

import (
	"cmp"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
)

// opFacts is one operation before names and types are resolved.
type opFacts struct {
	page     *parser.Page
	method   string
	tmpl     parser.Template
	baseName string
	// name is the resolved Go name.
	name string
	// altOf is the primary operation of the page when this is an alternate
	// path for the same call.
	altOf    *opFacts
	examples []exPair
	respKind ResponseKind
	respRef  rawRef
	body     *bodyFacts
	resolved *Operation
	// pathConflict is set when an example sends a type the body's
	// addressed type was not known to relate to.
	pathConflict *pathConflict
}

// pathConflict is an example's @odata.type that differs from the type the
// operation's path addresses.
type pathConflict struct {
	sent, addressed string
	pos             diag.Pos
}

// reportPathConflicts reports, once every base type is known, each
// operation whose example sends a type unrelated to the one its path
// addresses, by which the body is typed.
func (b *builder) reportPathConflicts() {
	for _, op := range b.ops {
		pc := op.pathConflict
		if pc == nil || op.body == nil {
			continue
		}
		addr, body := pc.addressed, op.body.ref.named
		if b.derives(pc.sent, addr) || b.derives(addr, pc.sent) {
			continue
		}
		if body != addr {
			b.diags.Warnf(pc.pos, "body-type-path", "request example sends %s, but %s %s addresses %s; the body is typed by their common base %s", pc.sent, op.method, op.tmpl.Path, addr, body)
			continue
		}
		b.diags.Warnf(pc.pos, "body-type-path", "request example sends %s, but %s %s addresses %s; the body is typed by the path", pc.sent, op.method, op.tmpl.Path, addr)
	}
}

type exPair struct {
	req  *parser.Request
	resp *parser.Response
	page *parser.Page
}

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

// replaceBraces replaces every "{...}" of s that holds no brace by repl,
// left to right (what the regular expression \{[^{}]*\} would replace).
func replaceBraces(s, repl string) string {
	if strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := strings.IndexAny(s[i+1:], "{}")
		if j < 0 {
			break // no closing brace after this one, nor after any later one
		}
		if s[i+1+j] == '{' {
			i += j // try again from the inner brace
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		i += j + 1
		last = i + 1
	}
	b.WriteString(s[last:])
	return b.String()
}

// shape is a path with every parameter replaced by {} and literals lower
// cased, so that templates and example URLs can be compared.
func shape(path string) string {
	return strings.ToLower(replaceBraces(path, "{}"))
}

// matches reports whether an example path fits a template. It walks both
// paths segment by segment without splitting them (it runs for every pair
// of example and request line of a page, and again for examples other
// pages document).
func matches(tmpl, example string) bool {
	t, e := strings.Trim(tmpl, "/"), strings.Trim(example, "/")
	if strings.Count(t, "/") != strings.Count(e, "/") {
		return false
	}
	for more := true; more; {
		var ts, es string
		ts, t, more = strings.Cut(t, "/")
		es, e, _ = strings.Cut(e, "/")
		if !segmentMatches(ts, es) {
			return false
		}
	}
	return true
}

// segmentMatches reports whether segment es of an example path fits
// segment ts of a template.
func segmentMatches(ts, es string) bool {
	if strings.Contains(ts, "{") {
		if !strings.Contains(ts, "(") {
			return true // a placeholder: no literal function name to match
		}
		before, _, ok := strings.Cut(replaceBraces(ts, ""), "(")
		return !ok || strings.HasPrefix(strings.ToLower(es), strings.ToLower(before))
	}
	if strings.EqualFold(ts, es) {
		return true
	}
	// A function whose template writes a literal placeholder for its
	// parameters, "filterByCurrentUser(on='parameterValue')", matches
	// any call of that function.
	tn, _, tok := strings.Cut(ts, "(")
	en, _, eok := strings.Cut(es, "(")
	return tok && eok && strings.EqualFold(tn, en)
}

// segments is the number of segments matches splits path into.
func segments(path string) int {
	return strings.Count(strings.Trim(path, "/"), "/") + 1
}

// collectOperations reads the operations of an API page: one per request
// template, named from the page title.
func (b *builder) collectOperations(p *parser.Page) {
	templates := p.Templates
	if len(templates) == 0 && len(p.Requests) > 0 && len(p.Resources) == 0 {
		// No HTTP request section: an API page may still give its
		// request lines in other sections or in a relative example.
		templates = p.LooseTemplates
		if len(templates) > 0 {
			b.diags.Warnf(templates[0].Pos, "template-outside-section", "page has no \"HTTP request\" section; request lines are taken from other code blocks")
		}
	}
	templates = b.withoutLiteralIDs(templates)
	templates = b.withoutLiteralArgs(templates)
	if len(templates) == 0 {
		if len(p.Requests) > 0 && len(p.Resources) == 0 {
			b.diags.Warnf(p.Requests[0].Pos, "operation-no-template", "page has request examples but no request line in an \"HTTP request\" section; no operation generated")
		}
		return
	}
	title := pageTitle(p)
	var pairs []exPair
	for i, r := range p.Requests {
		ex := exPair{req: r, page: p}
		for _, resp := range p.Responses {
			if resp.RequestIndex == i {
				ex.resp = resp
				break
			}
		}
		if ex.resp == nil {
			b.diags.Warnf(r.Pos, "request-no-response", "request example %s has no response example", quote(r.Name))
		}
		pairs = append(pairs, ex)
	}
	// Templates with the same method share one primary, which gets the
	// title's name; the others are alternate paths.
	byMethod := map[string]*opFacts{}
	seen := map[string]bool{}
	baseName := ""
	if len(templates) > 0 {
		baseName = b.operationName(p)
	}
	for _, t := range templates {
		key := t.Method + " " + t.Path
		if seen[key] {
			continue
		}
		seen[key] = true
		op := &opFacts{page: p, method: t.Method, tmpl: t, baseName: baseName}
		for _, ex := range pairs {
			if ex.req.Method == t.Method && matches(t.Path, ex.req.Path) {
				op.examples = append(op.examples, ex)
			}
		}
		if prim := byMethod[t.Method]; prim == nil {
			byMethod[t.Method] = op
		} else {
			op.altOf = prim
		}
		b.ops = append(b.ops, op)
		b.pageOps[p] = append(b.pageOps[p], op)
	}
	if len(byMethod) > 1 {
		// A page documenting several methods: name each by its method.
		for m, op := range byMethod {
			op.baseName = methodName(m, title)
		}
		for _, op := range b.pageOps[p] {
			if op.altOf != nil {
				op.baseName = op.altOf.baseName
			}
		}
	}
	// Examples that match no template document a call the page does not
	// declare; they are reported, not guessed onto another operation.
	for _, ex := range pairs {
		found := false
		for _, op := range b.pageOps[p] {
			if slices.ContainsFunc(op.examples, func(e exPair) bool { return e.req == ex.req }) {
				found = true
			}
		}
		if !found {
			b.unmatched = append(b.unmatched, ex)
		}
	}
	for _, op := range b.pageOps[p] {
		// An operation without examples of its own answers like the
		// documented path of the same method.
		// A download (a GET of content) borrows no other path's answer,
		// which would be the JSON of the resource the content belongs to.
		var resp *parser.Response
		candidates := op.examples
		if !(op.method == "GET" && contentPath(op.tmpl.Path)) {
			candidates = append(slices.Clone(op.examples), pairs...)
		}
		for _, ex := range candidates {
			if success(ex.resp) != nil && ex.req.Method == op.method {
				resp = ex.resp
				break
			}
		}
		op.respKind, op.respRef = b.responseOf(p, op, resp)
		if op.respKind == ResponseNone && resp != nil {
			b.noteIgnoredBody(op, resp, append(slices.Clone(op.examples), pairs...))
		}
		// A GET with a query ("GET /users/{id}?$expand=extensions(...)" on
		// an extension's page) documents what the query returns, not the
		// type of the resource its path addresses.
		if op.method == "GET" && op.tmpl.Query == "" && op.respRef.named != "" && !op.respRef.collection {
			types := b.getTypes
			if op.respKind == ResponseCollection {
				types = b.collTypes
			}
			if _, ok := types[shape(op.tmpl.Path)]; !ok && (op.respKind == ResponseSingle || op.respKind == ResponseCollection) {
				types[shape(op.tmpl.Path)] = op.respRef
			}
		}
		for _, ex := range op.examples {
			if ex.req.Base != "" {
				b.origins[ex.req.Base]++
			}
		}
	}
}

// operationName is the base name of a page's operation: its title as a Go
// name, with the resource its file name starts with put after the verb when
// the title does not mention it ("List members" on group-list-members.md →
// ListGroupMembers). The name so depends on the page alone.
func (b *builder) operationName(p *parser.Page) string {
	n, ok := b.baseNames[p]
	if !ok {
		n = operationNameOf(pageTitle(p), b.resourceWord(p))
		b.baseNames[p] = n
	}
	return n
}

// pageTitle is the title a page's operations are named from.
func pageTitle(p *parser.Page) string {
	switch {
	case p.Title != "":
		return p.Title
	case p.FrontMatter.Title != "":
		return p.FrontMatter.Title
	}
	return pageBase(p.Path)
}

// operationNameOf computes operationName from the page's title and its
// resourceWord.
func operationNameOf(title, res string) string {
	name := GoName(title)
	if res == "" || strings.Contains(strings.ToLower(name), strings.ToLower(res)) {
		return name
	}
	ws := words(title)
	if len(ws) < 2 || !verbs[strings.ToLower(ws[0])] {
		return name
	}
	if len(ws) == 2 {
		// "List copies" on bookcopy-list.md: the object is the resource.
		last := strings.ToLower(ws[1])
		if one := singular(last); strings.HasSuffix(strings.ToLower(res), one) {
			if one != last {
				return titleWord(ws[0]) + plural(res)
			}
			return titleWord(ws[0]) + res
		}
	}
	return titleWord(ws[0]) + res + GoName(strings.Join(ws[1:], " "))
}

// plural makes a Go name plural: BookCopy → BookCopies, Book → Books.
func plural(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.HasSuffix(l, "y") && !strings.HasSuffix(l, "ay") && !strings.HasSuffix(l, "ey") && !strings.HasSuffix(l, "oy"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "x"), strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "sh"):
		return s + "es"
	}
	return s + "s"
}

// verbs are the leading words of titles that name an HTTP method's action.
var verbs = map[string]bool{
	"get": true, "list": true, "create": true, "add": true, "update": true, "delete": true,
	"remove": true, "put": true, "replace": true, "upload": true, "download": true, "set": true,
}

// methodVerb is the verb that names each method on a page documenting
// several.
var methodVerb = map[string]string{
	"GET": "Get", "POST": "Create", "PATCH": "Update", "PUT": "Put", "DELETE": "Delete",
	"HEAD": "Head", "OPTIONS": "Options",
}

// methodName names the operation of one method on a page that documents
// several: the title's verb is replaced by the method's ("Get thing content"
// → PutThingContent for PUT), unless the title's verb already fits.
func methodName(method, title string) string {
	ws := words(title)
	if len(ws) > 1 && verbs[strings.ToLower(ws[0])] {
		if method == "GET" && strings.EqualFold(ws[0], "list") {
			return GoName(title)
		}
		return methodVerb[method] + GoName(strings.Join(ws[1:], " "))
	}
	return methodVerb[method] + GoName(title)
}

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

// responseOf decides what an operation returns from its response example.
func (b *builder) responseOf(p *parser.Page, op *opFacts, resp *parser.Response) (ResponseKind, rawRef) {
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
		if coll || ref.collection || resp.IsCollection {
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
			b.diags.Warnf(resp.Pos, "response-type", "collection response names no element type; elements are kept as raw JSON")
			return ResponseCollection, rawRef{prim: Untyped}
		}
		if h := hint(v); h != "" {
			b.typ(h, 1, resp.Pos)
			return ResponseSingle, rawRef{named: strings.ToLower(h)}
		}
	}
	b.diags.Warnf(resp.Pos, "response-type", "response annotation has no @odata.type and the body names none; the response is kept as raw JSON")
	return ResponseSingle, rawRef{prim: Untyped}
}

// noteIgnoredBody reports an operation generated as returning nothing
// (its response example, resp, has no body) while another success example
// of its method shows a JSON body: the call may answer with content (a
// PATCH with "Prefer: return=representation"), and the caller should know
// the client drops it.
func (b *builder) noteIgnoredBody(op *opFacts, resp *parser.Response, exs []exPair) {
	for _, ex := range exs {
		r := success(ex.resp)
		if r == resp || ex.req.Method != op.method || !showsBody(r) {
			continue
		}
		b.diags.Warnf(r.Pos, "response-body-ignored", "%s %s is generated as returning nothing, as its first response example (line %d) shows; this example returns a body, which the client discards", op.method, op.tmpl.Path, resp.Pos.Line)
		return
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

// baseURL is the most common service root of the example requests.
func (b *builder) baseURL() string {
	best, n := "", 0
	for o, c := range b.origins {
		if c > n || c == n && o < best {
			best, n = o, c
		}
	}
	if best == "" {
		return "https://graph.microsoft.com/v1.0"
	}
	return best
}

func sortOps(ops []*Operation) {
	slices.SortStableFunc(ops, func(x, y *Operation) int { return cmp.Compare(x.Name, y.Name) })
}

// commonBase returns the nearest type every key is or derives from, or "".
func (b *builder) commonBase(keys []string) string {
	for cand := range b.bases(keys[0]) {
		all := true
		for _, k := range keys[1:] {
			if !b.derives(k, cand) {
				all = false
				break
			}
		}
		if all {
			return cand
		}
	}
	return ""
}

// mergeDuplicateOperations keeps one operation per method and path shape:
// the Intune docs, for one, document GET /deviceManagement on a dozen
// pages. The page with the shortest file name (then the first path) keeps
// the operation and the others' examples join it.
func (b *builder) mergeDuplicateOperations() {
	keep := map[string]*opFacts{}
	keys := make([]string, len(b.ops))
	for i, op := range b.ops {
		k := op.method + " " + shape(op.tmpl.Path)
		keys[i] = k
		cur, ok := keep[k]
		if !ok {
			keep[k] = op
			continue
		}
		if better(op, cur) {
			keep[k] = op
		}
	}
	dropped := map[*opFacts]bool{}
	for i, op := range b.ops {
		if w := keep[keys[i]]; w != op {
			dropped[op] = true
			w.examples = append(w.examples, op.examples...)
			b.merged = append(b.merged, mergedOp{page: op.page.Path, into: w})
			b.diags.Warnf(op.tmpl.Pos, "operation-duplicate", "%s %s is also documented by %s; the operations are merged", op.method, op.tmpl.Path, w.page.Path)
			if w.respKind == ResponseNone && op.respKind != ResponseNone {
				b.diags.Warnf(op.tmpl.Pos, "response-body-ignored", "%s %s returns a body on this page, but %s, which the operation is merged into, documents no response body; it is generated as returning nothing", op.method, op.tmpl.Path, w.page.Path)
			}
		}
	}
	var out []*opFacts
	// When a page's primary merged into another page's operation, the
	// page's first remaining path of that method becomes its primary.
	newPrimary := map[*opFacts]*opFacts{}
	for _, op := range b.ops {
		if dropped[op] {
			continue
		}
		if op.altOf != nil && dropped[op.altOf] {
			if np, ok := newPrimary[op.altOf]; ok {
				op.altOf = np
			} else {
				newPrimary[op.altOf] = op
				op.altOf = nil
			}
		}
		out = append(out, op)
	}
	b.ops = out
}

// better reports whether op should represent a call documented by several
// pages instead of cur: a primary beats an alternate path, then a page whose
// title names the method's action, then the shorter file name, then the
// smaller path.
func better(op, cur *opFacts) bool {
	fits := func(o *opFacts) bool { return strings.HasPrefix(o.baseName, methodVerb[o.method]) }
	switch {
	case (op.altOf == nil) != (cur.altOf == nil):
		return op.altOf == nil
	case fits(op) != fits(cur):
		// A page named for the method's action ("Update x" for PATCH).
		return fits(op)
	case len(pageBase(op.page.Path)) != len(pageBase(cur.page.Path)):
		return len(pageBase(op.page.Path)) < len(pageBase(cur.page.Path))
	}
	return op.page.Path < cur.page.Path
}

// mergedOp records that a page's operation was merged into another's.
type mergedOp struct {
	page string
	into *opFacts
}

// attachUnmatched gives each example that fits no request line of its own
// page to the operation of another page whose request line it fits, the
// first in page order; an example that fits none documents no operation.
func (b *builder) attachUnmatched() {
	// matches fails on paths of a different method or length, which most
	// are: the candidates are indexed by both, in operation order, so the
	// first that matches is the one a scan of b.ops would find.
	type opKey struct {
		method string
		segs   int
	}
	index := map[opKey][]*opFacts{}
	add := func(op *opFacts) {
		k := opKey{op.method, segments(op.tmpl.Path)}
		index[k] = append(index[k], op)
	}
	for _, op := range b.ops {
		add(op)
	}
	vocab := b.segmentVocabulary()
	for _, ex := range b.unmatched {
		var to *opFacts
		for _, op := range index[opKey{ex.req.Method, segments(ex.req.Path)}] {
			if matches(op.tmpl.Path, ex.req.Path) {
				to = op
				break
			}
		}
		if to == nil {
			if op := b.operationFromExample(ex, vocab); op != nil {
				add(op)
				continue
			}
			b.diags.Warnf(ex.req.Pos, "example-no-template", "request example %s %s fits no request line of any page; it documents no operation", ex.req.Method, ex.req.Path)
			continue
		}
		to.examples = append(to.examples, ex)
		b.diags.Warnf(ex.req.Pos, "example-other-page", "request example %s %s fits no request line of its page; it documents %s %s of %s", ex.req.Method, ex.req.Path, to.method, to.tmpl.Path, to.page.Path)
		if r := success(ex.resp); to.respKind == ResponseNone && showsBody(r) {
			b.diags.Warnf(r.Pos, "response-body-ignored", "this example of %s %s returns a body, but %s documents none; it is generated as returning nothing", to.method, to.tmpl.Path, to.page.Path)
		}
	}
}
