package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// sleepRecorder is a Client.sleep that records the waits it is asked for
// and returns at once.
type sleepRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.waits = append(s.waits, d)
	return ctx.Err()
}

func (s *sleepRecorder) recorded() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.waits)
}

// failure is one scripted error response of a throttling server.
type failure struct {
	status     int
	retryAfter string // the Retry-After header; "" for none
}

// throttlingServer answers its first len(script) requests with the scripted
// failures, and later ones with 200 and {"id":"ok"}. It records every
// request in rec. The client's sleep is a sleepRecorder, returned too.
func throttlingServer(t *testing.T, rec *recorder, script []failure, opts ...Option) (*Client, *sleepRecorder) {
	t.Helper()
	var (
		mu sync.Mutex
		n  int
	)
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		mu.Lock()
		i := n
		n++
		mu.Unlock()
		if i < len(script) {
			f := script[i]
			if f.retryAfter != "" {
				w.Header().Set("Retry-After", f.retryAfter)
			}
			w.WriteHeader(f.status)
			_, _ = fmt.Fprintf(w, `{"error":{"code":"Throttled","message":"attempt %d"}}`, i+1)
			return
		}
		_, _ = io.WriteString(w, `{"id":"ok"}`)
	}, opts...)
	s := new(sleepRecorder)
	c.sleep = s.sleep
	c.jitter = func(ceiling time.Duration) time.Duration { return ceiling }
	return c, s
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	tests := []struct {
		header string
		want   time.Duration
		ok     bool
	}{
		{"", 0, false},
		{"1", time.Second, true},
		{" 120 ", 2 * time.Minute, true},
		{"0", 0, true},
		{"99999999999", maxDuration, true},
		{"99999999999999999999999", maxDuration, true},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"Monday, 06-May-24 07:08:19 GMT", 10 * time.Second, true}, // RFC 850
		{"Mon May  6 07:08:14 2024", 5 * time.Second, true},        // asctime
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.header != "" {
			h.Set("Retry-After", tt.header)
		}
		got, ok := retryAfter(h, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.header, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second,
		8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}
	for i, w := range want {
		if got := backoff(i); got != w {
			t.Errorf("backoff(%d) = %v, want %v", i, got, w)
		}
	}
	if got := backoff(1000); got != retryMaxDelay {
		t.Errorf("backoff(1000) = %v, want %v", got, retryMaxDelay)
	}
}

func TestFullJitter(t *testing.T) {
	if got := fullJitter(0); got != 0 {
		t.Errorf("fullJitter(0) = %v", got)
	}
	if got := fullJitter(-time.Second); got != 0 {
		t.Errorf("fullJitter(-1s) = %v", got)
	}
	if got := fullJitter(maxDuration); got < 0 {
		t.Errorf("fullJitter(max) = %v", got)
	}
	const ceiling = 10 * time.Nanosecond
	seen := map[time.Duration]bool{}
	for range 2000 {
		d := fullJitter(ceiling)
		if d < 0 || d > ceiling {
			t.Fatalf("fullJitter(%v) = %v, out of range", ceiling, d)
		}
		seen[d] = true
	}
	if len(seen) != 11 {
		t.Errorf("fullJitter(%v) produced %d distinct values in 2000 draws, want all 11", ceiling, len(seen))
	}
}

