package model

import "testing"

// TestRefOperationsTakeAReference: a POST, PUT or PATCH of a path ending
// in /$ref takes a reference, whatever the page says its body is or
// whatever other pages' request lines document for the path; DELETE of a
// $ref takes no body, and a GET of one is not a write.
func TestRefOperationsTakeAReference(t *testing.T) {
	page := func(title, tmpl, req, resp string) string {
		return "# " + title + "\n\n## HTTP request\n\n```http\n" + tmpl + "\n```\n\n" +
			"## Request body\n\nIn the request body, supply a JSON representation of a [user](../resources/user.md) object to be added.\n\n" +
			"<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\n" + req + "\n```\n\n" +
			"<!-- {\"blockType\": \"response\"} -->\n```http\n" + resp + "\n```\n"
	}
	m := build(t, map[string]string{
		"user.md": resource("user", `{"blockType": "resource", "@odata.type": "microsoft.graph.user"}`, "|id|String|Key.|", `{"id": "String"}`),
		"group-post-members.md": page("Add member", "POST /groups/{id}/members/$ref",
			"POST https://graph.microsoft.com/v1.0/groups/1/members/$ref\nContent-type: application/json\n\n{\"@odata.id\": \"https://graph.microsoft.com/v1.0/directoryObjects/{id}\"}",
			"HTTP/1.1 204 No Content"),
		"user-put-manager.md": page("Assign manager", "PUT /users/{id}/manager/$ref",
			"PUT https://graph.microsoft.com/v1.0/users/1/manager/$ref\nContent-type: application/json\n\n{\"@odata.id\": \"https://graph.microsoft.com/v1.0/users/2\"}",
			"HTTP/1.1 204 No Content"),
		"flow-update-idp.md": page("Update identity provider", "PATCH /flows/{id}/providers/$ref",
			"PATCH https://graph.microsoft.com/beta/flows/1/providers/$ref\n\n{\"@odata.id\": \"https://graph.microsoft.com/beta/providers/{id}\"}",
			"HTTP/1.1 204 No Content"),
		// The response names a user: without the $ref rule the body would
		// be typed by it.
		"group-post-owners.md": page("Add owner", "POST /groups/{id}/owners/$ref",
			"POST https://graph.microsoft.com/v1.0/groups/1/owners/$ref\n\n{\"@odata.id\": \"https://graph.microsoft.com/v1.0/users/{id}\"}",
			"HTTP/1.1 200 OK\nContent-type: application/json\n\n{\"@odata.type\": \"#microsoft.graph.user\", \"id\": \"1\"}"),
		"group-delete-members.md": page("Remove member", "DELETE /groups/{id}/members/{id}/$ref",
			"DELETE https://graph.microsoft.com/v1.0/groups/1/members/2/$ref", "HTTP/1.1 204 No Content"),
	})
	for _, name := range []string{"AddGroupMember", "SetUserManager", "SetFlowProvider", "AddGroupOwner"} {
		o := findOp(m, name)
		if o == nil {
			var have []string
			for _, o := range m.Operations {
				have = append(have, o.Name)
			}
			t.Errorf("no operation %s; have %v", name, have)
			continue
		}
		if o.Body == nil || !o.Body.Reference || !o.Body.Type.IsZero() || o.Body.Binary {
			t.Errorf("%s %s: body %+v, want a reference", o.Method, o.Path, o.Body)
		}
	}
	if o := findOp(m, "RemoveGroupMember"); o == nil || o.Body != nil {
		t.Errorf("RemoveGroupMember: %+v, want an operation without a body", o)
	}
	for _, ty := range m.Types {
		if ty.Synthesized {
			t.Errorf("type %s was made up for a $ref body", ty.Name)
		}
	}
}

func TestIsRefWrite(t *testing.T) {
	tests := []struct {
		method, path string
		want         bool
	}{
		{"POST", "/groups/{id}/members/$ref", true},
		{"PUT", "/users/{id}/manager/$ref", true},
		{"PATCH", "/flows/{id}/providers/$REF", true},
		{"POST", "/groups/{id}/members/$ref/", true},
		{"POST", "/groups/{id}/members/$ref?x=1", true},
		{"DELETE", "/groups/{id}/members/{id}/$ref", false},
		{"GET", "/users/{id}/manager/$ref", false},
		{"POST", "/groups/{id}/members", false},
		{"POST", "/groups/{id}/$refs", false},
		{"POST", "$ref", true},
		{"POST", "", false},
	}
	for _, tt := range tests {
		if got := isRefWrite(tt.method, tt.path); got != tt.want {
			t.Errorf("isRefWrite(%s, %q) = %v, want %v", tt.method, tt.path, got, tt.want)
		}
	}
}
