package templates

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// newTestClient starts an httptest.Server running h and returns a Client
// pointed at it, with the server's own http.Client and the default retry
// policy, except that it does not wait before retrying (see noWait).
func newTestClient(t *testing.T, h http.HandlerFunc, opts ...Option) (*Client, *httptest.Server) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c := NewClient(append([]Option{WithBaseURL(srv.URL + "/v1.0/"), WithHTTPClient(srv.Client())}, opts...)...)
	c.sleep = noWait
	return c, srv
}

// noWait is a Client.sleep that returns at once.
func noWait(ctx context.Context, _ time.Duration) error {
	return ctx.Err()
}

func TestNewClientDefaults(t *testing.T) {
	c := NewClient()
	if c.baseURL != defaultBaseURL {
		t.Errorf("baseURL = %q, want %q", c.baseURL, defaultBaseURL)
	}
	if c.httpClient != http.DefaultClient {
		t.Errorf("httpClient = %p, want http.DefaultClient", c.httpClient)
	}
	if c.retries != 3 {
		t.Errorf("retries = %d, want 3", c.retries)
	}
	if c.maxWait != 3*time.Minute {
		t.Errorf("maxWait = %v, want 3m", c.maxWait)
	}
	if c.sleep == nil || c.jitter == nil {
		t.Error("sleep or jitter not set")
	}
}

func TestWithRetry(t *testing.T) {
	for n, want := range map[int]int{-2: 0, 0: 0, 1: 1, 7: 7, 10: 10, 11: 10, 1000: 10} {
		if c := NewClient(WithRetry(n)); c.retries != want {
			t.Errorf("WithRetry(%d): retries = %d, want %d", n, c.retries, want)
		}
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

func TestWithMaxRetryWait(t *testing.T) {
	for d, want := range map[time.Duration]time.Duration{
		time.Second: time.Second, time.Hour: time.Hour, 0: 3 * time.Minute, -time.Second: 3 * time.Minute,
	} {
		if c := NewClient(WithMaxRetryWait(d)); c.maxWait != want {
			t.Errorf("WithMaxRetryWait(%v): maxWait = %v, want %v", d, c.maxWait, want)
		}
	}
}
