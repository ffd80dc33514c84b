package testdouble

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// guard is a transport that sends requests to one host only, fails every
// other, and records each link a response carries that leads elsewhere.
type guard struct {
	host string
	next http.RoundTripper
	// bad collects the requests to other hosts and the links to them.
	bad *[]string
}

func (g guard) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != g.host {
		*g.bad = append(*g.bad, "request to "+req.URL.String())
		return nil, errors.New("guard: request to another host: " + req.URL.String())
	}
	resp, err := g.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	for _, l := range responseLinks(resp.Header, body) {
		if !onHost(req.URL, l, g.host) {
			*g.bad = append(*g.bad, fmt.Sprintf("%s %s answered with a link to %q", req.Method, req.URL.Path, l))
		}
	}
	return resp, nil
}

// responseLinks lists the links a response carries: its link headers and
// every string annotation of its JSON body that is a link (and every
// @odata.nextLink and @odata.deltaLink, whatever its value).
func responseLinks(h http.Header, body []byte) []string {
	var links []string
	for name, vs := range h {
		n := strings.ToLower(name)
		if n == "location" || strings.HasSuffix(n, "-location") || n == "azure-asyncoperation" {
			links = append(links, vs...)
		}
		if n == "link" {
			for _, v := range vs {
				for _, part := range strings.Split(v, ",") {
					if i, j := strings.IndexByte(part, '<'), strings.IndexByte(part, '>'); i >= 0 && j > i {
						links = append(links, part[i+1:j])
					}
				}
			}
		}
	}
	var v any
	if json.Unmarshal(body, &v) == nil {
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for k, m := range v {
					if s, ok := m.(string); ok && strings.Contains(k, "@") &&
						(looksLikeLink(s) || strings.HasSuffix(k, "@odata.nextLink") || strings.HasSuffix(k, "@odata.deltaLink")) {
						links = append(links, s)
					}
					walk(m)
				}
			case []any:
				for _, m := range v {
					walk(m)
				}
			}
		}
		walk(v)
	}
	return links
}

// onHost reports whether link, resolved against the request URL base,
// leads to host without userinfo.
func onHost(base *url.URL, link, host string) bool {
	u, err := base.Parse(link)
	return err == nil && u.User == nil && u.Host == host && (u.Scheme == "http" || u.Scheme == "https")
}

