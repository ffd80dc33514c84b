package model

import (
	"reflect"
	"strings"
	"testing"
)

// TestParseContext: the forms of @odata.context the docs' examples carry,
// and what is not one.
func TestParseContext(t *testing.T) {
	const m = "https://graph.microsoft.com/v1.0/$metadata#"
	for in, want := range map[string]odataContext{
		m + "users/$entity":                                    {segs: []string{"users"}, entity: true},
		m + "users":                                            {segs: []string{"users"}},
		m + "users('48d3-1')/memberOf":                         {segs: []string{"users", "{}", "memberOf"}},
		m + "users(displayName,mail)":                          {segs: []string{"users"}},
		m + "Collection(microsoft.graph.user)":                 {typ: "microsoft.graph.user", coll: true},
		m + "microsoft.graph.keyCredential":                    {typ: "microsoft.graph.keyCredential"},
		m + "identityGovernance/appConsent/appConsentRequests": {segs: []string{"identityGovernance", "appConsent", "appConsentRequests"}},
		m + "teams('1')/channels('19%3A2')/members/microsoft.graph.aadUserConversationMember/$entity": {
			segs: []string{"teams", "{}", "channels", "{}", "members"}, cast: "microsoft.graph.aadUserConversationMember", entity: true},
	} {
		got, ok := parseContext(in)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("parseContext(%q) = %+v, %v; want %+v", in, got, ok, want)
		}
	}
	for _, in := range []string{
		"", "https://graph.microsoft.com/v1.0/users", m, m + "$entity", m + "microsoft.graph.user/users",
		m + "users('1'", m + "users/a.b/c.d", m + "Collection(not a type)", m + "users/../../etc",
		m + strings.Repeat("a/", 40) + "b", m + "users('1')/$entity/x",
	} {
		if got, ok := parseContext(in); ok {
			t.Errorf("parseContext(%q) = %+v, want none", in, got)
		}
	}
}

// contextExample is an unannotated example whose body carries an
// @odata.context.
func contextExample(path, context, body string) string {
	return unannotatedExample(path, `{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#`+context+`", `+body+`}`)
}

// TestResponseFromContext: an example whose annotation and body name no
// type is typed by its @odata.context, over the prose, by an entity set, a
// navigation the relationship table types, a cast or a type named
// outright; a context of the operation's own path, or an answer borrowed
// from another path, says nothing of it.
func TestResponseFromContext(t *testing.T) {
	pages := relationshipPages(map[string]string{
		"api/widget-list.md":   apiPage("List widgets", "GET /widgets", "If successful, this method returns a collection of [widget](../resources/widget.md) objects.", contextExample("/widgets", "widgets", `"value": [{"id": "1"}]`)),
		"api/widget-parts.md":  apiPage("List parts", "GET /widgets/{id}/parts", "If successful, this method returns a collection of [gadget](../resources/gadget.md) objects.", contextExample("/widgets/1/parts", "widgets('1')/parts", `"value": [{"id": "1"}]`)),
		"api/widget-owner.md":  apiPage("Get owner", "GET /widgets/{id}/owner", "If successful, this method returns the owner.", contextExample("/widgets/1/owner", "widgets('1')/owner/$entity", `"id": "1"`)),
		"api/widget-best.md":   apiPage("Get best", "GET /widgets/best", "If successful, this method returns the best.", contextExample("/widgets/best", "widgets/microsoft.graph.gadget/$entity", `"id": "1"`)),
		"api/widget-latest.md": apiPage("Get latest", "GET /widgets/latest", "If successful, this method returns the latest.", contextExample("/widgets/latest", "Collection(microsoft.graph.sprocket)", `"value": [{"id": "1"}]`)),
	})
	// A page of two paths whose one example answers the first.
	pages["api/widget-first.md"] = "# Get first\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /widgets/first\nGET /widgets/{id}/other\n```\n\n## Response\n\nIt returns it.\n\n## Example\n\n" +
		contextExample("/widgets/first", "widgets/$entity", `"id": "1"`)
	m := build(t, pages)
	// A context naming the operation's own path has only the operation's
	// own evidence to go by: it decides nothing.
	wantResponse(t, m, "GET", "/widgets", ResponseCollection, "Widget", fromProse)
	wantResponse(t, m, "GET", "/widgets/{id}/parts", ResponseCollection, "Sprocket", fromContext)
	wantDiag(t, m, "response-prose-conflict", "GET /widgets/{id}/parts returns a collection of microsoft.graph.sprocket", "GET /widgets/{id}/parts")
	wantResponse(t, m, "GET", "/widgets/{id}/owner", ResponseSingle, "Gadget", fromContext)
	wantResponse(t, m, "GET", "/widgets/best", ResponseSingle, "Gadget", fromContext)
	wantResponse(t, m, "GET", "/widgets/latest", ResponseCollection, "Sprocket", fromContext)
	wantResponse(t, m, "GET", "/widgets/first", ResponseSingle, "Widget", fromContext)
	if op := opAt(m, "GET", "/widgets/{id}/other"); op == nil || op.ResponseFrom == fromContext {
		t.Errorf("GET /widgets/{id}/other = %+v, want its answer not typed by another path's context", op)
	}
}

