package testdouble

// examples is generated (examples.go) in every test-double package; this
// stand-in, outside the embedded files, serves this package's own tests.
func examples() []example {
	return []example{
		{Operation: "GetBook", Method: "GET", Template: "/books/{id}", Path: "/books/1", Status: 200,
			Header: [][2]string{{"Content-Type", "application/json"}, {"Content-Length", "99"}},
			Body:   `{"id":"1","title":"One"}`},
		{Operation: "GetBook", Method: "GET", Template: "/books/{id}", Path: "/books/2", Status: 200, Body: `{"id":"2"}`},
		{Operation: "ListBooks", Method: "GET", Template: "/books", Path: "/books", Status: 200,
			Body: `{"value":[],"@odata.nextLink":"https://graph.microsoft.com/v1.0/books?$skip=1"}`},
		{Operation: "CreateBook", Method: "POST", Template: "/books", Path: "/books", RequestBody: `{"title":"x","@odata.type":"#b"}`, Status: 201, Body: `{"id":"3"}`},
		{Operation: "GetBookContent", Method: "GET", Template: "/books/{id}/content", Path: "/books/1/content", Status: 302,
			Header: [][2]string{{"Location", "https://files.example.com/b1?token=x"}}},
		{Operation: "ListShelves", Method: "GET", Template: "/shelves", Path: "/shelves", Status: 200,
			Body: `{"value":[{"id":"s1"}],"@odata.nextLink":"https://..."}`},
		{Operation: "CountCopies", Method: "GET", Template: "/books/{id}/count(branch='{branch}')", Path: "/books/1/count(branch='x')", Status: 200, Body: `{"value":3}`},
	}
}
