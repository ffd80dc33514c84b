package generated

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestCreateBookCopy replays create_bookcopy: a POST to the copies
// collection takes a *BookCopy, the type of the collection's elements,
// not a type made up from the page's parameter table.
func TestCreateBookCopy(t *testing.T) {
	rs := newReplayServer(t)
	ex := exchangeNamed(t, rs.exchanges, "create_bookcopy")
	body := &BookCopy{Barcode: Ptr("31862004417758"), Branch: Ptr("central"), Format: Ptr(BookFormatPaperback)}
	got, err := rs.client().CreateBookCopy(context.Background(), bookID, body)
	if err != nil {
		t.Fatal(err)
	}
	rec := expectExchange(t, rs, 0, "create_bookcopy")
	if diffs := jsonDiff(t, []byte(ex.reqBody.Text), rec.Body); len(diffs) > 0 {
		t.Errorf("sent body differs from the documented one at %s:\n%s", ex.reqBody.Pos, strings.Join(diffs, "\n"))
	}
	if got == nil || deref(got.ID) != "0b9e4a63-5a2d-4c1e-8f0e-3d1f6a2b7c90" || deref(got.LoanStatus) != LoanStatusAvailable {
		t.Errorf("CreateBookCopy returned %+v", got)
	}
}

// entityServer is a hand-written stand-in for the service: it records
// each request's method, path and body and answers with the JSON given.
type entityServer struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string
}

func newEntityServer(t *testing.T, status int, answer string) *entityServer {
	t.Helper()
	s := &entityServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.seen = append(s.seen, r.Method+" "+r.URL.EscapedPath()+" "+string(b))
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, answer)
	}))
	t.Cleanup(s.Close)
	return s
}

// TestEntityBodiesOnTheWire: the PATCH of an entity sends that entity's
// members, and only those set; the POST to a collection sends the new
// element's.
func TestEntityBodiesOnTheWire(t *testing.T) {
	srv := newEntityServer(t, http.StatusOK, `{"id":"b1","title":"Sula","pageCount":174}`)
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithHTTPClient(srv.Client()), WithRetry(0))
	ctx := context.Background()
	b, err := c.UpdateBook(ctx, "b1", &Book{Title: Ptr("Sula"), PageCount: Ptr(int32(174))})
	if err != nil {
		t.Fatal(err)
	}
	if b == nil || deref(b.Title) != "Sula" {
		t.Errorf("UpdateBook returned %+v", b)
	}
	srv2 := newEntityServer(t, http.StatusCreated, `{"id":"c9","barcode":"1","branch":"north","format":"ebook"}`)
	c2 := NewClient(WithBaseURL(srv2.URL+"/v1.0"), WithHTTPClient(srv2.Client()), WithRetry(0))
	cp, err := c2.CreateBookCopy(ctx, "b1", &BookCopy{Barcode: Ptr("1"), Branch: Ptr("north"), Format: Ptr(BookFormatEbook)})
	if err != nil {
		t.Fatal(err)
	}
	if cp == nil || deref(cp.ID) != "c9" {
		t.Errorf("CreateBookCopy returned %+v", cp)
	}
	want := []string{
		`PATCH /v1.0/books/b1 {"pageCount":174,"title":"Sula"}`,
		`POST /v1.0/books/b1/copies {"barcode":"1","branch":"north","format":"ebook"}`,
	}
	got := append(append([]string(nil), srv.seen...), srv2.seen...)
	for i := range got {
		got[i] = strings.TrimSuffix(got[i], "\n")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