func TestSleepContext(t *testing.T) {
	ctx := context.Background()
	if err := sleepContext(ctx, 0); err != nil {
		t.Errorf("sleepContext(0) = %v", err)
	}
	if err := sleepContext(ctx, time.Millisecond); err != nil {
		t.Errorf("sleepContext(1ms) = %v", err)
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if err := sleepContext(canceled, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("sleepContext(canceled, 0) = %v", err)
	}
	ctx2, cancel2 := context.WithCancel(ctx)
	time.AfterFunc(20*time.Millisecond, cancel2)
	start := time.Now()
	if err := sleepContext(ctx2, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("sleepContext canceled during the wait = %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("sleepContext returned %v after cancellation", d)
	}
}

func TestRetry429RetryAfterSeconds(t *testing.T) {
	var rec recorder
	c, s := throttlingServer(t, &rec, []failure{{http.StatusTooManyRequests, "1"}})
	body := map[string]any{"displayName": "Ada <&>", "n": 1}
	got, err := doJSON[user](context.Background(), c, http.MethodPost, "/users", body, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || got.ID != "ok" {
		t.Errorf("decoded %+v", got)
	}
	if waits := s.recorded(); !slices.Equal(waits, []time.Duration{time.Second}) {
		t.Errorf("waits = %v, want [1s]", waits)
	}
	reqs := rec.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d attempts, want 2", len(reqs))
	}
	want := `{"displayName":"Ada <&>","n":1}` + "\n"
	for i, r := range reqs {
		if r.Method != http.MethodPost || r.Path != "/v1.0/users" || r.Body != want {
			t.Errorf("attempt %d: %s %s %q, want POST /v1.0/users %q", i+1, r.Method, r.Path, r.Body, want)
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("attempt %d: Content-Type %q", i+1, ct)
		}
	}
}

func TestRetry503HTTPDate(t *testing.T) {
	var rec recorder
	date := time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat)
	c, s := throttlingServer(t, &rec, []failure{{http.StatusServiceUnavailable, date}})
	if err := doNoContent(context.Background(), c, http.MethodDelete, "/users/1", nil, nil); err != nil {
		t.Fatal(err)
	}
	waits := s.recorded()
	if len(waits) != 1 || waits[0] <= time.Second || waits[0] > 3*time.Second {
		t.Errorf("waits = %v, want one wait in (1s, 3s] for Retry-After %s", waits, date)
	}
	if n := len(rec.requests()); n != 2 {
		t.Errorf("%d attempts, want 2", n)
	}
}

func TestRetry504Backoff(t *testing.T) {
	gateway := failure{status: http.StatusGatewayTimeout}
	t.Run("recovers", func(t *testing.T) {
		var rec recorder
		c, s := throttlingServer(t, &rec, []failure{gateway, gateway})
		got, err := doJSON[user](context.Background(), c, http.MethodGet, "/me", nil, nil)
		if err != nil || got == nil || got.ID != "ok" {
			t.Fatalf("doJSON = %+v, %v", got, err)
		}
		want := []time.Duration{500 * time.Millisecond, time.Second}
		if waits := s.recorded(); !slices.Equal(waits, want) {
			t.Errorf("waits = %v, want %v", waits, want)
		}
		if n := len(rec.requests()); n != 3 {
			t.Errorf("%d attempts, want 3", n)
		}
	})
	t.Run("gives up after 3 retries", func(t *testing.T) {
		var rec recorder
		c, s := throttlingServer(t, &rec, slices.Repeat([]failure{gateway}, 10))
		_, err := doJSON[user](context.Background(), c, http.MethodGet, "/me", nil, nil)
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 504 || apiErr.Message != "attempt 4" {
			t.Fatalf("err = %v, want the APIError of attempt 4", err)
		}
		want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second}
		if waits := s.recorded(); !slices.Equal(waits, want) {
			t.Errorf("waits = %v, want %v", waits, want)
		}
		if n := len(rec.requests()); n != 4 {
			t.Errorf("%d attempts, want 4", n)
		}
	})
	t.Run("jitter below the ceiling", func(t *testing.T) {
		var rec recorder
		c, s := throttlingServer(t, &rec, slices.Repeat([]failure{gateway}, 10), WithRetry(8))
		c.jitter = fullJitter
		_, _ = doJSON[user](context.Background(), c, http.MethodGet, "/me", nil, nil)
		waits := s.recorded()
		if len(waits) != 8 {
			t.Fatalf("%d waits, want 8", len(waits))
		}
		for i, d := range waits {
			if d < 0 || d > backoff(i) {
				t.Errorf("wait %d = %v, want within [0, %v]", i, d, backoff(i))
			}
		}
	})
}

func TestRetryOnlyTransientStatuses(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409, 500, 502} {
		var rec recorder
		c, s := throttlingServer(t, &rec, []failure{{status, "1"}})
		err := doNoContent(context.Background(), c, http.MethodGet, "/x", nil, nil)
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
			t.Errorf("%d: err = %v", status, err)
		}
		if n := len(rec.requests()); n != 1 || len(s.recorded()) != 0 {
			t.Errorf("%d: %d attempts and waits %v, want 1 attempt and no wait", status, n, s.recorded())
		}
	}
}

