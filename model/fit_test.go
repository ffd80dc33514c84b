package model

import (
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
)

func TestCoerce(t *testing.T) {
	cases := []struct {
		in   string
		p    Primitive
		want string
	}{
		{`"datetime-value"`, DateTimeOffset, `"0001-01-01T00:00:00Z"`},
		{`"String (timestamp)"`, DateTimeOffset, `"0001-01-01T00:00:00Z"`},
		{`"2019-09-27T01:01:04.566"`, DateTimeOffset, `"2019-09-27T01:01:04.566Z"`},
		{`"2018-10-04T00: 58: 45.340Z"`, DateTimeOffset, `"2018-10-04T00:58:45.34Z"`},
		{`"2021-03-01"`, DateTimeOffset, `"2021-03-01T00:00:00Z"`},
		{`"2020-09-08T12:02:30.667Z"`, Date, `"2020-09-08"`},
		{`"date-value"`, Date, `"0001-01-01"`},
		{`"9am"`, TimeOfDay, `"00:00:00"`},
		{`"08:30"`, TimeOfDay, `"08:30:00"`},
		{`"1 day"`, Duration, `"PT0S"`},
		{`"true"`, Boolean, `true`},
		{`"False"`, Boolean, `false`},
		{`"boolean-value"`, Boolean, `false`},
		{`"12"`, Int32, `12`},
		{`3.0`, Int32, `3`},
		{`"ten"`, Int32, `0`},
		{`99999999999`, Int32, `0`},
		{`true`, Int64, `1`},
		{`1e400`, Double, `0`},
		{`"2.5"`, Double, `2.5`},
		{`"aGVsbG8"`, Binary, `"aGVsbG8="`},                                         // unpadded
		{`"a-_b"`, Binary, `"a+/b"`},                                                // URL alphabet
		{`"base64-encoded contents"`, Binary, `"YmFzZTY0LWVuY29kZWQgY29udGVudHM="`}, // text: encoded
		{`42`, String, `"42"`},
		{`false`, GUID, `"false"`},
		{`{"a":1}`, String, `"{\"a\":1}"`},
	}
	for _, c := range cases {
		v, strict, _ := parser.ParseJSON([]byte(c.in), 64)
		if !strict {
			t.Fatalf("%s: not JSON", c.in)
		}
		if checkPrimitive(v, c.p) == "" {
			t.Errorf("%s already decodes as Edm.%s: not a case for coerce", c.in, c.p)
			continue
		}
		got := coerce(v, c.p)
		if s := string(got.Encode()); s != c.want {
			t.Errorf("coerce(%s, %s) = %s, want %s", c.in, c.p, s, c.want)
		}
		if msg := checkPrimitive(got, c.p); msg != "" {
			t.Errorf("coerce(%s, %s) = %s, which still does not decode: %s", c.in, c.p, got.Encode(), msg)
		}
	}
}

