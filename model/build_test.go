package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser"
)

// build parses the given pages (name → markdown) and merges them.
func build(t *testing.T, pages map[string]string) *Model {
	t.Helper()
	return Build(parsePages(t, pages), Options{Reserved: []string{"Client", "Date"}})
}

// parsePages parses the given pages in name order.
func parsePages(t *testing.T, pages map[string]string) []*parser.Page {
	t.Helper()
	p := parser.New()
	var ps []*parser.Page
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		ps = append(ps, p.Parse(n, []byte(pages[n])))
	}
	return ps
}

func findType(m *Model, name string) *Type {
	for _, t := range m.Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

func findProp(t *Type, json string) *Property {
	for _, p := range t.Properties {
		if p.JSONName == json {
			return p
		}
	}
	return nil
}

func findOp(m *Model, name string) *Operation {
	for _, o := range m.Operations {
		if o.Name == name {
			return o
		}
	}
	return nil
}

func hasDiag(m *Model, code, substr string) bool {
	for _, d := range m.Diags {
		if d.Code == code && strings.Contains(d.Message, substr) {
			return true
		}
	}
	return false
}

// wantDiag fails t unless m reports code with a message holding substr;
// what names the case in the failure.
func wantDiag(t *testing.T, m *Model, code, substr, what string) {
	t.Helper()
	if !hasDiag(m, code, substr) {
		t.Errorf("no %s for %s:\n%s", code, what, diagCodes(m))
	}
}

// wantNoDiag fails t when m reports code with a message holding substr;
// what says why none is expected.
func wantNoDiag(t *testing.T, m *Model, code, substr, what string) {
	t.Helper()
	if hasDiag(m, code, substr) {
		t.Errorf("%s %s:\n%s", code, what, diagCodes(m))
	}
}

func diagCodes(m *Model) string {
	var b strings.Builder
	for _, d := range m.Diags {
		fmt.Fprintln(&b, d)
	}
	return b.String()
}

// resource renders a resource page.
func resource(name, annotation, table, rep string) string {
	return fmt.Sprintf(`---
title: "%[1]s resource type"
description: "The %[1]s."
---

# %[1]s resource type

Namespace: microsoft.graph

## Properties

| Property | Type | Description |
|:---|:---|:---|
%[3]s

## JSON representation

<!-- %[2]s -->
`+"```json\n%[4]s\n```\n", name, annotation, table, rep)
}

func TestEvidenceRanking(t *testing.T) {
	m := build(t, map[string]string{
		"thing.md": resource("thing", `{"blockType": "resource", "@odata.type": "microsoft.graph.thing"}`,
			"|created|String|When.|\n|count|Int32|How many.|\n|tags|String|Tags.|\n|kind|String|Kind. Possible values are: `a`, `b`.|\n|size|int|Size.|",
			`{"created": "String (timestamp)", "count": "String", "tags": "String", "kind": "String", "size": 1, "extra": "Boolean"}`),
		"enums.md": "# Enum values\n\nNamespace: microsoft.graph\n\n### thingKind values\n\n|Member|\n|:---|\n|a|\n|b|\n",
		"thing-get.md": "# Get thing\n\n## HTTP request\n\n```http\nGET /things/{id}\n```\n\n" +
			"<!-- {\"blockType\": \"request\", \"name\": \"get_thing\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/things/1\n```\n\n" +
			"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.thing\"} -->\n```http\nHTTP/1.1 200 OK\n\n" +
			`{"created": "2021-01-01T00:00:00Z", "count": 3, "tags": ["x", "y"], "size": 1.5, "seen": "2021-02-03"}` + "\n```\n",
	})
	th := findType(m, "Thing")
	if th == nil {
		t.Fatalf("no Thing type:\n%s", diagCodes(m))
	}
	checks := []struct {
		prop string
		want string
		src  Source
	}{
		{"created", "Edm.DateTimeOffset", FromTable},  // refined by the representation
		{"count", "Edm.Int32", FromTable},             // conflict: the table wins
		{"tags", "Collection(Edm.String)", FromTable}, // arrays in examples
		{"kind", "microsoft.graph.thingKind", FromTable},
		{"size", "Edm.Int32", FromTable}, // examples never override the table
		{"extra", "Edm.Boolean", FromJSONRep},
	}
	for _, c := range checks {
		p := findProp(th, c.prop)
		if p == nil {
			t.Errorf("property %s missing", c.prop)
			continue
		}
		if p.Type.String() != c.want || p.Source != c.src {
			t.Errorf("%s: type %s from %s, want %s from %s", c.prop, p.Type, p.Source, c.want, c.src)
		}
	}
	for _, want := range []struct{ code, sub string }{
		{"type-refined", "thing.created"},
		{"type-conflict", "thing.count"},
		{"collection-from-example", "thing.tags"},
		{"type-from-text", "thing.kind"},
		{"example-type-mismatch", "thing.size"},
		{"property-from-json-representation", "extra"},
		{"property-example-only", "seen of microsoft.graph.thing"},
	} {
		if !hasDiag(m, want.code, want.sub) {
			t.Errorf("missing diagnostic %s about %s; got:\n%s", want.code, want.sub, diagCodes(m))
		}
	}
	// The property table is the whole truth about Thing's own members: a
	// member only examples show is reported, not added.
	if p := findProp(th, "seen"); p != nil {
		t.Errorf("seen, only in an example, added to Thing (which has a property table) from %s", p.Source)
	}
}

func TestBaseTypesAndKinds(t *testing.T) {
	m := build(t, map[string]string{
		"entity.md": resource("entity", `{"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.entity"}`,
			"|id|String|Id.|", `{"id": "String"}`),
		"user.md": resource("user", `{"blockType": "resource", "baseType": "microsoft.graph.entity", "@odata.type": "microsoft.graph.user"}`,
			"|id|String|Inherited.|\n|name|String|Name.|\n|client|String|Clashes with nothing: fields are scoped.|", `{"id": "String", "name": "String"}`),
		"loop-a.md": resource("loopA", `{"blockType": "resource", "baseType": "microsoft.graph.loopB", "@odata.type": "microsoft.graph.loopA"}`, "|a|String|A.|", `{}`),
		"loop-b.md": resource("loopB", `{"blockType": "resource", "baseType": "microsoft.graph.loopA", "@odata.type": "microsoft.graph.loopB"}`, "|b|String|B.|", `{}`),
		"client.md": resource("client", `{"blockType": "resource", "@odata.type": "microsoft.graph.client"}`, "|x|String|X.|", `{}`),
	})
	u := findType(m, "User")
	if u == nil || u.Base == nil || u.Base.Name != "Entity" || u.Kind != Entity {
		t.Fatalf("User = %+v", u)
	}
	if findProp(u, "id") != nil {
		t.Error("inherited property id repeated on User")
	}
	if e := findType(m, "Entity"); len(e.Subtypes) != 1 || e.Subtypes[0] != u {
		t.Errorf("Entity.Subtypes = %v", e.Subtypes)
	}
	if !hasDiag(m, "base-cycle", "") {
		t.Errorf("no base-cycle diagnostic:\n%s", diagCodes(m))
	}
	if findType(m, "Client") != nil || findType(m, "Client2") == nil {
		t.Error("a type took the reserved name Client")
	}
}

func TestUndefinedTypeFromStrings(t *testing.T) {
	m := build(t, map[string]string{
		"thing.md": resource("thing", `{"blockType": "resource", "@odata.type": "microsoft.graph.thing"}`,
			"|state|[thingState](thingstate.md)|State.|\n|owner|[person](person.md)|Owner.|", `{"state": "String"}`),
		"thing-get.md": "# Get thing\n\n## HTTP request\n\n```http\nGET /thing\n```\n\n" +
			"<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\nGET /thing\n```\n\n" +
			"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.thing\"} -->\n```http\nHTTP/1.1 200 OK\n\n" +
			`{"state": "on", "owner": {"name": "Ann"}}` + "\n```\n",
	})
	if st := findType(m, "ThingState"); st == nil || st.Kind != Enum {
		t.Errorf("ThingState = %+v, want an enum (all example values are strings)", st)
	}
	p := findType(m, "Person")
	if p == nil || p.Kind != Complex || findProp(p, "name") == nil {
		t.Errorf("Person = %+v, want a struct with name from the example", p)
	}
	if !hasDiag(m, "type-undefined", "thingState") {
		t.Errorf("no type-undefined diagnostic:\n%s", diagCodes(m))
	}
}

func TestOperations(t *testing.T) {
	page := func(title, templates, req, resp string) string {
		return "# " + title + "\n\n## HTTP request\n\n```http\n" + templates + "\n```\n\n" +
			"<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\n" + req + "\n```\n\n" + resp
	}
	resp := func(annotation, msg string) string {
		return "<!-- " + annotation + " -->\n```http\n" + msg + "\n```\n"
	}
	m := build(t, map[string]string{
		"group-list-members.md": page("List members", "GET /groups/{id}/members/{id}/owners\nGET /me/memberOf", "GET https://graph.microsoft.com/beta/groups/1/members/2/owners",
			resp(`{"blockType": "response", "@odata.type": "Collection(microsoft.graph.user)"}`, "HTTP/1.1 200 OK\n\n{\"value\": []}")),
		"team-list-members.md": page("List members", "GET /teams/{id}/members", "GET /teams/1/members",
			resp(`{"blockType": "response", "isCollection": true, "@odata.type": "microsoft.graph.user"}`, "HTTP/1.1 200 OK\n\n{\"value\": []}")),
		"user-getthings.md": page("user: getThings", "GET /users/{id | userPrincipalName}/getThings(since='{since}',top={top})", "GET /users/1/getThings(since='x',top=3)",
			resp(`{"blockType": "response", "@odata.type": "Edm.Boolean"}`, "HTTP/1.1 200 OK\n\n{\"value\": true}")),
		"team-getthings.md": page("team: getThings", "GET /teams/{id}/getThings()", "GET /teams/1/getThings()",
			resp(`{"blockType": "response", "@odata.type": "Edm.Boolean"}`, "HTTP/1.1 200 OK\n\n{\"value\": true}")),
		"user-delete.md":      page("Delete user", "DELETE /users/{id}", "DELETE /users/1", resp(`{"blockType": "response"}`, "HTTP/1.1 204 No Content")),
		"group-list.md":       page("List groups", "GET /groups", "GET /groups", resp(`{"blockType": "response", "@odata.type": "Collection(microsoft.graph.user)"}`, "HTTP/1.1 200 OK\n\n{\"value\": []}")),
		"group-list-all.md":   page("List groups", "GET /groups/all", "GET /groups/all", resp(`{"blockType": "response", "@odata.type": "Collection(microsoft.graph.user)"}`, "HTTP/1.1 200 OK\n\n{\"value\": []}")),
		"profilephoto-get.md": page("Get photo", "GET /me/photo/$value", "GET /me/photo/$value", resp(`{"blockType": "response"}`, "HTTP/1.1 200 OK\nContent-Type: image/jpeg\n\nbinary")),
	})
	want := map[string]struct {
		params string
		kind   ResponseKind
	}{
		"ListMemberOwners":      {"groupID memberID", ResponseCollection},
		"ListMemberOwnersViaMe": {"", ResponseCollection},
		"ListTeamMembers":       {"teamID", ResponseCollection},
		"ListGroups":            {"", ResponseCollection},
		"ListUserAll":           {"", ResponseCollection},
		"GetUserThings":         {"userID since top", ResponseSingle},
		"GetTeamThings":         {"teamID", ResponseSingle},
		"DeleteUser":            {"userID", ResponseNone},
		"GetMePhoto":            {"", ResponseStream},
	}
	var got []string
	for _, o := range m.Operations {
		got = append(got, o.Name)
	}
	for name, w := range want {
		o := findOp(m, name)
		if o == nil {
			t.Errorf("no operation %s; have %v\n%s", name, got, diagCodes(m))
			continue
		}
		var ps []string
		for _, p := range o.Params {
			ps = append(ps, p.Name)
		}
		if strings.Join(ps, " ") != w.params || o.Response != w.kind {
			t.Errorf("%s: params %v, response %s; want %q, %s", name, ps, o.Response, w.params, w.kind)
		}
	}
	if o := findOp(m, "GetUserThings"); o != nil {
		if !o.Params[1].Quoted || o.Params[2].Quoted || o.ResponseType.Primitive != Boolean {
			t.Errorf("GetUserThings params/response wrong: %+v %+v %s", o.Params[1], o.Params[2], o.ResponseType)
		}
	}
	// Two pages claim GetThings: each is qualified by where it starts, and
	// says so.
	if !hasDiag(m, "operation-name", "GetTeamThings") || !hasDiag(m, "operation-name", "GetUserThings") {
		t.Errorf("no operation-name diagnostic:\n%s", diagCodes(m))
	}
}

// TestOrderIndependent builds the same pages in two orders.
func TestOrderIndependent(t *testing.T) {
	p := parser.New()
	srcs := map[string]string{
		"x.md": resource("x", `{"blockType": "resource", "@odata.type": "microsoft.graph.x"}`, "|a|String|A.|", `{"a": "String"}`),
		"y.md": resource("X", `{"blockType": "resource", "@odata.type": "microsoft.graph.X"}`, "|b|String|B.|", `{"b": "String"}`),
		"z.md": resource("x_", `{"blockType": "resource", "@odata.type": "microsoft.graph.x_"}`, "|c|String|C.|", `{"c": "String"}`),
	}
	var fwd, rev []*parser.Page
	for _, n := range []string{"x.md", "y.md", "z.md"} {
		fwd = append(fwd, p.Parse(n, []byte(srcs[n])))
	}
	for i := len(fwd) - 1; i >= 0; i-- {
		rev = append(rev, fwd[i])
	}
	a, b := Build(fwd, Options{}), Build(rev, Options{})
	dump := func(m *Model) string {
		var s strings.Builder
		for _, t := range m.Types {
			fmt.Fprintf(&s, "%s=%s:", t.Name, t.FullName)
			for _, p := range t.Properties {
				fmt.Fprintf(&s, "%s,", p.Name)
			}
		}
		return s.String() + diagCodes(m)
	}
	if dump(a) != dump(b) {
		t.Errorf("order changes the model:\n%s\n---\n%s", dump(a), dump(b))
	}
}
