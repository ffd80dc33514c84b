package testdouble

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	_ "github.com/docgen-dev/docgen/internal/golden"
)

func get(t *testing.T, method, url, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestServer(t *testing.T) {
	srv := NewServer(t)
	tests := []struct {
		method, path, body string
		status             int
		want               string
	}{
		{"GET", "/v1.0/books/2", "", 200, `{"id":"2"}`},
		{"GET", "/v1.0/books/1", "", 200, `{"id":"1","title":"One"}`},
		{"GET", "/v1.0/books/77", "", 200, `{"id":"1","title":"One"}`}, // any id: the first example
		{"GET", "/books/1", "", 200, `{"id":"1","title":"One"}`},       // no version segment
		{"GET", "/v1.0/books", "", 200, `{"value":[],"@odata.nextLink":"` + srv.URL + `/v1.0/books?$skip=1"}`},
		{"GET", "/v1.0/books?$skip=1", "", 200, `{"value":[]}`}, // the documented next page ends paging
		{"POST", "/v1.0/books", `{"title":"x","@odata.type":"#b"}`, 201, `{"id":"3"}`},
		{"POST", "/v1.0/books", `{"@odata.type":"#b","TITLE":"x"}`, 201, `{"id":"3"}`}, // names in any case, any order
		{"POST", "/v1.0/books", `{"title":"y","@odata.type":"#b"}`, 400, "members different from the documented value: title"},
		{"POST", "/v1.0/books", `{"title":"x","@odata.type":"#b","note":null}`, 400, "members extra: note"},
		{"POST", "/v1.0/books", `{"title":"x"}`, 400, "members missing: @odata.type"},
		{"POST", "/v1.0/books", `{"name":"y"}`, 400, "members missing: @odata.type, title; extra: name"},
		{"POST", "/v1.0/books", `not json`, 400, "not the JSON the docs show"},
		{"GET", "/v1.0/books/1/count(branch='main')", "", 200, `{"value":3}`},
		{"POST", "/v1.0/books/1/authors/$ref", `{"@odata.id":"http://127.0.0.1:1/v1.0/authors/a1"}`, 204, ""}, // on the double's own host
		{"POST", "/v1.0/books/1/authors/$ref", `{"@odata.id":"http://127.0.0.1:1/v1.0/authors/a2"}`, 400, "different from the documented value: @odata.id"},
		{"POST", "/v1.0/books/1/authors/$ref", `{}`, 400, "has no @odata.id string"},
		{"POST", "/v1.0/books/1/authors/$ref", `{"@odata.id":7}`, 400, "has no @odata.id string"},
		{"POST", "/v1.0/books/1/authors/$ref", `{"@odata.id":"authors/a2"}`, 400, "not an absolute http or https URL"},
		{"POST", "/v1.0/books/1/authors/$ref", `[]`, 400, "is not a JSON object"},
		{"DELETE", "/v1.0/books/1", "", 501, "GET /books/{id} (GetBook)"},
		{"GET", "/v1.0/shelves", "", 200, `{"value":[{"id":"s1"}]}`}, // a nextLink to nowhere ends paging
		{"GET", "/v1.0/racks", "", 501, "no operation is documented for this path"},
	}
	for _, tt := range tests {
		status, _, body := get(t, tt.method, srv.URL+tt.path, tt.body)
		if status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("%s %s = %d %q, want %d containing %q", tt.method, tt.path, status, body, tt.status, tt.want)
		}
	}
	// A documented redirect off the service comes back to the test double,
	// which answers it with an empty 200.
	req, _ := http.NewRequest("GET", srv.URL+"/v1.0/books/1/content", nil)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode != 302 || loc != srv.URL+redirectPrefix+"files.example.com%2Fb1" {
		t.Errorf("redirect = %d to %q, want 302 to the test double", resp.StatusCode, loc)
	}
	if status, _, body := get(t, "GET", srv.URL+"/v1.0/books/1/content", ""); status != 200 || body != "" {
		t.Errorf("following the redirect = %d %q, want an empty 200", status, body)
	}
	_, h, _ := get(t, "GET", srv.URL+"/v1.0/books/1", "")
	if h.Get("Content-Type") != "application/json" || h.Get("Content-Length") == "99" {
		t.Errorf("headers = %v: documented headers must be sent, except Content-Length", h)
	}
}

func TestTemplateRegexp(t *testing.T) {
	re := templateRegexp("/users/{id | userPrincipalName}/photos/{size}/$value")
	for _, p := range []string{"/users/a/photos/48x48/$value", "/users/a@b.com/photos/x/$value/"} {
		if !re.MatchString(p) {
			t.Errorf("%s does not match", p)
		}
	}
	for _, p := range []string{"/users/a/b/photos/x/$value", "/users/a/photos/x/value"} {
		if re.MatchString(p) {
			t.Errorf("%s matches", p)
		}
	}
}

