package testdouble

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// example is one documented request and its documented response.
type example struct {
	// Operation is the Go name of the client method.
	Operation string
	Method    string
	// Template is the documented path template, such as "/books/{id}".
	Template string
	// Path is the documented example's concrete path, and Query its query
	// string ("" for none).
	Path, Query string
	// Source and Name are the page that documents the example and the
	// example's name there; ExampleHandler finds an example by them.
	Source, Name string
	// RequestBody is the documented request body, when it is valid JSON.
	RequestBody string
	Status      int
	Header      [][2]string
	Body        string
}

// Request is a documented request the server answers.
type Request struct {
	// Operation is the name of the client method that sends the request.
	Operation string
	// Method and Template are the documented request line, such as "GET"
	// and "/books/{id}"; Path is the example's path, without the API
	// version, and Body its request body, "" for none.
	Method, Template, Path, Body string
	// Status is the documented status of the answer.
	Status int
}

// Requests returns the documented requests the server answers, in
// operation order, so that a test can send each one through a client.
func Requests() []Request {
	var reqs []Request
	for _, rt := range compiledRoutes() {
		reqs = append(reqs, Request{Operation: rt.Operation, Method: rt.Method, Template: rt.Template, Path: rt.Path, Body: rt.RequestBody, Status: rt.Status})
	}
	return reqs
}

// NewServer starts a server that answers every documented request with its
// documented response, and closes it when the test ends. A request that no
// documented example matches gets a 501 Not Implemented whose body lists
// the operations documented for that path.
func NewServer(tb testing.TB) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(Handler())
	tb.Cleanup(srv.Close)
	return srv
}

// Handler returns the handler NewServer serves, for use with a server of
// your own.
func Handler() http.Handler {
	return &handler{routes: compiledRoutes()}
}

// ExampleHandler returns a handler that answers only the documented example
// name of the page source, and only the request it documents: the same
// method, path (ids compared in any case, as the service compares them),
// query options and body. Any other request is a 400 naming what
// differs. The generated Example functions serve theirs with it, so that an
// Example passes only when the client sends exactly the documented request.
// A documented @odata.nextLink is followed as Handler follows it.
func ExampleHandler(source, name string) http.Handler {
	var routes []route
	for _, rt := range compiledRoutes() {
		if rt.Source == source && rt.Name == name {
			routes = append(routes, rt)
			break
		}
	}
	return &handler{routes: routes, strict: true}
}

// compiledRoutes is the route table, built once: it is read-only after,
// and shared by every handler.
var compiledRoutes = sync.OnceValue(func() []route {
	var routes []route
	for _, ex := range examples() {
		routes = append(routes, route{example: ex, re: templateRegexp(ex.Template)})
	}
	return routes
})

// redirectPrefix is where the test double sends a client that a documented
// response redirects off the service (a download URL, a report file): it
// answers there with an empty 200, as the documented content is not known.
const redirectPrefix = "/_docgen/redirect/"

type route struct {
	example
	re *regexp.Regexp
}

type handler struct {
	routes []route
	// strict marks an ExampleHandler: the request must be the documented
	// one, path and query included.
	strict bool
}

