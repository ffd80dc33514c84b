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
