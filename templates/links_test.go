package templates

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
)

// secretToken is what authTransport adds to every request, as an oauth2
// transport adds the caller's bearer token.
const secretToken = "Bearer secret-token"

// authTransport adds secretToken to every request it sends, whatever the
// host, and records the host of each request it is asked to send.
type authTransport struct {
	base http.RoundTripper

	mu    sync.Mutex
	hosts []string
}

func (a *authTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	a.mu.Lock()
	a.hosts = append(a.hosts, r.URL.Host)
	a.mu.Unlock()
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", secretToken)
	return a.base.RoundTrip(r)
}

// sentTo returns the hosts the transport was asked to send requests to.
func (a *authTransport) sentTo() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.hosts)
}

// twoHosts starts the server "base", which the returned Client's base URL
// points at (srv.URL + "/v1.0"), running h, and a second server "other" on
// another port, which records what it receives in other and answers every
// request with a one-item last page. The Client sends through an
// authTransport, also returned.
func twoHosts(t *testing.T, h http.HandlerFunc, other *recorder, opts ...Option) (c *Client, baseURL, otherURL string, at *authTransport) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	otherSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		other.record(r)
		_, _ = io.WriteString(w, `{"value":[{"id":"other"}]}`)
	}))
	t.Cleanup(otherSrv.Close)
	at = &authTransport{base: srv.Client().Transport}
	c = NewClient(append([]Option{WithBaseURL(srv.URL + "/v1.0"), WithHTTPClient(&http.Client{Transport: at})}, opts...)...)
	c.sleep = noWait
	return c, srv.URL, otherSrv.URL, at
}

// iterate runs seq to the end and returns the IDs it yielded and the
// errors. It stops after 100 yields, with an error, so that a link loop
// cannot hang a test.
func iterate(seq func(func(user, error) bool)) (ids []string, errs []error) {
	for u, err := range seq {
		if len(ids)+len(errs) == 100 {
			errs = append(errs, errors.New("iteration did not end after 100 yields"))
			break
		}
		if err != nil {
			errs = append(errs, err)
			continue // the iterator must stop by itself
		}
		ids = append(ids, u.ID)
	}
	return ids, errs
}

// wantLinkError checks that errs is exactly one *LinkError of kind for
// url, and returns it.
func wantLinkError(t *testing.T, errs []error, kind, url string) *LinkError {
	t.Helper()
	if len(errs) != 1 {
		t.Fatalf("errors = %v, want one *LinkError", errs)
	}
	var le *LinkError
	if !errors.As(errs[0], &le) {
		t.Fatalf("err = %v (%T), want a *LinkError", errs[0], errs[0])
	}
	if le.Kind != kind || le.URL != url || le.Reason == "" {
		t.Errorf("LinkError = %+v, want kind %q, URL %q and a reason", le, kind, url)
	}
	return le
}