// templateRegexp matches the paths a template stands for: each {param}
// matches any text within one segment.
func templateRegexp(tmpl string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	rest := tmpl
	for {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest, '}')
		if i < 0 || j < i {
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:i]))
		b.WriteString("[^/]*?")
		rest = rest[j+1:]
	}
	b.WriteString(regexp.QuoteMeta(rest))
	b.WriteString("/?$")
	return regexp.MustCompile(b.String())
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, redirectPrefix) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.WriteHeader(http.StatusOK)
		return
	}
	path := apiPath(r.URL.Path)
	if path == "" {
		h.noResource(w, r)
		return
	}
	lk := newLinker(r)
	if rt := h.nextPage(r, lk); rt != nil {
		// A request for a documented @odata.nextLink gets the documented
		// page once more, as the last page, so that paging ends.
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(withoutNextLink(lk.body(rt.Body)))
		return
	}
	var candidates []*route
	for i := range h.routes {
		rt := &h.routes[i]
		if rt.Method == r.Method && rt.re.MatchString(path) {
			candidates = append(candidates, rt)
		}
	}
	if len(candidates) == 0 {
		if h.strict && len(h.routes) > 0 {
			rt := h.routes[0]
			graphError(w, http.StatusBadRequest, "BadRequest", fmt.Sprintf("the request %s %s is not the documented %s %s", r.Method, path, rt.Method, rt.Path))
			return
		}
		h.notImplemented(w, r, path)
		return
	}
	if h.strict {
		if msg := candidates[0].differentRequest(path, r.URL.RawQuery); msg != "" {
			graphError(w, http.StatusBadRequest, "BadRequest", msg)
			return
		}
	}
	// The examples whose own path is the one requested answer first; among
	// them, the first whose documented body has the request body's shape.
	slices.SortStableFunc(candidates, func(a, b *route) int {
		switch {
		case a.Path == path && b.Path != path:
			return -1
		case a.Path != path && b.Path == path:
			return 1
		}
		return 0
	})
	var body []byte
	if r.Body != nil {
		var buf bytes.Buffer
		if _, err := buf.ReadFrom(r.Body); err != nil {
			graphError(w, http.StatusBadRequest, "BadRequest", "reading the request body: "+err.Error())
			return
		}
		body = buf.Bytes()
	}
	match, firstMsg := (*route)(nil), ""
	for _, rt := range candidates {
		msg := ""
		if isRefWrite(rt.Method, rt.Template) {
			msg = checkReference(body)
		}
		if msg == "" {
			msg = checkBody(body, rt.RequestBody)
		}
		if msg == "" {
			match = rt
			break
		}
		if firstMsg == "" {
			firstMsg = msg
		}
	}
	if match == nil {
		graphError(w, http.StatusBadRequest, "BadRequest", firstMsg)
		return
	}
	for _, kv := range match.Header {
		if strings.EqualFold(kv[0], "Content-Length") {
			continue
		}
		if v, ok := lk.header(kv[0], kv[1]); ok {
			w.Header().Add(kv[0], v)
		}
	}
	status := match.Status
	if status == 0 {
		status = http.StatusOK
	}
	// Retry-After is served as documented, however long it asks to wait:
	// the double answers a retried request as it answered the first, so a
	// client under test should not retry (the generated Example functions
	// build theirs with retries off), and a test of a throttled call sees
	// the documented header in the error.
	w.WriteHeader(status)
	_, _ = w.Write(lk.body(match.Body))
}

// differentRequest says how a request's path (without the API version)
// and raw query differ from the documented example's, or "".
func (rt *route) differentRequest(path, rawQuery string) string {
	want := rt.Path
	if p, err := url.PathUnescape(want); err == nil {
		want = p
	}
	if !strings.EqualFold(strings.TrimRight(want, "/"), strings.TrimRight(path, "/")) {
		return fmt.Sprintf("the request path %s is not the documented %s", path, rt.Path)
	}
	if !sameQuery(parseQuery(rt.Query), parseQuery(rawQuery)) {
		return fmt.Sprintf("the request query %s is not the documented %s", orNone(rawQuery), orNone(rt.Query))
	}
	return ""
}

// parseQuery splits a raw query into its options as the service reads
// them: at "&" only (the docs write OData's ";" inside $expand unescaped,
// which url.ParseQuery refuses), each name and value unescaped when it can
// be.
func parseQuery(raw string) url.Values {
	v := url.Values{}
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		name, value, _ := strings.Cut(part, "=")
		v[unescapeQuery(name)] = append(v[unescapeQuery(name)], unescapeQuery(value))
	}
	return v
}

func unescapeQuery(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

func orNone(query string) string {
	if query == "" {
		return "(none)"
	}
	return "?" + query
}

// sameQuery compares query options: names in any case (OData system query
// options such as $select are), values exactly and in order.
func sameQuery(want, got url.Values) bool {
	fold := func(v url.Values) map[string][]string {
		m := make(map[string][]string, len(v))
		for k, vs := range v {
			m[strings.ToLower(k)] = append(m[strings.ToLower(k)], vs...)
		}
		return m
	}
	w, g := fold(want), fold(got)
	if len(w) != len(g) {
		return false
	}
	for k, vs := range w {
		if !slices.Equal(vs, g[k]) {
			return false
		}
	}
	return true
}

// apiPath returns the path of a request without its API version segment
// ("/v1.0/users/" → "/users"), or "" when nothing is left that names a
// resource ("", "/", "/v1.0", "/v1.0/").
func apiPath(p string) string {
	p = strings.TrimRight(p, "/")
	if seg, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/"); isVersion(seg) {
		if rest == "" {
			return ""
		}
		p = "/" + rest
	}
	return p
}

