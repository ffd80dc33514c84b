package corpus

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/model"
)

// shapeCounts measures the type shapes of issue 15 items 3 and 4 on the
// real docs: the bases by the evidence they come from, the enums by the
// form their members come from, and what is left without either.
type shapeCounts struct {
	// Bases counts the types with a base, by the diagnostic that infers
	// it ("annotation" for a baseType the docs state).
	Bases map[string]int
	// EntitiesWithoutBase are entity types (other than entity itself) with
	// no base while the docs define entity.
	EntitiesWithoutBase int
	// Enums counts the enums by the form of their members: "table" (an
	// enum page or member table), "text" (a property's "possible values"
	// sentence), "string" (no members: a string type).
	Enums map[string]int
	// EmptyStructs are struct types no page defines that have no property
	// of their own or inherited and no subtype: they decode nothing.
	EmptyStructs int
	// Examples name a few of the entities without base and empty structs,
	// for the log.
	Examples []string
}

// baseCodes are the diagnostics that report an inferred base, at its
// evidence.
var baseCodes = []string{"base-from-text", "base-from-example", "base-entity-default", "base-from-derived-list", "base-from-odata-type"}

// shapeFloors bound shapeCounts on the real docs: EntitiesWithoutBase and
// EmptyStructs only ever go down. Before issue 15 item 3, 167 entity types
// of v1.0 and 468 of beta had no base; beta's one left is print, whose key
// is settings, not id. The empty structs left are types only a JSON
// representation names, as objects with no members
// ({"@odata.type": "microsoft.graph.workbookOperationStatus"}); before
// issue 15 item 2 beta had one more, made from a table that is no
// property table ("Yes").
var shapeFloors = map[string]shapeCounts{
	"v1.0": {EntitiesWithoutBase: 0, EmptyStructs: 6},
	"beta": {EntitiesWithoutBase: 1, EmptyStructs: 21},
}

func countShapes(m *model.Model) shapeCounts {
	c := shapeCounts{Bases: map[string]int{}, Enums: map[string]int{}}
	entityDefined := false
	for _, t := range m.Types {
		if strings.EqualFold(t.FullName, model.DefaultNamespace+".entity") && t.Defined {
			entityDefined = true
		}
	}
	inferredBases := 0
	for _, d := range m.Diags {
		if slices.Contains(baseCodes, d.Code) {
			c.Bases[d.Code]++
			inferredBases++
		}
	}
	withBase := 0
	for _, t := range m.Types {
		switch {
		case t.Kind == model.Enum:
			switch {
			case len(t.Members) == 0:
				c.Enums["string"]++
			case fromText(m, t):
				c.Enums["text"]++
			default:
				c.Enums["table"]++
			}
			continue
		case t.Base != nil:
			withBase++
		case t.Kind == model.Entity && entityDefined && !strings.EqualFold(t.FullName, model.DefaultNamespace+".entity"):
			c.EntitiesWithoutBase++
			c.note("entity without base " + t.FullName + " (" + t.Pos.String() + ")")
		}
		if !t.Defined && !t.Synthesized && len(t.Subtypes) == 0 && !hasProperties(t) {
			c.EmptyStructs++
			c.note("empty struct " + t.FullName + " (" + t.Pos.String() + ")")
		}
	}
	c.Bases["annotation"] = withBase - inferredBases
	return c
}

func (c *shapeCounts) note(s string) {
	if len(c.Examples) < 60 {
		c.Examples = append(c.Examples, s)
	}
}

// fromText reports whether an enum's members were taken from a
// description (enum-from-text at the position of its first member).
func fromText(m *model.Model, t *model.Type) bool {
	for _, d := range m.Diags {
		if d.Code == "enum-from-text" && d.Pos == t.Members[0].Pos {
			return true
		}
	}
	return false
}

func hasProperties(t *model.Type) bool {
	for a := range t.Lineage() {
		if len(a.Properties) > 0 {
			return true
		}
	}
	return false
}

// TestShapes logs the bases by evidence and the enums by form on the real
// docs and keeps the types left without a base or as empty structs at or
// below their floors.
func TestShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped under -short")
	}
	for _, version := range []string{"v1.0", "beta"} {
		t.Run(version, func(t *testing.T) {
			_, m := buildCorpus(t, filepath.Join(corpusRoot, version), nil)
			got := countShapes(m)
			t.Logf("%s: bases %v, entities without base %d, enums %v, empty structs %d", version, got.Bases, got.EntitiesWithoutBase, got.Enums, got.EmptyStructs)
			for _, e := range got.Examples {
				t.Log("  " + e)
			}
			floor := shapeFloors[version]
			if got.EntitiesWithoutBase > floor.EntitiesWithoutBase || got.EmptyStructs > floor.EmptyStructs {
				t.Errorf("%s: entities without base %d, empty structs %d; floors %d, %d", version, got.EntitiesWithoutBase, got.EmptyStructs, floor.EntitiesWithoutBase, floor.EmptyStructs)
			}
		})
	}
}