func TestWithRetryLimits(t *testing.T) {
	throttled := failure{http.StatusTooManyRequests, "0"}
	for _, tt := range []struct {
		n, attempts int
	}{{0, 1}, {-1, 1}, {1, 2}, {5, 6}, {10, 11}, {11, 11}, {1000, 11}} {
		var rec recorder
		c, _ := throttlingServer(t, &rec, slices.Repeat([]failure{throttled}, 30), WithRetry(tt.n))
		err := doNoContent(context.Background(), c, http.MethodPost, "/x", map[string]int{"a": 1}, nil)
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 429 {
			t.Errorf("WithRetry(%d): err = %v", tt.n, err)
		}
		if n := len(rec.requests()); n != tt.attempts {
			t.Errorf("WithRetry(%d): %d attempts, want %d", tt.n, n, tt.attempts)
		}
	}
}

// opaqueReader hides every method of its reader but Read.
type opaqueReader struct{ r io.Reader }

func (o opaqueReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func TestRetryReplaysBodies(t *testing.T) {
	const text = "hello, replayed world"
	dir := t.TempDir()
	path := filepath.Join(dir, "body.bin")
	if err := os.WriteFile(path, []byte("skip:"+text), 0o600); err != nil {
		t.Fatal(err)
	}
	partial := strings.NewReader("skip:" + text)
	_, _ = partial.Read(make([]byte, len("skip:")))

	tests := []struct {
		name       string
		body       func(t *testing.T) any
		want       string
		wantType   string
		wantLength int64 // as the server sees it; -1 for chunked
	}{
		{"json", func(*testing.T) any { return []string{"a", "b"} }, `["a","b"]` + "\n", "application/json", -1},
		{"strings.Reader", func(*testing.T) any { return strings.NewReader(text) }, text, "application/octet-stream", int64(len(text))},
		{"strings.Reader part read", func(*testing.T) any { return partial }, text, "application/octet-stream", int64(len(text))},
		{"bytes.Reader", func(*testing.T) any { return bytes.NewReader([]byte(text)) }, text, "application/octet-stream", int64(len(text))},
		{"bytes.Buffer", func(*testing.T) any { return bytes.NewBufferString(text) }, text, "application/octet-stream", int64(len(text))},
		{"empty strings.Reader", func(*testing.T) any { return strings.NewReader("") }, "", "application/octet-stream", 0},
		{"file", func(t *testing.T) any {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.Seek(int64(len("skip:")), io.SeekStart); err != nil {
				t.Fatal(err)
			}
			return f
		}, text, "application/octet-stream", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			throttled := failure{http.StatusTooManyRequests, "0"}
			c, s := throttlingServer(t, &rec, []failure{throttled, throttled})
			var lengths []int64
			var mu sync.Mutex
			inner := c.httpClient
			c.httpClient = &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
				mu.Lock()
				lengths = append(lengths, r.ContentLength)
				mu.Unlock()
				return inner.Transport.RoundTrip(r)
			})}
			body := tt.body(t)
			if err := doNoContent(context.Background(), c, http.MethodPut, "/blob", body, nil); err != nil {
				t.Fatal(err)
			}
			reqs := rec.requests()
			if len(reqs) != 3 || len(s.recorded()) != 2 {
				t.Fatalf("%d attempts and %d waits, want 3 and 2", len(reqs), len(s.recorded()))
			}
			for i, r := range reqs {
				if r.Body != tt.want {
					t.Errorf("attempt %d: body %q, want %q", i+1, r.Body, tt.want)
				}
				if ct := r.Header.Get("Content-Type"); ct != tt.wantType {
					t.Errorf("attempt %d: Content-Type %q, want %q", i+1, ct, tt.wantType)
				}
				wantLen := tt.wantLength
				if wantLen == -1 {
					if !slices.Equal(r.TransferEncoding, []string{"chunked"}) {
						t.Errorf("attempt %d: Transfer-Encoding %v, want chunked", i+1, r.TransferEncoding)
					}
				} else if r.ContentLength != wantLen {
					t.Errorf("attempt %d: Content-Length %d, want %d", i+1, r.ContentLength, wantLen)
				}
				if lengths[i] != wantLen {
					t.Errorf("attempt %d: request ContentLength %d, want %d", i+1, lengths[i], wantLen)
				}
			}
			if f, ok := body.(*os.File); ok {
				if _, err := f.Read(make([]byte, 1)); !errors.Is(err, os.ErrClosed) {
					t.Errorf("file not closed after the call: Read = %v", err)
				}
			}
		})
	}
}

