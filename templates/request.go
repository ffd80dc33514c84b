package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxDrain caps how much of an unread response body is discarded before the
// body is closed, so that small leftovers do not prevent connection reuse.
const maxDrain = 64 << 10

// send performs one request, retrying it as WithRetry describes, and
// returns the response when its status is 2xx; the caller must close the
// response body. path must start with "/" and be escaped already (see
// pathSegment and pathLiteral); it is appended to the base URL together with
// the query that opts set. A non-nil body is sent as is when it is an
// io.Reader, as {"@odata.id": ...} when it is a Reference (see
// resolveReference; a Reference the client must not send is an error
// before anything is sent), and JSON-encoded otherwise (see
// newRequestBody). A non-2xx response is returned as an *APIError. A path
// that checkPath rejects is an error before anything is sent.
func (c *Client) send(ctx context.Context, method, path string, body any, opts []RequestOption) (*http.Response, error) {
	if err := checkPath(method, path, body); err != nil {
		return nil, err
	}
	if r, ok := body.(Reference); ok {
		ref, err := c.resolveReference(r)
		if err != nil {
			return nil, fmt.Errorf("graph: %s %s: %w", method, path, err)
		}
		body = ref
	}
	cfg := newRequestConfig(opts)
	return c.do(ctx, method, c.requestURL(path, cfg.query), body, &cfg)
}

// checkPath returns an error when a segment of path (a part between
// slashes, before any '?') is empty, "." or "..", also once unescaped.
// Generated code builds paths like "/users/" + pathSegment(id) +
// "/messages", so such a segment comes from an empty, "." or ".." path
// parameter, which would address another resource: "/users//messages"
// becomes "/users/messages" behind a proxy that normalises paths, and
// "/users/u/messages/.." becomes "/users/u". No path in the Graph
// reference has such a segment of its own. A body that is an io.Closer is
// closed, as sending would have.
func checkPath(method, path string, body any) error {
	p, _, _ := strings.Cut(path, "?")
	i := 0
	for seg := range strings.SplitSeq(strings.TrimPrefix(p, "/"), "/") {
		i++
		if u, err := url.PathUnescape(seg); err == nil {
			seg = u
		}
		if seg == "" || seg == "." || seg == ".." {
			if tc, ok := body.(typedContent); ok {
				body = tc.r
			}
			if rc, ok := body.(io.ReadCloser); ok {
				_ = rc.Close()
			}
			return fmt.Errorf("graph: %s %s: path segment %d is %q: a path parameter must not be empty, \".\" or \"..\"", method, path, i, seg)
		}
	}
	return nil
}

// requestURL joins the base URL, path and the encoded query.
func (c *Client) requestURL(path string, query url.Values) string {
	u := c.baseURL + path
	if q := encodeQuery(query); q != "" {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		u += sep + q
	}
	return u
}

// do sends a request to the absolute URL rawURL with the header options of
// cfg (when rawURL is at the base URL's origin; see Client), retrying it as
// WithRetry describes, and records every response in cfg's ResponseInfo,
// if any. It returns the response when its status is 2xx, a *LinkError
// when a redirect points where the client must not follow, and an
// *APIError for the last response otherwise.
func (c *Client) do(ctx context.Context, method, rawURL string, body any, cfg *requestConfig) (*http.Response, error) {
	rb := newRequestBody(c.jsonFor(body))
	if rb.finish != nil {
		defer rb.finish()
	}
	for retry := 0; ; retry++ {
		req, err := c.newRequest(ctx, method, rawURL, rb, cfg.header)
		if err != nil {
			return nil, err
		}
		var refused *LinkError
		resp, err := c.sendingClient(cfg.header, &refused).Do(req)
		if err != nil {
			return nil, err
		}
		cfg.record(resp)
		if refused != nil {
			closeBody(resp.Body)
			return nil, refused
		}
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			return resp, nil
		}
		apiErr := newAPIError(resp)
		if retry >= c.retries || !retryableStatus(resp.StatusCode) || !rb.replayable {
			return nil, apiErr
		}
		wait, ok := c.retryWait(resp, retry)
		if !ok || beyondDeadline(ctx, wait) {
			return nil, apiErr
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("%w (retry abandoned: %w)", apiErr, err)
		}
	}
}

