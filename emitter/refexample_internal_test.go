package emitter

import (
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/model"
)

// TestReferenceSegments: the documented @odata.id of a $ref example
// becomes the RefTo arguments that name the same resource under the
// client's service root, or the example is inexpressible.
func TestReferenceSegments(t *testing.T) {
	g := &exampleGen{baseURL: "https://graph.microsoft.com/v1.0"}
	tests := []struct {
		body     string
		repaired string
		want     []string
		why      string
	}{
		{body: `{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}`, want: []string{"directoryObjects", "{id}"}},
		{body: `{"@odata.id": "https://GRAPH.microsoft.com/beta/identity/identityProviders/a%2Fb"}`, want: []string{"identity", "identityProviders", "a/b"}},
		{body: `{"@odata.id": "https://graph.microsoft.com/v1.0/users('x@contoso.com')"}`, want: []string{"users('x@contoso.com')"}},
		{body: `{"@odata.id": "users/1"}`, want: []string{"users", "1"}},
		{body: `{"@odata.id": "/v1.0/users/1"}`, want: []string{"users", "1"}},
		{body: `{'@odata.id': 'https://graph.microsoft.com/v1.0/users/1',}`, repaired: `{"@odata.id":"https://graph.microsoft.com/v1.0/users/1"}`, want: []string{"users", "1"}},
		{body: `{"@odata.id": "https://evil.example/v1.0/users/1"}`, why: "not at the service root"},
		{body: `{"@odata.id": "https://u@graph.microsoft.com/v1.0/users/1"}`, why: "not at the service root"},
		{body: `{"@odata.id": "https://graph.microsoft.com/v1.0/users/1?$select=id"}`, why: "query or fragment"},
		{body: `{"@odata.id": "https://graph.microsoft.com/v1.0/users/../groups"}`, why: `segment ".."`},
		{body: `{"@odata.id": "https://graph.microsoft.com/v1.0"}`, why: "names no resource"},
		{body: `{"@odata.id": 7}`, why: "no @odata.id string"},
		{body: `{}`, why: "no @odata.id string"},
		{body: ``, why: "not the JSON object"},
	}
	for _, tt := range tests {
		ex := &model.Example{RequestBody: tt.body, RequestJSON: tt.repaired == "", RequestRepaired: tt.repaired}
		got, why := g.referenceSegments(ex)
		if tt.why != "" {
			if !strings.Contains(why, tt.why) || got != nil {
				t.Errorf("%s: %q, %q; want a reason containing %q", tt.body, got, why, tt.why)
			}
			continue
		}
		if why != "" || !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, %q; want %q", tt.body, got, why, tt.want)
		}
	}
}

func TestVersionSegment(t *testing.T) {
	for s, want := range map[string]bool{"v1.0": true, "beta": true, "Beta": true, "v2": true, "v": false, "users": false, "v1.x": false, "": false} {
		if got := versionSegment(s); got != want {
			t.Errorf("versionSegment(%q) = %v", s, got)
		}
	}
}
