package parser

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/diag"
)

// methods are the HTTP methods the docs use.
var methods = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true}

// versionSegment matches the API version that absolute example URLs carry.
var versionSegment = regexp.MustCompile(`^(?i:v\d+(\.\d+)?|beta|localtest|stagingbeta|testprodbeta\w*|canary)$`)

var statusLine = regexp.MustCompile(`^HTTP(?:/\d(?:\.\d)?)?\s+([1-5]\d\d)\b`)

// SplitURL turns an example or template URL into its path (no scheme, host
// or version segment, always starting with "/") and its raw query.
func SplitURL(raw string) (path, query string) {
	u := strings.TrimSpace(raw)
	if i := schemeEnd(u); i >= 0 {
		rest := u[i:]
		if j := strings.IndexAny(rest, "/?"); j >= 0 {
			u = rest[j:]
		} else {
			u = "/"
		}
	}
	if i := strings.IndexByte(u, '?'); i >= 0 {
		u, query = u[:i], u[i+1:]
	}
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	segs := strings.Split(u[1:], "/")
	if len(segs) > 0 && versionSegment.MatchString(segs[0]) {
		segs = segs[1:]
	}
	path = "/" + strings.Join(segs, "/")
	if len(path) > 1 {
		path = strings.TrimRight(path, "/")
	}
	if path == "" {
		path = "/"
	}
	return path, query
}

// schemeEnd returns the index just after "scheme://" when u starts with a
// scheme, or -1: a "://" later in the URL (in a query value) is no scheme.
func schemeEnd(u string) int {
	i := strings.Index(u, "://")
	if i <= 0 || strings.ContainsAny(u[:i], "/?{}") {
		return -1
	}
	return i + 3
}

// Origin returns the scheme, host and version segment of an absolute URL,
// such as "https://graph.microsoft.com/v1.0", or "" for a relative one.
func Origin(raw string) string {
	u := strings.TrimSpace(raw)
	i := schemeEnd(u)
	if i < 0 {
		return ""
	}
	rest := u[i:]
	j := strings.IndexAny(rest, "/?")
	if j < 0 {
		return u
	}
	host := u[:i+j]
	segs := strings.SplitN(strings.TrimPrefix(rest[j:], "/"), "/", 2)
	if len(segs) > 0 && versionSegment.MatchString(strings.SplitN(segs[0], "?", 2)[0]) {
		return host + "/" + strings.SplitN(segs[0], "?", 2)[0]
	}
	return host
}

// requestLine parses "METHOD url [HTTP/1.1]".
func (st *state) requestLine(line string, pos diag.Pos) (method, path, query, origin string, ok bool) {
	line = strings.TrimSpace(line)
	m, rest, found := strings.Cut(line, " ")
	if i := strings.IndexByte(line, '/'); i > 0 && (!found || i < len(m)) && methods[strings.ToUpper(line[:i])] {
		// "DELETE/identity/...": a missing space.
		m, rest, found = line[:i], line[i:], true
		st.warnf(pos, "http-request-line", "no space between the method and the URL in %s", quoteShort(line))
	}
	if !found {
		return "", "", "", "", false
	}
	upper := strings.ToUpper(m)
	if !methods[upper] {
		return "", "", "", "", false
	}
	if upper != m {
		st.warnf(pos, "http-method-case", "HTTP method %s should be upper case", quoteShort(m))
	}
	rest = strings.TrimSpace(rest)
	if i := strings.LastIndex(rest, " HTTP/"); i >= 0 {
		rest = strings.TrimSpace(rest[:i])
	}
	if rest == "" {
		return "", "", "", "", false
	}
	path, query = SplitURL(rest)
	return upper, path, query, Origin(rest), true
}

// templates reads the request lines of a code block in the "HTTP request"
// section.
func (st *state) templates(cb *CodeBlock, relativeOnly bool) {
	for i, line := range strings.Split(cb.Text, "\n") {
		pos := diag.Pos{File: cb.Pos.File, Line: cb.Pos.Line + i, Col: 1}
		method, path, query, origin, ok := st.requestLine(line, pos)
		if !ok || relativeOnly && origin != "" {
			continue
		}
		st.page.Templates = append(st.page.Templates, Template{Pos: pos, Method: method, Path: path, Query: query})
	}
}