// newRequest builds one attempt of a request: the body comes from rb, and
// header, the call's header options, is applied after the default Accept
// and Content-Type headers, so it can override them. header is applied
// only when rawURL is at the base URL's origin, except for the Content-Type
// of a body, which describes it.
func (c *Client) newRequest(ctx context.Context, method, rawURL string, rb *requestBody, header http.Header) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	if rb.open != nil {
		body, err := rb.open()
		if err != nil {
			return nil, fmt.Errorf("graph: %s %s request body: %w", method, rawURL, err)
		}
		req.Body, req.ContentLength = body, rb.length
		if rb.replayable {
			req.GetBody = rb.open
		}
		req.Header.Set("Content-Type", rb.contentType)
	}
	atOrigin := c.atOrigin(req.URL)
	for k, v := range header {
		if atOrigin || (k == "Content-Type" && rb.open != nil) {
			req.Header[k] = slices.Clone(v)
		}
	}
	return req, nil
}

// closeBody discards what is left of body, up to maxDrain bytes, and closes
// it.
func closeBody(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, maxDrain))
	_ = body.Close()
}

// maxBufferedEntity is the largest response body, by its Content-Length,
// that doJSON reads whole and decodes with polyUnmarshal, which holds the
// body's text whole but allocates less than streamDecode (a 700-byte user: 52
// allocations against 323; BenchmarkStreamDecode).
const maxBufferedEntity = 1 << 20

// doJSON sends a request and decodes the JSON response body into a new T,
// keeping the members T does not declare (see Members): as it arrives (see
// streamDecode) unless its Content-Length says it is at most
// maxBufferedEntity bytes. A 204 No Content response, or any other
// empty body, yields (nil, nil).
func doJSON[T any](ctx context.Context, c *Client, method, path string, body any, opts []RequestOption) (*T, error) {
	resp, err := c.send(ctx, method, path, body, opts)
	if err != nil {
		return nil, err
	}
	defer closeBody(resp.Body)
	if resp.StatusCode == http.StatusNoContent {
		return nil, nil
	}
	v := new(T)
	if resp.ContentLength >= 0 && resp.ContentLength <= maxBufferedEntity {
		// The same result as streamDecode, with fewer allocations.
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("graph: decode %s %s response: %w", method, path, err)
		}
		if len(bytes.TrimSpace(data)) == 0 {
			return nil, nil
		}
		if err := polyUnmarshal(data, v); err != nil {
			return nil, fmt.Errorf("graph: decode %s %s response: %w", method, path, err)
		}
		return v, nil
	}
	if err := streamDecode(json.NewDecoder(resp.Body), v); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, fmt.Errorf("graph: decode %s %s response: %w", method, path, err)
	}
	return v, nil
}

// valueWrapper is the envelope Graph puts around a primitive result.
type valueWrapper[T any] struct {
	Value T `json:"value"`
}

// doValue sends a request whose response wraps a primitive or a collection
// of primitives in {"value": ...}, and returns the wrapped value.
func doValue[T any](ctx context.Context, c *Client, method, path string, body any, opts []RequestOption) (*T, error) {
	w, err := doJSON[valueWrapper[T]](ctx, c, method, path, body, opts)
	if err != nil || w == nil {
		return nil, err
	}
	return &w.Value, nil
}

// doNoContent sends a request whose response body is of no interest; the
// body is drained and closed.
func doNoContent(ctx context.Context, c *Client, method, path string, body any, opts []RequestOption) error {
	resp, err := c.send(ctx, method, path, body, opts)
	if err != nil {
		return err
	}
	closeBody(resp.Body)
	return nil
}

