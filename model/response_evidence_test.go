package model

import (
	"strings"
	"testing"
)

// The pages of these tests: widget and gadget resources, gadget derived
// from widget, and one API page per case.
func evidencePages(api map[string]string) map[string]string {
	pages := map[string]string{
		"resources/widget.md":   resource("widget", `{"blockType": "resource", "@odata.type": "microsoft.graph.widget", "keyProperty": "id"}`, "|id|String|Key.|", `{"id": "String"}`),
		"resources/gadget.md":   resource("gadget", `{"blockType": "resource", "@odata.type": "microsoft.graph.gadget", "baseType": "microsoft.graph.widget"}`, "|id|String|Key.|", `{"id": "String"}`),
		"resources/sprocket.md": resource("sprocket", `{"blockType": "resource", "@odata.type": "microsoft.graph.sprocket", "keyProperty": "id"}`, "|id|String|Key.|", `{"id": "String"}`),
	}
	for k, v := range api {
		pages[k] = v
	}
	return pages
}

// apiPage renders an API page with one request line, a Response section
// and an example section.
func apiPage(title, line, prose, example string) string {
	return "# " + title + "\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\n" + line + "\n```\n\n## Response\n\n" + prose + "\n\n## Example\n\n" + example
}

// ignoredExample is an example the page marks "ignored": it is not read.
const ignoredExample = "### Request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets\n```\n\n### Response\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"value\": [{\"id\": \"1\"}]}\n```\n"

func opAt(m *Model, method, path string) *Operation {
	for _, o := range m.Operations {
		if o.Method == method && o.Path == path {
			return o
		}
	}
	return nil
}

func wantResponse(t *testing.T, m *Model, method, path string, kind ResponseKind, typ, from string) {
	t.Helper()
	op := opAt(m, method, path)
	if op == nil {
		t.Fatalf("no operation %s %s:\n%s", method, path, diagCodes(m))
	}
	got := ""
	if op.ResponseType.Named != nil {
		got = op.ResponseType.Named.Name
	}
	if op.Response != kind || got != typ || op.ResponseFrom != from {
		t.Errorf("%s %s returns %v %q from %q, want %v %q from %q\n%s", method, path, op.Response, got, op.ResponseFrom, kind, typ, from, diagCodes(m))
	}
}

// TestResponseFromProse: a page whose examples are ignored returns what
// its Response prose says, a collection or one resource; "204 No Content"
// says nothing; with no prose, a GET returns nothing and says so.
func TestResponseFromProse(t *testing.T) {
	m := build(t, evidencePages(map[string]string{
		"api/widget-list.md":   apiPage("List widgets", "GET /widgets", "If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.", ignoredExample),
		"api/widget-get.md":    apiPage("Get widget", "GET /widgets/{id}", "If successful, this method returns a `200 OK` response code and the requested [widget](../resources/widget.md) object.", ignoredExample),
		"api/widget-reset.md":  apiPage("Reset widget", "POST /widgets/{id}/reset", "If successful, this method returns `204 No Content`.", ""),
		"api/widget-status.md": apiPage("Get widget status", "GET /widgets/{id}/status", "If successful, this method returns the status.", ignoredExample),
	}))
	wantResponse(t, m, "GET", "/widgets", ResponseCollection, "Widget", fromProse)
	wantResponse(t, m, "GET", "/widgets/{id}", ResponseSingle, "Widget", fromProse)
	wantResponse(t, m, "POST", "/widgets/{id}/reset", ResponseNone, "", fromProse)
	wantResponse(t, m, "GET", "/widgets/{id}/status", ResponseNone, "", "")
	if !hasDiag(m, "response-from-text", "GET /widgets has no response example") {
		t.Errorf("no response-from-text for GET /widgets:\n%s", diagCodes(m))
	}
	if !hasDiag(m, "response-unknown", "GET /widgets/{id}/status") {
		t.Errorf("no response-unknown for GET /widgets/{id}/status:\n%s", diagCodes(m))
	}
}

// methodsTable appends a Methods table to the widget resource page.
func methodsTable(pages map[string]string, page string, rows ...string) {
	pages[page] += "\n## Methods\n\n| Method | Return type | Description |\n|:--|:--|:--|\n" + strings.Join(rows, "\n") + "\n"
}

