package emitter

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/spec"
)

// genStruct writes the struct of a complex or entity type. The base type is
// embedded, so its fields are promoted and encoded inline.
func genStruct(f *jen.File, t *spec.Type) {
	summary := t.Name + " is the " + t.FullName + " " + t.Kind.String() + " type."
	if t.Synthesized {
		summary = t.Name + " " + t.Description
	}
	desc := t.Description
	if t.Synthesized {
		desc = ""
	}
	var fields []jen.Code
	if t.Base != nil {
		fields = append(fields, jen.Id(t.Base.Name))
	}
	for _, p := range t.Properties {
		if p.Type.Primitive == spec.Stream && p.Type.Named == nil {
			// Stream properties are content reached by their own URL,
			// never part of a JSON payload.
			continue
		}
		c := jen.Null()
		if p.Description != "" {
			c.Add(doc(p.Description))
		}
		tag := p.JSONName + ",omitempty"
		c.Id(p.Name).Add(fieldType(p.Type)).Tag(map[string]string{"json": tag})
		fields = append(fields, c)
	}
	f.Add(doc(summary, desc, source(t.Pos.File))).Type().Id(t.Name).Struct(fields...)
	f.Line()
}

// genEnum writes an enum as a named string type with a constant per member.
func genEnum(f *jen.File, t *spec.Type) {
	f.Add(doc(t.Name+" is the "+t.FullName+" enum type.", t.Description, source(t.Pos.File))).Type().Id(t.Name).String()
	f.Line()
	if len(t.Members) == 0 {
		return
	}
	var consts []jen.Code
	for _, m := range t.Members {
		c := jen.Null()
		if m.Description != "" {
			c.Add(doc(m.Description))
		}
		c.Id(m.Name).Id(t.Name).Op("=").Lit(m.Value)
		consts = append(consts, c)
	}
	f.Comment("Values of " + t.Name + ".")
	f.Const().Defs(consts...)
	f.Line()
}

// source names the page a declaration comes from, relative to the inputs.
func source(file string) string {
	if file == "" {
		return ""
	}
	return "Documented in " + file + "."
}