// doStream sends a request and returns the response body, for binary
// content, as it arrives; the caller must close it. A GET answered by a
// redirect to another host, such as the pre-authenticated download URL of
// a drive item's content, is followed with the download client (see
// WithDownloadClient): the request to that host carries no header option
// and nothing the Client's transport adds. The redirect must point to an
// https URL without userinfo (or an http one when the base URL is http).
func doStream(ctx context.Context, c *Client, method, path string, body any, opts []RequestOption) (io.ReadCloser, error) {
	if err := checkPath(method, path, body); err != nil {
		return nil, err
	}
	cfg := newRequestConfig(opts)
	resp, err := c.do(ctx, method, c.requestURL(path, cfg.query), body, &cfg)
	var le *LinkError
	if err != nil && method == http.MethodGet && errors.As(err, &le) && le.Kind == linkRedirect {
		if u, perr := url.Parse(le.URL); perr == nil && c.downloadable(u) {
			resp, err = c.download(ctx, u, &cfg)
		}
	}
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// downloadable reports whether doStream may fetch u, the Location of a
// redirect to a host the Client does not send requests to, with the
// download client: an absolute https URL without userinfo, or an http one
// when the base URL is http too.
func (c *Client) downloadable(u *url.URL) bool {
	origin, ok := originOf(u)
	if !ok || u.User != nil {
		return false
	}
	return strings.HasPrefix(origin, "https://") || strings.HasPrefix(c.origin, "http://")
}

// download fetches u with the download client, recording the response in
// cfg's ResponseInfo. It returns the response when its status is 2xx and
// an *APIError otherwise. The download client's own redirect policy
// applies (net/http's by default).
func (c *Client) download(ctx context.Context, u *url.URL, cfg *requestConfig) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	resp, err := c.downloadClient.Do(req)
	if err != nil {
		return nil, err
	}
	cfg.record(resp)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, newAPIError(resp)
	}
	return resp, nil
}

// pageLinks are the links a collection page carries besides its items.
type pageLinks struct {
	next, delta string
}

// doCollection returns an iterator over every element of a paged Graph
// collection. Nothing is sent until iteration starts, and nothing at all
// when checkPath rejects path (unless WithResumeFrom gives the first page's
// URL): iteration yields that error. The first page is
// requested with method, path, body and opts, or with GET from the link
// that WithResumeFrom gives; later pages are requested with GET from the
// @odata.nextLink, resolved against the URL of the request that returned
// it. Links are followed only as the Client's doc describes, and are
// requested with the header options of opts (at the base URL's origin) but
// not the query options, which the links already carry. Iteration ends
// after the last page, when the consumer stops, or after yielding the first
// error (with a zero T), such as a *LinkError for a link that is refused or
// was already requested during this iteration; once every item of the last
// page has been yielded, its @odata.deltaLink, resolved and checked the
// same way, is stored as WithDeltaLink asks. Iterating again starts over
// from the first page; an io.Reader body that is not an io.Seeker can only
// be sent once.
func doCollection[T any](ctx context.Context, c *Client, method, path string, body any, opts []RequestOption) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		cfg := newRequestConfig(opts)
		pageMethod, pageURL, pageBody := method, c.requestURL(path, cfg.query), body
		if link := cfg.resumeFrom; link != "" {
			u, err := c.resolveLink(linkResume, link, nil)
			if err != nil {
				yield(zero, err)
				return
			}
			pageMethod, pageURL, pageBody = http.MethodGet, u.String(), nil
		} else if err := checkPath(method, path, body); err != nil {
			yield(zero, err)
			return
		}
		seen := linkSet{}
		if u, err := url.Parse(pageURL); err == nil {
			seen.add(u)
		}
		for {
			links, final, stopped, err := streamPage(ctx, c, pageMethod, pageURL, pageBody, &cfg, yield)
			if stopped {
				return
			}
			if err != nil {
				yield(zero, err)
				return
			}
			seen.add(final)
			if links.next == "" {
				if links.delta != "" && cfg.deltaLink != nil {
					u, err := c.resolveLink(linkDelta, links.delta, final)
					if err != nil {
						yield(zero, err)
						return
					}
					*cfg.deltaLink = u.String()
				}
				return
			}
			next, err := c.resolveLink(linkNext, links.next, final)
			if err != nil {
				yield(zero, err)
				return
			}
			if !seen.add(next) {
				yield(zero, &LinkError{Kind: linkNext, URL: next.String(), Reason: "the iteration has requested this page already"})
				return
			}
			pageMethod, pageURL, pageBody = http.MethodGet, next.String(), nil
		}
	}
}