func TestNextLinkRefused(t *testing.T) {
	tests := []struct {
		name string
		// link builds the nextLink from the base and other servers' URLs.
		link func(base, other string) string
		// want is the URL the LinkError names; "" for the link itself.
		want string
	}{
		{name: "other port", link: func(_, other string) string { return other + "/v1.0/users?page=2" }},
		{name: "localhost for 127.0.0.1", link: func(base, _ string) string {
			return strings.Replace(base, "127.0.0.1", "localhost", 1) + "/v1.0/users?page=2"
		}},
		{name: "https for http", link: func(base, _ string) string {
			return strings.Replace(base, "http:", "https:", 1) + "/v1.0/users?page=2"
		}},
		{name: "userinfo", link: func(base, _ string) string {
			return strings.Replace(base, "http://", "http://ada:pw@", 1) + "/v1.0/users?page=2"
		}},
		{name: "userinfo hiding the host", link: func(base, other string) string {
			return "http://" + strings.TrimPrefix(base, "http://") + "@" + strings.TrimPrefix(other, "http://") + "/v1.0/users"
		}},
		{name: "metadata endpoint", link: func(string, string) string {
			return "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
		}},
		{name: "other scheme", link: func(string, string) string { return "file:///etc/passwd" }},
		{name: "scheme-relative to other host", link: func(_, other string) string {
			return strings.TrimPrefix(other, "http:") + "/v1.0/users?page=2"
		}, want: "other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec, other recorder
			var link string
			c, base, otherURL, at := twoHosts(t, func(w http.ResponseWriter, r *http.Request) {
				rec.record(r)
				_, _ = fmt.Fprintf(w, `{"value":[{"id":"1"}],"@odata.nextLink":%q}`, link)
			}, &other)
			link = tt.link(base, otherURL)
			want := link
			if tt.want == "other" {
				want = "http:" + link
			}
			ids, errs := iterate(doCollection[user](context.Background(), c, http.MethodGet, "/users", nil,
				[]RequestOption{WithHeader("X-Custom", "secret header")}))
			if fmt.Sprint(ids) != "[1]" {
				t.Errorf("ids = %v, want the first page's", ids)
			}
			le := wantLinkError(t, errs, linkNext, want)
			if strings.Contains(le.Error(), "page=2") {
				t.Errorf("Error() = %q shows the link's query", le.Error())
			}
			if n := len(rec.requests()); n != 1 {
				t.Errorf("base server saw %d requests, want 1", n)
			}
			if n := len(other.requests()); n != 0 {
				t.Errorf("other server saw %d requests, want none", n)
			}
			if hosts := at.sentTo(); len(hosts) != 1 || hosts[0] != strings.TrimPrefix(base, "http://") {
				t.Errorf("transport sent to %v, want the base host only", hosts)
			}
		})
	}
}

func TestAllowedHostNextLinkWithoutHeaderOptions(t *testing.T) {
	var rec, other recorder
	var otherURL string
	var forms []string
	c, base, o, at := twoHosts(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		_, _ = fmt.Fprintf(w, `{"value":[{"id":"1"}],"@odata.nextLink":%q}`, otherURL+"/v1.0/users?page=2")
	}, &other)
	otherURL = o
	// The Client above allows nothing; build one per accepted form.
	hostPort := strings.TrimPrefix(otherURL, "http://")
	forms = []string{otherURL, otherURL + "/", strings.ToUpper(otherURL)}
	for _, form := range forms {
		t.Run(form, func(t *testing.T) {
			before := len(other.requests())
			ac := NewClient(WithBaseURL(base+"/v1.0"), WithHTTPClient(&http.Client{Transport: at}), WithAllowedHosts("bogus/path", form))
			ids, errs := iterate(doCollection[user](context.Background(), ac, http.MethodGet, "/users", nil,
				[]RequestOption{WithHeader("X-Custom", "secret header"), WithCount(true), WithHeader("Accept", "text/plain")}))
			if len(errs) != 0 || fmt.Sprint(ids) != "[1 other]" {
				t.Fatalf("ids %v, errors %v; want both pages", ids, errs)
			}
			reqs := other.requests()[before:]
			if len(reqs) != 1 {
				t.Fatalf("other server saw %d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.RawQuery != "page=2" {
				t.Errorf("other server: query %q", r.RawQuery)
			}
			for _, k := range []string{"X-Custom", "Consistencylevel", "Referer"} {
				if v := r.Header.Get(k); v != "" {
					t.Errorf("other host received header option %s: %q", k, v)
				}
			}
			if got := r.Header.Get("Accept"); got != "application/json" {
				t.Errorf("other host: Accept = %q, want the client's default", got)
			}
			// The base host gets the header options.
			first := rec.requests()[len(rec.requests())-1]
			if first.Header.Get("X-Custom") != "secret header" || first.Header.Get("ConsistencyLevel") != "eventual" || first.Header.Get("Accept") != "text/plain" {
				t.Errorf("base host: header %v, want the header options", first.Header)
			}
		})
	}
	// Without the option, the same link is refused.
	_, errs := iterate(doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, nil))
	wantLinkError(t, errs, linkNext, otherURL+"/v1.0/users?page=2")
	// A host:port form allows https only, so this http server stays refused.
	hc := NewClient(WithBaseURL(base+"/v1.0"), WithHTTPClient(&http.Client{Transport: at}), WithAllowedHosts(hostPort))
	_, errs = iterate(doCollection[user](context.Background(), hc, http.MethodGet, "/users", nil, nil))
	wantLinkError(t, errs, linkNext, otherURL+"/v1.0/users?page=2")
}

