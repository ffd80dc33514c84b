package generated

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestBookArchive(t *testing.T) {
	rs := newReplayServer(t)
	var info ResponseInfo
	err := rs.client().ArchiveBook(context.Background(), bookID, &ArchiveBookParameters{Reason: Ptr("Fewer than two loans in five years")}, WithResponseInfo(&info))
	if err != nil {
		t.Fatal(err)
	}
	rec := expectExchange(t, rs, 0, "book_archive")
	if rec.Path != "/books/"+bookID+"/archive" {
		t.Errorf("path = %s", rec.Path)
	}
	if info.StatusCode != http.StatusAccepted || !strings.HasSuffix(info.Location, "/archiveJobs/5e7d2c91") {
		t.Errorf("202 Accepted not surfaced: %+v", info)
	}
}

func TestBookDelta(t *testing.T) {
	rs := newReplayServer(t)
	var link string
	n := 0
	for b, err := range rs.client().ListBookDelta(context.Background(), WithDeltaLink(&link)) {
		if err != nil {
			t.Fatal(err)
		}
		if b.Title == nil || *b.Title != "Salt Marsh Almanac" {
			t.Errorf("book = %+v", b)
		}
		n++
	}
	expectExchange(t, rs, 0, "book_delta")
	if n != 1 || !strings.HasSuffix(link, "/books/delta?$deltatoken=c9a1f0e2") {
		t.Errorf("got %d books and delta link %q", n, link)
	}
}

func TestUploadBookCover(t *testing.T) {
	rs := newReplayServer(t)
	err := rs.client().SetBookCover(context.Background(), bookID, "image/jpeg", strings.NewReader("<binary JPEG data of the new cover>"))
	if err != nil {
		t.Fatal(err)
	}
	rec := expectExchange(t, rs, 0, "book_put_cover")
	if string(rec.Body) != "<binary JPEG data of the new cover>" {
		t.Errorf("body = %q", rec.Body)
	}
}

func TestUploadBookManuscript(t *testing.T) {
	rs := newReplayServer(t)
	b, err := rs.client().SetBookManuscriptContent(context.Background(), bookID, "text/plain", strings.NewReader("Call me Ishmael.\n"))
	if err != nil {
		t.Fatal(err)
	}
	rec := expectExchange(t, rs, 0, "book_put_manuscript")
	if string(rec.Body) != "Call me Ishmael.\n" || rec.Header.Get("Content-Type") != "text/plain" {
		t.Errorf("body = %q, Content-Type %q", rec.Body, rec.Header.Get("Content-Type"))
	}
	if b == nil || b.Title == nil || *b.Title != "Moby-Dick" {
		t.Errorf("book = %+v, want the documented one", b)
	}
}
