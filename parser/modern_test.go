package parser

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
)

// parseModern parses every page under testdata/modern, the project's own
// pages written in the format of the 2024–2026 docs, naming each by its
// path inside that folder ("v1.0/api/shelf-get.md").
func parseModern(t *testing.T) map[string]*Page {
	t.Helper()
	root := os.DirFS("testdata/modern")
	pages := map[string]*Page{}
	p := New()
	err := fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".md" {
			return err
		}
		src, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		pages[name] = p.Parse(name, src)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 3 {
		t.Fatalf("only %d modern pages", len(pages))
	}
	return pages
}

// TestModernPagesNoFormatWarnings: the conventions of current pages
// (permissions annotations, includes, tabs ended by "---" right below a
// snippet include, "@type" for "@odata.type", tables without closing pipes,
// instance attributes) give no diagnostic.
func TestModernPagesNoFormatWarnings(t *testing.T) {
	for name, page := range parseModern(t) {
		for _, d := range page.Diags {
			t.Errorf("%s: %v", name, d)
		}
	}
}

// TestModernIncludes: "[!INCLUDE [label](path)]" lines in paragraphs, tabs
// and table cells are includes with their positions, never links.
func TestModernIncludes(t *testing.T) {
	page := parseModern(t)["v1.0/api/shelf-get.md"]
	var got []string
	for _, in := range page.Includes {
		got = append(got, in.Pos.String()+" "+in.Label+" "+in.Dest+" §"+in.Section)
	}
	want := []string{
		"v1.0/api/shelf-get.md:17:1 national-cloud-support ../../includes/all-clouds.md §",
		"v1.0/api/shelf-get.md:24:1 permissions-table ../includes/permissions/shelf-get-permissions.md §Permissions",
		"v1.0/api/shelf-get.md:44:45 auth-note ../includes/permissions/missing-note.md §Request headers",
		"v1.0/api/shelf-get.md:70:1 sample-code ../includes/snippets/csharp/get-shelf-csharp-snippets.md §Examples",
		"v1.0/api/shelf-get.md:71:1 sdk-documentation ../includes/snippets/snippets-sdk-documentation-link.md §Examples",
		"v1.0/api/shelf-get.md:74:1 sample-code ../includes/snippets/go/get-shelf-go-snippets.md §Examples",
		"v1.0/api/shelf-get.md:75:1 sdk-documentation ../includes/snippets/snippets-sdk-documentation-link.md §Examples",
	}
	if !slices.Equal(got, want) {
		t.Errorf("includes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, l := range page.Links {
		if strings.Contains(l.Dest, "includes/") {
			t.Errorf("include taken for a link: %+v", l)
		}
	}
	for _, tb := range page.Tables {
		for _, r := range tb.Rows {
			for _, c := range r.Cells {
				for _, l := range c.Links {
					if strings.Contains(l.Dest, "includes/") {
						t.Errorf("include in a table cell taken for a link: %+v", l)
					}
				}
			}
		}
	}
	// The links the page does have stay links.
	var dests []string
	for _, l := range page.Links {
		dests = append(dests, l.Dest)
	}
	if !slices.Contains(dests, "../resources/shelf.md") || !slices.Contains(dests, "/graph/query-parameters") {
		t.Errorf("links %q lack the page's own links", dests)
	}
}

// TestModernTabsAndPermissions: the permissions annotation is read (named,
// with no block), tab headings and the setext heading that the last tab's
// includes and "---" form start no section, and the request keeps its
// response.
func TestModernTabsAndPermissions(t *testing.T) {
	page := parseModern(t)["v1.0/api/shelf-get.md"]
	var perm *Annotation
	for _, a := range page.Annotations {
		if a.BlockType == "permissions" {
			perm = a
		}
	}
	if perm == nil || perm.Name != "shelf_get" || perm.Block != nil || perm.Section != "Permissions" {
		t.Fatalf("permissions annotation %+v", perm)
	}
	for _, h := range page.Headings {
		if strings.Contains(h.Text, "INCLUDE") {
			t.Errorf("includes read as a heading: %+v", h)
		}
	}
	if len(page.Requests) != 1 || len(page.Responses) != 1 || page.Responses[0].RequestIndex != 0 {
		t.Fatalf("requests %d, responses %+v", len(page.Requests), page.Responses)
	}
	if got := page.Responses[0].Annotation.Section; got != "Examples" {
		t.Errorf("response in section %q, want Examples", got)
	}
	if len(page.Templates) != 1 || page.Templates[0].Path != "/libraries/{library-id}/shelves/{shelf-id}" {
		t.Errorf("templates %+v", page.Templates)
	}
}

// TestModernResource: "@type" stands for "@odata.type", "Inherits from" is
// read, rows without closing pipes keep their cells, and the instance
// attributes table under a "Property name" header lists properties.
func TestModernResource(t *testing.T) {
	page := parseModern(t)["v1.0/resources/shelf.md"]
	if len(page.Resources) != 1 || page.Resources[0].ODataType != "microsoft.graph.shelf" || page.Resources[0].BaseType != "microsoft.graph.entity" {
		t.Fatalf("resources %+v", page.Resources)
	}
	if page.InheritsFrom != "entity" {
		t.Errorf("InheritsFrom %q", page.InheritsFrom)
	}
	kinds := map[TableKind][]string{}
	for _, tb := range page.Tables {
		for _, r := range tb.Rows {
			if len(r.Cells) != 3 {
				t.Errorf("row %v has %d cells", r.Pos, len(r.Cells))
			}
			kinds[tb.Kind] = append(kinds[tb.Kind], r.Cells[0].Text)
		}
	}
	if got := kinds[TableProperties]; !slices.Equal(got, []string{"capacity", "id", "label", "@microsoft.graph.conflictBehavior"}) {
		t.Errorf("properties %q", got)
	}
}

// TestOnlyIncludes holds the setext-heading check to what it must accept.
func TestOnlyIncludes(t *testing.T) {
	for s, want := range map[string]bool{
		"[!INCLUDE sample-code] [!INCLUDE sdk-documentation]": true,
		"[!include x]":                      true,
		"  [!INCLUDE x]  ":                  true,
		"":                                  false,
		"Examples":                          false,
		"[!INCLUDE x] and more":             false,
		"[!INCLUDE x":                       false,
		"Response [!INCLUDE sample-code]":   false,
		"[!NOTE] a note that is no include": false,
	} {
		if got := onlyIncludes([]byte(s)); got != want {
			t.Errorf("onlyIncludes(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestInheritsFrom: the base type of "Inherits from" paragraphs and of
// intro sentences that say "inherits from [x]" in the middle.
func TestInheritsFrom(t *testing.T) {
	link := func(text string) []Link { return []Link{{Text: text, Dest: "x.md"}} }
	for _, c := range []struct {
		text  string
		links []Link
		intro bool
		want  string
	}{
		{"Inherits from entity.", link("entity"), false, "entity"},
		{"Inherits from **entity**.", link("**entity**"), true, "entity"},
		{"This resource type inherits from itemFacet.", link("itemFacet"), true, "itemFacet"},
		{"Represents a user account. Inherits from directoryObject.", link("directoryObject"), true, "directoryObject"},
		{"This type inherits from `entity`.", link("`entity`"), true, "entity"},
		{"This resource type inherits from itemFacet.", link("itemFacet"), false, ""},
		{"This resource type inherits from its parent, see itemFacet.", link("itemFacet"), true, ""},
		{"A plain sentence about entity.", link("entity"), true, ""},
		{"Inherits from nothing linked.", nil, true, ""},
	} {
		got, ok := inheritsFrom([]byte(c.text), c.links, c.intro)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("inheritsFrom(%q, intro %v) = %q, %v; want %q", c.text, c.intro, got, ok, c.want)
		}
	}
}
