package generated

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestListLoansUnannotated runs ListLoans, which seeds/api/loan-list.md
// documents without a single annotation and with a response body that
// names no type (the shape of the Graph device management pages), against
// a hand-written server. The method exists and returns typed loans only
// because the model reads the unannotated example and takes the element
// type from the page's Response prose ("a collection of [loan](...)
// objects"); before, it returned raw JSON.
func TestListLoansUnannotated(t *testing.T) {
	var gotPath, gotMethod string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotMethod, gotPath = r.Method, r.URL.Path
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"value": [
			{"id": "l1", "bookId": "b1", "dueDate": "2021-07-22", "loanPeriod": "P21D", "renewalsRemaining": 2, "borrowerNotified": true, "returnedDateTime": null},
			{"id": "l2", "bookId": "b1", "checkedOutDateTime": "2021-03-02T14:05:00Z", "returnedDateTime": "2021-03-20T11:00:00Z"}
		]}`)
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL), WithHTTPClient(srv.Client()), WithRetry(0))
	loans, err := collect(c.ListLoans(context.Background(), "b1"))
	if err != nil {
		t.Fatal(err)
	}
	if gotMethod != http.MethodGet || gotPath != "/books/b1/loans" {
		t.Errorf("server saw %s %s, want GET /books/b1/loans", gotMethod, gotPath)
	}
	if len(loans) != 2 {
		t.Fatalf("got %d loans, want 2", len(loans))
	}
	first, second := loans[0], loans[1]
	if deref(first.ID) != "l1" || deref(first.BookID) != "b1" || deref(first.RenewalsRemaining) != 2 || !deref(first.BorrowerNotified) {
		t.Errorf("first loan = id %q book %q renewals %d notified %v", deref(first.ID), deref(first.BookID), deref(first.RenewalsRemaining), deref(first.BorrowerNotified))
	}
	if first.DueDate == nil || *first.DueDate != (Date{2021, time.July, 22}) {
		t.Errorf("first loan dueDate = %v, want 2021-07-22", first.DueDate)
	}
	if first.LoanPeriod == nil || first.LoanPeriod.String() != "P21D" {
		t.Errorf("first loan loanPeriod = %v, want P21D", first.LoanPeriod)
	}
	if first.ReturnedDateTime != nil {
		t.Errorf("first loan returnedDateTime = %v, want unset (null)", first.ReturnedDateTime)
	}
	if want := time.Date(2021, 3, 20, 11, 0, 0, 0, time.UTC); second.ReturnedDateTime == nil || !second.ReturnedDateTime.Equal(want) {
		t.Errorf("second loan returnedDateTime = %v, want %v", second.ReturnedDateTime, want)
	}
}

// TestListLoansReplaysItsExample replays the page's unannotated example
// through the replay server: the parser read it as an exchange, and the
// client's request matches it.
func TestListLoansReplaysItsExample(t *testing.T) {
	rs := newReplayServer(t)
	loans, err := collect(rs.client().ListLoans(context.Background(), bookID))
	if err != nil {
		t.Fatal(err)
	}
	expectExchange(t, rs, 0, "loan-list_request_l54")
	if len(loans) != 2 || deref(loans[1].CopyID) != "280bfd5e-0ebd-45e7-908d-dcc0ec4e38ae" {
		t.Errorf("loans = %+v", loans)
	}
}