// noResource answers a request whose path names no resource, such as
// GET / or GET /v1.0/.
func (h *handler) noResource(w http.ResponseWriter, r *http.Request) {
	msg := fmt.Sprintf("%s %s names no resource: the test double answers the requests its docs document", r.Method, r.URL.Path)
	if len(h.routes) > 0 {
		msg += ", such as " + h.routes[0].Method + " " + h.routes[0].Template
	}
	graphError(w, http.StatusNotFound, "NotFound", msg)
}

// nextPage finds the example whose documented @odata.nextLink the request
// follows.
func (h *handler) nextPage(r *http.Request, lk linker) *route {
	if r.Method != http.MethodGet {
		return nil
	}
	for i := range h.routes {
		link := nextLink(h.routes[i].Body)
		if link == "" {
			continue
		}
		// The documented link as the double serves it; a link it does not
		// serve (one to another host) has no next page.
		served, ok := lk.point(link)
		if !ok {
			continue
		}
		u, err := url.Parse(served)
		if err != nil || u.Path != r.URL.Path || u.RawQuery != r.URL.RawQuery {
			continue
		}
		if own, err := url.Parse(h.routes[i].Path); err == nil && strings.HasSuffix(u.Path, own.Path) && u.RawQuery == "" {
			continue // a link to the example's own path is no next page
		}
		return &h.routes[i]
	}
	return nil
}

// nextLink returns the @odata.nextLink of a documented body, as documented.
func nextLink(body string) string {
	var page struct {
		NextLink string `json:"@odata.nextLink"`
	}
	if json.Unmarshal([]byte(body), &page) != nil {
		return ""
	}
	return page.NextLink
}

// withoutNextLink removes @odata.nextLink from a page.
func withoutNextLink(body []byte) []byte {
	out, _ := editMembers(body, func(name, value string) (string, bool) {
		return value, name != "@odata.nextLink"
	})
	return out
}

// isVersion reports whether a path segment is an API version.
func isVersion(s string) bool {
	return s == "beta" || strings.HasPrefix(s, "v1") || s == "v2.0"
}

// serviceOrigin is the origin of the documented service, whose URLs the
// double serves as its own.
const serviceOrigin = "https://graph.microsoft.com"

// linker points the links of documented responses at the test double that
// serves a request, so that a client under test never sends a request
// anywhere else. Every link the double answers with is either the
// double's own (a documented URL of the service, or a relative one,
// resolved against the request) or neutralised:
//
//   - an @odata.nextLink or @odata.deltaLink to anywhere else is removed:
//     the double cannot serve another host's pages, and without the link
//     the documented page is the last (paging ends) or the delta round
//     ends without a link to resume from;
//   - any other link (the Location, Content-Location and Operation-Location
//     headers, an annotation such as @microsoft.graph.downloadUrl) points
//     at the double's redirect endpoint, which answers with an empty 200:
//     a documented redirect to a download URL still leads to a download,
//     and a Location to poll to an answer;
//   - a Link header with a link to anywhere else is removed.
//
// Hosts are compared after url.Parse, so userinfo
// ("https://graph.microsoft.com@other.example/") and scheme-relative links
// ("//other.example/") are other hosts. Other URLs in a body (values of
// properties, such as a web page's address) are data the client does not
// follow and are served as documented, the service's own pointed at the
// double.
type linker struct {
	// base is the URL of the request: the double's scheme and host, the
	// request's path and query.
	base *url.URL
}

// newLinker returns the linker of the responses to r.
func newLinker(r *http.Request) linker {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return linker{base: &url.URL{Scheme: scheme, Host: r.Host, Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: r.URL.RawQuery}}
}

// origin is the double's origin, such as "http://127.0.0.1:8080", or ""
// when the request named no host (an HTTP/1.0 request), in which case
// the double's links are path-absolute.
func (l linker) origin() string {
	if l.base.Host == "" {
		return ""
	}
	return l.base.Scheme + "://" + l.base.Host
}

