package model

import (
	"slices"
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
