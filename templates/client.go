package templates

import (
	"context"
	"net/http"
	"net/url"
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
// # Which hosts a Client sends requests to
//
// Such a transport adds the bearer token to every request it sends, to
// whatever host, so a Client sends requests only to URLs it can trust: the
// base URL and the hosts the caller allows. A call sends its first request
// to the base URL (see WithBaseURL) joined with the operation's path. It
// then follows, with the same http.Client:
//
//   - the @odata.nextLink of each page of a collection, resolved against
//     the URL of the request whose response carried it when relative;
//   - a link given to WithResumeFrom, which must be absolute, and the
//     @odata.deltaLink that WithDeltaLink stores, resolved the same way;
//   - the Location of a redirect (net/http follows 301, 302, 303, 307 and
//     308 responses).
//
// Each of these links is followed only when it is an http or https URL
// without userinfo ("user:password@") whose scheme and host, port included,
// are those of the base URL or of an origin that WithAllowedHosts allows.
// Scheme and host are compared case-insensitively after url.Parse, with
// the default port (443 for https, 80 for http) filled in, so
// "https://GRAPH.microsoft.com:443/v1.0/users" is at the origin of
// "https://graph.microsoft.com/v1.0". Any other link is not followed and
// nothing is sent to it: the call ends with a *LinkError that names the
// link (its URL field holds the link in full) and says why. A collection
// also ends with a *LinkError when a nextLink points to a page the
// iteration has requested already, which would otherwise loop for ever.
// Other URLs in responses, such as the Location of a 202 Accepted, are
// reported through WithResponseInfo and never followed. A Client whose
// base URL is not an absolute http or https URL, or has userinfo, follows
// no link at all.
//
// Header options (WithHeader, the ConsistencyLevel header of WithCount, and
// the like) are sent only to the base URL's origin: a request to another
// allowed host, a page there or a redirect, carries the headers the client
// sets itself and, for a body, the Content-Type, but no other header
// option and no Referer. The transport still adds its credentials there,
// which is why a host must be allowed first.
//
// A download, such as the /content of a drive item, usually answers with
// a 302 redirect to a pre-authenticated URL on another host that must not
// receive the token. A method that returns content (an io.ReadCloser)
// follows such a redirect of a GET with the download client instead (see
// WithDownloadClient; http.DefaultClient by default), which adds no
// credentials, when its Location is an https URL without userinfo (or an
// http URL while the base URL is http): the request there carries no
// header option and nothing the http.Client's transport adds. Any other
// call, and a download redirected anywhere else, returns a *LinkError with
// Kind "redirect", the status of the redirect and the Location in URL.
//
// The http.Client given to WithHTTPClient is not modified: each request is
// sent through a shallow copy of it whose CheckRedirect applies this
// policy first and then calls the caller's CheckRedirect, if any, or else
// stops after 10 redirects as net/http does.
//
// A Client is safe for concurrent use by multiple goroutines.
type Client struct {
	baseURL    string
	httpClient *http.Client
	// downloadClient fetches content from a redirect to another host; see
	// WithDownloadClient.
	downloadClient *http.Client

	// origin is the base URL's origin as originOf gives it, "" when the
	// base URL is not an absolute http or https URL (and then no link is
	// followed). NewClient sets it once every option has run.
	origin string
	// allowed holds the origins, besides the base URL's, that links may
	// point to; see WithAllowedHosts. It is nil when there are none.
	allowed map[string]bool

	// retries is the number of retries after the first attempt, at most
	// maxRetries; see WithRetry.
	retries int
	// maxWait is the longest single wait before a retry; see
	// WithMaxRetryWait.
	maxWait time.Duration
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
// times, waiting at most defaultMaxRetryWait each time; pass WithHTTPClient with an authenticating client for real use.
func NewClient(opts ...Option) *Client {
	c := &Client{
		baseURL:        defaultBaseURL,
		httpClient:     http.DefaultClient,
		downloadClient: http.DefaultClient,
		retries:        defaultRetries,
		maxWait:        defaultMaxRetryWait,
		sleep:          sleepContext,
		jitter:         fullJitter,
	}
	for _, opt := range opts {
		if opt != nil {
			opt(c)
		}
	}
	if u, err := url.Parse(c.baseURL); err == nil && u.User == nil {
		c.origin, _ = originOf(u)
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

// WithAllowedHosts allows links (nextLinks, delta and resume links,
// redirects; see Client) to point to the given origins too, besides the
// base URL's. Each argument is either
//
//   - a host name or IP address, with an optional port, such as
//     "graph.microsoft.us", "graph.microsoft.us:8443" or "[::1]:8443",
//     which allows that host over https only (port 443 when none is
//     given); or
//   - an origin, "https://" or "http://" followed by such a host and
//     nothing else but an optional "/", such as "http://127.0.0.1:8080",
//     which allows exactly that scheme, host and port.
//
// Host names are compared case-insensitively and exactly: there are no
// wildcards, and allowing "example.com" does not allow "www.example.com".
// An argument of any other form (with a path, a query, userinfo, a
// wildcard, another scheme, or empty) allows nothing and is ignored.
// Several WithAllowedHosts options add up.
//
// Requests to an allowed host carry whatever the http.Client's transport
// adds, typically the bearer token, but none of the call's header options.
// Allow only hosts that may receive the token.
func WithAllowedHosts(hosts ...string) Option {
	return func(c *Client) {
		for _, h := range hosts {
			origin, ok := parseAllowedHost(h)
			if !ok {
				continue
			}
			if c.allowed == nil {
				c.allowed = map[string]bool{}
			}
			c.allowed[origin] = true
		}
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

// WithDownloadClient sets the http.Client that fetches content (a method
// returning an io.ReadCloser, such as the download of a drive item's
// /content) when the service answers with a redirect to another host, the
// pre-authenticated download URL: that URL authorises itself, and hc must
// add no credentials, since the URL is on a host that must not receive the
// token. The default is http.DefaultClient; a nil hc selects it. Use it to
// give downloads a proxy, TLS settings or a timeout without the
// authenticating transport of WithHTTPClient.
func WithDownloadClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc == nil {
			hc = http.DefaultClient
		}
		c.downloadClient = hc
	}
}

// WithRetry sets n, the number of times a request is retried after its
// first attempt, so that it is sent at most n+1 times. The default is
// defaultRetries (3); 0, or a negative n, disables retries, and an n above
// maxRetries (10, the ceiling of Microsoft's Graph SDKs) is taken as 10.
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
// header asks, in delta-seconds or as an HTTP-date; without that header it
// waits a random duration between zero and 500ms * 2^i before retry i
// (counting from 0), at most 30s ("full jitter" exponential backoff). No
// single wait exceeds the ceiling that WithMaxRetryWait sets (3 minutes by
// default): when Retry-After asks for longer, the client neither waits nor
// retries and returns the *APIError at once, with the wait the server asked
// for in its RetryAfter field, so that the caller decides when to call
// again. Likewise, when the wait would end after the deadline of the call's
// context, the client does not wait and returns the last *APIError at once;
// when the context is done during the wait, the call returns an error that
// wraps both the context's error and the last *APIError.
//
// A request body is sent again on every attempt: a JSON body is encoded
// anew; *bytes.Reader, *strings.Reader and *bytes.Buffer bodies are re-read
// from the position they had when the call began; another io.Reader that is
// also an io.Seeker is sought back to that position. Any other io.Reader can
// be read only once, so a request with such a body is never retried.
func WithRetry(n int) Option {
	return func(c *Client) {
		c.retries = min(max(n, 0), maxRetries)
	}
}

// WithMaxRetryWait sets d, the longest the client waits before one retry
// (see WithRetry). The default is defaultMaxRetryWait (3 minutes), the
// longest delay Microsoft's Graph SDKs accept. A Retry-After header that
// asks for more than d ends the call with the *APIError, whose RetryAfter
// field holds what the server asked; a backoff without Retry-After is
// shortened to at most d. A d of zero or less selects the default.
func WithMaxRetryWait(d time.Duration) Option {
	return func(c *Client) {
		if d <= 0 {
			d = defaultMaxRetryWait
		}
		c.maxWait = d
	}
}
