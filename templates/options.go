package templates

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// RequestOption adjusts a single call: its query parameters or headers, or
// what it reports back (WithResponseInfo, WithDeltaLink). Options that set
// the same thing replace earlier ones.
type RequestOption func(*requestConfig)

// requestConfig collects what the RequestOptions of one call set.
type requestConfig struct {
	query  url.Values
	header http.Header

	// info, if not nil, receives the last response; see WithResponseInfo.
	info *ResponseInfo
	// deltaLink, if not nil, receives the last page's @odata.deltaLink;
	// see WithDeltaLink.
	deltaLink *string
	// resumeFrom, if not empty, is the absolute URL a collection is read
	// from instead of its path; see WithResumeFrom.
	resumeFrom string
}

// newRequestConfig applies opts, in order, to an empty requestConfig.
func newRequestConfig(opts []RequestOption) requestConfig {
	cfg := requestConfig{query: url.Values{}, header: http.Header{}}
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	return cfg
}

// WithSelect sets the $select query option: the properties to return.
func WithSelect(fields ...string) RequestOption {
	return WithQuery("$select", strings.Join(fields, ","))
}

// WithFilter sets the $filter query option, for example
// "startswith(displayName,'a')".
func WithFilter(expr string) RequestOption {
	return WithQuery("$filter", expr)
}

// WithTop sets the $top query option: the page size.
func WithTop(n int) RequestOption {
	return WithQuery("$top", strconv.Itoa(n))
}

// WithSkip sets the $skip query option: how many items to skip.
func WithSkip(n int) RequestOption {
	return WithQuery("$skip", strconv.Itoa(n))
}

// WithExpand sets the $expand query option: the relationships to include.
func WithExpand(fields ...string) RequestOption {
	return WithQuery("$expand", strings.Join(fields, ","))
}

// WithOrderBy sets the $orderby query option, for example "displayName desc".
func WithOrderBy(fields ...string) RequestOption {
	return WithQuery("$orderby", strings.Join(fields, ","))
}

// WithSearch sets the $search query option. The value is passed through as
// given; Graph usually wants it quoted, as in `"displayName:foo"`.
func WithSearch(q string) RequestOption {
	return WithQuery("$search", q)
}

// WithCount sets the $count query option. When b is true it also sets the
// ConsistencyLevel: eventual header, which Graph requires for counts on
// directory objects.
func WithCount(b bool) RequestOption {
	return func(cfg *requestConfig) {
		cfg.query.Set("$count", strconv.FormatBool(b))
		if b {
			cfg.header.Set("ConsistencyLevel", "eventual")
		}
	}
}

// WithHeader sets a request header, replacing any value set before. Header
// options are applied after the client's defaults, so they can override
// Accept and Content-Type. They are sent only to the base URL's origin,
// never to another host, even one that WithAllowedHosts allows (see
// Client); only a Content-Type option goes along with the body it
// describes.
func WithHeader(key, value string) RequestOption {
	return func(cfg *requestConfig) {
		cfg.header.Set(key, value)
	}
}

// WithQuery sets any query parameter, replacing any value set before.
func WithQuery(key, value string) RequestOption {
	return func(cfg *requestConfig) {
		cfg.query.Set(key, value)
	}
}

// ResponseInfo describes the last HTTP response of a call; see
// WithResponseInfo.
type ResponseInfo struct {
	// StatusCode is the HTTP status code, such as 200 or 202.
	StatusCode int
	// Header holds the response headers.
	Header http.Header
	// Location is the Location header as an absolute URL, resolved
	// against the request URL when relative; "" when there is none.
	Location string
}

// WithResponseInfo makes the call fill *info with the status code and
// headers of the last response it receives: the response after any retries,
// and for a collection the response of the last page fetched, each page
// overwriting the one before. A response that ends the call with an
// *APIError is reported too, and so is a redirect that the call refused to
// follow (see Client and LinkError), with its Location. *info is left unchanged when no response
// arrives at all. A nil info is ignored.
//
// A 202 Accepted with a Location header (long-running operations) is
// reported through WithResponseInfo: info.StatusCode == 202 and
// info.Location holds the monitor URL.
//
// The info of one call must not be shared with calls that run
// concurrently; for a collection, it is written while the iterator runs.
func WithResponseInfo(info *ResponseInfo) RequestOption {
	return func(cfg *requestConfig) {
		cfg.info = info
	}
}

// record stores resp in cfg's ResponseInfo, if any.
func (cfg *requestConfig) record(resp *http.Response) {
	if cfg.info == nil {
		return
	}
	info := ResponseInfo{StatusCode: resp.StatusCode, Header: resp.Header.Clone()}
	if loc, err := resp.Location(); err == nil {
		info.Location = loc.String()
	}
	*cfg.info = info
}

// WithDeltaLink makes a collection call that supports delta queries store
// the @odata.deltaLink of its last page in *link, once iteration has yielded
// every item of that page, as an absolute URL (a relative link is resolved
// against the URL of the page that carried it). A delta link that the
// Client would not follow (see Client) is not stored: iteration yields a
// *LinkError instead. Pass the link to WithResumeFrom later to read
// only the changes made since. *link is left unchanged when iteration stops
// early, fails, or ends on a page without a delta link, so a failed round
// can be retried from the previous link. A nil link is ignored, and so is
// this option on calls that do not return collections.
func WithDeltaLink(link *string) RequestOption {
	return func(cfg *requestConfig) {
		cfg.deltaLink = link
	}
}

// WithResumeFrom makes a collection call request its first page with GET
// from link, an absolute URL such as an @odata.deltaLink or @odata.nextLink
// saved earlier (see WithDeltaLink), instead of from the operation's path.
// The operation's parameters and request body, and the query options of the
// call (WithSelect, WithQuery and the like), are not used, since the link
// carries its own query; header options are applied. A link that is not an
// absolute URL, or that points where the Client does not follow links (see
// Client), makes iteration yield a *LinkError without sending anything. An
// empty link is ignored, and so is this option on calls that do not return
// collections.
func WithResumeFrom(link string) RequestOption {
	return func(cfg *requestConfig) {
		cfg.resumeFrom = link
	}
}

// encodeQuery encodes q in sorted key order like url.Values.Encode, except
// that '$' stays literal so OData options remain readable ($select=...) and
// spaces become %20 rather than '+'.
func encodeQuery(q url.Values) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(q)) {
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(queryEscape(k))
			b.WriteByte('=')
			b.WriteString(queryEscape(v))
		}
	}
	return b.String()
}

// queryEscape is url.QueryEscape with '$' kept literal and spaces encoded as
// %20. In QueryEscape's output every '%' starts an escape and every '+' is
// an encoded space, so the replacements cannot alter anything else.
func queryEscape(s string) string {
	s = url.QueryEscape(s)
	s = strings.ReplaceAll(s, "%24", "$")
	return strings.ReplaceAll(s, "+", "%20")
}