func TestParseAllowedHost(t *testing.T) {
	tests := []struct {
		in, want string // want "" for no origin
	}{
		{"graph.microsoft.us", "https://graph.microsoft.us:443"},
		{"GRAPH.Microsoft.US", "https://graph.microsoft.us:443"},
		{"graph.microsoft.us:8443", "https://graph.microsoft.us:8443"},
		{"https://graph.microsoft.us", "https://graph.microsoft.us:443"},
		{"https://graph.microsoft.us/", "https://graph.microsoft.us:443"},
		{"HTTPS://graph.microsoft.us:443", "https://graph.microsoft.us:443"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"http://localhost", "http://localhost:80"},
		{"[::1]:8443", "https://[::1]:8443"},
		{"http://[::1]", "http://[::1]:80"},
		{"", ""},
		{"*.microsoft.com", ""},
		{"https://graph.microsoft.us/v1.0", ""},
		{"https://graph.microsoft.us?x=1", ""},
		{"https://graph.microsoft.us?", ""},
		{"https://graph.microsoft.us#f", ""},
		{"https://user@graph.microsoft.us", ""},
		{"ftp://graph.microsoft.us", ""},
		{"graph.microsoft.us:port", ""},
		{"https://", ""},
	}
	for _, tt := range tests {
		got, ok := parseAllowedHost(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("parseAllowedHost(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestLinkRefusal(t *testing.T) {
	c := NewClient(WithBaseURL("https://Graph.Microsoft.com/v1.0"), WithAllowedHosts("graph.microsoft.us"), WithAllowedHosts("http://127.0.0.1:8080"))
	for link, allowed := range map[string]bool{
		"https://graph.microsoft.com/v1.0/users?$skiptoken=x": true,
		"HTTPS://GRAPH.MICROSOFT.COM/beta/users":              true,
		"https://graph.microsoft.com:443/v1.0/users":          true,
		"https://graph.microsoft.us/v1.0/users":               true,
		"http://127.0.0.1:8080/x":                             true,
		"http://graph.microsoft.com/v1.0/users":               false,
		"https://graph.microsoft.com:8443/v1.0/users":         false,
		"https://graph.microsoft.com.evil.example/v1.0":       false,
		"https://www.graph.microsoft.com/v1.0":                false,
		"https://a:b@graph.microsoft.com/v1.0":                false,
		"https://graph.microsoft.com@evil.example/v1.0":       false,
		"http://127.0.0.1:8081/x":                             false,
		"https://127.0.0.1:8080/x":                            false,
		"/v1.0/users":                                         false,
		"mailto:ada@graph.microsoft.com":                      false,
	} {
		u, err := url.Parse(link)
		if err != nil {
			t.Fatal(err)
		}
		if reason := c.linkRefusal(u); (reason == "") != allowed {
			t.Errorf("linkRefusal(%s) = %q, want allowed = %v", link, reason, allowed)
		}
	}
	// A base URL that is not an http or https URL, or has userinfo,
	// allows no link.
	u, _ := url.Parse("https://graph.microsoft.com/v1.0/users")
	for _, base := range []string{"graph.microsoft.com/v1.0", "https://a:b@graph.microsoft.com/v1.0"} {
		if bad := NewClient(WithBaseURL(base)); bad.linkRefusal(u) == "" {
			t.Errorf("a client with base URL %s followed a link", base)
		}
	}
}

func TestRelativeLinksResolveAgainstTheirRequest(t *testing.T) {
	var rec recorder
	var base string
	c, srv := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		switch r.URL.Path + "?" + r.URL.RawQuery {
		case "/v1.0/users?":
			// Redirected: the page's links are relative to /v1.0/moved/users.
			http.Redirect(w, r, "/v1.0/moved/users", http.StatusTemporaryRedirect)
		case "/v1.0/moved/users?":
			_, _ = io.WriteString(w, `{"value":[{"id":"1"}],"@odata.nextLink":"users?page=2"}`)
		case "/v1.0/moved/users?page=2":
			_, _ = io.WriteString(w, `{"value":[{"id":"2"}],"@odata.nextLink":"/v1.0/users/delta?page=3"}`)
		case "/v1.0/users/delta?page=3":
			_, _ = io.WriteString(w, `{"value":[{"id":"3"}],"@odata.deltaLink":"?$deltatoken=t"}`)
		default:
			http.NotFound(w, r)
		}
	})
	base = srv.URL
	var link string
	ids, errs := iterate(doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, []RequestOption{WithDeltaLink(&link)}))
	if len(errs) != 0 || fmt.Sprint(ids) != "[1 2 3]" {
		t.Fatalf("ids %v, errors %v", ids, errs)
	}
	if want := base + "/v1.0/users/delta?$deltatoken=t"; link != want {
		t.Errorf("delta link = %q, want %q", link, want)
	}
	var got []string
	for _, r := range rec.requests() {
		got = append(got, r.Path+"?"+r.RawQuery)
	}
	want := []string{"/v1.0/users?", "/v1.0/moved/users?", "/v1.0/moved/users?page=2", "/v1.0/users/delta?page=3"}
	if !slices.Equal(got, want) {
		t.Errorf("requests = %v, want %v", got, want)
	}
}

