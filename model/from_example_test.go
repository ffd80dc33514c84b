package model

import (
	"strings"
	"testing"
)

func TestTemplateFromExample(t *testing.T) {
	vocab := map[string]bool{"me": true, "users": true, "drive": true, "root": true, "children": true,
		"education": true, "classes": true, "assignments": true, "range": true, "rowsabove": true, "search": true}
	cases := []struct {
		path, want string
	}{
		{"/me/drive/root/children", "/me/drive/root/children"},
		{"/education/classes/5edb6a5f-fc6b-441b-8952-bcbfc33ef0e5/assignments/1fdf61ee-c129-4960-9b7c-8df159aa64b0", "/education/classes/{id}/assignments/{id}"},
		{"/education/classes/11010/assignments/{assignment-id}", "/education/classes/{id}/assignments/{assignment-id}"},
		{"/me/drive/root/range/rowsAbove(count=2)", "/me/drive/root/range/rowsAbove(count={count})"},
		{"/me/drive/search(q='Contoso Project')", "/me/drive/search(q='{q}')"},
		{"/users/{id}/$ref", "/users/{id}/$ref"},
		{"/users/{id}/microsoft.graph.user", "/users/{id}/microsoft.graph.user"},
		// Data, not vocabulary: no template.
		{"/connections/contosohr/items/TSP228082938", ""},
		{"/up/fe6987415ace7X4e1eF866337", ""},
		{"/me/chats/19:8b081ef6@unq.gbl.spaces/members", ""},
		{"/me/drive/unknownFunction(x=1)", ""},
		{"/me/drive/search(not an argument)", ""},
		{"/me//drive", ""},
		{"/users/{a}{b}", ""},
	}
	for _, c := range cases {
		got, ok := templateFromExample(c.path, vocab)
		if c.want == "" {
			if ok {
				t.Errorf("templateFromExample(%q) = %q, want none", c.path, got)
			}
			continue
		}
		if !ok || got != c.want {
			t.Errorf("templateFromExample(%q) = %q, %v; want %q", c.path, got, ok, c.want)
		}
	}
}

// TestOperationFromExample: an example URL that fits no request line
// becomes an alternate of its page's operation, is reported, and keeps its
// example; a URL made of data stays unattached.
func TestOperationFromExample(t *testing.T) {
	page := "# List owned devices\n\n## HTTP request\n\n```http\nGET /users/{id}/ownedDevices\n```\n\n" +
		"<!-- {\"blockType\": \"request\", \"name\": \"a\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/me/ownedDevices\n```\n\n" +
		"<!-- {\"blockType\": \"response\", \"@odata.type\": \"Collection(microsoft.graph.device)\"} -->\n```http\nHTTP/1.1 200 OK\n\n{\"value\": []}\n```\n\n" +
		"<!-- {\"blockType\": \"request\", \"name\": \"b\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets/w1/ownedDevices\n```\n"
	me := "# Get me\n\n## HTTP request\n\n```http\nGET /me\n```\n"
	m := build(t, map[string]string{"api/user-list-owneddevices.md": page, "api/me-get.md": me})
	var alt *Operation
	for _, op := range m.Operations {
		if op.Path == "/me/ownedDevices" {
			alt = op
		}
	}
	if alt == nil || alt.Response != ResponseCollection || len(alt.Examples) != 1 || alt.Examples[0].Name != "a" {
		t.Fatalf("no operation GET /me/ownedDevices with its example: %+v\n%s", alt, diagCodes(m))
	}
	if !hasDiag(m, "operation-from-example", "GET /me/ownedDevices") || !hasDiag(m, "example-no-template", "/widgets/w1/ownedDevices") {
		t.Errorf("diagnostics:\n%s", diagCodes(m))
	}
}

// TestTemplateLiteralIDs: a request line written with the ids of its
// example becomes a template with parameters, and is reported.
func TestTemplateLiteralIDs(t *testing.T) {
	page := "# Get assignment\n\n## HTTP request\n\n```http\nGET /education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/assignments/cf6005fc-9e13-44a2-a6ac-a53322006454\n```\n\n" +
		"<!-- {\"blockType\": \"request\", \"name\": \"a\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/education/classes/5edb6a5f-fc6b-441b-8952-bcbfc33ef0e5/assignments/1fdf61ee-c129-4960-9b7c-8df159aa64b0\n```\n"
	m := build(t, map[string]string{"api/educationassignment-get.md": page})
	if len(m.Operations) != 1 {
		t.Fatalf("operations: %d\n%s", len(m.Operations), diagCodes(m))
	}
	op := m.Operations[0]
	var params []string
	for _, p := range op.Params {
		params = append(params, p.Name)
	}
	if op.Path != "/education/classes/{id}/assignments/{id}" || strings.Join(params, " ") != "classID assignmentID" || len(op.Examples) != 1 {
		t.Errorf("operation %s %v with %d examples", op.Path, params, len(op.Examples))
	}
	if !hasDiag(m, "template-literal-id", "taken as parameters: /education/classes/{id}/assignments/{id}") || hasDiag(m, "operation-from-example", "") {
		t.Errorf("diagnostics:\n%s", diagCodes(m))
	}
}
