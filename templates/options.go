package templates

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// RequestOption adjusts the query parameters or headers of a single request.
// Options that set the same query parameter or header replace earlier ones.
type RequestOption func(*requestConfig)

// requestConfig collects what the RequestOptions of one call set.
type requestConfig struct {
	query  url.Values
	header http.Header
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
// Accept and Content-Type.
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
