package model

import (
	"encoding/json"
	"testing"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
)

// fitModel is a type with a property of every kind fit handles: each
// primitive, a collection, a nested complex type and an enum.
func fitModel() TypeRef {
	enum := &Type{FullName: "microsoft.graph.color", Kind: Enum}
	part := &Type{FullName: "microsoft.graph.part", Properties: []*Property{
		{JSONName: "name", Type: TypeRef{Primitive: String}},
		{JSONName: "due", Type: TypeRef{Primitive: Date}},
	}}
	thing := &Type{FullName: "microsoft.graph.thing", Properties: []*Property{
		{JSONName: "part", Type: TypeRef{Named: part}},
		{JSONName: "parts", Type: TypeRef{Named: part, Collection: true}},
		{JSONName: "color", Type: TypeRef{Named: enum}},
		{JSONName: "tags", Type: TypeRef{Primitive: String, Collection: true}},
		{JSONName: "any", Type: TypeRef{Primitive: Untyped}},
	}}
	for _, p := range []Primitive{String, Boolean, Byte, SByte, Int16, Int32, Int64, Single, Double, Decimal,
		DateTimeOffset, Date, TimeOfDay, Duration, GUID, Binary} {
		thing.Properties = append(thing.Properties, &Property{JSONName: "p" + string(p), Type: TypeRef{Primitive: p}})
	}
	return TypeRef{Named: thing}
}

// FuzzFit checks fit's contract on any JSON: the fitted value is valid JSON
// that validate finds nothing wrong with (a strict decoder of the generated
// types would take it), fitting it again changes nothing, and a value
// validate accepts is returned as it is.
func FuzzFit(f *testing.F) {
	for _, s := range []string{
		`{"pDateTimeOffset": "datetime-value", "pBoolean": "true", "pBinary": "not base64", "tags": "one"}`,
		`{"part": [1, 2], "parts": {"name": 3}, "color": 7, "pInt32": "12", "pDate": "2020-01-02T03:04:05Z"}`,
		`{"pInt64": 1e400, "pByte": 300, "pTimeOfDay": "9am", "pDuration": 5, "unknown": {"x": 1}, "x@odata.bind": "y"}`,
		`{"pString": {"a": [1, true, null]}, "any": {"free": "form"}, "pGuid": false, "pDouble": "NaN"}`,
		`[1, 2, 3]`, `"text"`, `null`, `{"parts": [null, {"due": "soon"}]}`,
		`{"pDateTimeOffset": "2018-10-04T00: 58: 45.340Z", "pDate": "2021-13-45"}`,
	} {
		f.Add(s)
	}
	ref := fitModel()
	f.Fuzz(func(t *testing.T, src string) {
		v, _, _ := parser.ParseJSON([]byte(src), 64)
		if v == nil {
			return
		}
		b := &builder{}
		before := string(v.Encode())
		fitted, changed := b.fit(v, ref, 0)
		if string(v.Encode()) != before {
			t.Fatalf("fit modified its input: %s → %s", before, v.Encode())
		}
		out := fitted.Encode()
		if !json.Valid(out) {
			t.Fatalf("fitted value is not JSON: %s", out)
		}
		b.validate(fitted, ref, diag.Pos{}, 0)
		if fs := decodeFindings(b.diags); len(fs) > 0 {
			t.Fatalf("fitted %s still has findings: %v", out, fs)
		}
		if again, c := b.fit(fitted, ref, 0); c || again != fitted {
			t.Fatalf("fitting twice changed %s into %s", out, again.Encode())
		}
		if !changed && fitted != v {
			t.Fatalf("unchanged, but a new value was returned")
		}
		// A value validate accepts is returned as it is.
		b2 := &builder{}
		b2.validate(v, ref, diag.Pos{}, 0)
		if len(decodeFindings(b2.diags)) == 0 && changed {
			t.Fatalf("%s has no findings, but fit changed it into %s", before, out)
		}
	})
}

// decodeFindings are the diagnostics that say a value would not decode
// (a case-only difference in a member name decodes, and is left alone).
func decodeFindings(ds diag.List) diag.List {
	var out diag.List
	for _, d := range ds {
		// A member the type does not declare decodes into its Extra field
		// (MembersField), so example-unknown-property is no decode finding.
		if d.Code == "example-invalid-value" {
			out = append(out, d)
		}
	}
	return out
}
