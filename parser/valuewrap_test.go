package parser

import (
	"strings"
	"testing"
)

// TestUnwrapValue: a single-entity response example that wraps its object
// in "value" is read as the object, with an example-value-wrapper warning at the
// "value" key; bodies where "value" may be a collection or a property,
// and calls that may return a list, are left alone.
func TestUnwrapValue(t *testing.T) {
	const wrapped = `{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#shelves/$entity",
  "value": {
    "@odata.type": "#microsoft.graph.shelf",
    "id": "3"
  }
}`
	for _, c := range []struct {
		name, annotation, body string
		unwrap                 bool
		// line is the request line of the HTTP request section; "" for
		// the default, none for no section.
		line string
	}{
		{"matching type", `"@odata.type": "microsoft.graph.shelf"`, wrapped, true, ""},
		{"no annotation type, inner type", `"truncated": true`, `{"value": {"@odata.type": "#microsoft.graph.shelf", "id": "3"}}`, true, ""},
		{"entity context, no inner type", `"@odata.type": "microsoft.graph.shelf"`, `{"@odata.context": "x/$entity", "value": {"id": "3"}}`, true, ""},
		{"other type", `"@odata.type": "microsoft.graph.book"`, `{"value": {"@odata.type": "#microsoft.graph.shelf", "id": "3"}}`, false, ""},
		{"no evidence", `"@odata.type": "microsoft.graph.shelf"`, `{"value": {"id": "3"}}`, false, ""},
		{"a collection", `"@odata.type": "microsoft.graph.shelf"`, `{"value": [{"id": "3"}]}`, false, ""},
		{"isCollection", `"@odata.type": "microsoft.graph.shelf", "isCollection": true`, wrapped, false, ""},
		{"Collection type", `"@odata.type": "Collection(microsoft.graph.shelf)"`, wrapped, false, ""},
		{"value is one property of several", `"@odata.type": "microsoft.graph.shelf"`, `{"id": "3", "value": {"@odata.type": "#microsoft.graph.shelf"}}`, false, ""},
		{"a primitive value", `"@odata.type": "microsoft.graph.shelf"`, `{"value": "3"}`, false, ""},
		{"list call", `"@odata.type": "microsoft.graph.shelf"`, `{"value": {"@odata.type": "#microsoft.graph.shelf", "id": "3"}}`, false, "GET /shelves"},
		{"list call, entity context", `"@odata.type": "microsoft.graph.shelf"`, `{"@odata.context": "x/$entity", "value": {"id": "3"}}`, true, "GET /shelves"},
		{"key in parentheses", `"@odata.type": "microsoft.graph.shelf"`, `{"value": {"@odata.type": "#microsoft.graph.shelf", "id": "3"}}`, true, "GET /shelves('{id}')"},
		{"no request line", `"@odata.type": "microsoft.graph.shelf"`, `{"value": {"@odata.type": "#microsoft.graph.shelf", "id": "3"}}`, false, "none"},
	} {
		t.Run(c.name, func(t *testing.T) {
			line := c.line
			if line == "" {
				line = "GET /shelves/{shelf-id}"
			}
			section := "## HTTP request\n\n```http\n" + line + "\n```\n\n"
			if line == "none" {
				section = "\n\n\n\n\n\n"
			}
			src := "# Get shelf\n\n" + section + "<!-- { \"blockType\": \"response\", " + c.annotation + " } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" + c.body + "\n```\n"
			page := New().Parse("p.md", []byte(src))
			if len(page.Responses) != 1 || page.Responses[0].Body == nil || page.Responses[0].Body.JSON == nil {
				t.Fatalf("responses %+v", page.Responses)
			}
			v := page.Responses[0].Body.JSON
			unwrapped := v.Member("id") != nil && v.Member("value") == nil
			if unwrapped != c.unwrap {
				t.Errorf("unwrapped = %v, want %v", unwrapped, c.unwrap)
			}
			var warned []string
			for _, d := range page.Diags {
				if strings.Contains(d.Message, `"value"`) {
					warned = append(warned, d.Pos.String()+" "+d.Code)
				}
			}
			if c.unwrap && (len(warned) != 1 || !strings.HasSuffix(warned[0], " example-value-wrapper")) || !c.unwrap && len(warned) != 0 {
				t.Errorf("diagnostics %q, unwrap %v", warned, c.unwrap)
			}
			if c.name == "matching type" && (len(warned) != 1 || warned[0] != "p.md:16:3 example-value-wrapper") {
				t.Errorf("diagnostic at %q, want p.md:16:3", warned)
			}
			// An unwrapped body is the object's own text, positioned
			// where the object starts; another body is kept as written.
			b := page.Responses[0].Body
			if c.unwrap && (!strings.HasPrefix(b.Text, "{") || !strings.HasSuffix(b.Text, "}") || strings.Contains(b.Text, `"value"`) || !b.Strict) {
				t.Errorf("unwrapped text %q (strict %v)", b.Text, b.Strict)
			}
			if !c.unwrap && strings.TrimSpace(b.Text) != c.body {
				t.Errorf("text %q, want the body as written", b.Text)
			}
			if c.name == "matching type" {
				if got := b.Pos.String(); got != "p.md:16:12" {
					t.Errorf("unwrapped body at %s, want p.md:16:12", got)
				}
				if id := b.JSON.Member("id"); id == nil || b.Pos.Within(id.Line, id.Col).String() != "p.md:18:11" {
					t.Errorf("id member %+v, not at p.md:18:11", id)
				}
			}
		})
	}
}

// TestUnwrapValueUpdate: the answer to a PATCH is one entity whatever the
// page's request lines say, so its wrapped object is unwrapped; the same
// response to a GET of a list is not.
func TestUnwrapValueUpdate(t *testing.T) {
	for method, want := range map[string]bool{"PATCH": true, "GET": false} {
		src := "# Update shelf\n\n## HTTP request\n\n```http\n" + method + " /shelves\n```\n\n" +
			"<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\n" + method + " https://graph.microsoft.com/v1.0/shelves\n```\n\n" +
			"<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.shelf\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" +
			`{"value": {"@odata.type": "#microsoft.graph.shelf", "id": "3"}}` + "\n```\n"
		page := New().Parse("p.md", []byte(src))
		if len(page.Responses) != 1 || page.Responses[0].RequestIndex != 0 {
			t.Fatalf("%s: responses %+v", method, page.Responses)
		}
		if got := page.Responses[0].Body.JSON.Member("id") != nil; got != want {
			t.Errorf("%s: unwrapped = %v, want %v", method, got, want)
		}
	}
}

// TestObjectEnd holds objectEnd and lineColOffset to the text they index.
func TestObjectEnd(t *testing.T) {
	text := "{\n  \"value\": {\"a\": \"}{\\\"\", \"b\": [1, {}]},\n  \"@x\": 1\n}"
	start := lineColOffset(text, 2, 12)
	if start < 0 || text[start] != '{' {
		t.Fatalf("lineColOffset = %d", start)
	}
	end := objectEnd(text, start)
	if end < 0 || text[start:end] != `{"a": "}{\"", "b": [1, {}]}` {
		t.Errorf("objectEnd: %q", text[start:max(end, start)])
	}
	if objectEnd(text, 1) != -1 || objectEnd("{", 0) != -1 || lineColOffset(text, 9, 1) != -1 || lineColOffset(text, 1, 0) != -1 {
		t.Error("bad offsets not refused")
	}
	if objectEnd(text, 0) != len(text) {
		t.Errorf("outer object ends at %d, want %d", objectEnd(text, 0), len(text))
	}
}
