package model

import "testing"

// relationshipPages are the widget pages of evidencePages with a
// relationship table on the widget page, a GET of one widget, and the
// API pages given.
func relationshipPages(api map[string]string) map[string]string {
	pages := evidencePages(api)
	pages["resources/widget.md"] += "\n## Relationships\n\n| Relationship | Type | Description |\n|:--|:--|:--|\n" +
		"|folder|[sprocket](sprocket.md)|The folder.|\n" +
		"|parts|[sprocket](sprocket.md) collection|The parts.|\n" +
		"|owner|[gadget](gadget.md)|The owner.|\n" +
		"|gadgets|[gadget](gadget.md)|The gadgets.|\n"
	pages["api/widget-get.md"] = apiPage("Get widget", "GET /widgets/{id}", "If successful, this method returns the widget.", typedExample("/widgets/1", "microsoft.graph.widget", `{"id": "1"}`))
	return pages
}

// typedExample is a request and a response example whose annotation
// names odataType.
func typedExample(path, odataType, body string) string {
	return typedExampleOf(path, odataType, "", body)
}

// typedExampleOf is typedExample with more annotation members.
func typedExampleOf(path, odataType, more, body string) string {
	return "### Request\n\n<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\nGET https://graph.microsoft.com/v1.0" + path + "\n```\n\n### Response\n\n<!-- {\"blockType\": \"response\", \"@odata.type\": \"" + odataType + "\"" + more + "} -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" + body + "\n```\n"
}

// TestResponseFromRelationshipTable: a GET of a navigation property that
// no example, prose or Methods table types returns what the owner's
// relationship table says, a collection where the row says so.
func TestResponseFromRelationshipTable(t *testing.T) {
	m := build(t, relationshipPages(map[string]string{
		"api/widget-parts.md":  apiPage("List parts", "GET /widgets/{id}/parts", "If successful, this method returns the parts.", ignoredExample),
		"api/widget-folder.md": apiPage("Get folder", "GET /widgets/{id}/folder", "If successful, this method returns the folder.", ignoredExample),
	}))
	wantResponse(t, m, "GET", "/widgets/{id}/parts", ResponseCollection, "Sprocket", fromRelationship)
	wantResponse(t, m, "GET", "/widgets/{id}/folder", ResponseSingle, "Sprocket", fromRelationship)
	wantDiag(t, m, "response-from-text", "GET /widgets/{id}/parts has no response example that names its result; it returns a collection of microsoft.graph.sprocket, as the relationship table", "the parts")
	wantNoDiag(t, m, "response-unknown", "", "although the table types every navigation")
}

// TestRelationshipTableOverrulesParentType: an example that names the type
// the path addresses before the property (a page copied from its
// parent's), or one value where the row says a collection of the same
// type, is overruled by the table, and that is reported.
func TestRelationshipTableOverrulesParentType(t *testing.T) {
	m := build(t, relationshipPages(map[string]string{
		"api/widget-folder.md": apiPage("Get folder", "GET /widgets/{id}/folder", "If successful, this method returns the folder.", typedExample("/widgets/1/folder", "microsoft.graph.widget", `{"id": "2"}`)),
		"api/widget-parts.md":  apiPage("List parts", "GET /widgets/{id}/parts", "If successful, this method returns the parts.", typedExample("/widgets/1/parts", "microsoft.graph.sprocket", `{"id": "2"}`)),
	}))
	wantResponse(t, m, "GET", "/widgets/{id}/folder", ResponseSingle, "Sprocket", fromRelationship)
	wantResponse(t, m, "GET", "/widgets/{id}/parts", ResponseCollection, "Sprocket", fromRelationship)
	wantDiag(t, m, "response-relationship-conflict", "GET /widgets/{id}/folder: its example says microsoft.graph.widget, a type the path addresses before folder; it returns microsoft.graph.sprocket", "the overruled example")
	wantDiag(t, m, "response-relationship-conflict", "GET /widgets/{id}/parts: its example says one microsoft.graph.sprocket, but parts is a collection by the relationship table", "one value of a collection")
	wantNoDiag(t, m, "response-from-text", "/folder", "for an operation whose example the table overruled")
	wantNoDiag(t, m, "response-from-text", "/parts", "for an operation whose example the table overruled")
}

