package templates

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// The kinds of link a LinkError names.
const (
	linkNext     = "@odata.nextLink"
	linkDelta    = "@odata.deltaLink"
	linkResume   = "resume link"
	linkRedirect = "redirect"
)

// maxRedirects is how many redirects a request follows when the caller's
// http.Client has no CheckRedirect of its own: net/http's default limit.
const maxRedirects = 10

// LinkError reports a link that a call refused to follow: an
// @odata.nextLink, an @odata.deltaLink, a link given to WithResumeFrom or
// the Location of a redirect that points outside the hosts the Client may
// send requests to (see Client), that does not parse, or that the call has
// already followed. Nothing is sent to the link.
type LinkError struct {
	// Kind names the link: "@odata.nextLink", "@odata.deltaLink",
	// "resume link" (WithResumeFrom) or "redirect".
	Kind string
	// URL is the link, resolved against the URL of the request whose
	// response carried it; the text as received when it does not parse. A
	// redirect's URL is where its Location points, which for a download
	// is typically a pre-authenticated URL that can be fetched with an
	// http.Client that adds no credentials.
	URL string
	// StatusCode is the status of the redirect response, such as 302;
	// zero for the other kinds.
	StatusCode int
	// Reason says why the link was refused, such as
	// "https://other.example:443 is neither the base URL's origin nor
	// allowed by WithAllowedHosts".
	Reason string
}

// Error formats e like "graph: refusing to follow @odata.nextLink to
// https://other.example/v1.0/users?…: https://other.example:443 is neither
// the base URL's origin nor allowed by WithAllowedHosts".
// The query of the link is left out, since a pre-authenticated download
// URL carries its credentials there; the URL field holds all of it.
func (e *LinkError) Error() string {
	var b strings.Builder
	b.WriteString("graph: refusing to follow ")
	b.WriteString(e.Kind)
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, " (%d)", e.StatusCode)
	}
	b.WriteString(" to ")
	link, query, found := strings.Cut(e.URL, "?")
	b.WriteString(link)
	if found && query != "" {
		b.WriteString("?…")
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// originOf returns the origin of the absolute URL u in a canonical form,
// "scheme://host:port" with the scheme and host lowercased and the
// default port (443 for https, 80 for http) filled in, and false when u is
// not an absolute http or https URL with a host.
func originOf(u *url.URL) (string, bool) {
	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	if host == "" || u.Opaque != "" {
		return "", false
	}
	port := u.Port()
	switch scheme {
	case "https":
		if port == "" {
			port = "443"
		}
	case "http":
		if port == "" {
			port = "80"
		}
	default:
		return "", false
	}
	return scheme + "://" + net.JoinHostPort(host, port), true
}

// parseAllowedHost returns the origin that one argument of
// WithAllowedHosts names, and false when it names none: see
// WithAllowedHosts for the forms it accepts.
func parseAllowedHost(s string) (string, bool) {
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.User != nil || u.RawQuery != "" || u.ForceQuery ||
		u.Fragment != "" || (u.Path != "" && u.Path != "/") || strings.Contains(u.Host, "*") {
		return "", false
	}
	return originOf(u)
}

// linkRefusal returns why the client must not send a request to u, or ""
// when it may: u must be an absolute http or https URL without userinfo
// whose origin is the base URL's or one that WithAllowedHosts allows.
func (c *Client) linkRefusal(u *url.URL) string {
	if !u.IsAbs() {
		return "not an absolute URL"
	}
	if u.User != nil {
		return "a link with userinfo is not allowed"
	}
	origin, ok := originOf(u)
	switch {
	case !ok:
		return "only http and https URLs with a host are followed"
	case origin == c.origin || c.allowed[origin]:
		return ""
	}
	return origin + " is neither the base URL's origin nor allowed by WithAllowedHosts"
}

// resolveLink parses the link raw of kind and resolves it against base, the
// URL of the request whose response carried it; a nil base accepts only an
// absolute link. It returns a *LinkError when the link does not parse or
// the client must not follow it (see linkRefusal).
func (c *Client) resolveLink(kind, raw string, base *url.URL) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, &LinkError{Kind: kind, URL: raw, Reason: "the link does not parse: " + err.Error()}
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if reason := c.linkRefusal(u); reason != "" {
		return nil, &LinkError{Kind: kind, URL: u.String(), Reason: reason}
	}
	return u, nil
}

// atOrigin reports whether u is at the base URL's origin, where header
// options are sent.
func (c *Client) atOrigin(u *url.URL) bool {
	origin, ok := originOf(u)
	return ok && origin == c.origin
}

// sendingClient returns the http.Client that sends one attempt of a request
// whose header options are options: a shallow copy of the caller's client
// (which is never modified) whose CheckRedirect enforces the link policy
// before it defers to the caller's own CheckRedirect, or else to net/http's
// limit of maxRedirects redirects. A redirect to a URL the client must not
// follow is not followed: *refused is set to the *LinkError that the call
// returns, and the redirect response becomes the last response. A redirect
// to another allowed host is followed without the header options except
// Content-Type, which describes the body that goes along (Accept reverts to
// the client's default), and without the Referer header that net/http adds,
// which would tell the other host the URL of the call.
func (c *Client) sendingClient(options http.Header, refused **LinkError) *http.Client {
	hc := *c.httpClient
	next := hc.CheckRedirect
	hc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if reason := c.linkRefusal(req.URL); reason != "" {
			le := &LinkError{Kind: linkRedirect, URL: req.URL.String(), Reason: reason}
			if req.Response != nil {
				le.StatusCode = req.Response.StatusCode
			}
			*refused = le
			return http.ErrUseLastResponse
		}
		if !c.atOrigin(req.URL) {
			for k := range options {
				if k != "Content-Type" {
					req.Header.Del(k)
				}
			}
			if _, ok := options["Accept"]; ok {
				req.Header.Set("Accept", "application/json")
			}
			req.Header.Del("Referer")
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= maxRedirects {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &hc
}

// linkSet holds the URLs a collection call has requested, as SHA-256 sums
// of their origin and request URI, so that memory per page stays small
// however long the links are.
type linkSet map[[sha256.Size]byte]bool

// add records u and reports whether it was new.
func (s linkSet) add(u *url.URL) bool {
	origin, _ := originOf(u)
	key := sha256.Sum256([]byte(origin + u.RequestURI()))
	if s[key] {
		return false
	}
	s[key] = true
	return true
}
