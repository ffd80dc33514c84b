package model

import (
	"testing"
)

// TestContentOperations: operations on a resource's bytes take and return
// content, shaped as the drive item and photo pages of the Graph reference
// document them: an upload whose example goes to another path of the page
// (so that the operation has no example body of its own) answered with the
// JSON of the item, a download answered by a 302, a photo download whose
// page documents no response, and a JSON PATCH of a /content path, which
// stays JSON.
func TestContentOperations(t *testing.T) {
	page := func(title, templates, examples string) string {
		return "# " + title + "\n\n## HTTP request\n\n```http\n" + templates + "\n```\n\n" + examples
	}
	req := func(msg string) string {
		return "<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\n" + msg + "\n```\n\n"
	}
	resp := func(annotation, msg string) string {
		return "<!-- " + annotation + " -->\n```http\n" + msg + "\n```\n\n"
	}
	item := resource("driveItem", `{"blockType": "resource", "@odata.type": "microsoft.graph.driveItem"}`,
		"| id | String | The id. |\n| name | String | The name. |", `{"id": "string", "name": "string"}`)
	m := build(t, map[string]string{
		"driveitem.md": item,
		"driveitem-get.md": page("Get driveItem", "GET /me/drive/items/{item-id}",
			req("GET /me/drive/items/1")+resp(`{"blockType": "response", "@odata.type": "microsoft.graph.driveItem"}`, "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"1\"}")),
		"driveitem-put-content.md": page("Upload or replace the contents of a driveItem", "PUT /me/drive/items/{item-id}/content",
			req("PUT /me/drive/root:/FolderA/FileB.txt:/content\nContent-Type: text/plain\n\nThe contents of the file goes here.")+
				resp(`{"blockType": "response", "@odata.type": "microsoft.graph.driveItem"}`, "HTTP/1.1 201 Created\nContent-Type: application/json\n\n{\"id\": \"1\"}")),
		"driveitem-get-content.md": page("Download the contents of a driveItem", "GET /me/drive/items/{item-id}/content",
			req("GET /me/drive/items/1/content")+resp(`{"blockType": "response"}`, "HTTP/1.1 302 Found\nLocation: https://files.example/x")),
		"profilephoto-get.md": page("Get profilePhoto", "GET /me/photo/$value\nGET /me/photo",
			req("GET /me/photo")+resp(`{"blockType": "response"}`, "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"@odata.type\": \"#microsoft.graph.driveItem\", \"id\": \"1\"}")),
		"page-update.md": page("Update page", "PATCH /me/pages/{id}/content",
			req("PATCH /me/pages/1/content\nContent-Type: application/json\n\n[{\"target\": \"body\", \"action\": \"append\"}]")+resp(`{"blockType": "response"}`, "HTTP/1.1 204 No Content")),
		"report-get.md": page("Get report", "GET /reports/getReport(period='{period}')",
			req("GET /reports/getReport(period='D7')")+resp(`{"blockType": "response"}`, "HTTP/1.1 302 Found\nLocation: https://reports.example/x.csv")),
	})
	byPath := map[string]*Operation{}
	for _, o := range m.Operations {
		byPath[o.Method+" "+o.Path] = o
	}
	for _, tc := range []struct {
		op         string
		binaryBody bool
		jsonBody   bool
		response   ResponseKind
		respType   string
	}{
		{"PUT /me/drive/items/{item-id}/content", true, false, ResponseSingle, "DriveItem"},
		{"GET /me/drive/items/{item-id}/content", false, false, ResponseStream, ""},
		{"GET /me/photo/$value", false, false, ResponseStream, ""},
		{"GET /me/photo", false, false, ResponseSingle, "DriveItem"},
		{"PATCH /me/pages/{id}/content", false, true, ResponseNone, ""},
		{"GET /reports/getReport(period='{period}')", false, false, ResponseStream, ""},
	} {
		o := byPath[tc.op]
		if o == nil {
			t.Errorf("no operation %s; have %v\n%s", tc.op, byPath, diagCodes(m))
			continue
		}
		binary := o.Body != nil && o.Body.Binary
		jsonBody := o.Body != nil && !o.Body.Binary
		typ := ""
		if o.ResponseType.Named != nil {
			typ = o.ResponseType.Named.Name
		}
		if binary != tc.binaryBody || jsonBody != tc.jsonBody || o.Response != tc.response || typ != tc.respType {
			t.Errorf("%s: binary body %v, JSON body %v, response %s %s; want %v, %v, %s %s",
				tc.op, binary, jsonBody, o.Response, typ, tc.binaryBody, tc.jsonBody, tc.response, tc.respType)
		}
	}
}

func TestContentPath(t *testing.T) {
	for path, want := range map[string]bool{
		"/drives/{drive-id}/items/{item-id}/content":    true,
		"/me/drive/root:/{item-path}:/content":          true,
		"/me/drive/items/{item-id}/content?format=pdf":  true,
		"/users/{id}/photo/$value":                      true,
		"/users/{id}/photo/$VALUE/":                     true,
		"/me/messages/{id}/$value":                      true,
		"/users/{id}/photo":                             false,
		"/sites/{id}/contentTypes":                      false,
		"/chats/{id}/messages/{id}/hostedContents/{id}": false,
		"content":      true,
		"":             false,
		"/x/{content}": false,
	} {
		if got := contentPath(path); got != want {
			t.Errorf("contentPath(%q) = %v, want %v", path, got, want)
		}
	}
}