// TestRelationshipTableDoesNotOverrule: an example naming a type the path
// does not address before the property stands against the table, and so
// does a collection where the table's row says one value (the tables omit
// "collection"); both disagreements are reported. An example agreeing with
// the row is not.
func TestRelationshipTableDoesNotOverrule(t *testing.T) {
	m := build(t, relationshipPages(map[string]string{
		"api/widget-owner.md":  apiPage("Get owner", "GET /widgets/{id}/owner", "If successful, this method returns the owner.", typedExample("/widgets/1/owner", "microsoft.graph.sprocket", `{"id": "3"}`)),
		"api/widget-folder.md": apiPage("Get folder", "GET /widgets/{id}/folder", "If successful, this method returns the folder.", typedExample("/widgets/1/folder", "microsoft.graph.sprocket", `{"id": "2"}`)),
		"api/widget-parts.md":  apiPage("List parts", "GET /widgets/{id}/parts", "If successful, this method returns the parts.", typedExample("/widgets/1/parts", "microsoft.graph.sprocket", `{"value": [{"id": "2"}]}`)),
		"api/widget-gadget.md": apiPage("List gadget", "GET /widgets/{id}/gadgets", "If successful, this method returns the gadgets.", typedExampleOf("/widgets/1/gadgets", "microsoft.graph.gadget", `, "isCollection": true`, `{"value": [{"id": "2"}]}`)),
	}))
	wantResponse(t, m, "GET", "/widgets/{id}/owner", ResponseSingle, "Sprocket", fromExample)
	wantResponse(t, m, "GET", "/widgets/{id}/folder", ResponseSingle, "Sprocket", fromExample)
	wantResponse(t, m, "GET", "/widgets/{id}/parts", ResponseCollection, "Sprocket", fromExample)
	wantResponse(t, m, "GET", "/widgets/{id}/gadgets", ResponseCollection, "Gadget", fromExample)
	wantDiag(t, m, "response-relationship-conflict", "GET /widgets/{id}/owner returns microsoft.graph.sprocket, as its example says, but the relationship table of resources/widget.md says microsoft.graph.gadget", "the owner")
	wantDiag(t, m, "response-relationship-conflict", "GET /widgets/{id}/gadgets returns a collection of microsoft.graph.gadget, as its example says, but the relationship table of resources/widget.md says microsoft.graph.gadget", "a collection where the table says one value")
	wantNoDiag(t, m, "response-relationship-conflict", "/folder", "where example and table agree")
	wantNoDiag(t, m, "response-relationship-conflict", "/parts", "where example and table agree")
}

// TestNavigationOf: the walk from the path's first segments to its last.
func TestNavigationOf(t *testing.T) {
	b := newBuilder(parsePages(t, relationshipPages(map[string]string{})), Options{})
	for _, p := range passes() {
		p.run(b, &Model{})
	}
	for _, c := range []struct {
		path string
		ok   bool
		said string
	}{
		{"/widgets/{id}/parts", true, "a collection of microsoft.graph.sprocket"},
		{"/widgets/{id}/folder?$select=id", true, "microsoft.graph.sprocket"},
		{"/widgets/{id}/FOLDER", true, "microsoft.graph.sprocket"},
		{"/widgets/{id}/missing", false, ""},
		{"/widgets/{id}/owner/$value", false, ""},
		{"/widgets/{id}/microsoft.graph.gadget", false, ""},
		{"/widgets/{id}/parts/{part-id}", false, ""},
		{"/unknown/{id}/parts", false, ""},
		{"/widgets", false, ""},
	} {
		nav, ok := b.navigationOf(c.path)
		if ok != c.ok || ok && nav.said.String() != c.said {
			got := ""
			if ok {
				got = nav.said.String()
			}
			t.Errorf("navigationOf(%q) = %q, %v; want %q, %v", c.path, got, ok, c.said, c.ok)
		}
	}
}

// TestOneObjectOfACollection: where the table makes a navigation a
// collection over an example that shows one object, the example is not
// fitted into a page: it says why no Example function can check it.
func TestOneObjectOfACollection(t *testing.T) {
	m := build(t, relationshipPages(map[string]string{
		"api/widget-parts.md": apiPage("List parts", "GET /widgets/{id}/parts", "If successful, this method returns the parts.", typedExample("/widgets/1/parts", "microsoft.graph.sprocket", `{"value": {"id": "2"}}`)),
	}))
	wantResponse(t, m, "GET", "/widgets/{id}/parts", ResponseCollection, "Sprocket", fromRelationship)
	op := opAt(m, "GET", "/widgets/{id}/parts")
	if len(op.Examples) != 1 || op.Examples[0].ResponseMismatch == "" || op.Examples[0].ResponseFitted != "" {
		t.Errorf("the example of one object: %+v", op.Examples)
	}
}