// streamPage requests one collection page from the absolute URL rawURL and
// yields its items as they are decoded from the response body, so that a
// page of any size holds one item at a time in memory (and the buffer of
// one item's JSON). It returns the page's links, the URL of the request
// that answered (relative links in the page are resolved against it), and
// whether yield asked to stop. An empty body is an empty last page. The
// page's members are matched as encoding/json matches struct fields (case
// folded); the items of every "value" array are yielded, a null one holds
// none, and other members are skipped. A decoding error ends the page
// after the items decoded before it.
func streamPage[T any](ctx context.Context, c *Client, method, rawURL string, body any, cfg *requestConfig, yield func(T, error) bool) (links pageLinks, final *url.URL, stopped bool, err error) {
	resp, err := c.do(ctx, method, rawURL, body, cfg)
	if err != nil {
		return links, nil, false, err
	}
	defer closeBody(resp.Body)
	// The request that answered is rawURL's, or the last redirect's; a
	// transport need not record it in the response.
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL
	} else if final, err = url.Parse(rawURL); err != nil {
		return links, nil, false, fmt.Errorf("graph: %w", err)
	}
	if resp.StatusCode == http.StatusNoContent {
		return links, final, false, nil
	}
	decodeErr := func(err error) error {
		return fmt.Errorf("graph: decode %s %s response: %w", method, rawURL, err)
	}
	dec := json.NewDecoder(resp.Body)
	switch tok, err := dec.Token(); {
	case errors.Is(err, io.EOF):
		return links, final, false, nil
	case err != nil:
		return links, nil, false, decodeErr(err)
	case tok != json.Delim('{'):
		return links, nil, false, decodeErr(fmt.Errorf("a collection page is a JSON object, not %v", tok))
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return links, nil, false, decodeErr(err)
		}
		key, _ := tok.(string)
		switch {
		case strings.EqualFold(key, "value"):
			tok, err := dec.Token()
			if err != nil {
				return links, nil, false, decodeErr(err)
			}
			if tok == nil {
				continue
			}
			if tok != json.Delim('[') {
				return links, nil, false, decodeErr(fmt.Errorf("the value of a collection page is an array, not %v", tok))
			}
			for dec.More() {
				// Each item is read whole, then decoded by the runtime,
				// which keeps the members its type does not declare.
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return links, nil, false, decodeErr(err)
				}
				var v T
				if err := polyUnmarshal(raw, &v); err != nil {
					return links, nil, false, decodeErr(err)
				}
				if !yield(v, nil) {
					return links, final, true, nil
				}
			}
			if _, err := dec.Token(); err != nil {
				return links, nil, false, decodeErr(err)
			}
		case strings.EqualFold(key, "@odata.nextLink"):
			if err := dec.Decode(&links.next); err != nil {
				return links, nil, false, decodeErr(err)
			}
		case strings.EqualFold(key, "@odata.deltaLink"):
			if err := dec.Decode(&links.delta); err != nil {
				return links, nil, false, decodeErr(err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return links, nil, false, decodeErr(err)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return links, nil, false, decodeErr(err)
	}
	return links, final, false, nil
}

// pathSegment escapes s for use as one path segment, such as an ID in
// "/users/{id}".
func pathSegment(s string) string {
	return url.PathEscape(s)
}

// pathLiteral escapes s for use inside the single quotes of an OData string
// literal in a path, such as a function parameter in
// "/reports/getTeamsUserActivityUserDetail(period='{s}')": quotes are doubled
// as OData requires, then the result is path-escaped.
func pathLiteral(s string) string {
	return url.PathEscape(strings.ReplaceAll(s, "'", "''"))
}

// pathBool writes b as the OData literal a function parameter in a path
// takes: true or false.
func pathBool(b bool) string {
	return strconv.FormatBool(b)
}

// pathInt writes n as the OData literal a function parameter in a path
// takes, such as 640 in "/users/{id}/photo/image(width=640)".
func pathInt(n int64) string {
	return strconv.FormatInt(n, 10)
}

// pathFloat writes f, a value of a float type of bits bits, as the OData
// literal a function parameter in a path takes: the shortest decimal that
// reads back as f, path-escaped (an exponent's + sign stays a +), or NaN,
// INF or -INF.
func pathFloat(f float64, bits int) string {
	switch {
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	}
	return url.PathEscape(strconv.FormatFloat(f, 'g', -1, bits))
}

// pathDateTime writes t as the OData DateTimeOffset literal a function
// parameter in a path takes, such as 2024-01-31T08:00:00Z, path-escaped.
func pathDateTime(t time.Time) string {
	return url.PathEscape(t.Format(time.RFC3339Nano))
}

// pathDate writes d as the OData Date literal a function parameter in a
// path takes, such as 2024-01-31.
func pathDate(d Date) string {
	return url.PathEscape(d.String())
}
