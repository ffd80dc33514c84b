package model

import (
	"slices"
	"strings"
	"testing"
)

func TestNamesRoundTrip(t *testing.T) {
	in := []NameEntry{
		{Kind: "operation", Key: "GET /users/{id | userPrincipalName}", Name: "GetUser"},
		{Kind: "type", Key: "microsoft.graph.user", Name: "User"},
		{Kind: "type", Key: "evil\n*/ //go:generate rm -rf /\x00\u202e", Name: "Evil"},
	}
	lines := FormatNames(in)
	for _, l := range lines {
		if strings.ContainsAny(l, "\n\r\x00") || strings.Contains(l[2:], "//go:") && !strings.Contains(l, `"`) {
			t.Errorf("unsafe line %q", l)
		}
	}
	src := "package x\n\n" + strings.Join(lines, "\n") + "\n// docgen:name type \"x\" not-an-ident\n// docgen:name bogus \"x\" X\n"
	got := ParseNames([]byte(src))
	if !slices.Equal(got, in) {
		t.Errorf("ParseNames(FormatNames(x)) = %+v, want %+v", got, in)
	}
}

func TestNamesKept(t *testing.T) {
	pages := map[string]string{
		"widget.md": resource("widget", `{"blockType": "resource", "@odata.type": "microsoft.graph.widget"}`, "|a|String|A.|", `{"a": "String"}`),
		"widget-list.md": "# List widgets\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n" +
			"<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\nGET /widgets\n```\n\n" +
			"<!-- {\"blockType\": \"response\", \"@odata.type\": \"Collection(microsoft.graph.widget)\"} -->\n```http\nHTTP/1.1 200 OK\n\n{\"value\": []}\n```\n",
	}
	first := build(t, pages)
	if findType(first, "Widget") == nil || findOp(first, "ListWidgets") == nil {
		t.Fatalf("unexpected names: %+v", first.Names)
	}
	// A later run with the names file keeps names even where the pages
	// would now give others; a locked name that is reserved still yields.
	lock := []NameEntry{
		{Kind: "type", Key: "microsoft.graph.widget", Name: "Gadget"},
		{Kind: "operation", Key: "GET /widgets", Name: "AllWidgets"},
		{Kind: "type", Key: "microsoft.graph.gone", Name: "Gone"},
	}
	p := parsePages(t, pages)
	m := Build(p, Options{Reserved: []string{"Client"}, Names: lock})
	if findType(m, "Gadget") == nil || findOp(m, "AllWidgets") == nil {
		t.Errorf("locked names not kept: %+v", m.Names)
	}
	for _, e := range m.Names {
		if e.Name == "Gone" {
			t.Error("a name for a type that no longer exists is carried over")
		}
	}
	m = Build(p, Options{Reserved: []string{"Gadget"}, Names: lock})
	if findType(m, "Gadget") != nil || findType(m, "Gadget2") == nil {
		t.Errorf("a locked name equal to a reserved identifier must yield")
	}
}

// TestNamesKeptTakeAPlainName: a name the names file keeps for another
// request takes an operation's plain name; the operation yields, is
// reported, and nothing panics.
func TestNamesKeptTakeAPlainName(t *testing.T) {
	pages := map[string]string{
		"widget-list.md": "# List widgets\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n" +
			"<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\nGET /widgets\n```\n\n" +
			"<!-- {\"blockType\": \"response\", \"@odata.type\": \"Collection(microsoft.graph.widget)\"} -->\n```http\nHTTP/1.1 200 OK\n\n{\"value\": []}\n```\n",
		"gadget-list.md": "# List gadgets\n\n## HTTP request\n\n```http\nGET /gadgets\n```\n",
	}
	lock := []NameEntry{{Kind: "operation", Key: "GET /gadgets", Name: "ListWidgets"}}
	m := Build(parsePages(t, pages), Options{Names: lock})
	if findOp(m, "ListWidgets") == nil || findOp(m, "ListWidgets2") == nil {
		var have []string
		for _, o := range m.Operations {
			have = append(have, o.Name)
		}
		t.Errorf("operations %v, want ListWidgets (kept) and ListWidgets2", have)
	}
	if !hasDiag(m, "operation-name", "operation name ListWidgets is taken") {
		t.Errorf("no operation-name diagnostic:\n%s", diagCodes(m))
	}
}