// point returns a documented link as the double serves it: a URL of the
// service with the double's scheme and host instead, and a relative link
// or one of the double's own resolved against the request. ok is false
// for a link to anywhere else and for text that does not parse as a URL.
func (l linker) point(link string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil {
		return "", false
	}
	u = l.base.ResolveReference(u)
	if u.User != nil {
		return "", false
	}
	switch {
	case isService(u):
		u.Scheme, u.Host = l.base.Scheme, l.base.Host
	case !strings.EqualFold(u.Scheme, l.base.Scheme) || !strings.EqualFold(u.Host, l.base.Host):
		return "", false
	}
	if u.Host == "" {
		return u.RequestURI(), true
	}
	return u.String(), true
}

// isService reports whether u is a URL of the documented service.
func isService(u *url.URL) bool {
	return strings.EqualFold(u.Scheme, "https") && u.User == nil &&
		strings.EqualFold(u.Hostname(), "graph.microsoft.com") && (u.Port() == "" || u.Port() == "443")
}

// away returns the link to the double's redirect endpoint that stands for
// a link to another host. It keeps the other host and path, for the
// reader, but not the query, which for a download URL holds its
// credentials.
func (l linker) away(link string) string {
	name := "invalid"
	if u, err := url.Parse(strings.TrimSpace(link)); err == nil {
		name = u.Host + u.Path
	}
	return l.origin() + redirectPrefix + url.PathEscape(name)
}

// header returns the value the double sends for a documented header, and
// false for a header it leaves out.
func (l linker) header(name, value string) (string, bool) {
	value = l.rewrite(value)
	switch n := strings.ToLower(name); {
	case n == "location" || strings.HasSuffix(n, "-location") || n == "azure-asyncoperation":
		if v, ok := l.point(value); ok {
			return v, true
		}
		return l.away(value), true
	case n == "link":
		// RFC 8288: <uri-reference>; param, <uri-reference>...
		for rest := value; ; {
			i := strings.IndexByte(rest, '<')
			j := strings.IndexByte(rest, '>')
			if i < 0 || j < i {
				break
			}
			if _, ok := l.point(rest[i+1 : j]); !ok {
				return "", false
			}
			rest = rest[j+1:]
		}
	}
	return value, true
}

// body returns a documented body as the double serves it: the service's
// URLs pointed at the double, and every link in control information (a
// member whose name has an "@") served or neutralised as linker says.
func (l linker) body(body string) []byte {
	b := []byte(l.rewrite(body))
	out, _ := editMembers(b, func(name, value string) (string, bool) {
		if !strings.Contains(name, "@") {
			return value, true
		}
		if strings.HasSuffix(name, "@odata.nextLink") || strings.HasSuffix(name, "@odata.deltaLink") {
			return l.point(value)
		}
		if !looksLikeLink(value) {
			return value, true // "#microsoft.graph.user", an etag, ...
		}
		if v, ok := l.point(value); ok {
			return v, true
		}
		return l.away(value), true
	})
	return out
}

// looksLikeLink reports whether an annotation's value is an absolute or
// scheme-relative http(s) URL, the links a client could follow.
func looksLikeLink(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//")
}

// rewrite points the documented service's absolute URLs in s at the
// double: each "https://graph.microsoft.com" that a path, query,
// fragment, quote, space or the end of s follows (so not
// "https://graph.microsoft.com@other.example", whose host is
// other.example, nor "https://graph.microsoft.com.other.example").
func (l linker) rewrite(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, serviceOrigin)
		if i < 0 {
			break
		}
		end := i + len(serviceOrigin)
		b.WriteString(s[:i])
		if end == len(s) || strings.IndexByte("/?#\"\\ \t\r\n", s[end]) >= 0 {
			b.WriteString(l.origin())
		} else {
			b.WriteString(serviceOrigin)
		}
		s = s[end:]
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s)
	return b.String()
}

// editMembers returns body with the string members of its objects, at any
// depth, passed through edit: edit returns the member's new value, or
// false to remove the member. Members keep their order; the body is
// re-encoded (compactly) only when edit changes something, and returned
// as it is, with false, when it is not JSON or nothing changed.
func editMembers(body []byte, edit func(name, value string) (string, bool)) ([]byte, bool) {
	// json.Valid refuses nesting deeper than encoding/json's limit (10000),
	// which bounds the recursion below.
	if !json.Valid(body) {
		return body, false
	}
	e := &memberEditor{dec: json.NewDecoder(bytes.NewReader(body)), edit: edit}
	e.dec.UseNumber()
	if _, _, err := e.value(); err != nil || !e.changed {
		return body, false
	}
	return e.out.Bytes(), true
}

