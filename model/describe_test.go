package model

import (
	"testing"

	"github.com/docgen-dev/docgen/parser"
)

func TestPlainMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"attached to an event. The  **contentBytes** ", "attached to an event. The contentBytes"},
		{"Get a [user](../resources/user.md) and its `id`.", "Get a user and its id."},
		{"__Bold__ and snake_case stay apart.", "Bold and snake_case stay apart."},
		{"enabled to use the policy](../resources/x.md) in Azure AD.", "enabled to use the policy in Azure AD."},
		{"Create a new [personInterest](../resources/personinterest.md] in a profile.", "Create a new personInterest in a profile."},
		{"See [User] and a stray ] bracket [here", "See [User] and a stray bracket here"},
		{"no markdown\tat  all", "no markdown at all"},
	} {
		if got := plainMarkdown(tc.in); got != tc.want {
			t.Errorf("plainMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPageDescription(t *testing.T) {
	for _, tc := range []struct{ intro, front, want string }{
		{"Represents a user.", "Represents a **user** in", "Represents a user."},
		{"", "Represents a **user**.", "Represents a user."},
		{"Not yet documented", "A managed device.", "A managed device."},
		{"A managed device.", "Not yet documented.", "A managed device."},
		{"Not yet documented", "", ""},
		{"Not yet documented.", "not yet documented", ""},
	} {
		p := &parser.Page{Intro: tc.intro, FrontMatter: parser.FrontMatter{Description: tc.front}}
		if got := pageDescription(p); got != tc.want {
			t.Errorf("pageDescription(intro %q, front %q) = %q, want %q", tc.intro, tc.front, got, tc.want)
		}
	}
}

func TestPublishedURL(t *testing.T) {
	for _, tc := range []struct{ page, want string }{
		{"v1.0/api/user-get.md", "https://learn.microsoft.com/graph/api/user-get?view=graph-rest-1.0"},
		{"docs/beta/resources/user.md", "https://learn.microsoft.com/graph/api/resources/user?view=graph-rest-beta"},
		{"v1.0/resources/enums.md", "https://learn.microsoft.com/graph/api/resources/enums?view=graph-rest-1.0"},
		{"seeds/api/book-get.md", ""},
		{"v1.0/includes/x.md", ""},
		{"v1.0/api/evil?x=1.md", ""},
		{"v1.0/api/Evil\n//go:generate.md", ""},
		{"v1.0/api/.md", ""},
		{"user.md", ""},
	} {
		if got := PublishedURL(tc.page); got != tc.want {
			t.Errorf("PublishedURL(%q) = %q, want %q", tc.page, got, tc.want)
		}
	}
}

// TestTypeDescribedByItsOwnPage: a type that two pages define takes its
// description and position from the page named after it, whichever is read
// first.
func TestTypeDescribedByItsOwnPage(t *testing.T) {
	pages := map[string]string{
		"intune-devices-widget.md": resource("widget", `{"blockType": "resource", "@odata.type": "microsoft.graph.widget"}`, "|a|String|A.|", `{"a": "String"}`),
		"widget.md":                resource("widget", `{"blockType": "resource", "@odata.type": "microsoft.graph.widget"}`, "|a|String|A.|", `{"a": "String"}`),
	}
	pages["widget.md"] = "---\ndescription: \"A widget, cut\"\n---\n" + pages["widget.md"]
	m := build(t, pages)
	w := findType(m, "Widget")
	if w == nil {
		t.Fatal("no Widget")
	}
	if w.Pos.File != "widget.md" {
		t.Errorf("Widget is documented in %s, want widget.md", w.Pos.File)
	}
}
