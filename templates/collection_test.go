package templates

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"testing"
)

// pagedServer serves /v1.0/users as pages of two users each; the page
// number comes from the "page" query parameter. next maps a page number to
// the absolute nextLink URL of that page, "" for the last page; status, if
// it returns non-zero for a page, makes that page fail with that status.
func pagedServer(t *testing.T, rec *recorder, next func(base string, page int) string, status func(page int) int) *Client {
	t.Helper()
	var base string
	c, srv := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		page := 1
		if p := r.URL.Query().Get("page"); p != "" {
			_, _ = fmt.Sscan(p, &page)
		}
		if status != nil {
			if s := status(page); s != 0 {
				w.WriteHeader(s)
				_, _ = io.WriteString(w, `{"error":{"code":"Boom","message":"page failed"}}`)
				return
			}
		}
		link := ""
		if n := next(base, page); n != "" {
			link = fmt.Sprintf(`,"@odata.nextLink":%q`, n)
		}
		_, _ = fmt.Fprintf(w, `{"@odata.context":"ctx","value":[{"id":"%d-a"},{"id":"%d-b"}]%s}`, page, page, link)
	})
	base = srv.URL + "/v1.0/users"
	return c
}

// threePages links page 1 to 2 to 3.
func threePages(base string, page int) string {
	if page >= 3 {
		return ""
	}
	return fmt.Sprintf("%s?$top=2&page=%d&$skiptoken=tok%d", base, page+1, page+1)
}

func TestDoCollectionFollowsNextLink(t *testing.T) {
	var rec recorder
	c := pagedServer(t, &rec, threePages, nil)
	seq := doCollection[user](context.Background(), c, http.MethodPost, "/users", map[string]string{"q": "x"},
		[]RequestOption{WithTop(2), WithHeader("Prefer", "odata.maxpagesize=2")})
	if n := len(rec.requests()); n != 0 {
		t.Fatalf("%d requests before iteration, want 0", n)
	}
	var ids []string
	for u, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, u.ID)
	}
	want := []string{"1-a", "1-b", "2-a", "2-b", "3-a", "3-b"}
	if fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Errorf("ids = %v, want %v", ids, want)
	}
	reqs := rec.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	wantReqs := []struct{ method, query, body string }{
		{http.MethodPost, "$top=2", `{"q":"x"}` + "\n"},
		{http.MethodGet, "$top=2&page=2&$skiptoken=tok2", ""},
		{http.MethodGet, "$top=2&page=3&$skiptoken=tok3", ""},
	}
	for i, w := range wantReqs {
		r := reqs[i]
		if r.Method != w.method || r.RawQuery != w.query || r.Body != w.body {
			t.Errorf("request %d = %s ?%s %q, want %s ?%s %q", i+1, r.Method, r.RawQuery, r.Body, w.method, w.query, w.body)
		}
		if got := r.Header.Get("Prefer"); got != "odata.maxpagesize=2" {
			t.Errorf("request %d: Prefer = %q, want the header option re-applied", i+1, got)
		}
		if r.Path != "/v1.0/users" {
			t.Errorf("request %d: path = %s", i+1, r.Path)
		}
	}

	// Iterating again starts over.
	count := 0
	for _, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		count++
	}
	if count != 6 || len(rec.requests()) != 6 {
		t.Errorf("second iteration: %d items, %d requests in all; want 6 and 6", count, len(rec.requests()))
	}
}

func TestDoCollectionEarlyBreak(t *testing.T) {
	for _, stopAfter := range []int{1, 2, 3} {
		t.Run(fmt.Sprint(stopAfter), func(t *testing.T) {
			var rec recorder
			c := pagedServer(t, &rec, threePages, nil)
			n := 0
			for _, err := range doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, nil) {
				if err != nil {
					t.Fatal(err)
				}
				n++
				if n == stopAfter {
					break
				}
			}
			// Items 1-2 are on page 1, item 3 on page 2.
			want := (stopAfter + 1) / 2
			if got := len(rec.requests()); got != want {
				t.Errorf("%d requests after breaking at item %d, want %d", got, stopAfter, want)
			}
		})
	}
}

