package model

import (
	"slices"
	"strings"
	"testing"
)

// TestBodyLosses: the strict check lists every member of a documented
// request body that the client leaves out or changes, by kind, and counts
// nothing but placeholders as sent as documented.
func TestBodyLosses(t *testing.T) {
	page := func(body string) string {
		return "# Update book\n\n## HTTP request\n\n```http\nPATCH /books/{id}\n```\n\n" +
			"## Request body\n\nSupply a [book](../resources/book.md).\n\n" +
			"<!-- {\"blockType\": \"request\", \"name\": \"update_book\"} -->\n```http\nPATCH https://graph.microsoft.com/v1.0/books/1\nContent-type: application/json\n\n" + body + "\n```\n\n" +
			"<!-- {\"blockType\": \"response\"} -->\n```http\nHTTP/1.1 204 No Content\n```\n"
	}
	bookType := resource("book", `{"blockType": "resource", "@odata.type": "microsoft.graph.book"}`,
		"|id|String|Key.|\n|title|String|Title.|\n|pages|Int32|Pages.|\n|published|DateTimeOffset|When.|\n|extra|Object|Anything.|\n|authors|[person](person.md) collection|Authors.|",
		`{"id": "String", "title": "String", "pages": 1, "published": "String (timestamp)", "authors": [{"@odata.type": "microsoft.graph.person"}]}`)
	person := resource("person", `{"blockType": "resource", "@odata.type": "microsoft.graph.person"}`, "|name|String|Name.|", `{"name": "String"}`)
	get := "# Get book\n\n## HTTP request\n\n```http\nGET /books/{id}\n```\n\n" +
		"<!-- {\"blockType\": \"request\", \"name\": \"get_book\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/books/1\n```\n\n" +
		"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.book\"} -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"id\": \"1\"}\n```\n"
	tests := []struct {
		name, body string
		want       []string // kind@path
		strict     bool
	}{
		{"exact", `{"title": "T", "pages": 3, "published": "2021-07-01T09:30:00.0000000Z", "authors": [{"name": "A"}]}`, nil, true},
		{"case and @odata.type", `{"@odata.type": "#microsoft.graph.book", "Title": "T"}`, nil, true},
		{"placeholder", `{"published": "datetime-value", "pages": "Int32"}`, []string{"placeholder@published", "placeholder@pages"}, true},
		// Members the type does not declare, x@odata.bind among them, are
		// kept in the Extra field and sent again.
		{"unknown", `{"title": "T", "color": "red"}`, nil, true},
		{"bind", `{"authors@odata.bind": ["https://graph.microsoft.com/v1.0/people/1"]}`, nil, true},
		{"nested unknown", `{"authors": [{"name": "A"}, {"name": "B", "age": 3}]}`, nil, true},
		// The body's own nulls are sent with SetNull (nulls below); an
		// untyped field holds its null; a nested null is lost.
		{"null", `{"title": null, "extra": null}`, nil, true},
		{"nested null", `{"authors": [{"name": null}]}`, []string{"null@authors.0.name"}, false},
		{"wrong form", `{"pages": "7", "published": "2021-07-01T09:30:00", "authors": {"name": "A"}}`, []string{"value@pages", "value@published", "value@authors"}, false},
	}
	nulls := map[string][]string{"null": {"Title"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := build(t, map[string]string{"resources/book.md": bookType, "resources/person.md": person, "api/book-update.md": page(tt.body), "api/book-get.md": get})
			op := findOp(m, "UpdateBook")
			if op == nil || len(op.Examples) != 1 {
				t.Fatalf("no UpdateBook with one example:\n%s", diagCodes(m))
			}
			var got []string
			for _, l := range op.Examples[0].RequestLosses {
				got = append(got, string(l.Kind)+"@"+l.Path)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("losses = %q, want %q", got, tt.want)
			}
			if got := op.Examples[0].RequestNulls; !slices.Equal(got, nulls[tt.name]) {
				t.Errorf("nulls = %q, want %q", got, nulls[tt.name])
			}
			if s := Strict(op.Examples[0].RequestLosses); s != tt.strict {
				t.Errorf("Strict = %v, want %v", s, tt.strict)
			}
			if reported := hasDiag(m, "example-not-as-documented", `"update_book" of UpdateBook`); reported == tt.strict {
				t.Errorf("example-not-as-documented reported = %v, want %v:\n%s", reported, !tt.strict, diagCodes(m))
			}
			for _, l := range op.Examples[0].RequestLosses {
				if l.Line == 0 || !strings.Contains(tt.body, strings.Split(l.Path, ".")[0]) {
					t.Errorf("loss %+v has no position or a path not in the body", l)
				}
			}
		})
	}
}
