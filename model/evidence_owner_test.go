package model

import (
	"strings"
	"testing"
)

// listPage is an API page whose one example lists values of odataType.
func listPage(title, template, odataType, body string) string {
	return "# " + title + "\n\n## HTTP request\n\n```http\nGET " + template + "\n```\n\n" +
		"<!-- {\"blockType\": \"request\", \"name\": \"" + strings.ReplaceAll(strings.ToLower(title), " ", "_") + "\"} -->\n```http\nGET https://graph.microsoft.com/v1.0" + template + "\n```\n\n" +
		"<!-- {\"blockType\": \"response\", \"isCollection\": true, \"@odata.type\": \"" + odataType + "\"} -->\n```http\nHTTP/1.1 200 OK\n\n" + body + "\n```\n"
}

// TestEvidenceGoesToItsType: members that examples of a base-typed
// collection show go to the type their value's @odata.type names, or to no
// type; a subtype's own table properties are never lost to the base
// (issue 15 item 1).
func TestEvidenceGoesToItsType(t *testing.T) {
	m := build(t, map[string]string{
		"resources/directoryobject.md": resource("directoryObject", `{"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.directoryObject"}`,
			"|id|String|Id.|", `{"id": "String"}`),
		"resources/user.md": resource("user", `{"blockType": "resource", "baseType": "microsoft.graph.directoryObject", "@odata.type": "microsoft.graph.user"}`,
			"|id|String|Id.|\n|displayName|String|Name.|\n|jobTitle|String|Title.|", `{"id": "String", "displayName": "String", "jobTitle": "String"}`),
		"resources/group.md": resource("group", `{"blockType": "resource", "baseType": "microsoft.graph.directoryObject", "@odata.type": "microsoft.graph.group"}`,
			"|id|String|Id.|\n|displayName|String|Name.|\n|mailEnabled|Boolean|Mail.|", `{"id": "String", "displayName": "String", "mailEnabled": true}`),
		"api/directoryobject-list.md": listPage("List directoryObjects", "/directoryObjects", "microsoft.graph.directoryObject",
			`{"value": [`+
				`{"id": "1", "displayName": "Ann", "jobTitle": ["not", "a", "string"], "objectId": "x", "odata.type": "Microsoft.DirectoryServices.User"}, `+
				`{"@odata.type": "#microsoft.graph.user", "id": "2", "jobTitle": "Dev", "ext55gb1l09_msLearnCourses": {"a": 1}}, `+
				`{"@odata.type": "#microsoft.graph.group", "id": "3", "mailEnabled": false, "visibility": "Public"}]}`),
	})
	do, u, g := findType(m, "DirectoryObject"), findType(m, "User"), findType(m, "Group")
	if do == nil || u == nil || g == nil || u.Base != do || g.Base != do {
		t.Fatalf("types missing or not derived:\n%s", diagCodes(m))
	}
	for _, p := range do.Properties {
		if p.JSONName != "id" {
			t.Errorf("DirectoryObject has %s (from %s), which only examples of its subtypes show", p.JSONName, p.Source)
		}
	}
	for _, c := range []struct {
		typ       *Type
		prop, ref string
	}{{u, "jobTitle", "Edm.String"}, {u, "displayName", "Edm.String"}, {g, "displayName", "Edm.String"}, {g, "mailEnabled", "Edm.Boolean"}} {
		p := findProp(c.typ, c.prop)
		if p == nil || p.Type.String() != c.ref || p.Source != FromTable {
			t.Errorf("%s.%s = %+v, want its table's %s", c.typ.Name, c.prop, p, c.ref)
		}
	}
	for _, c := range []struct {
		typ  *Type
		prop string
	}{{u, "ext55gb1l09_msLearnCourses"}, {g, "visibility"}, {u, "objectId"}} {
		if p := findProp(c.typ, c.prop); p != nil {
			t.Errorf("%s has %s from %s, which its property table does not list", c.typ.Name, c.prop, p.Source)
		}
	}
	for _, want := range []struct{ code, sub string }{
		{"example-member-untyped", `"objectId" of a value without @odata.type where microsoft.graph.directoryObject`},
		{"example-member-untyped", `"odata.type"`},
		{"example-member-untyped", `"displayName"`},
		{"property-example-only", "ext55gb1l09_msLearnCourses of microsoft.graph.user"},
		{"property-example-only", "visibility of microsoft.graph.group"},
		{"example-unknown-property", `"objectId"`},
	} {
		if !hasDiag(m, want.code, want.sub) {
			t.Errorf("missing diagnostic %s about %s; got:\n%s", want.code, want.sub, diagCodes(m))
		}
	}
	if hasDiag(m, "example-member-untyped", `"id"`) {
		t.Errorf("id, which the base's table declares, reported as evidence for no type:\n%s", diagCodes(m))
	}
}

