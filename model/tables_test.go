package model

import (
	"strings"
	"testing"
)

// TestNonPropertyTables: the rows of a value table ("Group visibility
// options": Value | Description), of an explanatory table without a Type
// column and of a Derived types table in a Properties section are no
// properties of the page's type, and make up no types; the rows of an
// Instance attributes table are, with their @ wire names.
func TestNonPropertyTables(t *testing.T) {
	page := resource("gizmo", `{"blockType": "resource", "@odata.type": "microsoft.graph.gizmo"}`,
		"|visibility|String|Who sees it. Possible values are: `Public`, `Private`.|", `{"visibility": "String"}`)
	page = strings.Replace(page, "## JSON representation", "### Gizmo visibility options\n\n|Value|Description|\n|:---|:---|\n| Public | Anyone. |\n| Private | Members. |\n\n"+
		"| Scenario | Has owners? |\n|:---|:---|\n| One-time | Yes |\n\n"+
		"### Derived types\n\n| Type | Description |\n|:---|:---|\n| [bigGizmo](biggizmo.md) | Big. |\n\n"+
		"### Instance attributes\n\n| Property name | Type | Description |\n|:---|:---|:---|\n| @microsoft.graph.downloadUrl | string | Where to download it. |\n\n"+
		"## JSON representation", 1)
	m := build(t, map[string]string{"gizmo.md": page})
	g := findType(m, "Gizmo")
	if g == nil {
		t.Fatalf("no Gizmo:\n%s", diagCodes(m))
	}
	var names []string
	for _, p := range g.Properties {
		names = append(names, p.JSONName)
	}
	if got := strings.Join(names, ","); got != "visibility,@microsoft.graph.downloadUrl" {
		t.Errorf("Gizmo properties %s, want visibility,@microsoft.graph.downloadUrl", got)
	}
	for _, ty := range m.Types {
		if ty != g {
			t.Errorf("type %s (%s) made up from a table that is no property table", ty.Name, ty.FullName)
		}
	}
}