// looseTemplates reads a code block outside the HTTP request section as
// templates when its first line is a relative request line with a
// {placeholder} or, for blocks holding only request lines, any relative
// request line. Nothing is reported: such blocks are usually examples.
func (st *state) looseTemplates(cb *CodeBlock) {
	var found []Template
	all := true
	for i, line := range strings.Split(cb.Text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		m, rest, ok := strings.Cut(t, " ")
		if !ok || !methods[m] || !strings.HasPrefix(strings.TrimSpace(rest), "/") {
			all = false
			break
		}
		path, query := SplitURL(strings.TrimSpace(strings.TrimSuffix(rest, " HTTP/1.1")))
		found = append(found, Template{Pos: diag.Pos{File: cb.Pos.File, Line: cb.Pos.Line + i, Col: 1}, Method: m, Path: path, Query: query})
	}
	if len(found) == 0 {
		return
	}
	if !all {
		// A request with headers and a body: an example, a template only
		// when its path has placeholders.
		if !strings.Contains(found[0].Path, "{") {
			return
		}
		found = found[:1]
	}
	st.page.LooseTemplates = append(st.page.LooseTemplates, found...)
}

// message splits an HTTP message into its first line, headers and body.
type message struct {
	first     string
	firstLine int
	headers   []Header
	body      string
	bodyLine  int
}

func splitMessage(text string) message {
	lines := strings.Split(text, "\n")
	var m message
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) {
		return m
	}
	t := strings.TrimSpace(lines[i])
	if !strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "[") {
		m.first, m.firstLine = t, i+1
		i++
		for ; i < len(lines); i++ {
			l := strings.TrimSpace(lines[i])
			if l == "" {
				i++
				break
			}
			if strings.HasPrefix(l, "{") || strings.HasPrefix(l, "[") {
				break
			}
			k, v, ok := strings.Cut(l, ":")
			if !ok {
				break
			}
			m.headers = append(m.headers, Header{Name: strings.TrimSpace(k), Value: strings.TrimSpace(v)})
		}
	}
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) {
		m.body = strings.Join(lines[i:], "\n")
		m.bodyLine = i + 1
	}
	return m
}

