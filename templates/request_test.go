package templates

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorded is what a test server saw of one request.
type recorded struct {
	Method   string
	Path     string // escaped
	RawQuery string
	Header   http.Header
	Body     string
	// ContentLength and TransferEncoding are as the server parsed them.
	ContentLength    int64
	TransferEncoding []string
}

// recorder records the requests a test server receives.
type recorder struct {
	mu   sync.Mutex
	reqs []recorded
}

// record stores r; it reads r's body.
func (rec *recorder) record(r *http.Request) recorded {
	body, _ := io.ReadAll(r.Body)
	got := recorded{
		Method:   r.Method,
		Path:     r.URL.EscapedPath(),
		RawQuery: r.URL.RawQuery,
		Header:   r.Header.Clone(),
		Body:     string(body),

		ContentLength:    r.ContentLength,
		TransferEncoding: r.TransferEncoding,
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.reqs = append(rec.reqs, got)
	return got
}

// requests returns a copy of the recorded requests.
func (rec *recorder) requests() []recorded {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]recorded(nil), rec.reqs...)
}

type user struct {
	ID             string `json:"id"`
	DisplayName    string `json:"displayName,omitempty"`
	AccountEnabled *bool  `json:"accountEnabled,omitempty"`
}

func TestSendBuildsRequest(t *testing.T) {
	var rec recorder
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id":"42","displayName":"Ada"}`)
	})
	body := user{ID: "42", DisplayName: "<Ada & co>", AccountEnabled: Ptr(false)}
	got, err := doJSON[user](context.Background(), c, http.MethodPatch, "/users/"+pathSegment("a/b c"), body, []RequestOption{
		WithSelect("id", "displayName"),
		WithTop(5),
		WithCount(true),
		WithHeader("Prefer", "return=representation"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || got.ID != "42" || got.DisplayName != "Ada" {
		t.Errorf("decoded %+v", got)
	}
	reqs := rec.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Method != http.MethodPatch {
		t.Errorf("method = %s", r.Method)
	}
	if want := "/v1.0/users/a%2Fb%20c"; r.Path != want {
		t.Errorf("path = %s, want %s", r.Path, want)
	}
	if want := "$count=true&$select=id%2CdisplayName&$top=5"; r.RawQuery != want {
		t.Errorf("query = %s, want %s", r.RawQuery, want)
	}
	for k, want := range map[string]string{
		"Accept":           "application/json",
		"Content-Type":     "application/json",
		"ConsistencyLevel": "eventual",
		"Prefer":           "return=representation",
	} {
		if got := r.Header.Get(k); got != want {
			t.Errorf("header %s = %q, want %q", k, got, want)
		}
	}
	if want := `{"id":"42","displayName":"<Ada & co>","accountEnabled":false}` + "\n"; r.Body != want {
		t.Errorf("body = %q, want %q", r.Body, want)
	}
}

func TestSendBodyKinds(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		body     any
		opts     []RequestOption
		wantCT   string
		wantBody string
		wantURL  string
		wantAcc  string
	}{
		{name: "no body", path: "/me", wantURL: "/v1.0/me", wantAcc: "application/json"},
		{
			name: "reader", path: "/me/photo/$value", body: strings.NewReader("\x89PNG"),
			wantCT: "application/octet-stream", wantBody: "\x89PNG", wantURL: "/v1.0/me/photo/$value", wantAcc: "application/json",
		},
		{
			name: "reader with content type", path: "/me/drive/root:/a.txt:/content", body: strings.NewReader("hi"),
			opts:   []RequestOption{WithHeader("Content-Type", "text/plain"), WithHeader("Accept", "*/*")},
			wantCT: "text/plain", wantBody: "hi", wantURL: "/v1.0/me/drive/root:/a.txt:/content", wantAcc: "*/*",
		},
		{
			name: "content body", path: "/me/drive/root:/a.txt:/content", body: contentBody("text/plain; charset=utf-8", strings.NewReader("hi")),
			wantCT: "text/plain; charset=utf-8", wantBody: "hi", wantURL: "/v1.0/me/drive/root:/a.txt:/content", wantAcc: "application/json",
		},
		{
			name: "content body without type", path: "/me/photo/$value", body: contentBody("", bytes.NewReader([]byte{0, 1, 2})),
			wantCT: "application/octet-stream", wantBody: "\x00\x01\x02", wantURL: "/v1.0/me/photo/$value", wantAcc: "application/json",
		},
		{
			name: "content body, header option wins", path: "/me/photo/$value", body: contentBody("image/png", strings.NewReader("x")),
			opts:   []RequestOption{WithHeader("Content-Type", "image/jpeg")},
			wantCT: "image/jpeg", wantBody: "x", wantURL: "/v1.0/me/photo/$value", wantAcc: "application/json",
		},
		{
			name: "nil content body", path: "/me/photo/$value", body: contentBody("image/png", nil),
			wantURL: "/v1.0/me/photo/$value", wantAcc: "application/json",
		},
		{
			name: "path with query", path: "/me/events?x=1", opts: []RequestOption{WithTop(2)},
			wantURL: "/v1.0/me/events?x=1&$top=2", wantAcc: "application/json",
		},
		{
			name: "json map", path: "/me", body: map[string]any{"a": []int{1}},
			wantCT: "application/json", wantBody: `{"a":[1]}` + "\n", wantURL: "/v1.0/me", wantAcc: "application/json",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				rec.record(r)
				w.WriteHeader(http.StatusNoContent)
			})
			if err := doNoContent(context.Background(), c, http.MethodPost, tt.path, tt.body, tt.opts); err != nil {
				t.Fatal(err)
			}
			r := rec.requests()[0]
			u := r.Path
			if r.RawQuery != "" {
				u += "?" + r.RawQuery
			}
			if u != tt.wantURL {
				t.Errorf("URL = %s, want %s", u, tt.wantURL)
			}
			if got := r.Header.Get("Content-Type"); got != tt.wantCT {
				t.Errorf("Content-Type = %q, want %q", got, tt.wantCT)
			}
			if got := r.Header.Get("Accept"); got != tt.wantAcc {
				t.Errorf("Accept = %q, want %q", got, tt.wantAcc)
			}
			if r.Body != tt.wantBody {
				t.Errorf("body = %q, want %q", r.Body, tt.wantBody)
			}
		})
	}
}