// memberEditor is the state of one editMembers pass.
type memberEditor struct {
	dec     *json.Decoder
	out     bytes.Buffer
	edit    func(name, value string) (string, bool)
	changed bool
}

// value copies the next JSON value to out and returns it when it is a
// string.
func (e *memberEditor) value() (s string, isString bool, err error) {
	tok, err := e.dec.Token()
	if err != nil {
		return "", false, err
	}
	switch t := tok.(type) {
	case json.Delim:
		open, end := byte(t), byte('}')
		if t == '[' {
			end = ']'
		}
		e.out.WriteByte(open)
		first := true
		for e.dec.More() {
			mark := e.out.Len()
			if !first {
				e.out.WriteByte(',')
			}
			var name string
			if open == '{' {
				k, err := e.dec.Token()
				if err != nil {
					return "", false, err
				}
				name, _ = k.(string)
				writeJSONString(&e.out, name)
				e.out.WriteByte(':')
			}
			valueAt := e.out.Len()
			v, isStr, err := e.value()
			if err != nil {
				return "", false, err
			}
			if open == '{' && isStr {
				nv, keep := e.edit(name, v)
				switch {
				case !keep:
					e.out.Truncate(mark)
					e.changed = true
					continue // first stays as it was
				case nv != v:
					e.out.Truncate(valueAt)
					writeJSONString(&e.out, nv)
					e.changed = true
				}
			}
			first = false
		}
		if _, err := e.dec.Token(); err != nil {
			return "", false, err
		}
		e.out.WriteByte(end)
	case string:
		writeJSONString(&e.out, t)
		return t, true, nil
	case json.Number:
		e.out.WriteString(t.String())
	case bool:
		e.out.WriteString(strconv.FormatBool(t))
	case nil:
		e.out.WriteString("null")
	}
	return "", false, nil
}

// writeJSONString writes s as a JSON string, without escaping HTML.
func writeJSONString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)       // a string always encodes
	b.Truncate(b.Len() - 1) // Encode's newline
}

// checkBody compares a request body with the documented one as the
// service reads JSON: the same members (names in any case, as Graph matches
// them; control information such as @odata.type and x@odata.bind included)
// with equal values, numbers compared by value and date-times as instants,
// key order aside. It returns "" when they are equal, else a message naming
// the members missing, extra or different. A documented body that is not a
// JSON object or array takes any body.
func checkBody(body []byte, documented string) string {
	if documented == "" {
		return ""
	}
	var want any
	if decodeJSON([]byte(documented), &want) != nil {
		return ""
	}
	switch want.(type) {
	case map[string]any, []any:
	default:
		return "" // not an object or array: nothing to compare
	}
	var got any
	if err := decodeJSON(body, &got); err != nil {
		return "the request body is not the JSON the docs show: " + err.Error()
	}
	var d bodyDiff
	d.compare("", want, got)
	return d.message()
}

// decodeJSON decodes data into v with numbers as json.Number.
func decodeJSON(data []byte, v *any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("data after the JSON value")
	}
	return nil
}

// bodyDiff collects the differences between a documented and a received
// body, by member path.
type bodyDiff struct {
	missing, extra, changed []string
}

func (d *bodyDiff) compare(path string, want, got any) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			d.changed = append(d.changed, shownPath(path))
			return
		}
		folded := make(map[string]string, len(g)) // lower-cased name -> received name
		for k := range g {
			folded[strings.ToLower(k)] = k
		}
		seen := map[string]bool{}
		for _, k := range sortedKeys(w) {
			gk, ok := folded[strings.ToLower(k)]
			if !ok {
				d.missing = append(d.missing, joinMember(path, k))
				continue
			}
			seen[gk] = true
			d.compare(joinMember(path, k), w[k], g[gk])
		}
		for _, k := range sortedKeys(g) {
			if !seen[k] {
				d.extra = append(d.extra, joinMember(path, k))
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			d.changed = append(d.changed, shownPath(path))
			return
		}
		for i := range w {
			d.compare(joinMember(path, strconv.Itoa(i)), w[i], g[i])
		}
	default:
		if !sameScalar(want, got) {
			d.changed = append(d.changed, shownPath(path))
		}
	}
}