// TestFittedExamples checks that the bodies an Example sends and the test
// double serves decode into the documented types, that each change is
// reported, and that valid bodies stay as documented.
func TestFittedExamples(t *testing.T) {
	widget := resource("widget", `{"blockType": "resource", "@odata.type": "microsoft.graph.widget"}`,
		"| id | String | The id. |\n| created | DateTimeOffset | When. |\n| enabled | Boolean | On. |\n| data | Binary | Bytes. |\n| size | Int32 | Size. |\n| tags | String collection | Tags. |\n| part | [part](part.md) | A part. |",
		`{"id": "String", "created": "String (timestamp)", "enabled": true, "data": "Binary", "size": 1, "tags": ["String"], "part": {"@odata.type": "microsoft.graph.part"}}`)
	part := resource("part", `{"blockType": "resource", "@odata.type": "microsoft.graph.part"}`,
		"| name | String | Name. |\n| due | Date | Due. |", `{"name": "String", "due": "Date"}`)
	api := func(method, body, respBody string) string {
		return "# Create widget\n\n## HTTP request\n\n```http\n" + method + " /widgets\n```\n\n" +
			"<!-- {\"blockType\": \"request\", \"name\": \"create_widget\"} -->\n```http\n" + method + " https://graph.microsoft.com/v1.0/widgets\nContent-Type: application/json\n\n" + body + "\n```\n\n" +
			"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\"} -->\n```http\nHTTP/1.1 201 Created\nContent-Type: application/json\n\n" + respBody + "\n```\n"
	}
	good := `{"id": "1", "created": "2021-01-02T03:04:05Z", "size": 2}`
	m := build(t, map[string]string{
		"resources/widget.md": widget,
		"resources/part.md":   part,
		"api/widget-post.md": api("POST",
			`{"id": 7, "created": "datetime-value", "enabled": "true", "data": "not base64!", "size": "3", "tags": "one", "part": {"name": "p", "due": "2021-05-06T00:00:00Z", "color": "red"}, "shape": "round", "@odata.type": "#microsoft.graph.widget"}`,
			good),
		"api/widget-get.md": strings.Replace(api("GET", `{"ignored": true}`, `{"id": "1", "created": "2021-01-02T03:04:05"}`), "Create", "Get", 1),
	})
	post, get := findOp(m, "CreateWidget"), findOp(m, "GetWidget")
	if post == nil || get == nil || len(post.Examples) != 1 || len(get.Examples) != 1 {
		t.Fatalf("operations missing: %v %v\n%s", post, get, diagCodes(m))
	}
	ex := post.Examples[0]
	// color and shape are in no property table of widget or part, whose
	// tables are the whole truth about their declared members: the model
	// has no field for them, and the fitted body keeps them as they are,
	// as the types' Extra field does.
	const wantReq = `{"id":"7","created":"0001-01-01T00:00:00Z","enabled":true,"data":"bm90IGJhc2U2NCE=","size":3,"tags":["one"],"part":{"name":"p","due":"2021-05-06","color":"red"},"shape":"round","@odata.type":"#microsoft.graph.widget"}`
	if ex.RequestFitted != wantReq {
		t.Errorf("fitted request\n got %s\nwant %s", ex.RequestFitted, wantReq)
	}
	if ex.ResponseFitted != "" {
		t.Errorf("a valid response was fitted: %s", ex.ResponseFitted)
	}
	g := get.Examples[0]
	if want := `{"id":"1","created":"2021-01-02T03:04:05Z"}`; g.ResponseFitted != want {
		t.Errorf("fitted response\n got %s\nwant %s", g.ResponseFitted, want)
	}
	if g.RequestFitted != "" {
		t.Errorf("a GET body was fitted: %s", g.RequestFitted)
	}
	// Every change is reported where the value is.
	counts := map[string]int{}
	for _, d := range m.Diags {
		if strings.HasPrefix(d.Pos.File, "api/") {
			counts[d.Code]++
		}
	}
	// id, created, enabled, data, size, tags, due and the GET response's
	// created; the GET body; color and shape, left out of the model
	// (property-example-only) and so of the fitted body.
	if counts["example-invalid-value"] != 8 || counts["example-body-ignored"] != 1 ||
		counts["example-unknown-property"] != 2 || counts["property-example-only"] != 2 {
		t.Errorf("diagnostics %v, want 8 example-invalid-value, 1 example-body-ignored, 2 example-unknown-property, 2 property-example-only:\n%s", counts, diagCodes(m))
	}
}

// TestFitDropsUnknownMembers: a member the type cannot carry (a made-up
// parameter struct has no Extra field) is left out, control members and
// nulls stay, and the input is not modified; a type with an Extra field
// keeps it.
func TestFitDropsUnknownMembers(t *testing.T) {
	open := &Type{FullName: "microsoft.graph.thing", Properties: []*Property{{JSONName: "name", Type: TypeRef{Primitive: String}}}}
	ov, _, _ := parser.ParseJSON([]byte(`{"name": "n", "extra": 1}`), 64)
	if f, changed := (&builder{}).fit(ov, TypeRef{Named: open}, 0); changed || f != ov {
		t.Errorf("fit of a type with an Extra field = %s (changed %v), want it unchanged", f.Encode(), changed)
	}
	typ := &Type{FullName: "microsoft.graph.thingParameters", Synthesized: true, Properties: []*Property{
		{JSONName: "name", Type: TypeRef{Primitive: String}},
		{JSONName: "when", Type: TypeRef{Primitive: DateTimeOffset}},
	}}
	b := &builder{}
	const in = `{"name": "n", "extra": 1, "owner@odata.bind": "x", "when": null, "NAME": "case"}`
	v, _, _ := parser.ParseJSON([]byte(in), 64)
	before := string(v.Encode())
	f, changed := b.fit(v, TypeRef{Named: typ}, 0)
	if want := `{"name":"n","owner@odata.bind":"x","when":null,"NAME":"case"}`; !changed || string(f.Encode()) != want {
		t.Errorf("fit = %s (changed %v), want %s", f.Encode(), changed, want)
	}
	if string(v.Encode()) != before {
		t.Errorf("fit modified its input: %s", v.Encode())
	}
	// A valid body is returned as is.
	v, _, _ = parser.ParseJSON([]byte(`{"name": "n", "when": "2021-01-01T00:00:00Z"}`), 64)
	if f, changed := b.fit(v, TypeRef{Named: typ}, 0); changed || f != v {
		t.Errorf("a valid body changed: %s", f.Encode())
	}
}

