package generated

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestAddRelatedBook replays add_related_book: the documented @odata.id
// (https://graph.microsoft.com/v1.0/books/b-17) names the same resource
// under the service root of the client that sends it.
func TestAddRelatedBook(t *testing.T) {
	rs := newReplayServer(t)
	ex := exchangeNamed(t, rs.exchanges, "add_related_book")
	if err := rs.client().AddBookRelatedBook(context.Background(), "b-42", RefTo("books", "b-17")); err != nil {
		t.Fatal(err)
	}
	rec := expectExchange(t, rs, 0, "add_related_book")
	if rec.Path != "/books/b-42/relatedBooks/$ref" {
		t.Errorf("path = %s", rec.Path)
	}
	want := strings.ReplaceAll(ex.reqBody.Text, docsBase, rs.URL+apiVersion)
	if diffs := jsonDiffKeeping(t, []byte(want), rec.Body, "@odata.id"); len(diffs) > 0 {
		t.Errorf("sent body differs from the documented one at %s:\n%s", ex.reqBody.Pos, strings.Join(diffs, "\n"))
	}
}

// refServer is a hand-written stand-in for the service's $ref endpoint:
// it records each request and answers 204, or 400 when the body is not a
// JSON object with an @odata.id string, as Graph does.
type refServer struct {
	*httptest.Server
	mu     sync.Mutex
	bodies []string
	paths  []string
}

func newRefServer(t *testing.T) *refServer {
	t.Helper()
	s := &refServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.bodies = append(s.bodies, string(b))
		s.paths = append(s.paths, r.Method+" "+r.URL.EscapedPath()+" "+r.Header.Get("Content-Type"))
		s.mu.Unlock()
		var ref struct {
			ID *string `json:"@odata.id"`
		}
		if json.Unmarshal(b, &ref) != nil || ref.ID == nil {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"error":{"code":"Request_BadRequest","message":"Invalid request body."}}`)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *refServer) seen() ([]string, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.paths...), append([]string(nil), s.bodies...)
}

func TestReferenceBodyOnTheWire(t *testing.T) {
	srv := newRefServer(t)
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithHTTPClient(srv.Client()), WithRetry(0))
	ctx := context.Background()
	if err := c.AddBookRelatedBook(ctx, "b/42", RefTo("books", "b 17")); err != nil {
		t.Fatal(err)
	}
	if err := c.AddBookRelatedBook(ctx, "b-42", RefURL(srv.URL+"/v1.0/books/b-18")); err != nil {
		t.Fatal(err)
	}
	paths, bodies := srv.seen()
	wantPaths := []string{
		"POST /v1.0/books/b%2F42/relatedBooks/$ref application/json",
		"POST /v1.0/books/b-42/relatedBooks/$ref application/json",
	}
	wantBodies := []string{
		`{"@odata.id":"` + srv.URL + `/v1.0/books/b%2017"}` + "\n",
		`{"@odata.id":"` + srv.URL + `/v1.0/books/b-18"}` + "\n",
	}
	if strings.Join(paths, "\n") != strings.Join(wantPaths, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(wantPaths, "\n"))
	}
	if strings.Join(bodies, "") != strings.Join(wantBodies, "") {
		t.Errorf("bodies:\n%s\nwant:\n%s", strings.Join(bodies, ""), strings.Join(wantBodies, ""))
	}
	// A reference to another service, or to nothing, is refused before
	// anything is sent: the URL would go out with the caller's request.
	for _, ref := range []Reference{RefURL("https://evil.example/v1.0/books/1"), {}, RefTo("books", "..")} {
		if err := c.AddBookRelatedBook(ctx, "b-42", ref); err == nil {
			t.Errorf("AddBookRelatedBook(%q) succeeded", ref)
		}
	}
	if paths, _ := srv.seen(); len(paths) != 2 {
		t.Errorf("%d requests reached the server, want 2", len(paths))
	}
}
