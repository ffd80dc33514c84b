package templates

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// newTestClient starts an httptest.Server running h and returns a Client
// pointed at it, with the server's own http.Client.
func newTestClient(t *testing.T, h http.HandlerFunc) (*Client, *httptest.Server) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return NewClient(WithBaseURL(srv.URL+"/v1.0/"), WithHTTPClient(srv.Client())), srv
}

func TestNewClientDefaults(t *testing.T) {
	c := NewClient()
	if c.baseURL != defaultBaseURL {
		t.Errorf("baseURL = %q, want %q", c.baseURL, defaultBaseURL)
	}
	if c.httpClient != http.DefaultClient {
		t.Errorf("httpClient = %p, want http.DefaultClient", c.httpClient)
	}
}

func TestNewClientOptions(t *testing.T) {
	hc := &http.Client{}
	c := NewClient(WithBaseURL("https://graph.microsoft.com/beta//"), WithHTTPClient(hc), nil)
	if want := "https://graph.microsoft.com/beta"; c.baseURL != want {
		t.Errorf("baseURL = %q, want %q", c.baseURL, want)
	}
	if c.httpClient != hc {
		t.Error("WithHTTPClient did not set the http.Client")
	}
	if c := NewClient(WithHTTPClient(nil)); c.httpClient != http.DefaultClient {
		t.Error("WithHTTPClient(nil) did not select http.DefaultClient")
	}
}