// TestResponseFromMethodsTable: with neither an example nor prose naming
// the result, the Methods table row that links the page decides; a "List"
// row returns a collection even when its cell omits the word; the prose
// outranks the table.
func TestResponseFromMethodsTable(t *testing.T) {
	pages := evidencePages(map[string]string{
		"api/widget-list.md":   apiPage("List widgets", "GET /widgets", "If successful, this method returns the widgets.", ignoredExample),
		"api/widget-get.md":    apiPage("Get widget", "GET /widgets/{id}", "If successful, this method returns the widget.", ignoredExample),
		"api/widget-parts.md":  apiPage("List parts", "GET /widgets/{id}/parts", "If successful, this method returns the parts.", ignoredExample),
		"api/widget-remove.md": apiPage("Remove widget", "POST /widgets/{id}/remove", "If successful, this method returns the result.", ""),
		"api/widget-best.md":   apiPage("Get best widget", "GET /widgets/best", "If successful, this method returns a `200 OK` response code and a [gadget](../resources/gadget.md) object.", ignoredExample),
	})
	methodsTable(pages, "resources/widget.md",
		"|[List widgets](../api/widget-list.md)|[widget](widget.md) collection|List.|",
		"|[Get widget](../api/widget-get.md)|[widget](widget.md)|Get.|",
		"|[List parts](../api/widget-parts.md)|[sprocket](sprocket.md)|List.|",
		"|[Remove widget](../api/widget-remove.md)|None|Remove.|",
		"|[Get best widget](../api/widget-best.md)|[sprocket](sprocket.md)|Best.|")
	m := build(t, pages)
	wantResponse(t, m, "GET", "/widgets", ResponseCollection, "Widget", fromTable)
	wantResponse(t, m, "GET", "/widgets/{id}", ResponseSingle, "Widget", fromTable)
	wantResponse(t, m, "GET", "/widgets/{id}/parts", ResponseCollection, "Sprocket", fromTable)
	wantResponse(t, m, "POST", "/widgets/{id}/remove", ResponseNone, "", fromTable)
	wantResponse(t, m, "GET", "/widgets/best", ResponseSingle, "Gadget", fromProse)
	if !hasDiag(m, "response-table-conflict", "GET /widgets/best returns microsoft.graph.gadget, as its prose says") {
		t.Errorf("no response-table-conflict for GET /widgets/best:\n%s", diagCodes(m))
	}
	if hasDiag(m, "response-unknown", "") {
		t.Errorf("response-unknown although every page has evidence:\n%s", diagCodes(m))
	}
}

// TestMethodsTableFirstPageWins: two resource pages list one API page with
// different results; the row of the first page by path is used, whatever
// order the pages come in.
func TestMethodsTableFirstPageWins(t *testing.T) {
	for _, order := range [][2]string{{"resources/a.md", "resources/z.md"}, {"resources/z.md", "resources/a.md"}} {
		pages := evidencePages(map[string]string{
			"api/widget-get.md": apiPage("Get widget", "GET /widgets/{id}", "If successful, this method returns the widget.", ignoredExample),
			order[0]:            "# a\n",
			order[1]:            "# z\n",
		})
		methodsTable(pages, order[0], "|[Get widget](../api/widget-get.md)|[sprocket](sprocket.md)|Get.|")
		methodsTable(pages, order[1], "|[Get widget](../api/widget-get.md)|[widget](widget.md)|Get.|")
		want := "Sprocket"
		if order[0] == "resources/z.md" {
			want = "Widget"
		}
		wantResponse(t, build(t, pages), "GET", "/widgets/{id}", ResponseSingle, want, fromTable)
	}
}

// TestResponseFromUnpairedExample: a page whose request example is not
// annotated (so not read) while its response is returns what the response
// annotation says.
func TestResponseFromUnpairedExample(t *testing.T) {
	ex := "### Request\n\n```msgraph-interactive\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\"} -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"1\"}\n```\n"
	m := build(t, evidencePages(map[string]string{
		"api/widget-get.md": apiPage("Get widget", "GET /widgets/{id}", "If successful, this method returns the widget.", ex),
	}))
	wantResponse(t, m, "GET", "/widgets/{id}", ResponseSingle, "Widget", fromExample)
}

// unannotatedExample is an Intune-shaped example: no annotations at all,
// a body that names no type.
func unannotatedExample(path, body string) string {
	return "### Request\n\n```http\nGET https://graph.microsoft.com/v1.0" + path + "\n```\n\n### Response\n\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" + body + "\n```\n"
}