func TestOperationShape(t *testing.T) {
	for _, tc := range []struct{ method, path, want string }{
		{"GET", "/users/{id}", "GET /users/{}"},
		{"get", "/Users/{user-id}/", "GET /users/{}"},
		{"GET", "/users/{id | userPrincipalName}/messages/{message-id}", "GET /users/{}/messages/{}"},
		{"GET", "/me/drive/items/{item-id}/workbook/worksheets/{id|name}/range(address='{address}')", "GET /me/drive/items/{}/workbook/worksheets/{}/range(address={})"},
		{"GET", "/me/drive/root/workbook/worksheets/{id}/range(address={address})", "GET /me/drive/root/workbook/worksheets/{}/range(address={})"},
		{"GET", "/x(a='{a}',b='lit',c='{c')", "GET /x(a={},b='lit',c='{c')"},
		{"POST", "/groups/{id}/members/$ref", "POST /groups/{}/members/$ref"},
		{"GET", "/users/{unclosed", "GET /users/{unclosed"},
		{"DELETE", "/groups/{id}/members/{id}/$ref", "DELETE /groups/{}/members/{}/$ref"},
	} {
		if got := OperationShape(tc.method, tc.path); got != tc.want {
			t.Errorf("OperationShape(%q, %q) = %q, want %q", tc.method, tc.path, got, tc.want)
		}
	}
	// Different shapes stay apart.
	if OperationShape("GET", "/users/{id}") == OperationShape("GET", "/users/{id}/manager") ||
		OperationShape("GET", "/me/events") == OperationShape("GET", "/users/{id}/events") ||
		OperationShape("GET", "/x") == OperationShape("PATCH", "/x") {
		t.Error("different requests share a shape")
	}
}

// TestNamesKeptAcrossPlaceholderRename is the docs update of issue 16: a
// page renames its placeholder ({id} → {widget-id}) and changes the case of
// a segment; the names file of the earlier run keeps the operation's name.
func TestNamesKeptAcrossPlaceholderRename(t *testing.T) {
	page := func(path, example string) map[string]string {
		return map[string]string{
			"widget.md": resource("widget", `{"blockType": "resource", "@odata.type": "microsoft.graph.widget"}`, "|a|String|A.|", `{"a": "String"}`),
			"widget-get.md": "# Get widget\n\n## HTTP request\n\n```http\nGET " + path + "\n```\n\n" +
				"<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\nGET " + example + "\n```\n\n" +
				"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\"} -->\n```http\nHTTP/1.1 200 OK\n\n{\"a\": \"b\"}\n```\n",
		}
	}
	lock := []NameEntry{{Kind: "operation", Key: "GET /widgets/{id}", Name: "FetchWidget"}}
	m := Build(parsePages(t, page("/Widgets/{widget-id}", "/widgets/1")), Options{Names: lock})
	if findOp(m, "FetchWidget") == nil {
		t.Errorf("renamed placeholder lost the locked name: %+v", m.Names)
	}
	m = Build(parsePages(t, page("/widgets/{id}/parts", "/widgets/1/parts")), Options{Names: lock})
	if findOp(m, "FetchWidget") != nil {
		t.Errorf("a different request took the locked name: %+v", m.Names)
	}
}

// TestBodyStructNameKept is the workbook case of the May 2020 to July 2021
// update: a page's first request line goes away and its alternate becomes
// the primary one. The struct made up for the body keeps the name the
// names file gives it, as the operation does.
func TestBodyStructNameKept(t *testing.T) {
	page := func(lines string) map[string]string {
		return map[string]string{
			"chart-add.md": "# Add chart\n\n## HTTP request\n\n```http\n" + lines + "```\n\n" +
				"## Request body\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n| type | String | The chart type. |\n| seriesBy | String | How series are made. |\n",
		}
	}
	old := Build(parsePages(t, page("POST /workbook/charts/add\nPOST /me/drive/items/{id}/workbook/charts/add\n")), Options{})
	var body string
	for _, o := range old.Operations {
		if o.Body != nil && o.Body.Type.Named != nil && o.Body.Type.Named.Synthesized {
			body = o.Body.Type.Named.Name
		}
	}
	if body == "" {
		t.Fatalf("no body struct: %s", diagCodes(old))
	}
	lock := slices.Clone(old.Names)
	lines := strings.Join(FormatNames(lock), "\n")
	if !strings.Contains(lines, `// docgen:name body "POST /me/drive/items/{id}/workbook/charts/add" `+body) {
		t.Errorf("the names file does not record the alternate's body struct:\n%s", lines)
	}
	upd := Build(parsePages(t, page("POST /me/drive/items/{item-id}/workbook/charts/add\n")), Options{Names: ParseNames([]byte(lines))})
	if len(upd.Operations) != 1 || upd.Operations[0].Body == nil || upd.Operations[0].Body.Type.Named == nil {
		t.Fatalf("operations after the update: %+v", upd.Operations)
	}
	if got := upd.Operations[0].Body.Type.Named.Name; got != body {
		t.Errorf("body struct %s after the update, %s before", got, body)
	}
	// Without the names file the struct is named after the operation.
	fresh := Build(parsePages(t, page("POST /me/drive/items/{item-id}/workbook/charts/add\n")), Options{})
	if got := fresh.Operations[0].Body.Type.Named.Name; got != fresh.Operations[0].Name+"Parameters" {
		t.Errorf("fresh body struct %s for operation %s", got, fresh.Operations[0].Name)
	}
}
