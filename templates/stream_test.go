package templates

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestDoCollectionStreamsItems shows that a page's items are yielded as
// they are decoded: the server sends the first item, then waits until the
// consumer has it before it sends the rest of the page. A client that
// decoded the page whole before yielding would wait for the rest forever
// (here: until the server gives up after 10 s and the test fails).
func TestDoCollectionStreamsItems(t *testing.T) {
	got := make(chan struct{})
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"@odata.context":"ctx","value":[{"id":"a"},`)
		w.(http.Flusher).Flush()
		select {
		case <-got:
		case <-time.After(10 * time.Second):
			_, _ = io.WriteString(w, `{"id":"timeout"}]}`)
			return
		}
		_, _ = io.WriteString(w, `{"id":"b"}],"@odata.nextLink":null}`)
	})
	var ids []string
	for u, err := range doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, u.ID)
		if len(ids) == 1 {
			close(got)
		}
	}
	if strings.Join(ids, ",") != "a,b" {
		t.Errorf("items %v, want a,b (the first item was not yielded before the page was whole)", ids)
	}
}

// TestStreamPageShapes covers the page shapes streamPage reads the way
// encoding/json read them into a page struct, and the ones it refuses.
func TestStreamPageShapes(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       string // items, then "|next|delta", or "error: ..." prefix
	}{
		{"links before value", `{"@odata.nextLink":"","value":[{"id":"a"}],"@odata.deltaLink":"https://x/d"}`, "a|next=|delta=https://x/d"},
		{"other members skipped", `{"@odata.context":"c","@odata.count":2,"extra":{"value":[{"id":"no"}]},"value":[{"id":"a"},{"id":"b"}]}`, "a,b|next=|delta="},
		{"case folded", `{"Value":[{"id":"a"}],"@Odata.DeltaLink":"d"}`, "a|next=|delta=d"},
		{"null value", `{"value":null}`, "|next=|delta="},
		{"empty body", ``, "|next=|delta="},
		{"not an object", `[{"id":"a"}]`, "error: graph: decode GET"},
		{"value not an array", `{"value":{"id":"a"}}`, "error: graph: decode GET"},
		{"broken item", `{"value":[{"id":"a"},{"id":]}`, "a,error: graph: decode GET"},
		{"truncated", `{"value":[{"id":"a"}]`, "a,error: graph: decode GET"},
		{"nextLink not a string", `{"value":[],"@odata.nextLink":3}`, "error: graph: decode GET"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, srv := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.WriteString(w, tc.body)
			})
			cfg := newRequestConfig(nil)
			var items []string
			links, _, stopped, err := streamPage(context.Background(), c, http.MethodGet, srv.URL+"/v1.0/users", nil, &cfg, func(u user, err error) bool {
				items = append(items, u.ID)
				return true
			})
			got := strings.Join(items, ",") + fmt.Sprintf("|next=%s|delta=%s", links.next, links.delta)
			if err != nil {
				got = strings.Join(append(items, "error: "+err.Error()), ",")
			}
			if stopped || !strings.HasPrefix(got, tc.want) {
				t.Errorf("got %q (stopped %v), want %q", got, stopped, tc.want)
			}
		})
	}
}