func TestDoCollectionErrorOnPage2(t *testing.T) {
	var rec recorder
	c := pagedServer(t, &rec, threePages, func(page int) int {
		if page == 2 {
			return http.StatusInternalServerError
		}
		return 0
	})
	var ids []string
	var errs []error
	for u, err := range doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, nil) {
		if err != nil {
			errs = append(errs, err)
			if u != (user{}) {
				t.Errorf("error yielded with non-zero value %+v", u)
			}
			continue // the iterator must stop by itself
		}
		ids = append(ids, u.ID)
	}
	if fmt.Sprint(ids) != "[1-a 1-b]" {
		t.Errorf("ids = %v, want [1-a 1-b]", ids)
	}
	if len(errs) != 1 {
		t.Fatalf("%d errors, want 1: %v", len(errs), errs)
	}
	var apiErr *APIError
	if !errors.As(errs[0], &apiErr) || apiErr.StatusCode != 500 || apiErr.Code != "Boom" {
		t.Errorf("err = %v, want APIError 500 Boom", errs[0])
	}
	if got := len(rec.requests()); got != 2 {
		t.Errorf("%d requests, want 2", got)
	}
}

func TestDoCollectionRepeatedNextLink(t *testing.T) {
	var rec recorder
	c := pagedServer(t, &rec, func(base string, page int) string {
		return base + "?page=2" // page 2 links to itself
	}, nil)
	var ids []string
	var errs []error
	for u, err := range doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, u.ID)
		if len(ids) > 10 {
			t.Fatal("no error after 10 items: the nextLink loop was not detected")
		}
	}
	if fmt.Sprint(ids) != "[1-a 1-b 2-a 2-b]" {
		t.Errorf("ids = %v", ids)
	}
	if len(errs) != 1 {
		t.Fatalf("%d errors, want 1: %v", len(errs), errs)
	}
	if got := len(rec.requests()); got != 2 {
		t.Errorf("%d requests, want 2", got)
	}
}

func TestDoCollectionBadPage(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"value":[{"id":1}]}`) // id must be a string
	})
	n := 0
	for _, err := range doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, nil) {
		n++
		if err == nil {
			t.Error("no error for a malformed page")
		}
	}
	if n != 1 {
		t.Errorf("%d yields, want 1", n)
	}
}

func TestDoCollectionEmpty(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"value":[]}`)
	})
	for u, err := range doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, nil) {
		t.Errorf("yielded (%v, %v) from an empty collection", u, err)
	}
}

// deltaServer serves a delta query of /v1.0/users/delta. The initial round
// has two pages: page 1 links to page 2, which carries the delta link with
// token A. Resuming from token A gives one page with one changed user and
// the delta link with token B. Requests are recorded in rec.
func deltaServer(t *testing.T, rec *recorder) (*Client, string) {
	t.Helper()
	var base string
	c, srv := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		q := r.URL.Query()
		switch {
		case q.Get("$deltatoken") == "A":
			_, _ = fmt.Fprintf(w, `{"value":[{"id":"2","displayName":"Grace (renamed)"}],"@odata.deltaLink":%q}`, base+"?$deltatoken=B")
		case q.Get("$deltatoken") != "":
			w.WriteHeader(http.StatusGone)
			_, _ = io.WriteString(w, `{"error":{"code":"SyncStateNotFound","message":"unknown token"}}`)
		case q.Get("$skiptoken") == "p2":
			_, _ = fmt.Fprintf(w, `{"value":[{"id":"3","displayName":"Linus"}],"@odata.deltaLink":%q}`, base+"?$deltatoken=A")
		default:
			_, _ = fmt.Fprintf(w, `{"value":[{"id":"1","displayName":"Ada"},{"id":"2","displayName":"Grace"}],"@odata.nextLink":%q}`, base+"?$skiptoken=p2")
		}
	})
	base = srv.URL + "/v1.0/users/delta"
	return c, base
}

// collect iterates seq to the end, failing t on an error.
func collect(t *testing.T, seq func(func(user, error) bool)) []string {
	t.Helper()
	var out []string
	for u, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, u.ID+":"+u.DisplayName)
	}
	return out
}

