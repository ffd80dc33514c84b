package templates

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"testing"
)

func TestResponseInfoAccepted(t *testing.T) {
	c, srv := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1.0/absolute":
			w.Header().Set("Location", "https://graph.example/v1.0/operations/abs")
		case "/v1.0/relative":
			w.Header().Set("Location", "/v1.0/operations/rel")
		}
		w.Header().Set("request-id", "r1")
		w.WriteHeader(http.StatusAccepted)
	})
	tests := []struct {
		name, path, want string
		call             func(path string, opts []RequestOption) error
	}{
		{"doJSON absolute", "/absolute", "https://graph.example/v1.0/operations/abs", func(path string, opts []RequestOption) error {
			v, err := doJSON[user](context.Background(), c, http.MethodPost, path, map[string]int{"a": 1}, opts)
			if v != nil {
				return fmt.Errorf("decoded %+v from an empty 202", v)
			}
			return err
		}},
		{"doNoContent relative", "/relative", srv.URL + "/v1.0/operations/rel", func(path string, opts []RequestOption) error {
			return doNoContent(context.Background(), c, http.MethodPost, path, nil, opts)
		}},
		{"doValue no location", "/none", "", func(path string, opts []RequestOption) error {
			_, err := doValue[bool](context.Background(), c, http.MethodPost, path, nil, opts)
			return err
		}},
		{"doStream", "/absolute", "https://graph.example/v1.0/operations/abs", func(path string, opts []RequestOption) error {
			rc, err := doStream(context.Background(), c, http.MethodPost, path, nil, opts)
			if err == nil {
				_ = rc.Close()
			}
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := ResponseInfo{StatusCode: -1, Location: "stale"}
			if err := tt.call(tt.path, []RequestOption{WithResponseInfo(&info)}); err != nil {
				t.Fatal(err)
			}
			if info.StatusCode != http.StatusAccepted || info.Location != tt.want || info.Header.Get("request-id") != "r1" {
				t.Errorf("info = %+v, want 202 with Location %q", info, tt.want)
			}
		})
	}
	// A nil info is ignored.
	if err := doNoContent(context.Background(), c, http.MethodPost, "/none", nil, []RequestOption{WithResponseInfo(nil)}); err != nil {
		t.Fatal(err)
	}
}

func TestResponseInfoAfterRetriesAndErrors(t *testing.T) {
	var rec recorder
	c, _ := throttlingServer(t, &rec, []failure{{http.StatusTooManyRequests, "1"}})
	var info ResponseInfo
	if _, err := doJSON[user](context.Background(), c, http.MethodGet, "/me", nil, []RequestOption{WithResponseInfo(&info)}); err != nil {
		t.Fatal(err)
	}
	if info.StatusCode != http.StatusOK || info.Header.Get("Retry-After") != "" {
		t.Errorf("info = %+v, want the final 200", info)
	}

	c, _ = throttlingServer(t, &rec, []failure{{http.StatusNotFound, ""}})
	_, err := doJSON[user](context.Background(), c, http.MethodGet, "/me", nil, []RequestOption{WithResponseInfo(&info)})
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v", err)
	}
	if info.StatusCode != http.StatusNotFound || info.Location != "" {
		t.Errorf("info = %+v, want the 404", info)
	}
}

func TestResponseInfoCollectionLastPageWins(t *testing.T) {
	var base string
	c, srv := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page")
		w.Header().Set("X-Page", page)
		if page == "" {
			_, _ = fmt.Fprintf(w, `{"value":[{"id":"a"}],"@odata.nextLink":%q}`, base+"?page=2")
			return
		}
		_, _ = io.WriteString(w, `{"value":[{"id":"b"}]}`)
	})
	base = srv.URL + "/v1.0/users"
	var info ResponseInfo
	var pages []string
	for _, err := range doCollection[user](context.Background(), c, http.MethodGet, "/users", nil, []RequestOption{WithResponseInfo(&info)}) {
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, info.Header.Get("X-Page"))
	}
	if fmt.Sprint(pages) != "[ 2]" {
		t.Errorf("info seen during iteration: pages %q, want the current page", pages)
	}
	if info.StatusCode != 200 || info.Header.Get("X-Page") != "2" {
		t.Errorf("info = %+v, want page 2", info)
	}
}
