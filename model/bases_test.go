package model

import (
	"slices"
	"strings"
	"testing"
)

func TestBases(t *testing.T) {
	b := &builder{types: map[string]*typeFacts{
		"a":     {key: "a", base: "b"},
		"b":     {key: "b", base: "c"},
		"c":     {key: "c"},
		"loop1": {key: "loop1", base: "loop2"},
		"loop2": {key: "loop2", base: "loop1"},
		"open":  {key: "open", base: "missing"},
	}}
	keys := func(k string) []string {
		var out []string
		for k := range b.bases(k) {
			out = append(out, k)
		}
		return out
	}
	if got := keys("a"); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("bases(a) = %q", got)
	}
	if got := keys("open"); !slices.Equal(got, []string{"open", "missing"}) {
		t.Errorf("bases(open) = %q, want the missing base last", got)
	}
	if got := keys("loop1"); len(got) != maxBaseDepth {
		t.Errorf("a cycle yields %d keys, want the bound %d", len(got), maxBaseDepth)
	}
	if !b.derives("a", "c") || !b.derives("open", "missing") || b.derives("c", "a") {
		t.Error("derives disagrees with the chain")
	}
	for k := range b.bases("a") {
		if k == "b" {
			break // stopping early must not panic
		}
	}
	x, y, z := &Type{Name: "X"}, &Type{Name: "Y"}, &Type{Name: "Z"}
	x.Base, y.Base = y, z
	var names []string
	for a := range x.Lineage() {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, []string{"X", "Y", "Z"}) || x.Root() != z || z.Root() != z {
		t.Errorf("Lineage(X) = %q, Root = %s", names, x.Root().Name)
	}
	y.Base = x // a cycle Build never leaves, still bounded
	n := 0
	for range x.Lineage() {
		n++
	}
	if n != maxBaseDepth {
		t.Errorf("Lineage of a cycle yields %d types, want %d", n, maxBaseDepth)
	}
}

func TestPassesNamed(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range passes() {
		if p.name == "" || p.run == nil || seen[p.name] {
			t.Errorf("pass %q: each pass needs a unique name and a function", p.name)
		}
		seen[p.name] = true
	}
}