func TestDeltaTwoRounds(t *testing.T) {
	var rec recorder
	c, base := deltaServer(t, &rec)
	ctx := context.Background()

	// Round 1: the full state, then the link to resume from.
	var link string
	round1 := collect(t, doCollection[user](ctx, c, http.MethodGet, "/users/delta",
		nil, []RequestOption{WithSelect("displayName"), WithDeltaLink(&link)}))
	if want := "[1:Ada 2:Grace 3:Linus]"; fmt.Sprint(round1) != want {
		t.Errorf("round 1 = %v, want %s", round1, want)
	}
	if want := base + "?$deltatoken=A"; link != want {
		t.Fatalf("delta link after round 1 = %q, want %q", link, want)
	}

	// Round 2: only the changes, and the next link.
	round2 := collect(t, doCollection[user](ctx, c, http.MethodGet, "/users/delta",
		nil, []RequestOption{WithSelect("displayName"), WithHeader("Prefer", "return=minimal"), WithResumeFrom(link), WithDeltaLink(&link)}))
	if want := "[2:Grace (renamed)]"; fmt.Sprint(round2) != want {
		t.Errorf("round 2 = %v, want %s", round2, want)
	}
	if want := base + "?$deltatoken=B"; link != want {
		t.Errorf("delta link after round 2 = %q, want %q", link, want)
	}

	reqs := rec.requests()
	want := []string{"GET $select=displayName", "GET $skiptoken=p2", "GET $deltatoken=A"}
	if len(reqs) != len(want) {
		t.Fatalf("%d requests, want %d", len(reqs), len(want))
	}
	for i, r := range reqs {
		if got := r.Method + " " + r.RawQuery; got != want[i] || r.Path != "/v1.0/users/delta" {
			t.Errorf("request %d = %s %s, want %s", i+1, got, r.Path, want[i])
		}
	}
	if got := reqs[2].Header.Get("Prefer"); got != "return=minimal" {
		t.Errorf("resumed request: Prefer = %q, want the header option applied", got)
	}
}

func TestDeltaLinkKeptWhenRoundIncomplete(t *testing.T) {
	var rec recorder
	c, base := deltaServer(t, &rec)
	ctx := context.Background()
	link := "previous"

	// Stopping before the last page's items are all consumed keeps the link.
	for range doCollection[user](ctx, c, http.MethodGet, "/users/delta", nil, []RequestOption{WithDeltaLink(&link)}) {
		break
	}
	n := 0
	for range doCollection[user](ctx, c, http.MethodGet, "/users/delta", nil, []RequestOption{WithDeltaLink(&link)}) {
		if n++; n == 3 {
			break // the only item of the last page
		}
	}
	if link != "previous" {
		t.Errorf("link = %q after early stops, want it unchanged", link)
	}

	// A failing round keeps the link too.
	var errs []error
	for _, err := range doCollection[user](ctx, c, http.MethodGet, "/users/delta", nil,
		[]RequestOption{WithResumeFrom(base + "?$deltatoken=expired"), WithDeltaLink(&link)}) {
		errs = append(errs, err)
	}
	var apiErr *APIError
	if len(errs) != 1 || !errors.As(errs[0], &apiErr) || apiErr.StatusCode != http.StatusGone {
		t.Errorf("errors = %v, want one 410 APIError", errs)
	}
	if link != "previous" {
		t.Errorf("link = %q after a failed round, want it unchanged", link)
	}
}

func TestResumeFromIgnoresRequestAndValidates(t *testing.T) {
	var rec recorder
	c, base := deltaServer(t, &rec)
	ctx := context.Background()
	// The method, path, body and query options of the operation are not used.
	got := collect(t, doCollection[user](ctx, c, http.MethodPost, "/elsewhere", map[string]int{"x": 1},
		[]RequestOption{WithTop(5), WithResumeFrom(base + "?$deltatoken=A")}))
	if fmt.Sprint(got) != "[2:Grace (renamed)]" {
		t.Errorf("items = %v", got)
	}
	r := rec.requests()[0]
	if r.Method != http.MethodGet || r.Path != "/v1.0/users/delta" || r.RawQuery != "$deltatoken=A" || r.Body != "" {
		t.Errorf("resumed request = %s %s?%s %q", r.Method, r.Path, r.RawQuery, r.Body)
	}

	// Without a delta link option, the link is simply not reported.
	n := len(collect(t, doCollection[user](ctx, c, http.MethodGet, "/users/delta", nil, []RequestOption{WithDeltaLink(nil)})))
	if n != 3 {
		t.Errorf("%d items, want 3", n)
	}

	// An empty link is ignored.
	n = len(collect(t, doCollection[user](ctx, c, http.MethodGet, "/users/delta", nil, []RequestOption{WithResumeFrom("")})))
	if n != 3 {
		t.Errorf("WithResumeFrom(\"\"): %d items, want 3", n)
	}

	before := len(rec.requests())
	for _, link := range []string{"/users/delta?$deltatoken=A", "::bad", "users/delta"} {
		var errs []error
		for _, err := range doCollection[user](ctx, c, http.MethodGet, "/users/delta", nil, []RequestOption{WithResumeFrom(link)}) {
			errs = append(errs, err)
		}
		if len(errs) != 1 || errs[0] == nil {
			t.Errorf("WithResumeFrom(%q): yields %v, want one error", link, errs)
		}
	}
	if n := len(rec.requests()); n != before {
		t.Errorf("%d requests sent for invalid resume links", n-before)
	}
}
