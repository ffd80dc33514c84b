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
	"strings"
	"sync"
	"testing"
)

// example is one documented request and its documented response.
type example struct {
	// Operation is the Go name of the client method.
	Operation string
	Method    string
	// Template is the documented path template, such as "/books/{id}".
	Template string
	// Path is the documented example's concrete path.
	Path string
	// RequestBody is the documented request body, when it is valid JSON.
	RequestBody string
	Status      int
	Header      [][2]string
	Body        string
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
	path := strings.TrimSuffix(r.URL.Path, "/")
	if i := strings.Index(path[1:], "/"); i >= 0 && isVersion(path[1:i+1]) {
		path = path[i+1:] // "/v1.0/users" → "/users"
	}
	if rt := h.nextPage(r); rt != nil {
		// A request for a documented @odata.nextLink gets the documented
		// page once more, as the last page, so that paging ends.
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(withoutNextLink(rewrite(rt.Body, "http://"+r.Host)))
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
		h.notImplemented(w, r, path)
		return
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
		msg := checkBody(body, rt.RequestBody)
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
	origin := "http://" + r.Host
	for _, kv := range match.Header {
		if strings.EqualFold(kv[0], "Content-Length") {
			continue
		}
		v := rewrite(kv[1], origin)
		if strings.EqualFold(kv[0], "Location") && !strings.HasPrefix(v, origin) {
			if u, err := url.Parse(v); err == nil && u.IsAbs() {
				v = origin + redirectPrefix + url.PathEscape(u.Host+u.Path)
			}
		}
		w.Header().Add(kv[0], v)
	}
	status := match.Status
	if status == 0 {
		status = http.StatusOK
	}
	body = []byte(rewrite(match.Body, origin))
	if link := nextLink(string(body)); link != "" && !strings.HasPrefix(link, origin) {
		// A nextLink that is not a URL of the service ("https://...")
		// leads nowhere: the documented page is the last.
		body = withoutNextLink(string(body))
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// nextPage finds the example whose documented @odata.nextLink the request
// follows.
func (h *handler) nextPage(r *http.Request) *route {
	if r.Method != http.MethodGet {
		return nil
	}
	for i := range h.routes {
		link := nextLink(h.routes[i].Body)
		if link == "" {
			continue
		}
		u, err := url.Parse(link)
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

// nextLink returns the @odata.nextLink of a documented body.
func nextLink(body string) string {
	var page struct {
		NextLink string `json:"@odata.nextLink"`
	}
	if json.Unmarshal([]byte(body), &page) != nil {
		return ""
	}
	return rewrite(page.NextLink, "")
}

// withoutNextLink removes @odata.nextLink from a page.
func withoutNextLink(body string) []byte {
	var page map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &page) != nil {
		return []byte(body)
	}
	delete(page, "@odata.nextLink")
	b, err := json.Marshal(page)
	if err != nil {
		return []byte(body)
	}
	return b
}

// isVersion reports whether a path segment is an API version.
func isVersion(s string) bool {
	return s == "beta" || strings.HasPrefix(s, "v1") || s == "v2.0"
}

// rewrite points the documented service's absolute URLs (nextLink,
// deltaLink, Location) at the test server.
func rewrite(s, origin string) string {
	for _, host := range []string{"https://graph.microsoft.com"} {
		s = strings.ReplaceAll(s, host, origin)
	}
	return s
}

// checkBody compares the request body with the documented one: both must
// be JSON objects with the same top-level members, control information
// ("@odata.type", "x@odata.bind") and documented nulls aside.
func checkBody(body []byte, documented string) string {
	if documented == "" {
		return ""
	}
	var want map[string]json.RawMessage
	if json.Unmarshal([]byte(documented), &want) != nil {
		return "" // not an object: nothing to compare
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal(body, &got); err != nil {
		return "the request body is not the JSON object the docs show: " + err.Error()
	}
	keys := func(m map[string]json.RawMessage) []string {
		var ks []string
		for k, v := range m {
			// Control members and documented nulls (which a client
			// leaves out) aside.
			if !strings.Contains(k, "@") && string(v) != "null" {
				ks = append(ks, strings.ToLower(k)) // Graph matches names in any case
			}
		}
		slices.Sort(ks)
		return ks
	}
	if w, g := keys(want), keys(got); !slices.Equal(w, g) {
		return fmt.Sprintf("the request body has members %v; the documented example has %v", g, w)
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
