package generated

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// funcServer is a hand-written stand-in for the service's getAvailableCopies
// function: it records the escaped path of each request and answers with an
// empty collection, or 400 when the call does not read as
// getAvailableCopies(branch='...',format='...',max=N,reservable=B,dueBefore=T)
// with each argument an OData literal of its documented type.
type funcServer struct {
	*httptest.Server
	mu    sync.Mutex
	paths []string
}

func newFuncServer(t *testing.T) *funcServer {
	t.Helper()
	s := &funcServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.EscapedPath())
		s.mu.Unlock()
		_, call, ok := strings.Cut(r.URL.Path, "/getAvailableCopies(")
		if !ok || !strings.HasSuffix(call, ")") || !validArgs(strings.TrimSuffix(call, ")")) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"error":{"code":"BadRequest","message":"Invalid function arguments."}}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"value":[]}`)
	}))
	t.Cleanup(s.Close)
	return s
}

// validArgs checks the decoded argument list as the service would: the
// string arguments quoted with inner quotes doubled, the number, Boolean and
// DateTimeOffset bare.
func validArgs(args string) bool {
	branch, rest, ok := quotedArg(args, "branch")
	if !ok || branch == "" {
		return false
	}
	format, rest, ok := quotedArg(rest, "format")
	if !ok || format == "" {
		return false
	}
	for _, name := range []string{"max", "reservable", "dueBefore"} {
		v, after, found := strings.Cut(strings.TrimPrefix(rest, name+"="), ",")
		if !strings.HasPrefix(rest, name+"=") || v == "" || strings.Contains(v, "'") {
			return false
		}
		if name == "dueBefore" {
			if found {
				return false
			}
			if _, err := time.Parse(time.RFC3339Nano, v); err != nil {
				return false
			}
		}
		rest = after
	}
	return true
}

// quotedArg reads name='value', from the start of args, with ” inside
// the quotes standing for one quote.
func quotedArg(args, name string) (value, rest string, ok bool) {
	s, ok := strings.CutPrefix(args, name+"='")
	if !ok {
		return "", "", false
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\'' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		rest, ok = strings.CutPrefix(s[i+1:], ",")
		return b.String(), rest, ok
	}
	return "", "", false
}

// TestFunctionArgumentsTyped calls a function whose parameter table types
// its arguments (String, the bookFormat enum, Int32, Boolean,
// DateTimeOffset) and checks the literal each becomes in the path: strings
// quoted with quotes doubled and escaped, numbers, bools and times bare.
func TestFunctionArgumentsTyped(t *testing.T) {
	s := newFuncServer(t)
	c := NewClient(WithBaseURL(s.URL+"/v1.0"), WithHTTPClient(s.Client()), WithRetry(0))
	due := time.Date(2021, time.July, 1, 12, 0, 0, 500_000_000, time.FixedZone("", 2*3600))
	calls := []struct {
		branch string
		format BookFormat
		max    int32
		res    bool
		want   string
	}{
		{"central", BookFormatHardcover, 5, true,
			"/v1.0/books/b-1/getAvailableCopies(branch='central',format='hardcover',max=5,reservable=true,dueBefore=2021-07-01T12:00:00.5+02:00)"},
		{"O'Hare / west", BookFormatEbook, -1, false,
			"/v1.0/books/b-1/getAvailableCopies(branch='O%27%27Hare%20%2F%20west',format='ebook',max=-1,reservable=false,dueBefore=2021-07-01T12:00:00.5+02:00)"},
	}
	for _, tc := range calls {
		for _, err := range c.GetAvailableCopies(context.Background(), "b-1", tc.branch, tc.format, tc.max, tc.res, due) {
			if err != nil {
				t.Errorf("branch %q: %v", tc.branch, err)
			}
		}
	}
	paths := func() []string { s.mu.Lock(); defer s.mu.Unlock(); return append([]string(nil), s.paths...) }()
	if len(paths) != len(calls) {
		t.Fatalf("%d requests, want %d: %q", len(paths), len(calls), paths)
	}
	for i, tc := range calls {
		if paths[i] != tc.want {
			t.Errorf("path\n got %s\nwant %s", paths[i], tc.want)
		}
	}
}

// TestFunctionArgumentBreaksNoPath checks that a string argument cannot
// end the call or add segments: the quote is doubled and, with the slash
// and parentheses, escaped, so the service reads one argument.
func TestFunctionArgumentBreaksNoPath(t *testing.T) {
	s := newFuncServer(t)
	c := NewClient(WithBaseURL(s.URL+"/v1.0"), WithHTTPClient(s.Client()), WithRetry(0))
	for _, err := range c.GetAvailableCopies(context.Background(), "b-1", "x')/../../admin/f(a='", BookFormatPaperback, 1, false, time.Unix(0, 0).UTC()) {
		if err != nil {
			t.Fatal(err)
		}
	}
	paths := func() []string { s.mu.Lock(); defer s.mu.Unlock(); return append([]string(nil), s.paths...) }()
	want := "/v1.0/books/b-1/getAvailableCopies(branch='x%27%27%29%2F..%2F..%2Fadmin%2Ff%28a=%27%27',format='paperback',max=1,reservable=false,dueBefore=1970-01-01T00:00:00Z)"
	if len(paths) != 1 || paths[0] != want {
		t.Errorf("paths = %q, want [%s]", paths, want)
	}
}
