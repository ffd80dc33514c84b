package model

import (
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser"
)

// TestPathGroups: a request line that extends another line of its page by
// property steps is set apart; by a key, "$value", "$ref" or a call it is
// the same operation reached another way.
func TestPathGroups(t *testing.T) {
	lines := func(paths ...string) []parser.Template {
		var out []parser.Template
		for _, p := range paths {
			out = append(out, parser.Template{Method: "GET", Path: p})
		}
		return out
	}
	all := lines("/me/mailboxSettings", "/users/{id}/mailboxSettings", "/me/mailboxSettings/timeZone",
		"/users/{id}/mailboxSettings/workingHours/timeZone", "/me/photo", "/me/photo/$value", "/me/photos/{size}", "/me/photos",
		"/me/events/{id}", "/me/events/{id}/extensions/{id}", "/me/events/{id}/microsoft.graph.delta()")
	all = append(all, parser.Template{Method: "PATCH", Path: "/me/mailboxSettings/timeZone"})
	groups := pathGroups(all)
	got := map[string]string{}
	for i, l := range all {
		got[l.Method+" "+l.Path] = groups[i]
	}
	for path, want := range map[string]string{
		"/me/mailboxSettings":                               "",
		"/users/{id}/mailboxSettings":                       "",
		"/me/mailboxSettings/timeZone":                      "timezone",
		"/users/{id}/mailboxSettings/workingHours/timeZone": "workinghours/timezone",
		"/me/photo/$value":                                  "",
		"/me/photos/{size}":                                 "",
		"/me/events/{id}/extensions/{id}":                   "",
		"/me/events/{id}/microsoft.graph.delta()":           "",
	} {
		if got["GET "+path] != want {
			t.Errorf("pathGroups: GET %s in %q, want %q", path, got["GET "+path], want)
		}
	}
	if g := got["PATCH /me/mailboxSettings/timeZone"]; g != "" {
		t.Errorf("pathGroups: a line no line of its method prefixes is in %q, want none", g)
	}
}

// settingsPages: a widget with settings, a complex type of a String, an
// enum, a stream and a complex property, and one page documenting GETs of
// the settings and of each property, with an example of the settings and
// of one property.
func settingsPages() map[string]string {
	pages := evidencePages(nil)
	pages["resources/widget.md"] = resource("widget", `{"blockType": "resource", "@odata.type": "microsoft.graph.widget", "keyProperty": "id"}`,
		"|id|String|Key.|\n|settings|[widgetSettings](widgetsettings.md)|The settings.|", `{"id": "String"}`)
	pages["resources/widgetsettings.md"] = resource("widgetSettings", `{"blockType": "resource", "@odata.type": "microsoft.graph.widgetSettings"}`,
		"|timeZone|String|The zone.|\n|mode|[widgetMode](enums.md#widgetmode)|The mode.|\n|manual|Stream|The manual.|\n|hours|[workingHours](workinghours.md)|The hours.|", `{"timeZone": "String"}`)
	pages["resources/workinghours.md"] = resource("workingHours", `{"blockType": "resource", "@odata.type": "microsoft.graph.workingHours"}`, "|start|String|Start.|", `{"start": "String"}`)
	pages["resources/enums.md"] = "# Enums\n\nNamespace: microsoft.graph\n\n### widgetMode values\n\n| Member | Value | Description |\n|:--|:--|:--|\n|auto|0|Auto.|\n|manual|1|Manual.|\n"
	lines := []string{"/widgets/{id}/settings", "/widgets/{id}/settings/timeZone", "/widgets/{id}/settings/mode", "/widgets/{id}/settings/manual", "/widgets/{id}/settings/hours"}
	var http strings.Builder
	for _, l := range lines {
		http.WriteString("GET " + l + "\n")
	}
	pages["api/widget-get-settings.md"] = "# Get widget settings\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\n" + http.String() + "```\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and a [widgetSettings](../resources/widgetsettings.md) object.\n\n## Example\n\n" +
		typedExample("/widgets/1/settings", "microsoft.graph.widgetSettings", `{"timeZone": "UTC"}`) + "\n" +
		typedExample("/widgets/1/settings/hours", "microsoft.graph.workingHours", `{"start": "08:00"}`)
	pages["api/widget-get.md"] = apiPage("Get widget", "GET /widgets/{id}", "It returns it.", typedExample("/widgets/1", "microsoft.graph.widget", `{"id": "1"}`))
	return pages
}

