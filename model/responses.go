package model

// What operations return: the response examples read as kinds and types.

import (
	"strings"

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