func TestSourceIsServerGo(t *testing.T) {
	if !strings.Contains(string(Source()), "func NewServer(tb testing.TB) *httptest.Server") {
		t.Error("Source() is not server.go")
	}
}

func TestCheckBody(t *testing.T) {
	tests := []struct {
		documented, body, want string
	}{
		{`{"n":1.50,"when":"2021-07-01T09:30:00.0000000Z"}`, `{"n":1.5,"when":"2021-07-01T09:30:00Z"}`, ""},
		{`{"n":1}`, `{"n":2}`, "different from the documented value: n"},
		{`{"when":"2021-07-01T09:30:00Z"}`, `{"when":"2021-07-01T10:30:00+01:00"}`, ""},
		{`{"when":"2021-07-01T09:30:00Z"}`, `{"when":"2021-07-01T09:30:01Z"}`, "different from the documented value: when"},
		{`{"a":{"b":[1,{"c":"x"}]}}`, `{"a":{"b":[1,{"c":"y"}]}}`, "different from the documented value: a.b.1.c"},
		{`{"a":[1,2]}`, `{"a":[1]}`, "different from the documented value: a"},
		{`{"a":null}`, `{}`, "missing: a"},
		{`{"a":null}`, `{"a":null}`, ""},
		{`{"a":true}`, `{"a":"true"}`, "different from the documented value: a"},
		{`{"members@odata.bind":["https://graph.microsoft.com/v1.0/users/1"]}`, `{"members@odata.bind":["http://127.0.0.1:9/v1.0/users/1"]}`, ""},
		{`{"members@odata.bind":["https://graph.microsoft.com/v1.0/users/1"]}`, `{"members@odata.bind":["http://127.0.0.1:9/v1.0/users/2"]}`, "different from the documented value: members@odata.bind.0"},
		{`[{"a":1}]`, `[{"a":1}]`, ""},
		{`[{"a":1}]`, `{"a":1}`, "different from the documented value: (the whole body)"},
		{`"text"`, `anything`, ""}, // not an object: nothing to compare
		{`{"a":1}`, `{"a":1} {}`, "not the JSON the docs show"},
	}
	for _, tt := range tests {
		got := checkBody([]byte(tt.body), tt.documented)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("checkBody(%s, %s) = %q, want %q", tt.body, tt.documented, got, tt.want)
		}
	}
}

// TestExampleHandler: the handler of one documented example answers only
// the request it documents, path and query included.
func TestExampleHandler(t *testing.T) {
	tests := []struct {
		source, name, method, path string
		status                     int
		want                       string
	}{
		{"api/book-get.md", "get_book", "GET", "/v1.0/books/1", 200, `{"id":"1","title":"One"}`},
		{"api/book-get.md", "get_book", "GET", "/v1.0/books/1/", 200, `{"id":"1","title":"One"}`},
		{"api/book-get.md", "get_book", "GET", "/v1.0/books/2", 400, "the request path /books/2 is not the documented /books/1"},
		{"api/book-get.md", "get_book", "GET", "/v1.0/books/1?$select=title", 400, "the request query ?$select=title is not the documented (none)"},
		{"api/book-get.md", "get_book", "DELETE", "/v1.0/books/1", 400, "the request DELETE /books/1 is not the documented GET /books/1"},
		{"api/book-list.md", "list_books", "GET", "/v1.0/books?$TOP=2", 200, `"value":[]`},
		{"api/book-list.md", "list_books", "GET", "/v1.0/books?$top=3", 400, "is not the documented ?$top=2"},
		{"api/book-list.md", "list_books", "GET", "/v1.0/books", 400, "is not the documented ?$top=2"},
		{"api/book-list.md", "list_books", "GET", "/v1.0/books?$skip=1", 200, `{"value":[]}`}, // its documented next page
		{"api/book-find.md", "find_books", "GET", "/v1.0/books?$expand=copies%28$levels%3Dmax%3B$select%3Did%29&$count=true", 200, `"value":[{"id":"1"}]`},
		{"api/book-find.md", "find_books", "GET", "/v1.0/books?$count=true&$expand=copies($levels=max;$select=id)", 200, `"value":[{"id":"1"}]`},
		{"api/book-find.md", "find_books", "GET", "/v1.0/books?$count=true&$expand=copies($levels=max)", 400, "is not the documented"},
		{"api/book-list.md", "other", "GET", "/v1.0/books?$top=2", 501, ""}, // no such example
	}
	for _, tt := range tests {
		srv := httptest.NewServer(ExampleHandler(tt.source, tt.name))
		status, _, body := get(t, tt.method, srv.URL+tt.path, "")
		srv.Close()
		if status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("%s %s %s = %d %q, want %d containing %q", tt.name, tt.method, tt.path, status, body, tt.status, tt.want)
		}
	}
}