// TestPropertyPathsAreOperations: each GET of a property of what another
// line of the page addresses is an operation of its own, typed by its own
// example or by the property table (a String and an enum are answered as
// {"value": ...}, a stream as bytes), never by the page's answer for the
// settings nor by the page's prose, which describes the settings.
func TestPropertyPathsAreOperations(t *testing.T) {
	m := build(t, settingsPages())
	wantResponse(t, m, "GET", "/widgets/{id}/settings", ResponseSingle, "WidgetSettings", fromExample)
	wantResponse(t, m, "GET", "/widgets/{id}/settings/hours", ResponseSingle, "WorkingHours", fromExample)
	wantResponse(t, m, "GET", "/widgets/{id}/settings/mode", ResponseSingle, "WidgetMode", fromProperty)
	wantResponse(t, m, "GET", "/widgets/{id}/settings/manual", ResponseStream, "", fromProperty)
	op := opAt(m, "GET", "/widgets/{id}/settings/timeZone")
	if op == nil || op.Response != ResponseSingle || op.ResponseType.Named != nil || op.ResponseType.Primitive != String || op.ResponseFrom != fromProperty {
		t.Errorf("GET /widgets/{id}/settings/timeZone = %+v, want one String from the property table\n%s", op, diagCodes(m))
	}
	for _, o := range m.Operations {
		if o.AlternateOf != "" && strings.HasPrefix(o.Path, "/widgets/{id}/settings/") {
			t.Errorf("%s %s is an alternate of %s", o.Method, o.Path, o.AlternateOf)
		}
	}
	if op != nil && op.Name != "GetWidgetSettingsTimeZone" {
		t.Errorf("GET /widgets/{id}/settings/timeZone is named %s, want GetWidgetSettingsTimeZone", op.Name)
	}
}

// TestQueryLineMergesIntoTheCall: a page whose request lines show another
// page's call with a query (the extended properties' "GET
// /widgets?$filter=...") documents that call: the operations merge into
// the line without a query, even where it is only an alternate path of
// its page, and no operation of the query's page is left calling the
// path without it.
func TestQueryLineMergesIntoTheCall(t *testing.T) {
	pages := evidencePages(map[string]string{
		"api/widget-list.md": "# List widgets\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /me/widgets\nGET /users/{id}/widgets\n```\n\n## Example\n\n" +
			typedExampleOf("/me/widgets", "microsoft.graph.widget", `, "isCollection": true`, `{"value": [{"id": "1"}]}`),
		"api/extendedproperty-get.md": "# Get extended property\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /users/{id}/widgets?$filter=props/any(p: p/id eq '{id_value}')\n```\n\n## Example\n\n" +
			typedExampleOf("/users/1/widgets?$filter=props/any(p: p/id eq 'x')", "microsoft.graph.widget", `, "isCollection": true`, `{"value": [{"id": "1"}]}`),
	})
	m := build(t, pages)
	var got []string
	for _, o := range m.Operations {
		if o.Method == "GET" && strings.Contains(o.Path, "widgets") {
			got = append(got, o.Path+" "+o.Page)
		}
	}
	want := []string{"/me/widgets api/widget-list.md", "/users/{id}/widgets api/widget-list.md"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("GET operations: %v, want %v\n%s", got, want, diagCodes(m))
	}
	wantDiag(t, m, "operation-duplicate", "GET /users/{id}/widgets is also documented by api/widget-list.md", "the query line")
}