func headerValue(hs []Header, name string) string {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

func isJSONContent(hs []Header) bool {
	ct := strings.ToLower(headerValue(hs, "Content-Type"))
	return ct == "" || strings.Contains(ct, "json")
}

func (st *state) request(a *Annotation) *Request {
	m := splitMessage(a.Block.Text)
	at := func(line int) diag.Pos {
		return diag.Pos{File: st.path, Line: a.Block.Pos.Line + line - 1, Col: 1}
	}
	if m.first == "" {
		st.warnf(a.Block.Pos, "http-request-line", "request example has no request line")
		return nil
	}
	method, path, query, origin, ok := st.requestLine(m.first, at(m.firstLine))
	if !ok {
		st.warnf(at(m.firstLine), "http-request-line", "request example does not start with METHOD URL: %s", quoteShort(m.first))
		return nil
	}
	r := &Request{Pos: at(m.firstLine), Annotation: a, Name: a.Name, Method: method, Path: path, Query: query, Base: origin, Headers: m.headers}
	if m.body != "" {
		r.Body = st.body(m.body, at(m.bodyLine), isJSONContent(m.headers))
	}
	return r
}

func (st *state) response(a *Annotation) *Response {
	m := splitMessage(a.Block.Text)
	at := func(line int) diag.Pos {
		return diag.Pos{File: st.path, Line: a.Block.Pos.Line + line - 1, Col: 1}
	}
	r := &Response{Pos: a.Block.Pos, Annotation: a, Name: a.Name, ODataType: a.ODataType, Truncated: a.Truncated, IsCollection: a.IsCollection, Status: 200, Headers: m.headers}
	if m.first != "" {
		r.Pos = at(m.firstLine)
		sm := statusLine.FindStringSubmatch(m.first)
		if sm == nil {
			st.warnf(at(m.firstLine), "http-status-line", "response example does not start with an HTTP status line: %s", quoteShort(m.first))
			return nil
		}
		r.Status, _ = strconv.Atoi(sm[1])
	}
	if m.body != "" {
		r.Body = st.body(m.body, at(m.bodyLine), isJSONContent(m.headers))
	}
	return r
}

// unwrapValue reads a single-entity response example whose object the docs
// wrap in "value" ({"value": {"@odata.type": "#microsoft.graph.x", ...}})
// as the object itself, and reports the slip: a collection's "value" is an
// array, so an object there is the entity, not a property named "value".
// It acts only when the response is not a collection, the body has no
// members but "value" and "@..." control information, and the wrapped
// object says it is the entity: its @odata.type is the annotation's type
// (or the annotation names none), or the body's @odata.context ends in
// "$entity". And the call must return one entity: the context says
// "$entity", the request (r.RequestIndex) is a PATCH or PUT, or every
// request line of the page ends with a key placeholder ("/lists/{id}").
// A list call whose example shows one object in "value" is a different
// slip, which the model reads as a collection. Body.Text is kept as
// written.
func (st *state) unwrapValue(r *Response) {
	b := r.Body
	if b == nil || b.JSON == nil || b.JSON.Kind != JSONObject || r.IsCollection || r.Status < 200 || r.Status > 299 {
		return
	}
	typ := strings.ToLower(strings.TrimPrefix(r.ODataType, "#"))
	if strings.HasPrefix(typ, "collection(") {
		return
	}
	var wrap *JSONMember
	for i, m := range b.JSON.Members {
		switch {
		case m.Key == "value":
			wrap = &b.JSON.Members[i]
		case !strings.HasPrefix(m.Key, "@"):
			return
		}
	}
	if wrap == nil || wrap.Value == nil || wrap.Value.Kind != JSONObject {
		return
	}
	innerType := ""
	if t := wrap.Value.Member("@odata.type"); t != nil && t.Kind == JSONString {
		innerType = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(t.String), "#"))
	}
	entity := false
	if c := b.JSON.Member("@odata.context"); c != nil && c.Kind == JSONString {
		entity = strings.HasSuffix(strings.TrimSpace(c.String), "$entity")
	}
	if !entity && (innerType == "" || typ != "" && innerType != typ || !st.singleEntityCall(r)) {
		return
	}
	st.warnf(b.Pos.Within(wrap.Line, wrap.Col), "example-value-wrapper", "single-entity response example wraps its object in \"value\" (a docs slip); read as the object itself")
	b.JSON = wrap.Value
	// The body becomes the wrapped object's own text, so that the test
	// double's fixture and the examples serve the entity; its JSON is read
	// again for positions relative to that text (its slips were reported
	// above).
	start := lineColOffset(b.Text, wrap.Value.Line, wrap.Value.Col)
	end := objectEnd(b.Text, start)
	if start < 0 || end < 0 {
		return
	}
	inner := b.Text[start:end]
	if v, strict, _ := ParseJSON([]byte(inner), st.p.jsonDepth()); v != nil && v.Kind == JSONObject {
		b.Pos = b.Pos.Within(wrap.Value.Line, wrap.Value.Col)
		b.Text, b.JSON, b.Strict = inner, v, strict
	}
}

// lineColOffset returns the byte offset of a 1-based line and byte column
// in text, or -1.
func lineColOffset(text string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	if off+col-1 >= len(text) || col < 1 {
		return -1
	}
	return off + col - 1
}

// objectEnd returns the offset just past the '}' that closes the object
// opening at text[start], or -1: brackets are counted outside
// double-quoted strings.
func objectEnd(text string, start int) int {
	if start < 0 || start >= len(text) || text[start] != '{' {
		return -1
	}
	depth, inString := 0, false
	for i := start; i < len(text); i++ {
		c := text[i]
		switch {
		case inString:
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// singleEntityCall reports whether the request r answers is a PATCH or PUT,
// or the page's request lines all address one entity by its key: their
// last segment is a placeholder ("{id}", "{id | userPrincipalName}") or a
// key in parentheses ("('{id}')").
func (st *state) singleEntityCall(r *Response) bool {
	if i := r.RequestIndex; i >= 0 && i < len(st.page.Requests) {
		switch st.page.Requests[i].Method {
		case "PATCH", "PUT":
			return true
		}
	}
	if len(st.page.Templates) == 0 {
		return false
	}
	for _, t := range st.page.Templates {
		last := t.Path[strings.LastIndexByte(t.Path, '/')+1:]
		if !strings.HasSuffix(last, "}") && !strings.HasSuffix(last, "')") && !strings.HasSuffix(last, "})") {
			return false
		}
	}
	return true
}
