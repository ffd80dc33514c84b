package templates

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Retry policy; see WithRetry.
const (
	// defaultRetries is how many times a request is retried after its first
	// attempt unless WithRetry says otherwise.
	defaultRetries = 3
	// maxRetries caps what WithRetry sets, as Microsoft's Graph SDKs cap
	// their retry handlers' MaxRetries.
	maxRetries = 10
	// defaultMaxRetryWait is the longest single wait before a retry unless
	// WithMaxRetryWait says otherwise: the longest delay Microsoft's Graph
	// SDKs' retry handlers accept.
	defaultMaxRetryWait = 180 * time.Second
	// retryBaseDelay is the backoff ceiling before the first retry; the
	// ceiling doubles for every further retry.
	retryBaseDelay = 500 * time.Millisecond
	// retryMaxDelay caps the backoff ceiling. It does not cap Retry-After,
	// which the client's maxWait bounds instead.
	retryMaxDelay = 30 * time.Second
)

// retryableStatus reports whether a response with status code may be
// retried: 429 Too Many Requests, 503 Service Unavailable and 504 Gateway
// Timeout.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryAfter parses the Retry-After header of h, which holds either
// delta-seconds or an HTTP-date, into a wait from now. ok is false when the
// header is absent or malformed. A date in the past gives a zero wait.
func retryAfter(h http.Header, now time.Time) (wait time.Duration, ok bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	secs, err := strconv.ParseUint(v, 10, 64)
	switch {
	case err == nil && secs <= uint64(maxDuration/time.Second):
		return time.Duration(secs) * time.Second, true
	case err == nil || errors.Is(err, strconv.ErrRange):
		return maxDuration, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// maxDuration is the longest time.Duration.
const maxDuration = time.Duration(1<<63 - 1)

// backoff returns the ceiling of the wait before retry number i, counting
// from 0: retryBaseDelay * 2^i, at most retryMaxDelay.
func backoff(i int) time.Duration {
	d := retryBaseDelay
	for ; i > 0 && d < retryMaxDelay; i-- {
		d *= 2
	}
	return min(d, retryMaxDelay)
}

// fullJitter returns a uniformly random duration in [0, ceiling]; a
// non-positive ceiling gives 0. It draws from math/rand/v2's global source,
// which is safe for concurrent use.
func fullJitter(ceiling time.Duration) time.Duration {
	if ceiling <= 0 {
		return 0
	}
	if ceiling == maxDuration {
		return rand.N(ceiling)
	}
	return rand.N(ceiling + 1)
}

// sleepContext waits for d, or until ctx is done, and then returns ctx's
// error, which is nil when ctx is still live.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retryWait returns how long to wait before retry number i (from 0) of a
// request that got resp: what its Retry-After header asks, else a jittered
// backoff of at most the client's maxWait. ok is false when the
// Retry-After asks for longer than maxWait, and the request must not be
// retried.
func (c *Client) retryWait(resp *http.Response, i int) (wait time.Duration, ok bool) {
	if d, ok := retryAfter(resp.Header, time.Now()); ok {
		return d, d <= c.maxWait
	}
	return c.jitter(min(backoff(i), c.maxWait)), true
}

// beyondDeadline reports whether waiting d from now would end after ctx's
// deadline.
func beyondDeadline(ctx context.Context, d time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return ok && time.Until(deadline) < d
}