func TestSendEncodeError(t *testing.T) {
	var rec recorder
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { rec.record(r) })
	err := doNoContent(context.Background(), c, http.MethodPost, "/me", make(chan int), nil)
	if err == nil {
		t.Fatal("no error for a body JSON cannot encode")
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("%d requests sent, want 0", n)
	}
}

func TestDoJSONEmptyResponses(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
	}{
		{"204", http.StatusNoContent, ""},
		{"202 empty", http.StatusAccepted, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, tt.body)
			})
			got, err := doJSON[user](context.Background(), c, http.MethodPost, "/x", nil, nil)
			if err != nil || got != nil {
				t.Errorf("got (%v, %v), want (nil, nil)", got, err)
			}
		})
	}
}

func TestDoJSONDecodeError(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"id":`)
	})
	if _, err := doJSON[user](context.Background(), c, http.MethodGet, "/x", nil, nil); err == nil {
		t.Error("no error for truncated JSON")
	}
}

func TestSendAPIError(t *testing.T) {
	const envelope = `{"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist","innerError":{"request-id":"inner"}}}`
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("request-id", "1234")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, envelope)
	})
	_, err := doJSON[user](context.Background(), c, http.MethodGet, "/users/x", nil, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v (%T), want *APIError", err, err)
	}
	if apiErr.StatusCode != 404 || apiErr.Code != "Request_ResourceNotFound" ||
		apiErr.Message != "Resource 'x' does not exist" || apiErr.RequestID != "1234" ||
		string(apiErr.InnerError) != `{"request-id":"inner"}` || string(apiErr.Body) != envelope {
		t.Errorf("APIError = %+v", apiErr)
	}
	want := "graph: 404 Not Found: Request_ResourceNotFound: Resource 'x' does not exist (request-id 1234)"
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
}

func TestSendAPIErrorNonJSON(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, "<html>down</html>")
	})
	for name, call := range map[string]func() error{
		"doNoContent": func() error { return doNoContent(context.Background(), c, http.MethodDelete, "/x", nil, nil) },
		"doStream": func() error {
			_, err := doStream(context.Background(), c, http.MethodGet, "/x", nil, nil)
			return err
		},
	} {
		err := call()
		var apiErr *APIError
		if !errors.As(err, &apiErr) {
			t.Fatalf("%s: err = %v, want *APIError", name, err)
		}
		if apiErr.StatusCode != 503 || apiErr.Code != "" || apiErr.Message != "Service Unavailable" ||
			string(apiErr.Body) != "<html>down</html>" {
			t.Errorf("%s: APIError = %+v", name, apiErr)
		}
	}
}

func TestSendContextCanceled(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := doNoContent(ctx, c, http.MethodGet, "/x", nil, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestDoStream(t *testing.T) {
	payload := "\x00\x01binary\xff"
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.EscapedPath() != "/v1.0/me/photo/$value" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/jpeg")
		_, _ = io.WriteString(w, payload)
	})
	rc, err := doStream(context.Background(), c, http.MethodGet, "/me/photo/$value", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	if err := rc.Close(); err != nil {
		t.Fatal(err)
	}
	if string(got) != payload {
		t.Errorf("stream = %q, want %q", got, payload)
	}
}

// TestPathLiterals: typed function arguments are written as the bare
// OData literal of their type, nothing in them left unescaped.
func TestPathLiterals(t *testing.T) {
	tests := []struct{ name, got, want string }{
		{"bool true", pathBool(true), "true"},
		{"bool false", pathBool(false), "false"},
		{"int", pathInt(640), "640"},
		{"int negative", pathInt(-9223372036854775808), "-9223372036854775808"},
		{"float", pathFloat(0.5, 64), "0.5"},
		{"float32 shortest", pathFloat(float64(float32(0.1)), 32), "0.1"},
		{"float exponent", pathFloat(1e21, 64), "1e+21"},
		{"float NaN", pathFloat(math.NaN(), 64), "NaN"},
		{"float INF", pathFloat(math.Inf(1), 64), "INF"},
		{"float -INF", pathFloat(math.Inf(-1), 32), "-INF"},
		{"datetime utc", pathDateTime(time.Date(2024, 1, 31, 8, 0, 0, 0, time.UTC)), "2024-01-31T08:00:00Z"},
		{"datetime offset", pathDateTime(time.Date(2024, 1, 31, 8, 0, 0, 250_000_000, time.FixedZone("", -5*3600))), "2024-01-31T08:00:00.25-05:00"},
		{"date", pathDate(Date{Year: 2024, Month: time.February, Day: 9}), "2024-02-09"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestPathEscaping(t *testing.T) {
	tests := []struct {
		fn             func(string) string
		name, in, want string
	}{
		{pathSegment, "segment plain", "abc-123", "abc-123"},
		{pathSegment, "segment slash", "a/b?c#d", "a%2Fb%3Fc%23d"},
		{pathSegment, "segment upn", "ada@contoso.com", "ada@contoso.com"},
		{pathLiteral, "literal plain", "D7", "D7"},
		{pathLiteral, "literal quote", "O'Brien", "O%27%27Brien"},
		{pathLiteral, "literal space slash", "a b/c", "a%20b%2Fc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.fn(tt.in)
			if got != tt.want {
				t.Errorf("%s(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
			}
		})
	}

	// The escaped literal reaches the server unchanged.
	var rec recorder
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		w.WriteHeader(http.StatusNoContent)
	})
	path := "/drive/root/search(q='" + pathLiteral("it's 50%") + "')"
	if err := doNoContent(context.Background(), c, http.MethodGet, path, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := rec.requests()[0].Path, "/v1.0/drive/root/search(q='it%27%27s%2050%25')"; got != want {
		t.Errorf("escaped path = %s, want %s", got, want)
	}
}

func TestDoValue(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch strings.TrimPrefix(r.URL.Path, "/v1.0") {
		case "/v/bool":
			_, _ = io.WriteString(w, `{"@odata.context":"x","value":true}`)
		case "/v/list":
			_, _ = io.WriteString(w, `{"value":["a","b"]}`)
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	})
	b, err := doValue[bool](context.Background(), c, "GET", "/v/bool", nil, nil)
	if err != nil || b == nil || !*b {
		t.Fatalf("doValue[bool] = %v, %v; want true", b, err)
	}
	l, err := doValue[[]string](context.Background(), c, "GET", "/v/list", nil, nil)
	if err != nil || l == nil || strings.Join(*l, ",") != "a,b" {
		t.Fatalf("doValue[[]string] = %v, %v", l, err)
	}
	n, err := doValue[int32](context.Background(), c, "GET", "/v/none", nil, nil)
	if err != nil || n != nil {
		t.Fatalf("doValue on 204 = %v, %v; want nil, nil", n, err)
	}
}

func TestPathParametersRejectedBeforeSending(t *testing.T) {
	var rec recorder
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		_, _ = io.WriteString(w, `{"value":[]}`)
	})
	ctx := context.Background()
	calls := map[string]func(path string, body any) error{
		"doJSON": func(path string, body any) error {
			_, err := doJSON[user](ctx, c, http.MethodPatch, path, body, nil)
			return err
		},
		"doValue": func(path string, body any) error {
			_, err := doValue[bool](ctx, c, http.MethodPost, path, body, nil)
			return err
		},
		"doNoContent": func(path string, body any) error { return doNoContent(ctx, c, http.MethodDelete, path, body, nil) },
		"doStream": func(path string, body any) error {
			rc, err := doStream(ctx, c, http.MethodGet, path, body, nil)
			if rc != nil {
				_ = rc.Close()
			}
			return err
		},
		"doCollection": func(path string, body any) error {
			var errs []error
			for _, err := range doCollection[user](ctx, c, http.MethodGet, path, body, nil) {
				errs = append(errs, err)
			}
			return errors.Join(errs...)
		},
	}
	for _, id := range []string{"", ".", ".."} {
		for _, path := range []string{
			"/users/" + pathSegment(id) + "/messages",
			"/users/u/messages/" + pathSegment(id),
			"/users/u/messages/" + pathSegment(id) + "?$top=1",
			"/" + pathSegment(id),
		} {
			for name, call := range calls {
				body := &closeRecorder{Reader: strings.NewReader("x")}
				err := call(path, body)
				if err == nil || !strings.Contains(err.Error(), "path parameter") || !strings.Contains(err.Error(), path) {
					t.Errorf("%s(%q): err = %v, want the path error", name, path, err)
				}
				if !body.closed {
					t.Errorf("%s(%q): the body was not closed", name, path)
				}
			}
		}
	}
	// Escaped dots are dots to a server too.
	for _, path := range []string{"/users/%2e%2E/messages", "/users/%2E", "//me"} {
		if err := doNoContent(ctx, c, http.MethodDelete, path, nil, nil); err == nil {
			t.Errorf("doNoContent(%q) sent the request", path)
		}
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("%d requests reached the server, want none", n)
	}

	// Parameters that are merely odd are sent, escaped.
	for _, path := range []string{
		"/users/" + pathSegment("...") + "/messages",
		"/users/" + pathSegment(" ") + "/messages",
		"/users/" + pathSegment("a/../b"),
		"/users/" + pathSegment("%2e%2e"),
		"/me/drive/root:/" + pathSegment("a.txt") + ":/content",
		"/drive/root/search(q='" + pathLiteral("..") + "')",
		"/users?$filter=a//b/../c",
	} {
		if err := doNoContent(ctx, c, http.MethodDelete, path, nil, nil); err != nil {
			t.Errorf("doNoContent(%q) = %v", path, err)
		}
	}
	if n := len(rec.requests()); n != 7 {
		t.Errorf("%d requests, want 7", n)
	}
}