// roundTripFunc adapts a function to http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestRetryNonReplayableBodyNotRetried(t *testing.T) {
	var rec recorder
	c, s := throttlingServer(t, &rec, []failure{{http.StatusTooManyRequests, "1"}})
	err := doNoContent(context.Background(), c, http.MethodPut, "/blob", opaqueReader{strings.NewReader("once")}, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 429 {
		t.Fatalf("err = %v, want the 429 APIError", err)
	}
	if apiErr.RetryAfter != time.Second {
		t.Errorf("RetryAfter = %v, want 1s", apiErr.RetryAfter)
	}
	if n := len(rec.requests()); n != 1 || len(s.recorded()) != 0 {
		t.Errorf("%d attempts, waits %v; want 1 attempt and no wait", n, s.recorded())
	}
	if got := rec.requests()[0].Body; got != "once" {
		t.Errorf("body = %q", got)
	}
}

// flakyMarshaler encodes once and fails afterwards.
type flakyMarshaler struct{ calls *int }

func (f flakyMarshaler) MarshalJSON() ([]byte, error) {
	*f.calls++
	if *f.calls > 1 {
		return nil, errors.New("marshal failed")
	}
	return []byte(`{"ok":true}`), nil
}

func TestRetryEncodeErrorOnRetry(t *testing.T) {
	var rec recorder
	c, _ := throttlingServer(t, &rec, []failure{{http.StatusTooManyRequests, "0"}})
	var calls int
	err := doNoContent(context.Background(), c, http.MethodPost, "/x", flakyMarshaler{&calls}, nil)
	if err == nil || !strings.Contains(err.Error(), "marshal failed") || !strings.Contains(err.Error(), "encoding") {
		t.Fatalf("err = %v, want the encoding error of the retry", err)
	}
	if n := len(rec.requests()); n != 1 || calls != 2 {
		t.Errorf("%d requests sent, %d encodings; want 1 and 2", n, calls)
	}
}

func TestRetryDeadlineBeforeRetryAfter(t *testing.T) {
	var rec recorder
	c, _ := throttlingServer(t, &rec, []failure{{http.StatusTooManyRequests, "30"}})
	c.sleep = sleepContext
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	start := time.Now()
	_, err := doJSON[user](ctx, c, http.MethodGet, "/me", nil, nil)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("returned after %v, want at once", d)
	}
	apiErr, ok := err.(*APIError)
	if !ok || apiErr.StatusCode != 429 || apiErr.RetryAfter != 30*time.Second {
		t.Fatalf("err = %v (%T), want the 429 *APIError as is", err, err)
	}
	if ctx.Err() != nil {
		t.Error("context expired: the client waited")
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("%d attempts, want 1", n)
	}
}

func TestRetryCanceledDuringWait(t *testing.T) {
	var rec recorder
	c, _ := throttlingServer(t, &rec, []failure{{http.StatusServiceUnavailable, "30"}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var waited time.Duration
	c.sleep = func(ctx context.Context, d time.Duration) error {
		waited = d
		time.AfterFunc(20*time.Millisecond, cancel)
		return sleepContext(ctx, d)
	}
	start := time.Now()
	err := doNoContent(ctx, c, http.MethodGet, "/x", nil, nil)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("returned after %v", d)
	}
	if waited != 30*time.Second {
		t.Errorf("wait = %v, want 30s", waited)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
		t.Errorf("err = %v, want it to wrap the 503 APIError", err)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("%d attempts, want 1", n)
	}
}

func TestRetryCollectionPageAndStream(t *testing.T) {
	var rec recorder
	throttled := map[string]bool{}
	var mu sync.Mutex
	var base string
	c, srv := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		key := r.URL.RequestURI()
		mu.Lock()
		first := !throttled[key]
		throttled[key] = true
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		switch r.URL.Query().Get("page") {
		case "":
			if strings.HasSuffix(r.URL.Path, "/$value") {
				_, _ = io.WriteString(w, "bytes")
				return
			}
			_, _ = fmt.Fprintf(w, `{"value":[{"id":"a"}],"@odata.nextLink":%q}`, base+"?page=2")
		default:
			_, _ = io.WriteString(w, `{"value":[{"id":"b"}]}`)
		}
	})
	base = srv.URL + "/v1.0/users"
	s := new(sleepRecorder)
	c.sleep = s.sleep
	var ids []string
	for u, err := range doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, u.ID)
	}
	if fmt.Sprint(ids) != "[a b]" {
		t.Errorf("ids = %v", ids)
	}
	rc, err := doStream(context.Background(), c, http.MethodGet, "/photo/$value", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(rc)
	_ = rc.Close()
	if string(data) != "bytes" {
		t.Errorf("stream = %q", data)
	}
	if n := len(rec.requests()); n != 6 {
		t.Errorf("%d requests, want 6", n)
	}
	if waits := s.recorded(); !slices.Equal(waits, []time.Duration{2 * time.Second, 2 * time.Second, 2 * time.Second}) {
		t.Errorf("waits = %v", waits)
	}
}

