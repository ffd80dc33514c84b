package generated_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/docgen-dev/docgen/generated"
)

// TestThrottlingRetried: a 429 with Retry-After is retried and the call
// succeeds, with the same body sent each time.
func TestThrottlingRetried(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		n := len(bodies)
		mu.Unlock()
		if n < 3 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"error":{"code":"TooManyRequests","message":"slow down"}}`)
			return
		}
		w.WriteHeader(http.StatusAccepted)
	}))
	defer srv.Close()
	c := generated.NewClient(generated.WithBaseURL(srv.URL), generated.WithHTTPClient(srv.Client()))
	err := c.ArchiveBook(context.Background(), "b1", &generated.ArchiveBookParameters{Reason: generated.Ptr("old")})
	if err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 3 || bodies[0] != bodies[2] || !strings.Contains(bodies[0], `"reason":"old"`) {
		t.Errorf("bodies = %q, want the same body three times", bodies)
	}
	c = generated.NewClient(generated.WithBaseURL(srv.URL), generated.WithHTTPClient(srv.Client()), generated.WithRetry(0))
	mu.Lock()
	bodies = nil
	mu.Unlock()
	if err := c.ArchiveBook(context.Background(), "b1", &generated.ArchiveBookParameters{}); err == nil {
		t.Error("WithRetry(0) retried a throttled call")
	}
}

// TestDeltaTwoRounds: the first round ends with a delta link; the second,
// resumed from it, sees only the changes.
func TestDeltaTwoRounds(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Query().Get("$deltatoken") {
		case "":
			if r.URL.Query().Get("$skiptoken") == "" {
				fmt.Fprintf(w, `{"@odata.nextLink":"%s/books/delta?$skiptoken=p2","value":[{"id":"1"},{"id":"2"}]}`, srv.URL)
				return
			}
			fmt.Fprintf(w, `{"@odata.deltaLink":"%s/books/delta?$deltatoken=A","value":[{"id":"3"}]}`, srv.URL)
		case "A":
			fmt.Fprintf(w, `{"@odata.deltaLink":"%s/books/delta?$deltatoken=B","value":[{"id":"2","title":"changed"}]}`, srv.URL)
		}
	}))
	defer srv.Close()
	c := generated.NewClient(generated.WithBaseURL(srv.URL), generated.WithHTTPClient(srv.Client()))
	ctx := context.Background()
	var link string
	var ids []string
	for b, err := range c.ListBookDelta(ctx, generated.WithDeltaLink(&link)) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *b.ID)
	}
	if strings.Join(ids, ",") != "1,2,3" || !strings.HasSuffix(link, "$deltatoken=A") {
		t.Fatalf("round 1: ids %v, link %q", ids, link)
	}
	ids = nil
	for b, err := range c.ListBookDelta(ctx, generated.WithResumeFrom(link), generated.WithDeltaLink(&link)) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *b.ID+":"+*b.Title)
	}
	if strings.Join(ids, ",") != "2:changed" || !strings.HasSuffix(link, "$deltatoken=B") {
		t.Errorf("round 2: ids %v, link %q", ids, link)
	}
}

// TestAcceptedLocation: a 202 Accepted's Location reaches the caller, here
// from the test double serving the documented example.
func TestAcceptedLocation(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/archiveJobs/5e7d2c91")
		w.WriteHeader(http.StatusAccepted)
	}))
	defer srv.Close()
	c := generated.NewClient(generated.WithBaseURL(srv.URL), generated.WithHTTPClient(srv.Client()))
	var info generated.ResponseInfo
	err := c.ArchiveBook(context.Background(), "b1", &generated.ArchiveBookParameters{Reason: generated.Ptr("x")}, generated.WithResponseInfo(&info))
	if err != nil || info.StatusCode != http.StatusAccepted || info.Location != srv.URL+"/archiveJobs/5e7d2c91" {
		t.Errorf("err %v, info %+v", err, info)
	}
}

// TestBinaryUpload: an upload takes an io.Reader and sends its bytes as
// they are.
func TestBinaryUpload(t *testing.T) {
	var got string
	var ctype string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got, ctype = string(b), r.Header.Get("Content-Type")
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c := generated.NewClient(generated.WithBaseURL(srv.URL), generated.WithHTTPClient(srv.Client()))
	err := c.SetBookCover(context.Background(), "b1", "image/jpeg", strings.NewReader("\xff\xd8jpeg"))
	if err != nil || got != "\xff\xd8jpeg" || ctype != "image/jpeg" {
		t.Errorf("err %v, body %q, content type %q", err, got, ctype)
	}
}