// TestUntypedExampleTypedByProse: an unannotated example whose body names
// no type takes its type from the prose, which must agree on the kind; a
// body that the prose does not type stays raw JSON.
func TestUntypedExampleTypedByProse(t *testing.T) {
	m := build(t, evidencePages(map[string]string{
		"api/widget-list.md":  apiPage("List widgets", "GET /widgets", "If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.", unannotatedExample("/widgets", `{"value": [{"id": "1"}]}`)),
		"api/widget-get.md":   apiPage("Get widget", "GET /widgets/{id}", "If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.", unannotatedExample("/widgets/1", `{"id": "1"}`)),
		"api/widget-stats.md": apiPage("Get widget stats", "GET /widgets/{id}/stats", "If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.", unannotatedExample("/widgets/1/stats", `{"count": 1}`)),
	}))
	wantResponse(t, m, "GET", "/widgets", ResponseCollection, "Widget", fromProse)
	wantResponse(t, m, "GET", "/widgets/{id}", ResponseSingle, "Widget", fromProse)
	op := opAt(m, "GET", "/widgets/{id}/stats")
	if op == nil || op.Response != ResponseSingle || op.ResponseType.Named != nil || op.ResponseFrom != fromExample {
		t.Errorf("GET /widgets/{id}/stats = %+v, want raw JSON from its example", op)
	}
	if !hasDiag(m, "response-prose-conflict", "GET /widgets/{id}/stats") {
		t.Errorf("no response-prose-conflict for GET /widgets/{id}/stats:\n%s", diagCodes(m))
	}
}

// TestResponseProseConflict: an annotated example outranks the prose; an
// unrelated type or another kind is reported, a derived or base type is
// not.
func TestResponseProseConflict(t *testing.T) {
	ex := func(path, typ, body string) string {
		return "### Request\n\n<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\nGET https://graph.microsoft.com/v1.0" + path + "\n```\n\n### Response\n\n<!-- {\"blockType\": \"response\", \"@odata.type\": \"" + typ + "\"} -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" + body + "\n```\n"
	}
	prose := func(what string) string {
		return "If successful, this method returns a `200 OK` response code and " + what + " in the response body."
	}
	m := build(t, evidencePages(map[string]string{
		"api/widget-folder.md": apiPage("Get folder", "GET /widgets/{id}/folder", prose("a [sprocket](../resources/sprocket.md) object"), ex("/widgets/1/folder", "microsoft.graph.widget", `{"id": "1"}`)),
		"api/widget-get.md":    apiPage("Get widget", "GET /widgets/{id}", prose("a [gadget](../resources/gadget.md) object"), ex("/widgets/1", "microsoft.graph.widget", `{"id": "1"}`)),
		"api/widget-one.md":    apiPage("Get one", "GET /widgets/one", prose("a collection of [widget](../resources/widget.md) objects"), ex("/widgets/one", "microsoft.graph.widget", `{"id": "1"}`)),
		"api/widget-many.md":   apiPage("Get many", "GET /widgets/many", prose("a collection of [widget](../resources/widget.md) objects"), ex("/widgets/many", "microsoft.graph.widget", `{"value": [{"id": "1"}]}`)),
	}))
	wantResponse(t, m, "GET", "/widgets/{id}/folder", ResponseSingle, "Widget", fromExample)
	if !hasDiag(m, "response-prose-conflict", "GET /widgets/{id}/folder returns microsoft.graph.widget, as its response example says, but the Response section says microsoft.graph.sprocket") {
		t.Errorf("no response-prose-conflict for the folder:\n%s", diagCodes(m))
	}
	wantResponse(t, m, "GET", "/widgets/{id}", ResponseSingle, "Widget", fromExample)
	wantResponse(t, m, "GET", "/widgets/one", ResponseSingle, "Widget", fromExample)
	if !hasDiag(m, "response-prose-conflict", "GET /widgets/one returns microsoft.graph.widget") {
		t.Errorf("no response-prose-conflict for a single the prose calls a collection:\n%s", diagCodes(m))
	}
	// The annotation omits isCollection; the body lists "value" and the
	// prose says collection: a collection, and no conflict.
	wantResponse(t, m, "GET", "/widgets/many", ResponseCollection, "Widget", fromExample)
	for _, p := range []string{"GET /widgets/{id} ", "GET /widgets/many"} {
		if hasDiag(m, "response-prose-conflict", p) {
			t.Errorf("response-prose-conflict for %s:\n%s", p, diagCodes(m))
		}
	}
}

