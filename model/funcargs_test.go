package model

import (
	"strings"
	"testing"
)

// TestAngleParams: a placeholder in angle brackets becomes a parameter
// wherever it is; other text is kept.
func TestAngleParams(t *testing.T) {
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"/privilegedAccess/azureResources/resources/<resourceId>/roleSettings", "/privilegedAccess/azureResources/resources/{resourceId}/roleSettings", true},
		{"/x/range(<address>)/format/protection", "/x/range({address})/format/protection", true},
		{"/x/borders(<sideIndex>)", "/x/borders({sideIndex})", true},
		{"/x/{id}/y", "/x/{id}/y", false},
		{"/x/<not a name>/y", "/x/<not a name>/y", false},
		{"/x/<>/y", "/x/<>/y", false},
	}
	for _, tc := range tests {
		got, changed := angleParams(tc.in)
		if got != tc.want || changed != tc.changed {
			t.Errorf("angleParams(%q) = %q, %v; want %q, %v", tc.in, got, changed, tc.want, tc.changed)
		}
	}
}

// TestCloseCalls: a call left open at the end of its segment is closed;
// balanced calls and other segments are kept.
func TestCloseCalls(t *testing.T) {
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"/w/{id}/range(address='<address>'/entireRow", "/w/{id}/range(address='<address>')/entireRow", true},
		{"/w/range(address='{address}'", "/w/range(address='{address}')", true},
		{"/w/f(a={a}/g", "/w/f(a={a})/g", true},
		{"/w/range(address='{address}')/entireRow", "/w/range(address='{address}')/entireRow", false},
		{"/w/f(a/g", "/w/f(a/g", false},
		{"/w/f((a'", "/w/f((a'", false},
	}
	for _, tc := range tests {
		got, changed := closeCalls(tc.in)
		if got != tc.want || changed != tc.changed {
			t.Errorf("closeCalls(%q) = %q, %v; want %q, %v", tc.in, got, changed, tc.want, tc.changed)
		}
	}
}

// TestPathPartsArg: a parameter inside a function call's argument list
// knows the argument it stands for; a path segment or key does not.
func TestPathPartsArg(t *testing.T) {
	_, params := pathParts("/books/{id}/f(a='{x}',b={b})/g({k})/h(c={c})/{last}", nil)
	var got []string
	for _, p := range params {
		got = append(got, p.Placeholder+":"+p.Arg)
	}
	if want := "id: x:a b:b k: c:c last:"; strings.Join(got, " ") != want {
		t.Errorf("placeholder:arg = %q, want %q", strings.Join(got, " "), want)
	}
}

// funcPage is an API page of a function whose parameter table types its
// arguments; the request line also repairs: a placeholder in angle
// brackets and a call left unclosed.
const funcPage = "# book: getAvailableCopies\n\n## HTTP request\n\n```http\n" +
	"GET /books/{id}/getAvailableCopies(branch='{branch}',format='{format}',max={max},on={on},since={since},reservable='{reservable}',ratio={ratio},tags={tags},misc={misc})\n" +
	"GET /shelves/<shelfId>/books/{id}/getAvailableCopies(branch='{branch}'\n" +
	"```\n\n## Function parameters\n\n" +
	"| Parameter | Type | Description |\n|:--|:--|:--|\n" +
	"|branch|String|Branch code.|\n|format|[bookFormat](../resources/bookformat.md)|Form.|\n|max|Int32|Most.|\n" +
	"|on|Date|Day.|\n|since|Edm.DateTimeOffset|Time.|\n|reservable|Boolean|Reservable.|\n|ratio|Double|Ratio.|\n" +
	"|tags|String collection|Tags.|\n|misc|microsoft.graph.book|Not an enum.|\n\n" +
	"## Response\n\n<!-- {\"blockType\": \"request\", \"name\": \"a\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/books/b1/getAvailableCopies(branch='c',format='ebook',max=2,on=2024-01-31,since=2024-01-31T08:00:00Z,reservable='true',ratio=0.5,tags=x,misc=y)\n```\n"

const formatPage = "# bookFormat enum type\n\nNamespace: microsoft.graph\n\n| Member | Description |\n|:--|:--|\n|hardcover|Hard.|\n|ebook|Electronic.|\n"

const bookPage = "# book resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n|id|String|Id.|\n\n" +
	"## JSON representation\n\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.book\"} -->\n```json\n{\"id\": \"String\"}\n```\n"