func TestNextLinkCycles(t *testing.T) {
	tests := []struct {
		name string
		// next gives the page that page n links to, 0 for none.
		next     map[int]int
		requests int
		cycleTo  int
	}{
		{"back to the first page", map[int]int{1: 2, 2: 3, 3: 1}, 3, 1},
		{"back to the second page", map[int]int{1: 2, 2: 3, 3: 4, 4: 2}, 4, 2},
		{"to itself", map[int]int{1: 2, 2: 2}, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			var base string
			c := pagedServer(t, &rec, func(b string, page int) string {
				base = b
				n := tt.next[page]
				if n == 0 {
					return ""
				}
				if n == 1 {
					return b
				}
				return fmt.Sprintf("%s?page=%d", b, n)
			}, nil)
			ids, errs := iterate(doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, nil))
			if len(ids) != 2*tt.requests {
				t.Errorf("%d items, want %d", len(ids), 2*tt.requests)
			}
			want := base
			if tt.cycleTo != 1 {
				want = fmt.Sprintf("%s?page=%d", base, tt.cycleTo)
			}
			wantLinkError(t, errs, linkNext, want)
			if n := len(rec.requests()); n != tt.requests {
				t.Errorf("%d requests, want %d", n, tt.requests)
			}
		})
	}
}

func TestResumeAndDeltaLinksChecked(t *testing.T) {
	var rec, other recorder
	var otherURL string
	c, _, o, _ := twoHosts(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		_, _ = fmt.Fprintf(w, `{"value":[{"id":"1"}],"@odata.deltaLink":%q}`, otherURL+"/v1.0/users/delta?$deltatoken=x")
	}, &other)
	otherURL = o

	// A resume link to another host is refused before anything is sent.
	_, errs := iterate(doCollection[user](context.Background(), c, http.MethodGet, "/users/delta", nil,
		[]RequestOption{WithResumeFrom(otherURL + "/v1.0/users/delta?$deltatoken=A")}))
	wantLinkError(t, errs, linkResume, otherURL+"/v1.0/users/delta?$deltatoken=A")
	_, errs = iterate(doCollection[user](context.Background(), c, http.MethodGet, "/users/delta", nil,
		[]RequestOption{WithResumeFrom("/v1.0/users/delta?$deltatoken=A")}))
	wantLinkError(t, errs, linkResume, "/v1.0/users/delta?$deltatoken=A")
	if n := len(rec.requests()) + len(other.requests()); n != 0 {
		t.Errorf("%d requests sent for refused resume links", n)
	}

	// A delta link to another host is not stored.
	link := "previous"
	ids, errs := iterate(doCollection[user](context.Background(), c, http.MethodGet, "/users/delta", nil,
		[]RequestOption{WithDeltaLink(&link)}))
	if fmt.Sprint(ids) != "[1]" {
		t.Errorf("ids = %v", ids)
	}
	wantLinkError(t, errs, linkDelta, otherURL+"/v1.0/users/delta?$deltatoken=x")
	if link != "previous" {
		t.Errorf("delta link = %q, want it unchanged", link)
	}
	// Without WithDeltaLink the delta link is not followed, so no error.
	if _, errs := iterate(doCollection[user](context.Background(), c, http.MethodGet, "/users/delta", nil, nil)); len(errs) != 0 {
		t.Errorf("errors %v for a delta link nobody asked for", errs)
	}
	if n := len(other.requests()); n != 0 {
		t.Errorf("other server saw %d requests", n)
	}
}

