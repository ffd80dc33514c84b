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
	} else if !t.Synthesized {
		fields = append(fields, jen.Comment("ODataType is the @odata.type discriminator: the concrete type of the value.").Line().
			Id(spec.ODataTypeField).Op("*").String().Tag(map[string]string{"json": "@odata.type,omitzero"}))
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
		c.Id(p.Name).Add(fieldType(p.Type)).Tag(map[string]string{"json": p.JSONName + omitOption(p.Type)})
		fields = append(fields, c)
	}
	f.Add(declDoc(summary, desc, source(t.Pos.File)))
	f.Type().Id(t.Name).Struct(fields...)
	f.Line()
	if t.Polymorphic() {
		genClass(f, t)
	}
}

// genClass writes the interface a polymorphic type and its subtypes
// implement, and the Ref wrapper that decodes a value of the hierarchy into
// the type its @odata.type names.
func genClass(f *jen.File, t *spec.Type) {
	class, ref := t.ClassName, t.RefName
	f.Commentf("%s is implemented by *%s and by every type derived from it.", class, t.Name)
	f.Type().Id(class).Interface(jen.Id(t.AsName).Params().Op("*").Id(t.Name))
	f.Line()
	f.Commentf("%s returns v as its base type %s; types derived from %s inherit it.", t.AsName, t.Name, t.Name)
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id(t.AsName).Params().Op("*").Id(t.Name).Block(jen.Return(jen.Id("v")))
	f.Line()
	f.Commentf("%s holds a value of type %s or of a type derived from it. It decodes", ref, t.Name)
	f.Comment(`JSON into the type the "@odata.type" discriminator names.`)
	f.Type().Id(ref).Struct(jen.Id(class))
	f.Line()
	f.Func().Params(jen.Id("r").Id(ref)).Id("unwrap").Params().Id(class).Block(jen.Return(jen.Id("r").Dot(class)))
	f.Line()
	f.Comment("UnmarshalJSON decodes into the type named by @odata.type.")
	f.Func().Params(jen.Id("r").Op("*").Id(ref)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Id("decodePoly").Call(jen.Id("b"),
			jen.Func().Params().Id(class).Block(jen.Return(jen.New(jen.Id(t.Name))))),
		jen.Id("r").Dot(class).Op("=").Id("v"),
		jen.Return(jen.Err()),
	)
	f.Line()
	f.Comment("MarshalJSON encodes the value held.")
	f.Func().Params(jen.Id("r").Id(ref)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Qual("encoding/json", "Marshal").Call(jen.Id("r").Dot(class))),
	)
	f.Line()
}

// genEnum writes an enum as a named string type with a constant per member.
func genEnum(f *jen.File, t *spec.Type) {
	f.Add(declDoc(t.Name+" is the "+t.FullName+" enum type.", t.Description, source(t.Pos.File)))
	f.Type().Id(t.Name).String()
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
