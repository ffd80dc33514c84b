package templates

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestReferenceBody(t *testing.T) {
	var rec recorder
	c, srv := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		w.WriteHeader(http.StatusNoContent)
	}, WithAllowedHosts("https://other.example"))
	tests := []struct {
		name string
		ref  Reference
		want string // the @odata.id sent
	}{
		{"RefTo", RefTo("directoryObjects", "8a7b"), srv.URL + "/v1.0/directoryObjects/8a7b"},
		{"RefTo escapes each segment", RefTo("users", "a/b c?d"), srv.URL + "/v1.0/users/a%2Fb%20c%3Fd"},
		{"RefURL at the base URL's origin", RefURL(srv.URL + "/beta/groups/1"), srv.URL + "/beta/groups/1"},
		{"RefURL at an allowed host", RefURL("https://other.example/v1.0/users/1"), "https://other.example/v1.0/users/1"},
	}
	for i, tt := range tests {
		if err := doNoContent(context.Background(), c, http.MethodPost, "/groups/g/members/$ref", tt.ref, nil); err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		reqs := rec.requests()
		if len(reqs) != i+1 {
			t.Fatalf("%s: %d requests, want %d", tt.name, len(reqs), i+1)
		}
		r := reqs[i]
		if want := `{"@odata.id":"` + tt.want + `"}` + "\n"; r.Body != want {
			t.Errorf("%s: body = %q, want %q", tt.name, r.Body, want)
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: Content-Type = %q", tt.name, ct)
		}
	}
}

func TestReferenceRefusedBeforeSending(t *testing.T) {
	var rec recorder
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		w.WriteHeader(http.StatusNoContent)
	})
	tests := []struct {
		name string
		ref  Reference
		want string
	}{
		{"zero", Reference{}, "names no resource"},
		{"RefTo without segments", RefTo(), "names no resource"},
		{"empty segment", RefTo("users", ""), `segment 2 of the reference is ""`},
		{"dot-dot segment", RefTo("users", ".."), `segment 2 of the reference is ".."`},
		{"another host", RefURL("https://evil.example/v1.0/users/1"), "is neither the base URL's origin"},
		{"relative URL", RefURL("/users/1"), "not an absolute URL"},
		{"userinfo", RefURL("https://u:p@graph.microsoft.com/v1.0/users/1"), "userinfo"},
		{"does not parse", RefURL("http://[::1"), "does not parse"},
	}
	for _, tt := range tests {
		err := doNoContent(context.Background(), c, http.MethodPost, "/groups/g/members/$ref", tt.ref, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "graph: POST /groups/g/members/$ref: ") {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}

func TestReferenceString(t *testing.T) {
	if got := RefTo("users", "1").String(); got != "users/1" {
		t.Errorf("RefTo: %q", got)
	}
	if got := RefURL("https://graph.microsoft.com/v1.0/users/1").String(); got != "https://graph.microsoft.com/v1.0/users/1" {
		t.Errorf("RefURL: %q", got)
	}
	segs := []string{"users", "1"}
	r := RefTo(segs...)
	segs[1] = "2"
	if got := r.String(); got != "users/1" {
		t.Errorf("RefTo keeps the caller's slice: %q", got)
	}
}