// TestDownloadRedirectFollowedWithoutCredentials: a download (doStream,
// GET) redirected to another host is fetched there with the download
// client, which carries neither the transport's token nor header options;
// the base host alone sees the token.
func TestDownloadRedirectFollowedWithoutCredentials(t *testing.T) {
	var rec, other recorder
	var otherURL string
	c, _, o, at := twoHosts(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		http.Redirect(w, r, otherURL+"/download/cover.jpg?tempauth=pre-authenticated", http.StatusFound)
	}, &other)
	otherURL = o

	var info ResponseInfo
	rc, err := doStream(context.Background(), c, http.MethodGet, "/books/1/cover/$value", nil,
		[]RequestOption{WithHeader("X-Custom", "secret header"), WithResponseInfo(&info)})
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(rc)
	_ = rc.Close()
	if err != nil || string(data) != `{"value":[{"id":"other"}]}` {
		t.Errorf("content %q, %v; want the other host's body", data, err)
	}
	if info.StatusCode != http.StatusOK {
		t.Errorf("info = %+v, want the download's 200", info)
	}
	got := other.requests()
	if len(got) != 1 || got[0].RawQuery != "tempauth=pre-authenticated" {
		t.Fatalf("other host saw %+v, want one request with the pre-authenticated query", got)
	}
	if h := got[0].Header; h.Get("Authorization") != "" || h.Get("X-Custom") != "" || h.Get("Referer") != "" {
		t.Errorf("the download carried %v", h)
	}
	if hosts := at.sentTo(); len(hosts) != 1 {
		t.Errorf("the authenticating transport sent to %v, want the base host only", hosts)
	}
	if r := rec.requests(); len(r) != 1 || r[0].Header.Get("Authorization") == "" || r[0].Header.Get("X-Custom") == "" {
		t.Errorf("base host saw %+v, want one request with the token and the header option", r)
	}

	// WithDownloadClient replaces the client of the download.
	var used bool
	dc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		used = true
		return http.DefaultTransport.RoundTrip(r)
	})}
	c.downloadClient = dc
	rc, err = doStream(context.Background(), c, http.MethodGet, "/books/1/cover/$value", nil, nil)
	if err != nil || !used {
		t.Fatalf("err = %v, download client used: %v", err, used)
	}
	_ = rc.Close()
}

