package generated_test

import (
	"context"
	"errors"
	"strings"
	"testing"

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
	_, err = c.GetBookViaLibraries(ctx, "lib", "book") // not documented by an example
	var apiErr *generated.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 501 || !strings.Contains(string(apiErr.Body), "GET /libraries/{id}/books/{id} (GetBookViaLibraries)") && !strings.Contains(string(apiErr.Body), "no operation is documented") {
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