// TestFunctionArgTypes: each function argument takes the type its table
// row gives, when a path can carry it: primitives and enums are typed, a
// collection or an entity is passed as a string, as is a path parameter
// that is no function argument.
func TestFunctionArgTypes(t *testing.T) {
	m := build(t, map[string]string{
		"api/book-getavailablecopies.md": funcPage,
		"resources/bookformat.md":        formatPage,
		"resources/book.md":              bookPage,
	})
	var op, alt *Operation
	for _, o := range m.Operations {
		switch {
		case strings.HasPrefix(o.Path, "/books/"):
			op = o
		case strings.HasPrefix(o.Path, "/shelves/"):
			alt = o
		}
	}
	if op == nil || alt == nil {
		t.Fatalf("operations missing:\n%s", diagCodes(m))
	}
	got := map[string]string{}
	for _, p := range op.Params {
		switch {
		case p.Type.Named != nil:
			got[p.Placeholder] = p.Type.Named.Name
		default:
			got[p.Placeholder] = string(p.Type.Primitive)
		}
	}
	want := map[string]string{"id": "", "branch": "String", "format": "BookFormat", "max": "Int32", "on": "Date",
		"since": "DateTimeOffset", "reservable": "Boolean", "ratio": "Double", "tags": "", "misc": ""}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("parameter %s typed %q, want %q", k, got[k], w)
		}
	}
	if alt.Path != "/shelves/{shelfId}/books/{id}/getAvailableCopies(branch='{branch}')" {
		t.Errorf("repaired request line = %s", alt.Path)
	}
	if !hasDiag(m, "template-placeholder", "<shelfId>") || !hasDiag(m, "template-unclosed-call", "getAvailableCopies(branch='{branch}'") {
		t.Errorf("diagnostics:\n%s", diagCodes(m))
	}
}

// TestForeignQueryDropped: a GET request line with a query whose path is
// another page's resource of an unrelated type ("GET
// /users/{id}/messages?$filter=..." on an extension's page) is not made an
// operation typed by the page it sits on, and is reported; one whose path
// no other page documents, or documents with the page's own type, stays.
func TestForeignQueryDropped(t *testing.T) {
	ext := "# Get open extension\n\n## HTTP request\n\n```http\n" +
		"GET /users/{id}/extensions/{extensionId}\n" +
		"GET /users/{id}/messages?$filter=Extensions/any(f:f/id eq '{extensionId}')\n" +
		"GET /widgets/{id}?$expand=extensions\n" +
		"```\n\n<!-- {\"blockType\": \"request\", \"name\": \"a\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/users/u1/extensions/x\n```\n\n" +
		"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.openTypeExtension\"} -->\n```http\nHTTP/1.1 200 OK\n\n{\"id\": \"x\"}\n```\n\n" +
		"<!-- {\"blockType\": \"request\", \"name\": \"b\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/me/messages/m1\n```\n\n" +
		"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.openTypeExtension\"} -->\n```http\nHTTP/1.1 200 OK\n\n{\"id\": \"x\"}\n```\n"
	msgs := "# List messages\n\n## HTTP request\n\n```http\nGET /users/{id}/messages\nGET /me/messages/{id}\n```\n\n" +
		"<!-- {\"blockType\": \"request\", \"name\": \"c\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/users/u1/messages\n```\n\n" +
		"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.message\", \"isCollection\": true} -->\n```http\nHTTP/1.1 200 OK\n\n{\"value\": []}\n```\n"
	msgType := "# message resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n|id|String|Id.|\n\n" +
		"## JSON representation\n\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.message\"} -->\n```json\n{\"id\": \"String\"}\n```\n"
	extType := strings.ReplaceAll(strings.ReplaceAll(msgType, "message", "openTypeExtension"), "# openTypeExtension", "# openTypeExtension")
	m := build(t, map[string]string{"api/opentypeextension-get.md": ext, "api/user-list-messages.md": msgs,
		"resources/message.md": msgType, "resources/opentypeextension.md": extType})
	for _, op := range m.Operations {
		if op.Path == "/users/{id}/messages" && op.Page != "api/user-list-messages.md" {
			t.Errorf("%s (%s) calls GET %s, typed %v by its page", op.Name, op.Page, op.Path, op.ResponseType)
		}
	}
	paths := map[string]bool{}
	for _, op := range m.Operations {
		paths[op.Path] = true
	}
	if !paths["/widgets/{id}"] || !paths["/users/{id}/extensions/{extensionId}"] || !paths["/users/{id}/messages"] {
		t.Errorf("operations kept: %v", paths)
	}
	if !hasDiag(m, "request-other-resource", "/users/{id}/messages?$filter") {
		t.Errorf("diagnostics:\n%s", diagCodes(m))
	}
}