// TestEntityDefaultBase: an entity type (a keyProperty) whose page names
// no base derives from entity when a page defines it, reported at its
// annotation; a complex type (no key), a type with another key, and a
// type whose page names a base do not.
func TestEntityDefaultBase(t *testing.T) {
	entity := resource("entity", `{"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.entity"}`, "|id|String|Id.|", `{"id": "String"}`)
	pages := map[string]string{
		"entity.md":  entity,
		"widget.md":  resource("widget", `{"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.widget"}`, "|id|String|Id.|\n|size|Int32|Size.|", `{"id": "String", "size": 1}`),
		"gadget.md":  resource("gadget", `{"blockType": "resource", "keyProperty": "id", "baseType": "microsoft.graph.widget", "@odata.type": "microsoft.graph.gadget"}`, "|id|String|Id.|", `{"id": "String"}`),
		"address.md": resource("address", `{"blockType": "resource", "@odata.type": "microsoft.graph.address"}`, "|street|String|Street.|", `{"street": "String"}`),
		"slot.md":    resource("slot", `{"blockType": "resource", "keyProperty": "name", "@odata.type": "microsoft.graph.slot"}`, "|name|String|Name.|", `{"name": "String"}`),
	}
	m := build(t, pages)
	w := findType(m, "Widget")
	if w == nil || w.Base == nil || w.Base.Name != "Entity" {
		t.Fatalf("Widget = %+v, want base Entity:\n%s", w, diagCodes(m))
	}
	if findProp(w, "id") != nil || findProp(w, "size") == nil {
		t.Errorf("Widget properties %v: want size, and id inherited", w.Properties)
	}
	if g := findType(m, "Gadget"); g == nil || g.Base != w {
		t.Errorf("Gadget = %+v, want its stated base Widget", g)
	}
	for _, name := range []string{"Address", "Slot", "Entity"} {
		if ty := findType(m, name); ty == nil || ty.Base != nil {
			t.Errorf("%s = %+v, want no base", name, ty)
		}
	}
	n := 0
	for _, d := range m.Diags {
		if d.Code == "base-entity-default" {
			n++
			if !strings.Contains(d.Message, "microsoft.graph.widget") || d.Pos.File != "widget.md" || d.Pos.Line == 0 {
				t.Errorf("base-entity-default %s: want it about widget at its annotation", d)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d base-entity-default diagnostics, want 1:\n%s", n, diagCodes(m))
	}
	// Without a page for entity, nothing is made up.
	delete(pages, "entity.md")
	if w := findType(build(t, pages), "Widget"); w == nil || w.Base != nil {
		t.Errorf("without entity.md, Widget = %+v, want no base", w)
	}
}

// TestBaseFromDerivedList: types a base's page lists under "Derived types"
// (a table row or a paragraph's link) derive from it unless their own
// page names a base; a listed type no page defines is not made up.
func TestBaseFromDerivedList(t *testing.T) {
	info := resource("meetingInfo", `{"blockType": "resource", "@odata.type": "microsoft.graph.meetingInfo"}`, "|topic|String|Topic.|", `{"topic": "String"}`)
	info = strings.Replace(info, "## JSON representation", "## Derived types\n\n| Type | Description |\n|:---|:---|\n"+
		"| [organizerMeetingInfo](./organizermeetinginfo.md) | By organizer. |\n| [ghostMeetingInfo](ghostmeetinginfo.md) | No page. |\n\n"+
		"Also [tokenMeetingInfo](tokenmeetinginfo.md) and [otherInfo](otherinfo.md).\n\n## JSON representation", 1)
	m := build(t, map[string]string{
		"meetinginfo.md":          info,
		"organizermeetinginfo.md": resource("organizerMeetingInfo", `{"blockType": "resource", "@odata.type": "microsoft.graph.organizerMeetingInfo"}`, "|organizer|String|Who.|", `{"organizer": "String"}`),
		"tokenmeetinginfo.md":     resource("tokenMeetingInfo", `{"blockType": "resource", "@odata.type": "microsoft.graph.tokenMeetingInfo"}`, "|token|String|Token.|", `{"token": "String"}`),
		"otherinfo.md":            resource("otherInfo", `{"blockType": "resource", "baseType": "microsoft.graph.baseInfo", "@odata.type": "microsoft.graph.otherInfo"}`, "|other|String|Other.|", `{"other": "String"}`),
		"baseinfo.md":             resource("baseInfo", `{"blockType": "resource", "@odata.type": "microsoft.graph.baseInfo"}`, "|b|String|B.|", `{"b": "String"}`),
	})
	base := findType(m, "MeetingInfo")
	for _, name := range []string{"OrganizerMeetingInfo", "TokenMeetingInfo"} {
		if ty := findType(m, name); ty == nil || ty.Base != base || base == nil {
			t.Errorf("%s = %+v, want base MeetingInfo:\n%s", name, ty, diagCodes(m))
		}
	}
	if ty := findType(m, "OtherInfo"); ty == nil || ty.Base == nil || ty.Base.Name != "BaseInfo" {
		t.Errorf("OtherInfo = %+v, want its stated base BaseInfo", ty)
	}
	if findType(m, "GhostMeetingInfo") != nil {
		t.Error("a listed type no page defines was made up")
	}
	var at []string
	for _, d := range m.Diags {
		if d.Code == "base-from-derived-list" {
			at = append(at, d.Pos.String())
		}
	}
	if !slices.Equal(at, []string{"meetinginfo.md:20:1", "meetinginfo.md:23:1"}) {
		t.Errorf("base-from-derived-list at %q, want the row and the paragraph:\n%s", at, diagCodes(m))
	}
}
