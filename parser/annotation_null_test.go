package parser

import "testing"

// TestAnnotationNullField: a null annotation field ("baseType": null, 47 of
// the 50 wrongly typed fields of the v1.0 docs) is read as absent with an
// informational annotation-field-null, while a field of another wrong type
// stays an annotation-field warning.
func TestAnnotationNullField(t *testing.T) {
	src := "# widget resource type\n\n<!-- { \"blockType\": \"resource\", \"baseType\": null, \"@odata.type\": \"microsoft.graph.widget\" } -->\n```json\n{}\n```\n\n" +
		"<!-- { \"blockType\": \"resource\", \"baseType\": [1], \"@odata.type\": \"microsoft.graph.gadget\" } -->\n```json\n{}\n```\n"
	pg := New().Parse("widget.md", []byte(src))
	codes := map[string]int{}
	for _, d := range pg.Diags {
		codes[d.Code]++
	}
	if codes["annotation-field-null"] != 1 || codes["annotation-field"] != 1 || len(pg.Diags) != 2 {
		t.Errorf("diagnostics %v, want one annotation-field-null and one annotation-field", pg.Diags)
	}
	for _, a := range pg.Annotations {
		if a.BaseType != "" {
			t.Errorf("annotation %s has base type %q", a.ODataType, a.BaseType)
		}
	}
}
