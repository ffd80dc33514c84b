package generated

// These tests run the content methods (issue 14 item 2) against servers
// written here by hand, not the test double: what arrives at the server is
// checked byte for byte.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// tokenTransport adds a bearer token to every request, as an oauth2
// transport does, and counts the hosts it sent to.
type tokenTransport struct {
	base  http.RoundTripper
	hosts []string
}

func (t *tokenTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer seed-token")
	t.hosts = append(t.hosts, r.URL.Host)
	return t.base.RoundTrip(r)
}

func TestUploadContent(t *testing.T) {
	content := append([]byte("%PDF-1.7\n\x00\x01\x02\xff"), bytes.Repeat([]byte{0xfe, 0x00}, 40000)...)
	var gotMethod, gotPath, gotType, gotAuth string
	var gotBody []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotMethod, gotPath = r.Method, r.URL.EscapedPath()
		gotType, gotAuth = r.Header.Get("Content-Type"), r.Header.Get("Authorization")
		gotBody, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id":"b1","title":"Moby-Dick"}`)
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithHTTPClient(&http.Client{Transport: &tokenTransport{base: srv.Client().Transport}}))

	book, err := c.SetBookManuscriptContent(context.Background(), "b1", "application/pdf", bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if gotMethod != "PUT" || gotPath != "/v1.0/books/b1/manuscript/content" {
		t.Errorf("request %s %s", gotMethod, gotPath)
	}
	if gotType != "application/pdf" || gotAuth != "Bearer seed-token" {
		t.Errorf("Content-Type %q, Authorization %q", gotType, gotAuth)
	}
	if !bytes.Equal(gotBody, content) {
		t.Errorf("the server received %d bytes, not the %d uploaded", len(gotBody), len(content))
	}
	if book == nil || book.ID == nil || *book.ID != "b1" || book.Title == nil || *book.Title != "Moby-Dick" {
		t.Errorf("book = %+v, want the server's answer", book)
	}

	// A reader that is not in memory, no content type.
	if err := c.SetBookCover(context.Background(), "b1", "", io.MultiReader(strings.NewReader("\xff\xd8"), strings.NewReader("\xff\xe0"))); err != nil {
		t.Fatal(err)
	}
	if gotPath != "/v1.0/books/b1/cover/$value" || gotType != "application/octet-stream" || string(gotBody) != "\xff\xd8\xff\xe0" {
		t.Errorf("cover upload arrived as %s, %q, %q", gotPath, gotType, gotBody)
	}
}

func TestDownloadContent(t *testing.T) {
	jpeg := append([]byte("\xff\xd8\xff\xe0JFIF\x00"), bytes.Repeat([]byte{0x00, 0x80, 0xff}, 50000)...)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.EscapedPath() != "/v1.0/books/b1/cover/$value" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/jpeg")
		_, _ = w.Write(jpeg)
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithHTTPClient(srv.Client()))
	rc, err := c.GetBookCover(context.Background(), "b1")
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	if cerr := rc.Close(); err == nil {
		err = cerr
	}
	if err != nil || !bytes.Equal(got, jpeg) {
		t.Errorf("read %d bytes (%v), want the %d served", len(got), err, len(jpeg))
	}

	_, err = c.GetBookCover(context.Background(), "missing")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
		t.Errorf("err = %v, want a 404 *APIError", err)
	}
}

// TestDownloadRedirectToAnotherHost: the service answers the download with
// a 302 to a pre-authenticated URL on a second server, which must receive
// neither the token nor header options, and whose bytes the caller reads.
func TestDownloadRedirectToAnotherHost(t *testing.T) {
	content := []byte("\x89PNG\r\n\x1a\n the cover")
	var filesGot *http.Request
	files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		filesGot = r.Clone(context.Background())
		if r.URL.Query().Get("tempauth") != "signed" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		_, _ = w.Write(content)
	}))
	defer files.Close()
	var apiGot *http.Request
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		apiGot = r.Clone(context.Background())
		http.Redirect(w, r, files.URL+"/dl/cover.png?tempauth=signed", http.StatusFound)
	}))
	defer api.Close()
	tt := &tokenTransport{base: api.Client().Transport}
	c := NewClient(WithBaseURL(api.URL+"/v1.0"), WithHTTPClient(&http.Client{Transport: tt}))

	var info ResponseInfo
	rc, err := c.GetBookCover(context.Background(), "b1", WithHeader("X-Tenant", "contoso"), WithResponseInfo(&info))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	_ = rc.Close()
	if err != nil || !bytes.Equal(got, content) {
		t.Errorf("read %q (%v), want %q", got, err, content)
	}
	if apiGot == nil || apiGot.Header.Get("Authorization") != "Bearer seed-token" || apiGot.Header.Get("X-Tenant") != "contoso" {
		t.Errorf("the API server got %v, want the token and the header option", apiGot)
	}
	if filesGot == nil {
		t.Fatal("the redirect was not followed")
	}
	if h := filesGot.Header; h.Get("Authorization") != "" || h.Get("X-Tenant") != "" || h.Get("Referer") != "" {
		t.Errorf("the download host got the headers %v", h)
	}
	if len(tt.hosts) != 1 {
		t.Errorf("the authenticating transport sent to %v, want the API host only", tt.hosts)
	}
	if info.StatusCode != http.StatusOK {
		t.Errorf("ResponseInfo %+v, want the download's 200", info)
	}

	// Not a download: an upload redirected to the other host is refused.
	err = c.SetBookCover(context.Background(), "b1", "image/png", bytes.NewReader(content))
	var le *LinkError
	if !errors.As(err, &le) || le.Kind != "redirect" {
		t.Errorf("upload redirected elsewhere: err = %v, want a redirect *LinkError", err)
	}
}
