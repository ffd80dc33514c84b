package templates

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// Client calls the Microsoft Graph API. Create one with NewClient.
//
// A Client does not authenticate requests itself: authentication is whatever
// the transport of its http.Client adds to each request, for example an
// oauth2 transport (golang.org/x/oauth2) or any http.RoundTripper that sets
// the Authorization header. Supply such a client with WithHTTPClient.
//
// A Client retries throttled and transiently failing requests; see
// WithRetry.
//
// A Client is safe for concurrent use by multiple goroutines.
type Client struct {
	baseURL    string
	httpClient *http.Client

	// retries is the number of retries after the first attempt; see
	// WithRetry.
	retries int
	// sleep waits d or until ctx is done, whichever comes first, and
	// returns ctx's error in the latter case. Tests replace it so that they
	// need not wait.
	sleep func(ctx context.Context, d time.Duration) error
	// jitter returns a random duration in [0, ceiling], the "full jitter"
	// of exponential backoff. Tests replace it to be deterministic.
	jitter func(ceiling time.Duration) time.Duration
}

// Option configures a Client created by NewClient.
type Option func(*Client)

// NewClient returns a Client configured by opts. Without options it sends
// requests to defaultBaseURL through http.DefaultClient, which adds no
// authentication, and retries throttled requests up to defaultRetries
// times; pass WithHTTPClient with an authenticating client for real use.
func NewClient(opts ...Option) *Client {
	c := &Client{
		baseURL:    defaultBaseURL,
		httpClient: http.DefaultClient,
		retries:    defaultRetries,
		sleep:      sleepContext,
		jitter:     fullJitter,
	}
	for _, opt := range opts {
		if opt != nil {
			opt(c)
		}
	}
	return c
}

// WithBaseURL sets the URL that request paths are appended to, such as
// "https://graph.microsoft.com/beta". Trailing slashes are trimmed.
func WithBaseURL(u string) Option {
	return func(c *Client) {
		c.baseURL = strings.TrimRight(u, "/")
	}
}

// WithHTTPClient sets the http.Client that sends requests. Its transport is
// responsible for authentication. A nil hc selects http.DefaultClient.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc == nil {
			hc = http.DefaultClient
		}
		c.httpClient = hc
	}
}

// WithRetry sets n, the number of times a request is retried after its
// first attempt, so that it is sent at most n+1 times. The default is
// defaultRetries (3); 0, or a negative n, disables retries.
//
// A request is retried when the response status is 429 Too Many Requests,
// 503 Service Unavailable or 504 Gateway Timeout, whatever its method:
// Graph throttles (429) before it processes a request, and 503 and 504 are
// usually transient. Beware that a 504 from a gateway does not prove that
// the service did not act on the request, so a retried POST may take effect
// twice. Errors that carry no response, such as a refused connection, are
// not retried.
//
// Before a retry the client waits as long as the response's Retry-After
// header asks, in delta-seconds or as an HTTP-date, without an upper bound;
// without that header it waits a random duration between zero and
// 500ms * 2^i before retry i (counting from 0), at most 30s ("full jitter"
// exponential backoff). When the wait would end after the deadline of the
// call's context, the client does not wait and returns the last *APIError at
// once; when the context is done during the wait, the call returns an error
// that wraps both the context's error and the last *APIError.
//
// A request body is sent again on every attempt: a JSON body is encoded
// anew; *bytes.Reader, *strings.Reader and *bytes.Buffer bodies are re-read
// from the position they had when the call began; another io.Reader that is
// also an io.Seeker is sought back to that position. Any other io.Reader can
// be read only once, so a request with such a body is never retried.
func WithRetry(n int) Option {
	return func(c *Client) {
		c.retries = max(n, 0)
	}
}