// TestLinksStayOnDouble sends every documented request of the stand-in
// table, which documents links to another host in every form (userinfo,
// scheme-relative, look-alike hosts, in bodies and headers), through a
// client that fails any request elsewhere and follows redirects, then
// follows every nextLink and deltaLink it gets: nothing may leave the
// double, and no response may carry a link that does.
func TestLinksStayOnDouble(t *testing.T) {
	srv := NewServer(t)
	var bad []string
	hc := &http.Client{Transport: guard{host: srv.Listener.Addr().String(), next: srv.Client().Transport, bad: &bad}}
	for _, ex := range Requests() {
		path := "/v1.0" + strings.ReplaceAll(strings.ReplaceAll(ex.Path, "{", "x"), "}", "")
		req, err := http.NewRequest(ex.Method, srv.URL+path, strings.NewReader(ex.Body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := hc.Do(req)
		if err != nil {
			t.Errorf("%s %s: %v", ex.Method, path, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var page struct {
			Next  string `json:"@odata.nextLink"`
			Delta string `json:"@odata.deltaLink"`
		}
		if json.Unmarshal(body, &page) != nil {
			continue
		}
		for _, link := range []string{page.Next, page.Delta} {
			if link == "" {
				continue
			}
			u, err := resp.Request.URL.Parse(link)
			if err != nil {
				t.Errorf("%s %s: link %q: %v", ex.Method, path, link, err)
				continue
			}
			if resp, err := hc.Get(u.String()); err == nil {
				resp.Body.Close()
			}
		}
	}
	for _, b := range bad {
		t.Error(b)
	}
}

// TestRequests: Requests lists every documented request.
func TestRequests(t *testing.T) {
	reqs, exs := Requests(), examples()
	if len(reqs) != len(exs) {
		t.Fatalf("Requests() has %d requests, the table %d", len(reqs), len(exs))
	}
	for i, ex := range exs {
		want := Request{Operation: ex.Operation, Method: ex.Method, Template: ex.Template, Path: ex.Path, Body: ex.RequestBody, Status: ex.Status}
		if reqs[i] != want {
			t.Errorf("Requests()[%d] = %+v, want %+v", i, reqs[i], want)
		}
	}
}

// TestLinks says what becomes of each kind of documented link.
func TestLinks(t *testing.T) {
	srv := NewServer(t)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	do := func(method, path string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, nil)
		resp, err := noFollow.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}

	_, body := do("GET", "/v1.0/gadgets")
	var page map[string]any
	if err := json.Unmarshal([]byte(body), &page); err != nil {
		t.Fatalf("GET /v1.0/gadgets = %q: %v", body, err)
	}
	if _, ok := page["@odata.nextLink"]; ok {
		t.Errorf("a nextLink whose host is userinfo is served: %s", body)
	}
	if _, ok := page["@odata.deltaLink"]; ok {
		t.Errorf("a scheme-relative deltaLink to another host is served: %s", body)
	}
	if got, want := page["@odata.context"], srv.URL+"/v1.0/$metadata#gadgets"; got != want {
		t.Errorf("@odata.context = %v, want %v", got, want)
	}
	item := page["value"].([]any)[0].(map[string]any)
	for k, want := range map[string]string{
		"@odata.type":                  "#microsoft.graph.gadget", // not a link
		"@odata.editLink":              "gadgets('g1')",           // relative: the double's own
		"website":                      "https://evil.example/home",
		"@microsoft.graph.downloadUrl": srv.URL + redirectPrefix + "evil.example%2Fdl%2Fg1",
		"@odata.id":                    srv.URL + redirectPrefix + "evil.example%2Fgadgets%2Fg1",
	} {
		if item[k] != want {
			t.Errorf("%s = %v, want %q", k, item[k], want)
		}
	}
	if _, ok := item["parts@odata.nextLink"]; ok {
		t.Errorf("a nested nextLink to another host is served: %v", item)
	}
	if !strings.HasPrefix(body, `{"@odata.context":`) || !strings.HasSuffix(body, `]}`) {
		t.Errorf("members are not kept in order: %s", body)
	}

	_, body = do("GET", "/v1.0/gadgets/delta")
	if want := `{"value":[],"@odata.nextLink":"` + srv.URL + `/v1.0/gadgets/delta?$skiptoken=2","@odata.deltaLink":"` + srv.URL + `/v1.0/gadgets/delta?$deltatoken=1"}`; body != want {
		t.Errorf("GET /v1.0/gadgets/delta = %s, want the service's links pointed at the double:\n%s", body, want)
	}

	// Its next page is the documented page once more, without the nextLink.
	_, body = do("GET", "/v1.0/gadgets/delta?$skiptoken=2")
	if want := `{"value":[],"@odata.deltaLink":"` + srv.URL + `/v1.0/gadgets/delta?$deltatoken=1"}`; body != want {
		t.Errorf("the next page of GET /v1.0/gadgets/delta = %s, want %s", body, want)
	}

	resp, _ := do("POST", "/v1.0/gadgets")
	for k, want := range map[string][]string{
		"Location":           {srv.URL + redirectPrefix + "evil.example%2Fv1.0%2Foperations%2F1"},
		"Content-Location":   {srv.URL + redirectPrefix + "evil.example%2Fx"},
		"Operation-Location": {srv.URL + "/v1.0/operations/1"},
		"Link":               {"</v1.0/gadgets>; rel=up"},
	} {
		if got := resp.Header.Values(k); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}

	resp, _ = do("GET", "/v1.0/gadgets/g1/content")
	if loc, want := resp.Header.Get("Location"), srv.URL+redirectPrefix+"graph.microsoft.com.evil.example%2Fdl%2Fg1"; resp.StatusCode != 302 || loc != want {
		t.Errorf("a redirect to a look-alike host = %d to %q, want 302 to %q", resp.StatusCode, loc, want)
	}

	// A documented Retry-After is served as documented.
	resp, body = do("GET", "/v1.0/gadgets/g1")
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "100000" || !strings.Contains(body, "TooManyRequests") {
		t.Errorf("GET /v1.0/gadgets/g1 = %d %v %s, want the documented 429", resp.StatusCode, resp.Header, body)
	}
}

// TestPoint is the table of point: which links are the double's.
func TestPoint(t *testing.T) {
	r := httptest.NewRequest("GET", "/v1.0/books?$top=1", nil)
	r.Host = "127.0.0.1:8080"
	lk := newLinker(r)
	tests := []struct {
		link, want string
		ok         bool
	}{
		{"https://graph.microsoft.com/v1.0/books?$skip=1", "http://127.0.0.1:8080/v1.0/books?$skip=1", true},
		{"https://GRAPH.microsoft.com:443/v1.0/books", "http://127.0.0.1:8080/v1.0/books", true},
		{"http://127.0.0.1:8080/v1.0/books", "http://127.0.0.1:8080/v1.0/books", true},
		{"books?$skip=2", "http://127.0.0.1:8080/v1.0/books?$skip=2", true},
		{"/beta/books", "http://127.0.0.1:8080/beta/books", true},
		{"///evil.example/x", "http://127.0.0.1:8080///evil.example/x", true}, // Go reads a path: served absolute, so that no client reads a host
		{"https://graph.microsoft.com@evil.example/v1.0/books", "", false},
		{"http://127.0.0.1:8080@evil.example/", "", false},
		{"http://user@127.0.0.1:8080/", "", false},
		{"//evil.example/v1.0/books", "", false},
		{"https://graph.microsoft.com.evil.example/", "", false},
		{"https://graph.microsoft.com:8443/v1.0/books", "", false},
		{"http://graph.microsoft.com/v1.0/books", "", false},
		{"https://127.0.0.1:8080/v1.0/books", "", false}, // another scheme
		{"ftp://127.0.0.1:8080/", "", false},
		{"https://...", "", false},
		{"http://[::1", "", false},
		{"https://graph.microsoft.com\\@evil.example/", "", false},
	}
	for _, tt := range tests {
		got, ok := lk.point(tt.link)
		if got != tt.want || ok != tt.ok {
			t.Errorf("point(%q) = %q, %v; want %q, %v", tt.link, got, ok, tt.want, tt.ok)
		}
	}
}

// TestRewrite: only the service's own URLs are pointed at the double.
func TestRewrite(t *testing.T) {
	r := httptest.NewRequest("GET", "/v1.0/books", nil)
	r.Host = "h:1"
	lk := newLinker(r)
	for in, want := range map[string]string{
		`"https://graph.microsoft.com/v1.0/x"`:                        `"http://h:1/v1.0/x"`,
		`"https://graph.microsoft.com"`:                               `"http://h:1"`,
		`https://graph.microsoft.com`:                                 `http://h:1`,
		`https://graph.microsoft.com?a https://graph.microsoft.com#b`: `http://h:1?a http://h:1#b`,
		`"https://graph.microsoft.com@evil.example/"`:                 `"https://graph.microsoft.com@evil.example/"`,
		`"https://graph.microsoft.com.evil.example/"`:                 `"https://graph.microsoft.com.evil.example/"`,
		`"https://graph.microsoft.com:1@evil/"`:                       `"https://graph.microsoft.com:1@evil/"`,
		`no link`:                                                     `no link`,
	} {
		if got := lk.rewrite(in); got != want {
			t.Errorf("rewrite(%s) = %s, want %s", in, got, want)
		}
	}
	r.Host = "" // an HTTP/1.0 request without a Host: path-absolute links
	lk = newLinker(r)
	if got, ok := lk.point("https://graph.microsoft.com/v1.0/x?y=1"); got != "/v1.0/x?y=1" || !ok {
		t.Errorf("point without a host = %q, %v", got, ok)
	}
	if got, ok := lk.point("//evil.example/x"); ok {
		t.Errorf("point without a host = %q, %v; want another host refused", got, ok)
	}
}

// TestEditMembers: members keep their order, removals leave valid JSON,
// and bodies that are not JSON, or too deep for encoding/json, come back
// as they are.
func TestEditMembers(t *testing.T) {
	drop := func(name, v string) (string, bool) { return strings.ToUpper(v), name != "x" }
	tests := []struct{ in, want string }{
		{`{"x":"1","b":"2"}`, `{"b":"2"}`},
		{`{"a":"1","x":"2","b":"3"}`, `{"a":"1","b":"3"}`},
		{`{"a":"1","x":"2"}`, `{"a":"1"}`},
		{`{"x":"1"}`, `{}`},
		{`{"z":1.50,"a":[{"x":"1","y":"<b>"}],"n":null,"t":true,"x":{"x":"k"}}`, `{"z":1.50,"a":[{"y":"<B>"}],"n":null,"t":true,"x":{}}`},
		{`["x","y"]`, `["x","y"]`}, // array elements have no name
		{`{"a":"A"}`, `{"a":"A"}`},
		{`not json`, `not json`},
		{strings.Repeat("[", 20000) + strings.Repeat("]", 20000), strings.Repeat("[", 20000) + strings.Repeat("]", 20000)},
	}
	for _, tt := range tests {
		got, _ := editMembers([]byte(tt.in), drop)
		if string(got) != tt.want {
			t.Errorf("editMembers(%.40s) = %.80s, want %.80s", tt.in, got, tt.want)
		}
	}
	if got, changed := editMembers([]byte(` {"a" : "A"} `), drop); changed || string(got) != ` {"a" : "A"} ` {
		t.Errorf("an unchanged body is re-encoded: %q", got)
	}
}

// TestOddPaths: paths that name no resource get a 404 in the Graph error
// envelope, not a panic.
func TestOddPaths(t *testing.T) {
	h := Handler()
	for _, p := range []string{"", "/", "//", "/v1.0", "/v1.0/", "/v1.0//", "/beta", "/beta/"} {
		r := httptest.NewRequest("GET", "/", nil)
		r.URL.Path = p
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), `"code":"NotFound"`) || !strings.Contains(w.Body.String(), "names no resource") {
			t.Errorf("GET %q = %d %s, want a 404 naming no resource", p, w.Code, w.Body)
		}
	}
	for p, want := range map[string]string{"/v1.0/books": "/books", "/books/": "/books", "/v1.0//books": "//books", "/v2/x": "/v2/x", "/beta": ""} {
		if got := apiPath(p); got != want {
			t.Errorf("apiPath(%q) = %q, want %q", p, got, want)
		}
	}
}

// FuzzHandler: no method, path, query or body makes the handler panic, and
// every answer is a documented status or a 4xx/501 error envelope whose
// links stay on the double.
func FuzzHandler(f *testing.F) {
	for _, ex := range examples() {
		f.Add(ex.Method, ex.Path, "", ex.RequestBody)
	}
	f.Add("GET", "", "", "")
	f.Add("GET", "/v1.0", "", "")
	f.Add("GET", "/v1.0/books", "$skip=1", "")
	f.Add("POST", "/v1.0/gadgets", "", "{")
	documented := map[int]bool{}
	for _, ex := range examples() {
		documented[ex.Status] = true
	}
	h := Handler()
	f.Fuzz(func(t *testing.T, method, path, query, body string) {
		r := httptest.NewRequest("GET", "/", strings.NewReader(body))
		r.Method, r.URL.Path, r.URL.RawQuery = method, path, query
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		switch code := w.Code; {
		case documented[code], code == 200:
		case code == 400 || code == 404 || code == 501:
			if !strings.Contains(w.Body.String(), `{"error":{"code":`) {
				t.Errorf("%s %q = %d %s, not an error envelope", method, path, code, w.Body)
			}
		default:
			t.Errorf("%s %q = %d", method, path, code)
		}
		base := &url.URL{Scheme: "http", Host: r.Host, Path: path}
		for _, l := range responseLinks(w.Header(), w.Body.Bytes()) {
			if !onHost(base, l, r.Host) {
				t.Errorf("%s %q answered with a link to %q", method, path, l)
			}
		}
	})
}
