package generated_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/generated"
	"github.com/docgen-dev/docgen/generated/generatedtest"
)

// TestTestDouble uses the generated test double the way a user's tests
// would: documented calls get documented answers, and an undocumented call
// gets a 501 that names the operations of its path.
func TestTestDouble(t *testing.T) {
	srv := generatedtest.NewServer(t)
	c := generated.NewClient(generated.WithBaseURL(srv.URL+"/v1.0"), generated.WithHTTPClient(srv.Client()))
	ctx := context.Background()

	book, err := c.GetBook(ctx, "4554c837-dd50-4d40-bb10-f2761a780411")
	if err != nil || book.Title == nil || *book.Title == "" {
		t.Fatalf("GetBook = %+v, %v", book, err)
	}
	n := 0
	for b, err := range c.ListBooks(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if b.ID == nil {
			t.Error("a listed book has no id")
		}
		n++
	}
	if n < 2 {
		t.Errorf("ListBooks gave %d books; the documented page and its next page give more", n)
	}
	err = c.DeleteBook(ctx, "x") // documented
	if err != nil {
		t.Errorf("DeleteBook: %v", err)
	}
	_, err = c.GetBookViaLibrary(ctx, "lib", "book") // not documented by an example
	var apiErr *generated.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 501 || !strings.Contains(string(apiErr.Body), "GET /libraries/{id}/books/{id} (GetBookViaLibrary)") && !strings.Contains(string(apiErr.Body), "no operation is documented") {
		t.Errorf("undocumented call: %v (body %q)", err, bodyOf(apiErr))
	}
	_, err = c.CreateBook(ctx, &generated.Book{Isbn: generated.Ptr("1")}) // wrong shape
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 {
		t.Errorf("a body unlike the documented one: %v", err)
	}
}

func bodyOf(e *generated.APIError) string {
	if e == nil {
		return ""
	}
	return string(e.Body)
}

// TestFittedExamples: the documented examples whose values contradict
// their pages (seeds/api/book-checkout.md "book_checkout_loose",
// seeds/api/book-list.md "list_library_books") are served fitted to the
// model, so the client decodes them, and the operation made from an example
// URL (ListBooksViaLibrary) answers.
func TestFittedExamples(t *testing.T) {
	srv := generatedtest.NewServer(t)
	c := generated.NewClient(generated.WithBaseURL(srv.URL+"/v1.0"), generated.WithHTTPClient(srv.Client()))
	ctx := context.Background()
	var titles []string
	for b, err := range c.ListBooksViaLibrary(ctx, "17") {
		if err != nil {
			t.Fatal(err)
		}
		// "copyCount": "7" is served as 7, "2021-07-01T09:30:00" with a Z.
		if b.CopyCount == nil || *b.CopyCount != 7 || b.LastModifiedDateTime == nil || b.LastModifiedDateTime.Format(time.RFC3339) != "2021-07-01T09:30:00Z" {
			t.Errorf("book = %+v", b)
		}
		titles = append(titles, *b.Title)
	}
	if len(titles) != 1 {
		t.Errorf("ListBooksViaLibrary gave %v, want the one documented title", titles)
	}
	due := generated.DateOf(time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC))
	loan, err := c.CheckoutBook(ctx, "8670bcc1-db15-4692-a7da-7eb51821cd5e", &generated.CheckoutBookParameters{
		BorrowerID: generated.Ptr("979818a6-63aa-46f6-aa65-617dec0fb88b"), DueDate: &due, NotifyBorrower: generated.Ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	// "checkedOutDateTime": "datetime-value" is served as the zero time.
	if loan.CheckedOutDateTime == nil || !loan.CheckedOutDateTime.IsZero() || loan.BorrowerNotified == nil || *loan.BorrowerNotified {
		t.Errorf("loan = %+v", loan)
	}
}

// hostGuard is a transport that sends requests to the test double only: a
// request to any other host fails, and is recorded, as is every link a
// response carries that leads elsewhere.
type hostGuard struct {
	host string
	next http.RoundTripper
	mu   *sync.Mutex
	bad  *[]string
	// sent counts the requests sent to the double.
	sent *int
}

func (g hostGuard) report(s string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	*g.bad = append(*g.bad, s)
}

func (g hostGuard) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != g.host {
		g.report("request to " + req.URL.String())
		return nil, errors.New("hostGuard: a request to a host other than the test double's: " + req.URL.String())
	}
	g.mu.Lock()
	*g.sent++
	g.mu.Unlock()
	resp, err := g.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	for _, link := range linksOf(resp.Header, body) {
		u, err := req.URL.Parse(link)
		if err != nil || u.User != nil || u.Host != g.host {
			g.report(fmt.Sprintf("%s %s answered with a link to %q", req.Method, req.URL.Path, link))
		}
	}
	return resp, nil
}

