package model

import "testing"

// TestResponseBodyIgnored: an update whose first example answers 204 and
// whose second answers 200 with the entity returns only error, and a
// diagnostic says the body is discarded; with both 204 nothing is said.
func TestResponseBodyIgnored(t *testing.T) {
	page := func(second string) map[string]string {
		return map[string]string{
			"widget.md": resource("widget", `{"blockType": "resource", "@odata.type": "microsoft.graph.widget"}`, "|a|String|A.|", `{"a": "String"}`),
			"widget-update.md": "# Update widget\n\n## HTTP request\n\n```http\nPATCH /widgets/{id}\n```\n\n## Examples\n\n### Example 1\n\n" +
				"<!-- {\"blockType\": \"request\", \"name\": \"x1\"} -->\n```http\nPATCH /widgets/1\n\n{\"a\": \"b\"}\n```\n\n" +
				"<!-- {\"blockType\": \"response\"} -->\n```http\nHTTP/1.1 204 No Content\n```\n\n### Example 2\n\n" +
				"<!-- {\"blockType\": \"request\", \"name\": \"x2\"} -->\n```http\nPATCH /widgets/2\nPrefer: return=representation\n\n{\"a\": \"c\"}\n```\n\n" +
				"<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\"} -->\n```http\n" + second + "\n```\n",
		}
	}
	m := build(t, page("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"a\": \"c\"}"))
	op := findOp(m, "UpdateWidget")
	if op == nil {
		t.Fatalf("no UpdateWidget:\n%s", diagCodes(m))
	}
	if op.Response != ResponseNone {
		t.Errorf("UpdateWidget returns %v, want none (its first example answers 204)", op.Response)
	}
	if !hasDiag(m, "response-body-ignored", "PATCH /widgets/{id}") {
		t.Errorf("no response-body-ignored diagnostic:\n%s", diagCodes(m))
	}
	m = build(t, page("HTTP/1.1 204 No Content"))
	if hasDiag(m, "response-body-ignored", "") {
		t.Errorf("response-body-ignored without a body:\n%s", diagCodes(m))
	}
}
