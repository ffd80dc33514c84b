package emitter_test

import (
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/pipeline"
)

// TestAlternatesDocumented: an operation's doc comment links its alternate
// paths and each alternate's links back without repeating the page's text,
// so go doc shows one call with the ways to reach it.
func TestAlternatesDocumented(t *testing.T) {
	res, err := pipeline.Run(pipeline.Config{Inputs: []string{"../seeds"}, Package: "seeds", ImportPath: "example.com/seeds"})
	if err != nil {
		t.Fatal(err)
	}
	var src strings.Builder
	for _, f := range res.Files {
		if strings.HasPrefix(f.Name, "operations") {
			src.Write(f.Content)
		}
	}
	for _, want := range []string{
		"// GetBook calls GET /books/{id}.\n//\n// The same call from other resources: [GetBookViaLibrary], [GetBookViaMe].\n",
		"// GetBookViaMe calls GET /me/favoriteBooks/{id}.\n//\n// It is [GetBook] reached by another path.\n//\n// favoriteBookID: Key of the book. In the /libraries form, the first {id} is\n// the key of the library and the second is the key of the book.\n//\n// Documented in seeds/api/book-get.md.\nfunc (c *Client) GetBookViaMe(",
	} {
		if !strings.Contains(src.String(), want) {
			t.Errorf("no %q in the operations:\n%s", want, src.String())
		}
	}
	// The primary, and only the primary, repeats the page's text.
	if !strings.Contains(src.String(), "// Documented in seeds/api/book-get.md.\nfunc (c *Client) GetBook(") {
		t.Errorf("GetBook does not name its page:\n%s", src.String())
	}
	if n := strings.Count(src.String(), "// Read the properties of a book in the catalog."); n != 1 {
		t.Errorf("book-get.md's text is in %d doc comments, want 1 (GetBook's):\n%s", n, src.String())
	}
}