// TestFittedPrimitiveResponse: an operation returning a primitive decodes
// {"value": ...}; a value of another kind is fitted to the documented one.
func TestFittedPrimitiveResponse(t *testing.T) {
	page := "# Is published\n\n## HTTP request\n\n```http\nGET /widgets/{id}/isPublished\n```\n\n" +
		"<!-- {\"blockType\": \"request\", \"name\": \"a\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1/isPublished\n```\n\n" +
		"<!-- {\"blockType\": \"response\", \"@odata.type\": \"Edm.String\"} -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"@odata.context\": \"x\", \"value\": true}\n```\n"
	m := build(t, map[string]string{"api/widget-ispublished.md": page})
	if len(m.Operations) != 1 || len(m.Operations[0].Examples) != 1 {
		t.Fatalf("operations: %+v\n%s", m.Operations, diagCodes(m))
	}
	op := m.Operations[0]
	if op.Response != ResponseSingle || op.ResponseType.Primitive != String {
		t.Fatalf("response %s %s, want a single Edm.String", op.Response, op.ResponseType)
	}
	if got, want := op.Examples[0].ResponseFitted, `{"@odata.context":"x","value":"true"}`; got != want {
		t.Errorf("fitted response %s, want %s", got, want)
	}
	if !hasDiag(m, "example-invalid-value", "a boolean where Edm.String is documented") {
		t.Errorf("no diagnostic:\n%s", diagCodes(m))
	}
}

// TestSingleAndStreamExamples: an Edm.Single example value with more digits
// than a float32 holds is reported and sent as the float32 it becomes; a
// value for an Edm.Stream property in a JSON body is reported and dropped
// (no struct field holds stream content). Both come from the Intune pages.
func TestSingleAndStreamExamples(t *testing.T) {
	typ := &Type{FullName: "microsoft.graph.thing", Properties: []*Property{
		{JSONName: "radius", Type: TypeRef{Primitive: Single}},
		{JSONName: "payload", Type: TypeRef{Primitive: Stream}},
	}}
	b := &builder{}
	for _, tc := range []struct{ in, want, diag string }{
		{`{"radius": 4.2}`, `{"radius": 4.2}`, ""},
		{`{"radius": 4.666666666666667}`, `{"radius":4.6666665}`, "more digits than Edm.Single holds (it is sent as 4.6666665)"},
		{`{"radius": 1e3, "payload": "<Unknown Primitive Type Edm.Stream>"}`, `{"radius":1e3}`, `example property "payload" of microsoft.graph.thing is Edm.Stream`},
	} {
		b.diags = nil
		v, _, _ := parser.ParseJSON([]byte(tc.in), 64)
		b.validate(v, TypeRef{Named: typ}, diag.Pos{File: "p.md", Line: 1, Col: 1}, 0)
		f, changed := b.fit(v, TypeRef{Named: typ}, 0)
		if got := string(f.Encode()); changed != (tc.diag != "") || changed && got != tc.want {
			t.Errorf("fit(%s) = %s (changed %v), want %s", tc.in, got, changed, tc.want)
		}
		var msgs []string
		for _, d := range b.diags {
			msgs = append(msgs, d.Message)
		}
		if got := strings.Join(msgs, "\n"); tc.diag == "" && got != "" || !strings.Contains(got, tc.diag) {
			t.Errorf("validate(%s): diagnostics %q, want one with %q", tc.in, got, tc.diag)
		}
	}
}