// sameScalar compares two JSON scalars: numbers by value, strings exactly
// or, when both are RFC 3339 date-times, as instants.
func sameScalar(want, got any) bool {
	switch w := want.(type) {
	case json.Number:
		g, ok := got.(json.Number)
		if !ok {
			return false
		}
		if w == g {
			return true
		}
		wf, err1 := strconv.ParseFloat(string(w), 64)
		gf, err2 := strconv.ParseFloat(string(g), 64)
		return err1 == nil && err2 == nil && wf == gf
	case string:
		g, ok := got.(string)
		if !ok {
			return false
		}
		if w == g {
			return true
		}
		wt, err1 := time.Parse(time.RFC3339Nano, w)
		gt, err2 := time.Parse(time.RFC3339Nano, g)
		if err1 == nil && err2 == nil {
			return wt.Equal(gt)
		}
		return sameResource(w, g)
	}
	return want == got // booleans and null
}

// sameResource reports whether two absolute http or https URLs name the
// same resource of the API: the same path, API version aside, and query.
// Their hosts are not compared: a client under test names resources on the
// test double (its service root), where the docs name graph.microsoft.com.
func sameResource(want, got string) bool {
	w, err1 := url.Parse(want)
	g, err2 := url.Parse(got)
	if err1 != nil || err2 != nil || !absoluteHTTP(w) || !absoluteHTTP(g) {
		return false
	}
	wp, gp := apiPath(w.Path), apiPath(g.Path)
	return wp != "" && strings.EqualFold(wp, gp) && w.RawQuery == g.RawQuery
}

func absoluteHTTP(u *url.URL) bool {
	return u.IsAbs() && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func (d *bodyDiff) message() string {
	var parts []string
	for _, p := range []struct {
		what  string
		names []string
	}{{"missing", d.missing}, {"extra", d.extra}, {"different from the documented value", d.changed}} {
		if len(p.names) > 0 {
			parts = append(parts, p.what+": "+strings.Join(p.names, ", "))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "the request body is not the documented one; members " + strings.Join(parts, "; ")
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func joinMember(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func shownPath(path string) string {
	if path == "" {
		return "(the whole body)"
	}
	return path
}

// isRefWrite reports whether a documented request line adds or sets a
// reference: a POST, PUT or PATCH of a path whose last segment is "$ref".
func isRefWrite(method, template string) bool {
	if method != http.MethodPost && method != http.MethodPut && method != http.MethodPatch {
		return false
	}
	p := strings.TrimRight(template, "/")
	return strings.EqualFold(p[strings.LastIndexByte(p, '/')+1:], "$ref")
}

// checkReference checks the body of a $ref request as the service would:
// a JSON object whose "@odata.id" is the absolute http or https URL of a
// resource. An empty object, which names nothing, is refused.
func checkReference(body []byte) string {
	var got map[string]json.RawMessage
	if err := json.Unmarshal(body, &got); err != nil {
		return "the request body of a $ref request is not a JSON object: " + err.Error()
	}
	raw, ok := got["@odata.id"]
	var id string
	if !ok || json.Unmarshal(raw, &id) != nil || id == "" {
		return "the request body of a $ref request has no @odata.id string naming the resource to refer to"
	}
	u, err := url.Parse(id)
	if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Sprintf("the @odata.id %q of a $ref request is not an absolute http or https URL", id)
	}
	return ""
}

// notImplemented answers a request no example documents, naming the
// operations documented for its path.
func (h *handler) notImplemented(w http.ResponseWriter, r *http.Request, path string) {
	var ops []string
	for _, rt := range h.routes {
		if rt.re.MatchString(path) {
			op := rt.Method + " " + rt.Template + " (" + rt.Operation + ")"
			if !slices.Contains(ops, op) {
				ops = append(ops, op)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "no documented example answers %s %s\n", r.Method, path)
	if len(ops) == 0 {
		b.WriteString("no operation is documented for this path\n")
	} else {
		b.WriteString("operations documented for this path:\n")
		for _, op := range ops {
			b.WriteString("  " + op + "\n")
		}
	}
	graphError(w, http.StatusNotImplemented, "NotImplemented", b.String())
}

// graphError answers with the Graph error envelope, so that clients show
// the message.
func graphError(w http.ResponseWriter, status int, code, msg string) {
	body, _ := json.Marshal(map[string]any{"error": map[string]string{"code": code, "message": msg}})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
