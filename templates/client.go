package templates

import (
	"net/http"
	"strings"
)

// Client calls the Microsoft Graph API. Create one with NewClient.
//
// A Client does not authenticate requests itself: authentication is whatever
// the transport of its http.Client adds to each request, for example an
// oauth2 transport (golang.org/x/oauth2) or any http.RoundTripper that sets
// the Authorization header. Supply such a client with WithHTTPClient.
//
// A Client is safe for concurrent use by multiple goroutines.
type Client struct {
	baseURL    string
	httpClient *http.Client
}

// Option configures a Client created by NewClient.
type Option func(*Client)

// NewClient returns a Client configured by opts. Without options it sends
// requests to defaultBaseURL through http.DefaultClient, which adds no
// authentication; pass WithHTTPClient with an authenticating client for
// real use.
func NewClient(opts ...Option) *Client {
	c := &Client{
		baseURL:    defaultBaseURL,
		httpClient: http.DefaultClient,
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
