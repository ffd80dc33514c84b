package parser

import (
	"fmt"
	"strings"
	"testing"
)

// TestUnannotatedExamples checks that an Intune-shaped page, whose example
// blocks carry no annotation, yields its request and response examples with
// stable names taken from the page file and the block's line.
func TestUnannotatedExamples(t *testing.T) {
	for _, tc := range []struct{ name, requestAnnotation string }{
		{"no annotation", ""},
		// The real Intune pages mark their request lines "ignored"; that
		// says nothing about the examples.
		{"ignored request lines", "<!-- { \"blockType\": \"ignored\" } -->\n"},
	} {
		t.Run(tc.name, func(t *testing.T) { testUnannotated(t, tc.requestAnnotation) })
	}
}

func testUnannotated(t *testing.T, requestAnnotation string) {
	src := "# List managedDevices\n\n## HTTP Request\n" + requestAnnotation + "```http\nGET /deviceManagement/managedDevices\n```\n\n## Example\n\n### Request\n```http\nGET https://graph.microsoft.com/v1.0/deviceManagement/managedDevices\n```\n\n### Response\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"value\": [{\"@odata.type\": \"#microsoft.graph.managedDevice\", \"id\": \"x\"}]}\n```\n"
	pg := New().Parse("v1.0/api/intune-devices-manageddevice-list.md", []byte(src))
	if len(pg.Requests) != 1 || len(pg.Responses) != 1 {
		t.Fatalf("requests/responses = %d/%d, want 1/1", len(pg.Requests), len(pg.Responses))
	}
	if r := pg.Requests[0]; r.Method != "GET" || r.Path != "/deviceManagement/managedDevices" || r.Name != fmt.Sprintf("intune-devices-manageddevice-list_request_l%d", 12+strings.Count(requestAnnotation, "\n")) {
		t.Errorf("request = %q %s %s", r.Name, r.Method, r.Path)
	}
	if r := pg.Responses[0]; r.Status != 200 || r.RequestIndex != 0 || r.Body == nil {
		t.Errorf("response = status %d request %d body %v", r.Status, r.RequestIndex, r.Body)
	}
}

// TestIgnoredExamplesStayIgnored: a page that marks an example block
// "ignored" means it; its unannotated blocks are not read as examples.
func TestIgnoredExamplesStayIgnored(t *testing.T) {
	src := "# Get page\n\n## HTTP request\n```http\nGET /me/onenote/pages/{id}\n```\n\n## Example\n### Request\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET https://graph.microsoft.com/v1.0/me/onenote/pages/1\n```\n### Response\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"1\"}\n```\n"
	pg := New().Parse("v1.0/api/page-get.md", []byte(src))
	if len(pg.Requests) != 0 || len(pg.Responses) != 0 {
		t.Errorf("requests/responses = %d/%d, want 0/0", len(pg.Requests), len(pg.Responses))
	}
}
