package model

import (
	"strings"
	"testing"
)

// TestErrorResponsesAreNoEvidence: a documented error response (a 429, a
// 400) shows what the service sends when the call fails, not what the
// operation returns: its body types neither the operation's result nor its
// members, and a success example beside it decides the result.
func TestErrorResponsesAreNoEvidence(t *testing.T) {
	widget := resource("widget", `"@odata.type": "microsoft.graph.widget"`, "| id | String | The id. |\n", `{"id": "String"}`)
	page := func(title, tmpl string, examples ...string) string {
		return "---\ntitle: \"" + title + "\"\ndoc_type: apiPageType\n---\n\n# " + title + "\n\n## HTTP request\n\n```http\n" + tmpl + "\n```\n\n## Examples\n\n" + strings.Join(examples, "\n")
	}
	example := func(name, req, status, annotation, body string) string {
		return "<!-- { \"blockType\": \"request\", \"name\": \"" + name + "\" } -->\n```http\n" + req + "\n```\n\n<!-- { \"blockType\": \"response\"" + annotation + " } -->\n```http\nHTTP/1.1 " + status + "\nContent-type: application/json\n\n" + body + "\n```\n"
	}
	throttled := `{"error": {"code": "TooManyRequests", "message": "Slow down."}}`
	m := build(t, map[string]string{
		"resources/widget.md": widget,
		// Only an error is documented: no result type, no members.
		"api/widget-get.md": page("Get widget", "GET /widgets/{id}",
			example("get", "GET /widgets/1", "429 Too Many Requests", "", throttled)),
		// An error first, then the success: the success decides.
		"api/widget-list.md": page("List widgets", "GET /widgets",
			example("list_bad", "GET /widgets?$top=-1", "400 Bad Request", "", `{"error": {"code": "BadRequest", "message": "No."}}`),
			example("list", "GET /widgets", "200 OK", `, "@odata.type": "microsoft.graph.widget", "isCollection": true`, `{"value": [{"id": "1"}]}`)),
	})
	w := findType(m, "Widget")
	if w == nil {
		t.Fatalf("no Widget; diagnostics: %s", diagCodes(m))
	}
	if p := findProp(w, "error"); p != nil {
		t.Errorf("Widget has the error body's member %q", p.JSONName)
	}
	if hasDiag(m, "property-from-example", "error") {
		t.Errorf("an error body gave a property-from-example finding: %s", diagCodes(m))
	}
	if op := findOp(m, "GetWidget"); op == nil || op.Response != ResponseNone {
		t.Errorf("GetWidget = %+v, want an operation returning nothing (only an error is documented)", op)
	}
	if op := findOp(m, "ListWidgets"); op == nil || op.Response != ResponseCollection || op.ResponseType.Named == nil || op.ResponseType.Named.Name != "Widget" {
		t.Errorf("ListWidgets = %+v, want a collection of Widget (from the 200 example)", op)
	}
}
