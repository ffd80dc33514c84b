package model

import (
	"fmt"
	"go/token"
	"testing"

	"github.com/docgen-dev/docgen/parser"
)

// inferPages are the pages FuzzInferJSON fills with a JSON text: the JSON
// representation of a resource, a request body and a response body of
// that resource, and the body of a response naming no type.
func inferPages(body string) map[string]string {
	return map[string]string{
		"resources/widget.md": "# widget resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n|id|String|Key.|\n|size|Int32|Size.|\n|parts|[part](part.md) collection|Parts.|\n\n" +
			"## JSON representation\n\n<!-- {\"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph.widget\"} -->\n```json\n" + body + "\n```\n",
		"api/widget-update.md": "# Update widget\n\n## HTTP request\n\n```http\nPATCH /widgets/{id}\n```\n\n## Example\n\n<!-- {\"blockType\": \"request\", \"name\": \"u\"} -->\n```http\nPATCH /widgets/1\nContent-Type: application/json\n\n" + body +
			"\n```\n\n<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\"} -->\n```http\nHTTP/1.1 200 OK\n\n" + body + "\n```\n",
		"api/thing-action.md": "# Do thing\n\n## HTTP request\n\n```http\nPOST /things/{id}/do\n```\n\n## Example\n\n<!-- {\"blockType\": \"request\", \"name\": \"d\"} -->\n```http\nPOST /things/1/do\n\n" + body +
			"\n```\n\n<!-- {\"blockType\": \"response\"} -->\n```http\nHTTP/1.1 200 OK\n\n" + body + "\n```\n",
	}
}

// FuzzInferJSON asserts that type inference from example JSON of any
// shape never panics and gives a model whose every name is a valid
// identifier for its role, the same on a second Build.
func FuzzInferJSON(f *testing.F) {
	for _, s := range []string{
		`{"id": "1", "size": 3, "parts": [{"@odata.type": "#microsoft.graph.part", "name": "a"}]}`,
		`{"a": {"b": {"c": [1, 2.5, "x", null, true, {"d": []}]}}, "A": 1, "a": "dup"}`,
		`{"big": 123456789012345678901234567890, "huge": 1e400, "neg": -0, "x": 1E-400}`,
		`{"@odata.type": "#microsoft.graph.widget", "@odata.context": "x", "type": "func", "3d": 1}`,
		`{"café": 1, "名前": 2, "a\u202eb": 3, "\ud800": 4, "": 5, "a,b": 6, "a\"b": 7}`,
		`{"MarshalJSON": 1, "ODataType": "x", "AsWidget": 2, "String": "s", "Error": {}}`,
		`[{"value": [1]}, ...]`, `{"value": [{"id": "1"}], "@odata.nextLink": "x"}`,
		`{"a": 1, // comment
		 ... }`, `{"nested": ` + nest(300) + `}`, `"just a string"`, `12`, ``,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		p := parser.New()
		build := func() *Model {
			pages := inferPages(body)
			var ps []*parser.Page
			for _, n := range []string{"api/thing-action.md", "api/widget-update.md", "resources/widget.md"} {
				ps = append(ps, p.Parse(n, []byte(pages[n])))
			}
			return Build(ps, Options{Reserved: []string{"Client", "Date"}})
		}
		m := build()
		checkModelNames(t, m)
		if fmt.Sprint(names(m)) != fmt.Sprint(names(build())) {
			t.Errorf("Build is not deterministic")
		}
	})
}

func nest(n int) string {
	s := "1"
	for range n {
		s = `{"a": ` + s + `}`
	}
	return s
}

// names lists the Go names of m and its diagnostics.
func names(m *Model) []string {
	var out []string
	for _, ty := range m.Types {
		out = append(out, ty.Name, ty.ClassName, ty.RefName, ty.AsName)
		for _, p := range ty.Properties {
			out = append(out, p.Name+" "+p.JSONName)
		}
		for _, mem := range ty.Members {
			out = append(out, mem.Name)
		}
	}
	for _, op := range m.Operations {
		out = append(out, op.Name)
		for _, p := range op.Params {
			out = append(out, p.Name)
		}
	}
	for _, d := range m.Diags {
		out = append(out, d.String())
	}
	return out
}

// checkModelNames checks that every name of m is an identifier of its
// role: types, enum members, fields and operations exported; parameters
// unexported and unique in their operation; fields unique in their type.
func checkModelNames(t *testing.T, m *Model) {
	t.Helper()
	exported := func(what, n string) {
		if !token.IsIdentifier(n) || !token.IsExported(n) {
			t.Errorf("%s %q is not an exported identifier", what, n)
		}
	}
	top := map[string]bool{}
	for _, ty := range m.Types {
		exported("type", ty.Name)
		for _, n := range []string{ty.Name, ty.ClassName, ty.RefName} {
			if n != "" && top[n] {
				t.Errorf("top-level name %s declared twice", n)
			}
			top[n] = true
		}
		if ty.Polymorphic() {
			exported("class", ty.ClassName)
			exported("ref", ty.RefName)
			exported("as-method", ty.AsName)
		}
		fields := map[string]bool{ODataTypeField: ty.Base == nil}
		for _, p := range ty.Properties {
			exported("field", p.Name)
			if fields[p.Name] {
				t.Errorf("field %s of %s declared twice", p.Name, ty.Name)
			}
			fields[p.Name] = true
			if !validJSONName(p.JSONName) {
				t.Errorf("field %s of %s has JSON name %q, which a struct tag cannot carry", p.Name, ty.Name, p.JSONName)
			}
		}
		for _, mem := range ty.Members {
			exported("enum member", mem.Name)
			if top[mem.Name] {
				t.Errorf("enum member %s clashes with a top-level name", mem.Name)
			}
			top[mem.Name] = true
		}
	}
	ops := map[string]bool{}
	for _, op := range m.Operations {
		exported("operation", op.Name)
		if ops[op.Name] {
			t.Errorf("operation %s declared twice", op.Name)
		}
		ops[op.Name] = true
		params := map[string]bool{}
		for _, p := range op.Params {
			if !token.IsIdentifier(p.Name) || token.IsExported(p.Name) || token.IsKeyword(p.Name) || p.Name == "_" {
				t.Errorf("parameter %q of %s is not an unexported identifier", p.Name, op.Name)
			}
			if params[p.Name] || reservedLocals[p.Name] || predeclared[p.Name] || runtimeLocals()[p.Name] {
				t.Errorf("parameter %s of %s is a duplicate or shadows a name generated code uses", p.Name, op.Name)
			}
			params[p.Name] = true
		}
	}
}
