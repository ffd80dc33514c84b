package testdouble

// examples is generated (examples.go) in every test-double package; this
// stand-in, outside the embedded files, serves this package's own tests.
func examples() []example {
	return []example{
		{Operation: "GetBook", Method: "GET", Template: "/books/{id}", Path: "/books/1", Source: "api/book-get.md", Name: "get_book", Status: 200,
			Header: [][2]string{{"Content-Type", "application/json"}, {"Content-Length", "99"}},
			Body:   `{"id":"1","title":"One"}`},
		{Operation: "GetBook", Method: "GET", Template: "/books/{id}", Path: "/books/2", Status: 200, Body: `{"id":"2"}`},
		{Operation: "ListBooks", Method: "GET", Template: "/books", Path: "/books", Query: "$top=2", Source: "api/book-list.md", Name: "list_books", Status: 200,
			Body: `{"value":[],"@odata.nextLink":"https://graph.microsoft.com/v1.0/books?$skip=1"}`},
		{Operation: "CreateBook", Method: "POST", Template: "/books", Path: "/books", RequestBody: `{"title":"x","@odata.type":"#b"}`, Status: 201, Body: `{"id":"3"}`},
		{Operation: "GetBookContent", Method: "GET", Template: "/books/{id}/content", Path: "/books/1/content", Status: 302,
			Header: [][2]string{{"Location", "https://files.example.com/b1?token=x"}}},
		{Operation: "ListBooks", Method: "GET", Template: "/books", Path: "/books", Query: "$count=true&$expand=copies($levels=max;$select=id)", Source: "api/book-find.md", Name: "find_books", Status: 200,
			Body: `{"value":[{"id":"1"}]}`},
		{Operation: "ListShelves", Method: "GET", Template: "/shelves", Path: "/shelves", Status: 200,
			Body: `{"value":[{"id":"s1"}],"@odata.nextLink":"https://..."}`},
		// Documented links that leave the service, which the double must
		// not pass on (see linker), and a documented day's wait.
		{Operation: "ListGadgets", Method: "GET", Template: "/gadgets", Path: "/gadgets", Status: 200,
			Body: `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#gadgets","@odata.nextLink":"https://graph.microsoft.com@evil.example/v1.0/gadgets?$skip=1",` +
				`"value":[{"@odata.type":"#microsoft.graph.gadget","id":"g1","website":"https://evil.example/home","parts@odata.nextLink":"https://evil.example/v1.0/parts",` +
				`"@microsoft.graph.downloadUrl":"https://evil.example/dl/g1?token=secret","@odata.id":"//evil.example/gadgets/g1","@odata.editLink":"gadgets('g1')"}],` +
				`"@odata.deltaLink":"//evil.example/v1.0/gadgets/delta?$deltatoken=1"}`},
		{Operation: "GadgetDelta", Method: "GET", Template: "/gadgets/delta", Path: "/gadgets/delta", Status: 200,
			Body: `{"value":[],"@odata.nextLink":"https://graph.microsoft.com/v1.0/gadgets/delta?$skiptoken=2","@odata.deltaLink":"https://graph.microsoft.com/v1.0/gadgets/delta?$deltatoken=1"}`},
		{Operation: "CreateGadget", Method: "POST", Template: "/gadgets", Path: "/gadgets", Status: 202,
			Header: [][2]string{{"Location", "//evil.example/v1.0/operations/1"}, {"Content-Location", "https://graph.microsoft.com:pw@evil.example/x"},
				{"Operation-Location", "https://graph.microsoft.com/v1.0/operations/1"}, {"Link", "<https://evil.example/n>; rel=next"}, {"Link", "</v1.0/gadgets>; rel=up"}}},
		{Operation: "GetGadgetContent", Method: "GET", Template: "/gadgets/{id}/content", Path: "/gadgets/g1/content", Status: 302,
			Header: [][2]string{{"Location", "https://graph.microsoft.com.evil.example/dl/g1"}}},
		{Operation: "GetGadget", Method: "GET", Template: "/gadgets/{id}", Path: "/gadgets/g1", Status: 429,
			Header: [][2]string{{"Retry-After", "100000"}, {"Content-Type", "application/json"}},
			Body:   `{"error":{"code":"TooManyRequests","message":"Slow down."}}`},
		{Operation: "AddBookAuthor", Method: "POST", Template: "/books/{id}/authors/$ref", Path: "/books/1/authors/$ref",
			RequestBody: `{"@odata.id":"https://graph.microsoft.com/v1.0/authors/a1"}`, Status: 204},
		{Operation: "CountCopies", Method: "GET", Template: "/books/{id}/count(branch='{branch}')", Path: "/books/1/count(branch='x')", Status: 200, Body: `{"value":3}`},
	}
}
