package generated_test

import (
	"context"
	"errors"
	"strings"
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

// TestFittedExamples: the documented examples whose values contradict
// their pages (seeds/api/book-checkout.md "book_checkout_loose",
// seeds/api/book-list.md "list_library_books") are served fitted to the
// model, so the client decodes them, and the operation made from an example
// URL (ListBooksViaLibraries) answers.
func TestFittedExamples(t *testing.T) {
	srv := generatedtest.NewServer(t)
	c := generated.NewClient(generated.WithBaseURL(srv.URL+"/v1.0"), generated.WithHTTPClient(srv.Client()))
	ctx := context.Background()
	var titles []string
	for b, err := range c.ListBooksViaLibraries(ctx, "17") {
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
		t.Errorf("ListBooksViaLibraries gave %v, want the one documented title", titles)
	}
	due := generated.DateOf(time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC))
	loan, err := c.BookCheckout(ctx, "8670bcc1-db15-4692-a7da-7eb51821cd5e", &generated.BookCheckoutParameters{
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
