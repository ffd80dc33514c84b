package generated

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"
)

// libraryServer is a hand-written stand-in for a service that accepts
// @odata.bind members and explicit nulls, as Graph does when a group is
// created with members and owners or a user's property is cleared: it
// records each request body as JSON and answers with canned entities that
// hold a member the generated types do not declare.
type libraryServer struct {
	*httptest.Server
	mu     sync.Mutex
	bodies map[string]map[string]any // by "METHOD path"
}

// undeclaredBook is a book as the service returns it, with an extension
// member no generated type declares.
const undeclaredBook = `{"id":"b-1","title":"Dune","extension_abc_shelfTag":{"color":"red","n":[1,2]},"copyCount":2}`

func newLibraryServer(t *testing.T) *libraryServer {
	t.Helper()
	s := &libraryServer{bodies: map[string]map[string]any{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var body map[string]any
		if len(b) > 0 {
			if err := json.Unmarshal(b, &body); err != nil {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
		}
		s.mu.Lock()
		s.bodies[r.Method+" "+r.URL.EscapedPath()] = body
		s.mu.Unlock()
		switch {
		case r.Method == http.MethodPatch && r.URL.Path == "/v1.0/books/b-1/copies/c-1":
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Header().Set("Content-Type", "application/json")
			if r.Method == http.MethodPost {
				w.WriteHeader(http.StatusCreated)
			}
			_, _ = io.WriteString(w, undeclaredBook)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *libraryServer) body(t *testing.T, key string) map[string]any {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.bodies[key]
	if !ok {
		t.Fatalf("no request %s", key)
	}
	return b
}

// TestBindOnTheWire creates a book with two relationships bound to
// existing resources (as creating a group binds members and owners): each
// is sent as "<name>@odata.bind", a list of URLs under the service root of
// the client.
func TestBindOnTheWire(t *testing.T) {
	srv := newLibraryServer(t)
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithHTTPClient(srv.Client()), WithRetry(0))
	title := "Dune Messiah"
	book := Book{Title: &title}
	if err := Bind(&book, &book.RelatedBooks, RefTo("books", "b-1"), RefTo("books", "b 2")); err != nil {
		t.Fatal(err)
	}
	if err := Bind(&book, &book.Copies, RefURL(srv.URL+"/v1.0/books/b-1/copies/c-9")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateBook(context.Background(), &book); err != nil {
		t.Fatal(err)
	}
	got := srv.body(t, "POST /v1.0/books")
	want := map[string]any{
		"title":                   "Dune Messiah",
		"relatedBooks@odata.bind": []any{srv.URL + "/v1.0/books/b-1", srv.URL + "/v1.0/books/b%202"},
		"copies@odata.bind":       []any{srv.URL + "/v1.0/books/b-1/copies/c-9"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sent %v\nwant %v", got, want)
	}
	// A reference to another service is refused before anything is sent.
	if err := Bind(&book, &book.Copies, RefURL("https://evil.example/v1.0/x")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateBook(context.Background(), &book); err == nil {
		t.Error("a bind to another host was sent")
	}
}

// TestSetNullOnTheWire clears a property with an explicit null, which a
// nil field cannot send.
func TestSetNullOnTheWire(t *testing.T) {
	srv := newLibraryServer(t)
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithHTTPClient(srv.Client()), WithRetry(0))
	branch := "Central"
	copyPatch := BookCopy{Branch: &branch}
	if err := SetNull(&copyPatch, &copyPatch.ShelfCode); err != nil {
		t.Fatal(err)
	}
	if err := c.UpdateBookCopy(context.Background(), "b-1", "c-1", &copyPatch); err != nil {
		t.Fatal(err)
	}
	got := srv.body(t, "PATCH /v1.0/books/b-1/copies/c-1")
	if v, ok := got["shelfCode"]; !ok || v != nil || got["branch"] != "Central" || len(got) != 2 {
		t.Errorf("sent %v, want branch and shelfCode: null", got)
	}
	var elsewhere *string
	if err := SetNull(&copyPatch, &elsewhere); err == nil {
		t.Error("SetNull took a pointer to a variable that is not a field")
	}
}

// TestGetPatchKeepsUndeclaredMembers gets a book whose JSON has a member
// the generated type does not declare, changes it and sends it back: the
// member is read from Extra and sent again unchanged.
func TestGetPatchKeepsUndeclaredMembers(t *testing.T) {
	srv := newLibraryServer(t)
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithHTTPClient(srv.Client()), WithRetry(0))
	ctx := context.Background()
	b, err := c.GetBook(ctx, "b-1")
	if err != nil {
		t.Fatal(err)
	}
	if raw, ok := b.Extra.Get("extension_abc_shelfTag"); !ok || string(raw) != `{"color":"red","n":[1,2]}` {
		t.Fatalf("Extra = %v", b.Extra.Names())
	}
	title := "Dune (annotated)"
	b.Title = &title
	if _, err := c.UpdateBook(ctx, "b-1", b); err != nil {
		t.Fatal(err)
	}
	got := srv.body(t, "PATCH /v1.0/books/b-1")
	var want map[string]any
	if err := json.Unmarshal([]byte(undeclaredBook), &want); err != nil {
		t.Fatal(err)
	}
	want["title"] = title
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PATCH sent %v\nwant %v", got, want)
	}
}