// TestDownloadRedirectRefused: a download redirected to a URL with
// userinfo, another scheme, or from https to http is refused with a
// *LinkError and nothing is sent there; a non-2xx answer of the download
// host is an *APIError.
func TestDownloadRedirectRefused(t *testing.T) {
	var other recorder
	var location string
	c, _, o, _ := twoHosts(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, location, http.StatusFound)
	}, &other)
	host := strings.TrimPrefix(o, "http://")
	for _, loc := range []string{"http://user:pw@" + host + "/f", "ftp://" + host + "/f"} {
		location = loc
		rc, err := doStream(context.Background(), c, http.MethodGet, "/books/1/cover/$value", nil, nil)
		if rc != nil {
			t.Errorf("%s: a stream was returned with the error", loc)
		}
		var le *LinkError
		if !errors.As(err, &le) || le.Kind != linkRedirect || le.StatusCode != http.StatusFound {
			t.Errorf("%s: err = %v, want a redirect *LinkError", loc, err)
		}
	}
	if n := len(other.requests()); n != 0 {
		t.Errorf("other host saw %d requests", n)
	}
	// https base, http download: refused.
	https := &Client{origin: "https://graph.example:443"}
	if u, _ := url.Parse(o + "/f"); https.downloadable(u) {
		t.Errorf("%s is downloadable from an https base URL", u)
	}
	if u, _ := url.Parse("https://files.example/f?x"); !https.downloadable(u) {
		t.Errorf("%s is not downloadable from an https base URL", u)
	}

	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "expired", http.StatusForbidden)
	}))
	defer failing.Close()
	location = failing.URL + "/f"
	_, err := doStream(context.Background(), c, http.MethodGet, "/books/1/cover/$value", nil, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusForbidden {
		t.Errorf("err = %v, want the download's 403 as *APIError", err)
	}
}

func TestRedirectToOtherHostRefused(t *testing.T) {
	var other recorder
	var otherURL string
	c, _, o, _ := twoHosts(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+"/download/cover.jpg?tempauth=pre-authenticated", http.StatusFound)
	}, &other)
	otherURL = o
	download := otherURL + "/download/cover.jpg?tempauth=pre-authenticated"

	// A download with another method is not followed.
	var info ResponseInfo
	rc, err := doStream(context.Background(), c, http.MethodPost, "/books/1/cover/$value", nil,
		[]RequestOption{WithResponseInfo(&info)})
	if rc != nil {
		t.Error("a stream was returned with the error")
	}
	le := wantLinkError(t, []error{err}, linkRedirect, download)
	if le.StatusCode != http.StatusFound {
		t.Errorf("StatusCode = %d, want 302", le.StatusCode)
	}
	if strings.Contains(err.Error(), "tempauth") {
		t.Errorf("Error() = %q shows the pre-authenticated query", err)
	}
	if info.StatusCode != http.StatusFound || info.Location != download {
		t.Errorf("info = %+v, want the 302 and its Location", info)
	}
	if n := len(other.requests()); n != 0 {
		t.Fatalf("other server saw %d requests, want none", n)
	}

	// The same policy holds for every kind of call, and for a redirect to
	// a refused host after a redirect on the base host.
	for name, call := range map[string]func() error{
		"doJSON": func() error {
			_, err := doJSON[user](context.Background(), c, http.MethodGet, "/x", nil, nil)
			return err
		},
		"doNoContent": func() error {
			return doNoContent(context.Background(), c, http.MethodPost, "/x", map[string]int{"a": 1}, nil)
		},
		"doCollection": func() error {
			_, errs := iterate(doCollection[user](context.Background(), c, http.MethodGet, "/x", nil, nil))
			return errors.Join(errs...)
		},
	} {
		var le *LinkError
		if err := call(); !errors.As(err, &le) || le.Kind != linkRedirect {
			t.Errorf("%s: err = %v, want a redirect *LinkError", name, err)
		}
	}
	if n := len(other.requests()); n != 0 {
		t.Errorf("other server saw %d requests in all, want none", n)
	}
}

func TestRedirectHopsChecked(t *testing.T) {
	var other recorder
	var otherURL string
	c, _, o, _ := twoHosts(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1.0/first" {
			http.Redirect(w, r, "/v1.0/second", http.StatusMovedPermanently)
			return
		}
		http.Redirect(w, r, otherURL+"/third", http.StatusTemporaryRedirect)
	}, &other)
	otherURL = o
	err := doNoContent(context.Background(), c, http.MethodGet, "/first", nil, nil)
	le := wantLinkError(t, []error{err}, linkRedirect, otherURL+"/third")
	if le.StatusCode != http.StatusTemporaryRedirect {
		t.Errorf("StatusCode = %d, want 307", le.StatusCode)
	}
	if n := len(other.requests()); n != 0 {
		t.Errorf("other server saw %d requests", n)
	}
}