// TestPageFittedAsTheOperationReturnsIt: an annotation that names the type
// but not isCollection, over a {"value": [...]} page of an operation the
// prose makes a collection, is fitted as that page (the test double serves
// what the client decodes), not as one object.
func TestPageFittedAsTheOperationReturnsIt(t *testing.T) {
	pages := evidencePages(map[string]string{
		"api/widget-list.md": apiPage("List widgets", "GET /widgets",
			"If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.",
			"### Request\n\n<!-- { \"blockType\": \"request\", \"name\": \"list\" } -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets\n```\n\n### Response\n\n"+
				"<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"value\": [{\"id\": \"1\", \"tags\": \"one\"}]}\n```\n"),
	})
	pages["resources/widget.md"] = resource("widget", `{"blockType": "resource", "@odata.type": "microsoft.graph.widget", "keyProperty": "id"}`, "|id|String|Key.|\n|tags|String collection|Tags.|", `{"id": "String", "tags": ["String"]}`)
	m := build(t, pages)
	op := opAt(m, "GET", "/widgets")
	if op == nil || op.Response != ResponseCollection || len(op.Examples) != 1 {
		t.Fatalf("GET /widgets: %+v\n%s", op, diagCodes(m))
	}
	if got, want := op.Examples[0].ResponseFitted, `{"value":[{"id":"1","tags":["one"]}]}`; got != want {
		t.Errorf("fitted response %s, want %s", got, want)
	}
}

// TestMethodsTablePlainTextOwnType: a Methods table cell that names the
// page's own type in plain text, as the Dynamics pages write it, decides
// like a link; plain text naming another type decides nothing.
func TestMethodsTablePlainTextOwnType(t *testing.T) {
	pages := evidencePages(map[string]string{
		"api/widget-get.md":   apiPage("Get widget", "GET /widgets/{id}", "If successful, this method returns a **widgets** object.", ignoredExample),
		"api/widget-list.md":  apiPage("List widgets", "GET /widgets", "If successful, this method returns the widgets.", ignoredExample),
		"api/widget-other.md": apiPage("Get other", "GET /widgets/{id}/other", "If successful, this method returns the other.", ignoredExample),
	})
	methodsTable(pages, "resources/widget.md",
		"|[Get widget](../api/widget-get.md)|widget|Get.|",
		"|[List widgets](../api/widget-list.md)|Widget collection|List.|",
		"|[Get other](../api/widget-other.md)|sprocket|Other.|")
	m := build(t, pages)
	wantResponse(t, m, "GET", "/widgets/{id}", ResponseSingle, "Widget", fromTable)
	wantResponse(t, m, "GET", "/widgets", ResponseCollection, "Widget", fromTable)
	wantResponse(t, m, "GET", "/widgets/{id}/other", ResponseNone, "", "")
}

// TestMethodsTableKindIsNoConflict: a Methods table that names the type an
// example names but omits "collection" (or says one where the example
// shows one) contradicts nothing; one naming an unrelated type does, and
// a row whose link text is just "List" returns a collection.
func TestMethodsTableKindIsNoConflict(t *testing.T) {
	pages := evidencePages(map[string]string{
		"api/widget-list.md":  apiPage("List widgets", "GET /widgets", "If successful, this method returns the widgets.", typedExampleOf("/widgets", "microsoft.graph.widget", `, "isCollection": true`, `{"value": [{"id": "1"}]}`)),
		"api/widget-get.md":   apiPage("Get widget", "GET /widgets/{id}", "If successful, this method returns the widget.", typedExample("/widgets/1", "microsoft.graph.widget", `{"id": "1"}`)),
		"api/widget-parts.md": apiPage("List parts", "GET /widgets/{id}/parts", "If successful, this method returns the parts.", ignoredExample),
	})
	methodsTable(pages, "resources/widget.md",
		"|[All widgets](../api/widget-list.md)|[widget](widget.md)|List.|",
		"|[Get widget](../api/widget-get.md)|[sprocket](sprocket.md)|Get.|",
		"|[List](../api/widget-parts.md)|[sprocket](sprocket.md)|Parts.|")
	m := build(t, pages)
	wantResponse(t, m, "GET", "/widgets", ResponseCollection, "Widget", fromExample)
	wantNoDiag(t, m, "response-table-conflict", "GET /widgets ", "for a row that omits collection")
	wantDiag(t, m, "response-table-conflict", "GET /widgets/{id} returns microsoft.graph.widget", "an unrelated type")
	wantResponse(t, m, "GET", "/widgets/{id}/parts", ResponseCollection, "Sprocket", fromTable)
}
