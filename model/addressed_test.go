package model

import "testing"

// TestBodyTypedByAddressedResource: a POST to a collection takes the type
// of the collection's elements and a PATCH of an entity takes the entity's
// type, over a parameter table, an inferred type and the request line of
// another page that GETs the path with a query; an action keeps its
// parameters; an unrelated @odata.type in the example is reported.
func TestBodyTypedByAddressedResource(t *testing.T) {
	page := func(title, tmpl, table, req, resp string) string {
		return "# " + title + "\n\n## HTTP request\n\n```http\n" + tmpl + "\n```\n\n## Request body\n\n" + table + "\n\n" +
			"<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\n" + req + "\n```\n\n" + resp
	}
	resp := func(annotation, msg string) string {
		return "<!-- " + annotation + " -->\n```http\n" + msg + "\n```\n"
	}
	paramTable := "|Parameter|Type|Description|\n|:---|:---|:---|\n|displayName|String|Name.|\n|accountEnabled|Boolean|Enabled.|"
	userResp := resp(`{"blockType": "response", "@odata.type": "microsoft.graph.user"}`, "HTTP/1.1 200 OK\n\n{\"id\": \"1\"}")
	m := build(t, map[string]string{
		"user.md":  resource("user", `{"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.user"}`, "|id|String|Key.|\n|displayName|String|Name.|\n|accountEnabled|Boolean|On.|", `{"id": "String", "displayName": "String", "accountEnabled": true}`),
		"group.md": resource("group", `{"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.group"}`, "|id|String|Key.|\n|displayName|String|Name.|", `{"id": "String", "displayName": "String"}`),
		"opentypeextension.md": resource("openTypeExtension", `{"blockType": "resource", "@odata.type": "microsoft.graph.openTypeExtension"}`,
			"|extensionName|String|Name.|", `{"extensionName": "String"}`),
		// Sorts before user-get.md: its request line with a query must
		// not type PATCH /users/{id}.
		"opentypeextension-get.md": page("Get open extension", "GET /users/{id}?$expand=extensions($filter=id eq '{extensionId}')", "",
			"GET https://graph.microsoft.com/v1.0/users/1?$expand=extensions($filter=id eq 'x')",
			resp(`{"blockType": "response", "@odata.type": "microsoft.graph.openTypeExtension"}`, "HTTP/1.1 200 OK\n\n{\"extensionName\": \"x\"}")),
		"user-get.md":  page("Get user", "GET /users/{id}", "", "GET https://graph.microsoft.com/v1.0/users/1", userResp),
		"user-list.md": page("List users", "GET /users", "", "GET https://graph.microsoft.com/v1.0/users", resp(`{"blockType": "response", "@odata.type": "microsoft.graph.user", "isCollection": true}`, "HTTP/1.1 200 OK\n\n{\"value\": []}")),
		"group-get.md": page("Get group", "GET /groups/{id}", "", "GET https://graph.microsoft.com/v1.0/groups/1",
			resp(`{"blockType": "response", "@odata.type": "microsoft.graph.group"}`, "HTTP/1.1 200 OK\n\n{\"id\": \"1\"}")),
		"user-update.md": page("Update user", "PATCH /users/{id}", "", "PATCH https://graph.microsoft.com/v1.0/users/1\n\n{\"displayName\": \"x\"}",
			resp(`{"blockType": "response"}`, "HTTP/1.1 204 No Content")),
		"user-post-users.md": page("Create user", "POST /users", paramTable, "POST https://graph.microsoft.com/v1.0/users\n\n{\"displayName\": \"x\", \"accountEnabled\": true}", userResp),
		"user-assignlicense.md": page("user: assignLicense", "POST /users/{id}/assignLicense", paramTable,
			"POST https://graph.microsoft.com/v1.0/users/1/assignLicense\n\n{\"displayName\": \"x\", \"accountEnabled\": true}", userResp),
		"attachment.md":     resource("attachment", `{"blockType": "resource", "@odata.type": "microsoft.graph.attachment"}`, "|name|String|Name.|", `{"name": "String"}`),
		"fileattachment.md": resource("fileAttachment", `{"blockType": "resource", "baseType": "microsoft.graph.attachment", "@odata.type": "microsoft.graph.fileAttachment"}`, "|contentBytes|Binary|Bytes.|", `{"contentBytes": "Binary"}`),
		"itemattachment.md": resource("itemAttachment", `{"blockType": "resource", "baseType": "microsoft.graph.attachment", "@odata.type": "microsoft.graph.itemAttachment"}`, "|item|String|Item.|", `{"item": "String"}`),
		// The list's type comes from its example's first element.
		"event-list-attachments.md": page("List attachments", "GET /me/events/{id}/attachments", "", "GET https://graph.microsoft.com/v1.0/me/events/1/attachments",
			resp(`{"blockType": "response"}`, "HTTP/1.1 200 OK\n\n{\"value\": [{\"@odata.type\": \"#microsoft.graph.fileAttachment\", \"name\": \"a\"}]}")),
		"event-post-attachments.md": page("Add attachment", "POST /me/events/{id}/attachments", "", "POST https://graph.microsoft.com/v1.0/me/events/1/attachments\n\n{\"@odata.type\": \"#microsoft.graph.itemAttachment\", \"name\": \"x\"}",
			resp(`{"blockType": "response"}`, "HTTP/1.1 204 No Content")),
		"group-update.md": page("Update group", "PATCH /groups/{id}", "", "PATCH https://graph.microsoft.com/v1.0/groups/1\n\n{\"@odata.type\": \"#microsoft.graph.user\", \"displayName\": \"x\"}",
			resp(`{"blockType": "response"}`, "HTTP/1.1 204 No Content")),
	})
	for name, want := range map[string]string{
		"UpdateUser":       "User",
		"CreateUser":       "User",
		"UpdateGroup":      "Group",
		"AssignLicense":    "AssignLicenseParameters",
		"CreateAttachment": "Attachment",
	} {
		o := findOp(m, name)
		if o == nil {
			var have []string
			for _, o := range m.Operations {
				have = append(have, o.Name)
			}
			t.Errorf("no operation %s; have %v\n%s", name, have, diagCodes(m))
			continue
		}
		if o.Body == nil || o.Body.Type.Named == nil || o.Body.Type.Named.Name != want {
			t.Errorf("%s %s: body %+v, want %s\n%s", o.Method, o.Path, o.Body, want, diagCodes(m))
		}
	}
	if !hasDiag(m, "body-type-path", "PATCH /groups/{id} addresses microsoft.graph.group") {
		t.Errorf("no body-type-path diagnostic:\n%s", diagCodes(m))
	}
	if !hasDiag(m, "body-type-path", "addresses microsoft.graph.fileattachment; the body is typed by their common base microsoft.graph.attachment") {
		t.Errorf("no body-type-path diagnostic for the attachment siblings:\n%s", diagCodes(m))
	}
	if u := findType(m, "User"); u == nil || u.Base != nil {
		t.Errorf("User: %+v; the conflicting example must not make it derive from Group", u)
	}
	if hasDiag(m, "body-type-path", "/users") {
		t.Errorf("body-type-path reported where no evidence conflicts:\n%s", diagCodes(m))
	}
}