func TestJSONBodyStreams(t *testing.T) {
	type item struct {
		N    int    `json:"n"`
		Text string `json:"text"`
	}
	big := make([]item, 20000)
	for i := range big {
		big[i] = item{N: i, Text: strings.Repeat("x", 40)}
	}
	want, err := json.Marshal(big)
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')

	var (
		mu      sync.Mutex
		bodies  [][]byte
		encodes []string
	)
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("server reading body: %v", err)
		}
		mu.Lock()
		bodies = append(bodies, b)
		encodes = append(encodes, strconv.FormatInt(r.ContentLength, 10)+" "+strings.Join(r.TransferEncoding, ","))
		n := len(bodies)
		mu.Unlock()
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	inner := c.httpClient
	c.httpClient = &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if _, ok := r.Body.(*io.PipeReader); !ok {
			t.Errorf("request body is a %T, want an *io.PipeReader", r.Body)
		}
		if r.ContentLength != -1 {
			t.Errorf("request ContentLength = %d, want -1", r.ContentLength)
		}
		if r.GetBody == nil {
			t.Error("request has no GetBody")
		} else {
			rc, err := r.GetBody()
			if err != nil {
				t.Fatal(err)
			}
			again, _ := io.ReadAll(rc)
			_ = rc.Close()
			if !bytes.Equal(again, want) {
				t.Error("GetBody yields a different body")
			}
		}
		return inner.Transport.RoundTrip(r)
	})}
	if err := doNoContent(context.Background(), c, http.MethodPost, "/bulk", big, nil); err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 2 {
		t.Fatalf("%d attempts, want 2", len(bodies))
	}
	for i, b := range bodies {
		if !bytes.Equal(b, want) {
			t.Errorf("attempt %d: body of %d bytes differs from the %d-byte encoding", i+1, len(b), len(want))
		}
		if encodes[i] != "-1 chunked" {
			t.Errorf("attempt %d: Content-Length and Transfer-Encoding %q, want \"-1 chunked\"", i+1, encodes[i])
		}
	}
}

func TestRedirectReplaysBody(t *testing.T) {
	for name, body := range map[string]func() any{
		"json":   func() any { return map[string]string{"a": "b"} },
		"reader": func() any { return strings.NewReader(`{"a":"b"}` + "\n") },
	} {
		t.Run(name, func(t *testing.T) {
			var rec recorder
			c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				got := rec.record(r)
				if got.Path == "/v1.0/old" {
					http.Redirect(w, r, "/v1.0/new", http.StatusTemporaryRedirect)
					return
				}
				w.WriteHeader(http.StatusNoContent)
			})
			if err := doNoContent(context.Background(), c, http.MethodPost, "/old", body(), nil); err != nil {
				t.Fatal(err)
			}
			reqs := rec.requests()
			if len(reqs) != 2 || reqs[1].Path != "/v1.0/new" {
				t.Fatalf("requests = %+v", reqs)
			}
			for i, r := range reqs {
				if r.Body != `{"a":"b"}`+"\n" {
					t.Errorf("request %d: body %q", i+1, r.Body)
				}
			}
		})
	}
}