// TestContextConflict: an annotation outranks the context; an unrelated
// type, or a kind the context itself states, is reported; a kind only
// the relationship table's row guesses is not; an annotation that omits
// isCollection over a page the context calls a collection is one.
func TestContextConflict(t *testing.T) {
	m := build(t, relationshipPages(map[string]string{
		"api/widget-folder.md": apiPage("Get folder", "GET /widgets/{id}/folder", "It returns it.", typedExample("/widgets/1/folder", "microsoft.graph.gadget", `{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#widgets('1')/folder/$entity", "id": "1"}`)),
		"api/widget-one.md":    apiPage("Get one", "GET /widgets/one", "It returns it.", typedExample("/widgets/one", "microsoft.graph.widget", `{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.widget)", "id": "1"}`)),
		"api/widget-gadgets.md": apiPage("List gadgets", "GET /widgets/{id}/gadgets", "It returns them.", typedExampleOf("/widgets/1/gadgets", "microsoft.graph.gadget", `, "isCollection": true`,
			`{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#widgets('1')/gadgets", "value": [{"id": "1"}]}`)),
		"api/widget-latest.md": apiPage("Get latest", "GET /widgets/latest", "It returns them.", typedExample("/widgets/latest", "microsoft.graph.sprocket",
			`{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.sprocket)", "value": [{"id": "1"}]}`)),
	}))
	wantResponse(t, m, "GET", "/widgets/{id}/folder", ResponseSingle, "Gadget", fromExample)
	wantDiag(t, m, "response-context-conflict", "GET /widgets/{id}/folder returns microsoft.graph.gadget, as its response example's annotation says, but its @odata.context says microsoft.graph.sprocket", "the folder")
	wantDiag(t, m, "response-context-conflict", "GET /widgets/one returns microsoft.graph.widget", "one the context calls a collection")
	wantResponse(t, m, "GET", "/widgets/{id}/gadgets", ResponseCollection, "Gadget", fromExample)
	wantNoDiag(t, m, "response-context-conflict", "GET /widgets/{id}/gadgets", "where only the table row omits collection")
	// The annotation omits isCollection over a page the context calls a
	// collection: a collection, and no conflict.
	wantResponse(t, m, "GET", "/widgets/latest", ResponseCollection, "Sprocket", fromExample)
	wantNoDiag(t, m, "response-context-conflict", "GET /widgets/latest", "for a page the annotation calls one value")
}

// TestContextOfAnotherPath: an example of one widget whose body is a page
// copied, context and all, from the list keeps the annotation's one
// widget; the context's collection is reported, naming its path. So does
// a POST to the collection answered with the list's page.
func TestContextOfAnotherPath(t *testing.T) {
	m := build(t, evidencePages(map[string]string{
		"api/widget-list.md": apiPage("List widgets", "GET /widgets", "It returns them.", typedExampleOf("/widgets", "microsoft.graph.widget", `, "isCollection": true`, `{"value": [{"id": "1"}]}`)),
		"api/widget-get.md": apiPage("Get widget", "GET /widgets/{id}", "It returns it.", typedExample("/widgets/1", "microsoft.graph.widget",
			`{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#widgets", "value": [{"id": "1"}]}`)),
		"api/widget-post.md": apiPage("Create widget", "POST /widgets", "It returns it.", strings.Replace(typedExample("/widgets", "microsoft.graph.widget",
			`{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#widgets", "value": [{"id": "1"}]}`), "GET https", "POST https", 1)),
	}))
	wantResponse(t, m, "GET", "/widgets/{id}", ResponseSingle, "Widget", fromExample)
	// A POST to the collection returns one element, whatever the copied
	// page says.
	wantResponse(t, m, "POST", "/widgets", ResponseSingle, "Widget", fromExample)
	wantDiag(t, m, "response-context-conflict", "POST /widgets returns microsoft.graph.widget, as its response example's annotation says, but its @odata.context says a collection", "the POST")
	wantDiag(t, m, "response-context-conflict", "GET /widgets/{id} returns microsoft.graph.widget, as its response example's annotation says, but its @odata.context, for /widgets, says a collection of microsoft.graph.widget", "the context of another path, naming it")
}