// TestExampleMembersWithoutTable: a type whose page has no property table
// takes the members its examples show, and each is reported.
func TestExampleMembersWithoutTable(t *testing.T) {
	m := build(t, map[string]string{
		"resources/gadget.md": "# gadget resource type\n\nNamespace: microsoft.graph\n\n## JSON representation\n\n" +
			"<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.gadget\"} -->\n```json\n{\"name\": \"String\"}\n```\n",
		"api/gadget-list.md": listPage("List gadgets", "/gadgets", "microsoft.graph.gadget", `{"value": [{"name": "g", "weight": 2}]}`),
	})
	g := findType(m, "Gadget")
	if g == nil {
		t.Fatalf("no Gadget:\n%s", diagCodes(m))
	}
	if p := findProp(g, "weight"); p == nil || p.Source != FromExample || p.Type.String() != "Edm.Int32" {
		t.Errorf("weight = %+v, want Edm.Int32 from the example", p)
	}
	if !hasDiag(m, "property-from-example", "weight of microsoft.graph.gadget") {
		t.Errorf("no property-from-example about weight:\n%s", diagCodes(m))
	}
}

// TestTablePropertyShadowsBase: a table row is kept on its own type, under
// its own Go name, when a base declares the name only in its JSON
// representation or with a type the row's cannot be; where both tables
// agree, or the base's type refines the row's, the property is the base's.
func TestTablePropertyShadowsBase(t *testing.T) {
	m := build(t, map[string]string{
		"resources/base.md": resource("base", `{"blockType": "resource", "@odata.type": "microsoft.graph.base"}`,
			"|id|String|Id.|\n|size|String|Size.|\n|when|DateTimeOffset|When.|", `{"id": "String", "size": "String", "note": "String", "when": "String (timestamp)"}`),
		"resources/leaf.md": resource("leaf", `{"blockType": "resource", "baseType": "microsoft.graph.base", "@odata.type": "microsoft.graph.leaf"}`,
			"|id|String|Id.|\n|size|Int64|Size.|\n|note|Int32|Note.|\n|when|String|When.|", `{"id": "String", "size": 1, "note": 1, "when": "String"}`),
	})
	leaf := findType(m, "Leaf")
	if leaf == nil || leaf.Base == nil {
		t.Fatalf("no Leaf derived from Base:\n%s", diagCodes(m))
	}
	if p := findProp(leaf, "id"); p != nil {
		t.Errorf("id, which both tables give as Edm.String, repeated on Leaf")
	}
	// The base's DateTimeOffset refines the leaf's String: one property.
	if p := findProp(leaf, "when"); p != nil {
		t.Errorf("when, whose String the base's DateTimeOffset refines, repeated on Leaf as %s", p.Type)
	}
	for _, c := range []struct{ prop, ref, name string }{{"size", "Edm.Int64", "Size"}, {"note", "Edm.Int32", "Note"}} {
		p := findProp(leaf, c.prop)
		if p == nil || p.Type.String() != c.ref || p.Name != c.name {
			t.Errorf("Leaf.%s = %+v, want %s named %s (shadowing the base's)", c.prop, p, c.ref, c.name)
		}
		if !hasDiag(m, "property-shadows-base", c.prop+" of microsoft.graph.leaf") {
			t.Errorf("no property-shadows-base about %s:\n%s", c.prop, diagCodes(m))
		}
	}
}

// TestTableRowWithoutTypeIsTables: a table row without a type cell (the
// Intune pages' section rows, "|**Device configuration**|") is the table's
// property, kept as raw JSON, never reported as coming from examples.
func TestTableRowWithoutTypeIsTables(t *testing.T) {
	m := build(t, map[string]string{
		"resources/policy.md": resource("policy", `{"blockType": "resource", "@odata.type": "microsoft.graph.policy"}`,
			"|id|String|Id.|\n|**Device configuration**|", `{"id": "String"}`),
	})
	p := findType(m, "Policy")
	if p == nil {
		t.Fatalf("no Policy:\n%s", diagCodes(m))
	}
	d := findProp(p, "Device")
	if d == nil || d.Source != FromTable || d.Type.Primitive != Untyped {
		t.Errorf("Device = %+v, want raw JSON from the table", d)
	}
}