func TestAttemptReaderDetach(t *testing.T) {
	r := &attemptReader{r: strings.NewReader("abc")}
	buf := make([]byte, 1)
	if n, err := r.Read(buf); n != 1 || err != nil {
		t.Fatalf("Read = %d, %v", n, err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(buf); !errors.Is(err, http.ErrBodyReadAfterClose) {
		t.Errorf("Read after Close = %v", err)
	}
}

func TestOnceBody(t *testing.T) {
	rb := newRequestBody(opaqueReader{strings.NewReader("x")})
	if rb.replayable {
		t.Error("an opaque reader is replayable")
	}
	if _, err := rb.open(); err != nil {
		t.Fatal(err)
	}
	if _, err := rb.open(); err == nil {
		t.Error("an opaque reader opened twice")
	}
}

// failingSeeker is a reader whose Seek always fails, like a pipe's.
type failingSeeker struct{ io.Reader }

func (failingSeeker) Seek(int64, int) (int64, error) { return 0, errors.New("illegal seek") }

func TestUnseekableSeekerSentOnce(t *testing.T) {
	if rb := newRequestBody(failingSeeker{strings.NewReader("x")}); rb.replayable {
		t.Error("a seeker that cannot seek is replayable")
	}
}

func TestRetryWaitCeiling(t *testing.T) {
	inAWeek := time.Now().Add(7 * 24 * time.Hour).UTC().Format(http.TimeFormat)
	tests := []struct {
		name       string
		opts       []Option
		script     []failure
		waits      []time.Duration
		attempts   int
		retryAfter time.Duration // of the APIError; 0 when the call succeeds
	}{
		{name: "a day", script: []failure{{http.StatusTooManyRequests, "100000"}},
			attempts: 1, retryAfter: 100000 * time.Second},
		{name: "just over the default", script: []failure{{http.StatusServiceUnavailable, "181"}},
			attempts: 1, retryAfter: 181 * time.Second},
		{name: "the default", script: []failure{{http.StatusTooManyRequests, "180"}},
			waits: []time.Duration{180 * time.Second}, attempts: 2},
		{name: "a date next week", script: []failure{{http.StatusTooManyRequests, inAWeek}},
			attempts: 1, retryAfter: -1},
		{name: "second throttle too long", script: []failure{{http.StatusTooManyRequests, "2"}, {http.StatusTooManyRequests, "3600"}},
			waits: []time.Duration{2 * time.Second}, attempts: 2, retryAfter: time.Hour},
		{name: "lower ceiling, at it", opts: []Option{WithMaxRetryWait(5 * time.Second)},
			script: []failure{{http.StatusTooManyRequests, "5"}}, waits: []time.Duration{5 * time.Second}, attempts: 2},
		{name: "lower ceiling, over it", opts: []Option{WithMaxRetryWait(5 * time.Second)},
			script: []failure{{http.StatusTooManyRequests, "6"}}, attempts: 1, retryAfter: 6 * time.Second},
		{name: "higher ceiling", opts: []Option{WithMaxRetryWait(time.Hour)},
			script: []failure{{http.StatusTooManyRequests, "3600"}}, waits: []time.Duration{time.Hour}, attempts: 2},
		{name: "backoff shortened", opts: []Option{WithMaxRetryWait(700 * time.Millisecond)},
			script:   slices.Repeat([]failure{{status: http.StatusGatewayTimeout}}, 3),
			waits:    []time.Duration{500 * time.Millisecond, 700 * time.Millisecond, 700 * time.Millisecond},
			attempts: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			c, s := throttlingServer(t, &rec, tt.script, tt.opts...)
			_, err := doJSON[user](context.Background(), c, http.MethodGet, "/me", nil, nil)
			if got := s.recorded(); !slices.Equal(got, tt.waits) {
				t.Errorf("waits = %v, want %v", got, tt.waits)
			}
			if n := len(rec.requests()); n != tt.attempts {
				t.Errorf("%d attempts, want %d", n, tt.attempts)
			}
			if tt.retryAfter == 0 {
				if err != nil {
					t.Errorf("err = %v, want success", err)
				}
				return
			}
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v (%T), want the *APIError", err, err)
			}
			want := tt.retryAfter
			if want < 0 { // the date: about a week
				if d := apiErr.RetryAfter; d < 7*24*time.Hour-time.Minute || d > 7*24*time.Hour {
					t.Errorf("RetryAfter = %v, want about a week", d)
				}
			} else if apiErr.RetryAfter != want {
				t.Errorf("RetryAfter = %v, want %v", apiErr.RetryAfter, want)
			}
		})
	}
}

func TestRetryWaitCeilingDoesNotSleep(t *testing.T) {
	// With the real sleep, a Retry-After past the ceiling returns at once.
	var rec recorder
	c, _ := throttlingServer(t, &rec, []failure{{http.StatusTooManyRequests, "100000"}})
	c.sleep = sleepContext
	done := make(chan error, 1)
	go func() {
		_, err := doJSON[user](context.Background(), c, http.MethodGet, "/me", nil, nil)
		done <- err
	}()
	select {
	case err := <-done:
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusTooManyRequests {
			t.Errorf("err = %v, want the 429 *APIError", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the client is waiting out a Retry-After of 100000 seconds")
	}
}