// linksOf lists the links of a response: its Location-like and Link
// headers, and the @odata.nextLink, @odata.deltaLink and other annotations
// of its JSON body whose values are http(s) or scheme-relative URLs.
func linksOf(h http.Header, body []byte) []string {
	var links []string
	for name, vs := range h {
		switch n := strings.ToLower(name); {
		case n == "location" || strings.HasSuffix(n, "-location") || n == "azure-asyncoperation":
			links = append(links, vs...)
		case n == "link":
			for _, v := range vs {
				for _, m := range regexp.MustCompile(`<([^>]*)>`).FindAllStringSubmatch(v, -1) {
					links = append(links, m[1])
				}
			}
		}
	}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, m := range v {
				s, ok := m.(string)
				lower := strings.ToLower(s)
				if ok && strings.Contains(k, "@") && (strings.HasSuffix(k, "@odata.nextLink") || strings.HasSuffix(k, "@odata.deltaLink") ||
					strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "//")) {
					links = append(links, s)
				}
				walk(m)
			}
		case []any:
			for _, m := range v {
				walk(m)
			}
		}
	}
	var v any
	if json.Unmarshal(body, &v) == nil {
		walk(v)
	}
	return links
}

// TestNothingLeavesTheDouble drives the client through every documented
// request of the test double (generatedtest.Requests), with the documented
// path values and body, following every page, redirect and delta link, over
// a transport that fails any request to another host: go test of the
// generated package, which does the same in its Example functions, contacts
// nothing but the double.
func TestNothingLeavesTheDouble(t *testing.T) {
	srv := generatedtest.NewServer(t)
	var (
		mu   sync.Mutex
		bad  []string
		sent int
	)
	hc := &http.Client{Transport: hostGuard{host: srv.Listener.Addr().String(), next: srv.Client().Transport, mu: &mu, bad: &bad, sent: &sent}}
	c := generated.NewClient(generated.WithBaseURL(srv.URL+"/v1.0"), generated.WithHTTPClient(hc), generated.WithRetry(0))
	ctx := context.Background()
	reqs := generatedtest.Requests()
	if len(reqs) == 0 {
		t.Fatal("the test double documents no request")
	}
	param := regexp.MustCompile(`\{[^{}]*\}`)
	for _, req := range reqs {
		name := req.Method + " " + req.Path + " (" + req.Operation + ")"
		m := reflect.ValueOf(c).MethodByName(req.Operation)
		if !m.IsValid() {
			t.Errorf("%s: the client has no method %s", name, req.Operation)
			continue
		}
		re := regexp.MustCompile("^" + strings.Join(strings.Split(regexp.QuoteMeta(param.ReplaceAllString(req.Template, "\x00")), "\x00"), "([^/]*?)") + "/?$")
		values := re.FindStringSubmatch(req.Path)
		if values == nil {
			t.Errorf("%s: the path does not fit %s", name, req.Template)
			continue
		}
		mt := m.Type()
		args := []reflect.Value{reflect.ValueOf(ctx)}
		for i, v := range values[1:] {
			args = append(args, pathValue(t, mt.In(1+i), v))
		}
		if n := mt.NumIn() - 1; len(args) < n { // a body, before the options
			if n-len(args) == 2 && mt.In(len(args)+1) == reflect.TypeFor[io.Reader]() {
				args = append(args, reflect.ValueOf("application/octet-stream")) // a content upload's type
			}
			args = append(args, bodyValue(t, mt.In(len(args)), req.Body))
		}
		var delta string
		if mt.NumOut() == 1 && mt.Out(0).Kind() == reflect.Func { // a collection
			args = append(args, reflect.ValueOf(generated.WithDeltaLink(&delta)))
		}
		err := call(m, args)
		if delta != "" {
			// Resume from the stored deltaLink, as a delta query's next
			// round does.
			err = errors.Join(err, call(m, append(args[:len(args)-1], reflect.ValueOf(generated.WithResumeFrom(delta)))))
		}
		var apiErr *generated.APIError
		switch {
		case req.Status >= 400:
			if !errors.As(err, &apiErr) || apiErr.StatusCode != req.Status {
				t.Errorf("%s: %v, want the documented %d", name, err, req.Status)
			}
		case err != nil:
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, b := range bad {
		t.Error(b)
	}
	if sent < len(reqs) {
		t.Errorf("%d requests reached the double for %d documented requests", sent, len(reqs))
	}
}

// pathValue makes the path argument of type typ from its documented text:
// a string or enum as it is, a function argument of another type (a number,
// bool, time.Time or Date) read as its JSON literal or JSON string.
func pathValue(t *testing.T, typ reflect.Type, v string) reflect.Value {
	t.Helper()
	if typ.Kind() == reflect.String {
		return reflect.ValueOf(v).Convert(typ)
	}
	p := reflect.New(typ)
	if json.Unmarshal([]byte(v), p.Interface()) != nil {
		q, _ := json.Marshal(v)
		if err := json.Unmarshal(q, p.Interface()); err != nil {
			t.Errorf("the documented path value %q is not a %v: %v", v, typ, err)
		}
	}
	return p.Elem()
}

// bodyValue makes the body argument of type typ from a documented body.
func bodyValue(t *testing.T, typ reflect.Type, body string) reflect.Value {
	t.Helper()
	if typ == reflect.TypeFor[io.Reader]() {
		return reflect.ValueOf(strings.NewReader(body))
	}
	if typ == reflect.TypeFor[generated.Reference]() {
		// The documented @odata.id names a resource of the documented
		// service; the reference names it under the client's own root.
		var ref struct {
			ID string `json:"@odata.id"`
		}
		if err := json.Unmarshal([]byte(body), &ref); err != nil {
			t.Errorf("the documented $ref body %q: %v", body, err)
		}
		path, ok := strings.CutPrefix(ref.ID, "https://graph.microsoft.com/v1.0/")
		if !ok {
			t.Errorf("the documented @odata.id %q is not under https://graph.microsoft.com/v1.0/", ref.ID)
		}
		return reflect.ValueOf(generated.RefTo(strings.Split(path, "/")...))
	}
	p := reflect.New(typ)
	if body != "" {
		if err := json.Unmarshal([]byte(body), p.Interface()); err != nil {
			t.Errorf("the documented body does not decode into %v: %v", typ, err)
		}
	}
	return p.Elem()
}

// call calls a client method and returns its error: for a collection, the
// first error of the iteration, which reads every page; for a download, it
// reads and closes the content.
func call(m reflect.Value, args []reflect.Value) error {
	out := m.Call(args)
	if len(out) == 1 && out[0].Kind() == reflect.Func {
		for _, err := range out[0].Seq2() {
			if !err.IsNil() {
				return err.Interface().(error)
			}
		}
		return nil
	}
	errV := out[len(out)-1]
	if !errV.IsNil() {
		return errV.Interface().(error)
	}
	if rc, ok := out[0].Interface().(io.ReadCloser); ok && len(out) == 2 {
		_, err := io.Copy(io.Discard, rc)
		return errors.Join(err, rc.Close())
	}
	return nil
}