func TestRedirectToAllowedHostWithoutHeaderOptions(t *testing.T) {
	var rec, other recorder
	var otherURL string
	handler := func(w http.ResponseWriter, r *http.Request) {
		got := rec.record(r)
		switch got.Path {
		case "/v1.0/old":
			http.Redirect(w, r, "/v1.0/new", http.StatusTemporaryRedirect)
		case "/v1.0/new":
			http.Redirect(w, r, otherURL+"/upload", http.StatusTemporaryRedirect)
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(handler))
	t.Cleanup(srv.Close)
	otherSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		other.record(r)
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(otherSrv.Close)
	otherURL = otherSrv.URL
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithHTTPClient(srv.Client()), WithAllowedHosts(otherURL))

	err := doNoContent(context.Background(), c, http.MethodPut, "/old", strings.NewReader("data"), []RequestOption{
		WithHeader("X-Custom", "secret header"), WithHeader("Content-Type", "image/jpeg"), WithCount(true),
		WithHeader("Accept", "text/plain"),
	})
	if err != nil {
		t.Fatal(err)
	}
	reqs := rec.requests()
	if len(reqs) != 2 {
		t.Fatalf("base server saw %d requests, want 2", len(reqs))
	}
	for i, r := range reqs {
		if r.Header.Get("X-Custom") != "secret header" || r.Header.Get("ConsistencyLevel") != "eventual" ||
			r.Header.Get("Accept") != "text/plain" || r.Body != "data" {
			t.Errorf("base request %d: header %v body %q, want the header options and the body", i+1, r.Header, r.Body)
		}
	}
	got := other.requests()
	if len(got) != 1 {
		t.Fatalf("other server saw %d requests, want 1", len(got))
	}
	r := got[0]
	if r.Method != http.MethodPut || r.Body != "data" || r.Header.Get("Content-Type") != "image/jpeg" {
		t.Errorf("other request = %s %q Content-Type %q, want the PUT with its body and type", r.Method, r.Body, r.Header.Get("Content-Type"))
	}
	for _, k := range []string{"X-Custom", "ConsistencyLevel", "Referer"} {
		if v := r.Header.Get(k); v != "" {
			t.Errorf("other host received %s: %q", k, v)
		}
	}
	if got := r.Header.Get("Accept"); got != "application/json" {
		t.Errorf("other host: Accept = %q, want the client's default", got)
	}
}

func TestRedirectDefersToCallerCheckRedirect(t *testing.T) {
	var rec recorder
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := rec.record(r)
		n := 0
		_, _ = fmt.Sscan(strings.TrimPrefix(got.Path, "/v1.0/r"), &n)
		if n >= 50 { // so that a client without a limit cannot loop for ever
			w.WriteHeader(http.StatusNoContent)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/v1.0/r%d", n+1), http.StatusFound)
	}))
	t.Cleanup(srv.Close)

	// With a CheckRedirect of the caller's: it is called for each hop the
	// policy allows, and its error ends the call as net/http reports it.
	var (
		mu    sync.Mutex
		calls int
	)
	stop := errors.New("caller stops here")
	check := func(req *http.Request, via []*http.Request) error {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if len(via) == 3 {
			return stop
		}
		return nil
	}
	hc := &http.Client{Transport: srv.Client().Transport, CheckRedirect: check}
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithHTTPClient(hc))
	err := doNoContent(context.Background(), c, http.MethodGet, "/r0", nil, nil)
	if !errors.Is(err, stop) {
		t.Errorf("err = %v, want the caller's CheckRedirect error", err)
	}
	if calls != 3 || len(rec.requests()) != 3 {
		t.Errorf("CheckRedirect called %d times for %d requests, want 3 and 3", calls, len(rec.requests()))
	}
	if c.httpClient != hc || hc.CheckRedirect == nil {
		t.Fatal("the caller's http.Client was replaced or its CheckRedirect dropped")
	}
	calls = 0
	_ = hc.CheckRedirect(nil, nil)
	if calls != 1 {
		t.Error("the caller's http.Client has another CheckRedirect now")
	}

	// Without one: net/http's limit, as a plain http.Client applies it.
	plain := &http.Client{Transport: srv.Client().Transport}
	before := len(rec.requests())
	_, plainErr := plain.Get(srv.URL + "/v1.0/r0")
	plainRequests := len(rec.requests()) - before
	c = NewClient(WithBaseURL(srv.URL+"/v1.0"), WithHTTPClient(plain))
	before = len(rec.requests())
	err = doNoContent(context.Background(), c, http.MethodGet, "/r0", nil, nil)
	if n := len(rec.requests()) - before; n != plainRequests || plainRequests != maxRedirects {
		t.Errorf("client sent %d requests, plain net/http %d; want %d both", n, plainRequests, maxRedirects)
	}
	if err == nil || plainErr == nil || err.Error() != plainErr.Error() {
		t.Errorf("err = %v, want net/http's %v", err, plainErr)
	}
	if plain.CheckRedirect != nil {
		t.Error("the caller's http.Client gained a CheckRedirect")
	}
}

