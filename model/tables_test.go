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

// TestRepresentationValues: a JSON representation placeholder that is a
// bare name is the type of that name when a page names it, and otherwise
// an example value read as a String (representation-value), not a made-up
// type; a name qualified with the namespace still names a type.
func TestRepresentationValues(t *testing.T) {
	m := build(t, map[string]string{
		"job.md": resource("job", `{"blockType": "resource", "@odata.type": "microsoft.graph.job"}`,
			"|status|String|The status.|\n|colors|String collection|Colors.|\n|where|jobPlace|Where.|\n|mode|String|Mode.|",
			`{"status": "succeeded", "colors": ["red", "blue"], "where": "jobPlace", "mode": "microsoft.graph.jobMode", "extra": "jobPlace"}`),
		"jobplace.md": resource("jobPlace", `{"blockType": "resource", "@odata.type": "microsoft.graph.jobPlace"}`, "|name|String|Name.|", `{"name": "String"}`),
	})
	j := findType(m, "Job")
	if j == nil {
		t.Fatalf("no Job:\n%s", diagCodes(m))
	}
	for _, name := range []string{"Succeeded", "Red", "Blue"} {
		if findType(m, name) != nil {
			t.Errorf("type %s made up from a representation value", name)
		}
	}
	for prop, want := range map[string]string{"status": "Edm.String", "colors": "Collection(Edm.String)", "where": "microsoft.graph.jobPlace", "extra": "microsoft.graph.jobPlace"} {
		if p := findProp(j, prop); p == nil || p.Type.String() != want {
			t.Errorf("Job.%s = %+v, want %s", prop, p, want)
		}
	}
	if findType(m, "JobMode") == nil {
		t.Error("a placeholder qualified with the namespace names no type")
	}
	var at []string
	for _, d := range m.Diags {
		if d.Code == "representation-value" {
			at = append(at, d.Pos.String())
		}
	}
	if len(at) != 2 || !strings.HasPrefix(at[0], "job.md:") {
		t.Errorf("representation-value at %q, want 2 on job.md (status, colors):\n%s", at, diagCodes(m))
	}
}