func TestLinkErrorError(t *testing.T) {
	for _, tt := range []struct {
		err  LinkError
		want string
	}{
		{LinkError{Kind: linkNext, URL: "https://x.example/v1.0/users?$skiptoken=abc", Reason: "r"},
			"graph: refusing to follow @odata.nextLink to https://x.example/v1.0/users?…: r"},
		{LinkError{Kind: linkRedirect, URL: "https://x.example/f", StatusCode: 302, Reason: "r"},
			"graph: refusing to follow redirect (302) to https://x.example/f: r"},
		{LinkError{Kind: linkResume, URL: "::bad", Reason: "r"}, "graph: refusing to follow resume link to ::bad: r"},
		{LinkError{Kind: linkDelta, URL: "https://x.example/d?", Reason: "r"}, "graph: refusing to follow @odata.deltaLink to https://x.example/d: r"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestNextLinkCycleThroughRedirect(t *testing.T) {
	var rec recorder
	c, srv := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		switch r.URL.RequestURI() {
		case "/v1.0/users":
			http.Redirect(w, r, "/v1.0/moved", http.StatusTemporaryRedirect)
		case "/v1.0/moved":
			_, _ = io.WriteString(w, `{"value":[{"id":"1"}],"@odata.nextLink":"/v1.0/users?page=2"}`)
		default:
			// Back to the page the first request was redirected to.
			_, _ = io.WriteString(w, `{"value":[{"id":"2"}],"@odata.nextLink":"/v1.0/moved"}`)
		}
	})
	ids, errs := iterate(doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, nil))
	if fmt.Sprint(ids) != "[1 2]" {
		t.Errorf("ids = %v", ids)
	}
	wantLinkError(t, errs, linkNext, srv.URL+"/v1.0/moved")
	if n := len(rec.requests()); n != 3 {
		t.Errorf("%d requests, want 3 (the redirect, its target, page 2)", n)
	}
}

func TestContentTypeOptionOnlyWithABody(t *testing.T) {
	var rec, other recorder
	var otherURL string
	_, base, o, at := twoHosts(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		_, _ = fmt.Fprintf(w, `{"value":[{"id":"1"}],"@odata.nextLink":%q}`, otherURL+"/v1.0/users?page=2")
	}, &other)
	otherURL = o
	c := NewClient(WithBaseURL(base+"/v1.0"), WithHTTPClient(&http.Client{Transport: at}), WithAllowedHosts(otherURL))
	_, errs := iterate(doCollection[user](context.Background(), c, http.MethodPost, "/users", strings.NewReader("q"),
		[]RequestOption{WithHeader("Content-Type", "text/plain")}))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if got := rec.requests()[0].Header.Get("Content-Type"); got != "text/plain" {
		t.Errorf("first page: Content-Type %q, want the option's", got)
	}
	if got := other.requests(); len(got) != 1 || got[0].Header.Get("Content-Type") != "" {
		t.Errorf("page on the other host = %+v, want a GET without Content-Type", got)
	}
}
