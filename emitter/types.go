package emitter

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/model"
)

// genStruct adds the struct of a complex or entity type to f. The base
// type is embedded, so its fields are promoted and encoded inline.
func genStruct(f *jen.File, t *model.Type) {
	summary := t.Name + " is the " + t.FullName + " " + t.Kind.String() + " type."
	desc := t.Description
	if t.Synthesized {
		summary, desc = t.Name+" "+t.Description, ""
	}
	var fields []jen.Code
	if t.Base != nil {
		fields = append(fields, jen.Id(t.Base.Name))
	} else if t.KeepsUndeclared() {
		// A root type: the discriminator and the undeclared members, which
		// the model's strict check of documented bodies counts on.
		fields = append(fields, fieldDoc([]string{"ODataType is the @odata.type discriminator: the concrete type of the value."})...)
		fields = append(fields, jen.Id(model.ODataTypeField).Op("*").String().Add(jsonTag("@odata.type,omitzero")))
		fields = append(fields, fieldDoc([]string{
			model.MembersField + " holds the members the JSON object has that this type does not declare, and",
			"explicit nulls and @odata.bind members to send (see " + string(rtSetNull) + " and " + string(rtBind) + ").",
		})...)
		fields = append(fields, jen.Id(model.MembersField).Add(rtMembers.id()).Add(jsonTag("-")))
	}
	for _, p := range t.Properties {
		if p.Type.Primitive == model.Stream && p.Type.Named == nil {
			// Stream properties are content reached by their own URL,
			// never part of a JSON payload.
			continue
		}
		fields = append(fields, fieldDoc(docLines(p.Description))...)
		fields = append(fields, jen.Id(p.Name).Add(fieldType(p.Type)).Add(jsonTag(p.JSONName+omitOption(p.Type))))
	}
	decl(f, withPublished(declDocLines(summary, desc, source(t.Pos.File)), t.Pos.File), jen.Type().Id(t.Name).Struct(fields...))
	if t.Polymorphic() {
		genClass(f, t)
	}
}

// jsonTag is the struct tag `json:"<value>"` (jennifer writes it as a raw
// string when it can be one, else quoted).
func jsonTag(value string) *jen.Statement { return jen.Tag(map[string]string{"json": value}) }

// genClass adds the interface a polymorphic type and its subtypes
// implement, and the Ref wrapper that decodes a value of the hierarchy into
// the type its @odata.type names.
func genClass(f *jen.File, t *model.Type) {
	name, class, ref, as := t.Name, t.ClassName, t.RefName, t.AsName
	decl(f, []string{class + " is implemented by *" + name + " and by every type derived from it."},
		jen.Type().Id(class).Interface(jen.Id(as).Params().Op("*").Id(name)))
	decl(f, []string{as + " returns v as its base type " + name + "; types derived from " + name + " inherit it."},
		jen.Func().Params(jen.Id("v").Op("*").Id(name)).Id(as).Params().Op("*").Id(name).Block(jen.Return(jen.Id("v"))))
	decl(f, []string{ref + " holds a value of type " + name + " or of a type derived from it. It decodes",
		`JSON into the type the "@odata.type" discriminator names.`},
		jen.Type().Id(ref).Struct(jen.Id(class)))
	decl(f, nil,
		jen.Func().Params(jen.Id("r").Id(ref)).Add(rtUnwrap.id()).Params().Id(class).Block(jen.Return(jen.Id("r").Dot(class))))
	decl(f, []string{"UnmarshalJSON decodes into the type named by @odata.type."},
		jen.Func().Params(jen.Id("r").Op("*").Id(ref)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
			jen.List(jen.Id("v"), jen.Err()).Op(":=").Add(rtDecodePoly.id()).Call(
				jen.Id("b"),
				jen.Func().Params().Id(class).Block(jen.Return(jen.New(jen.Id(name)))),
			),
			jen.Id("r").Dot(class).Op("=").Id("v"),
			jen.Return(jen.Err()),
		))
	decl(f, []string{"MarshalJSON encodes the value held."},
		jen.Func().Params(jen.Id("r").Id(ref)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
			jen.Return(rtEncodePoly.id().Call(jen.Id("r").Dot(class)))))
}

// genEnum adds an enum as a named string type with a constant per member.
func genEnum(f *jen.File, t *model.Type) {
	decl(f, withPublished(declDocLines(t.Name+" is the "+t.FullName+" enum type.", t.Description, source(t.Pos.File)), t.Pos.File),
		jen.Type().Id(t.Name).String())
	if len(t.Members) == 0 {
		return
	}
	var defs []jen.Code
	for _, m := range t.Members {
		defs = append(defs, fieldDoc(docLines(m.Description))...)
		defs = append(defs, jen.Id(m.Name).Id(t.Name).Op("=").Lit(m.Value))
	}
	decl(f, []string{"Values of " + t.Name + "."}, jen.Const().Defs(defs...))
}

// source names the page a declaration comes from, relative to the inputs.
func source(file string) string {
	if file == "" {
		return ""
	}
	return "Documented in " + file + "."
}

// withPublished ends the lines of a doc comment with the address at which
// Microsoft publishes the page file, when it has one. The address is
// docgen's own text, not the docs': it bypasses cleanText, which breaks up
// every "//", so it is checked to be made of a slug and the fixed parts
// PublishedURL writes.
func withPublished(lines []string, file string) []string {
	u := model.PublishedURL(file)
	if !safeURL(u) {
		return lines
	}
	return append(lines, "", "Published at "+u+".")
}

// safeURL reports whether u is an https address on learn.microsoft.com
// made only of letters, digits and "/-_.?=".
func safeURL(u string) bool {
	rest, ok := strings.CutPrefix(u, "https://learn.microsoft.com/")
	if !ok || strings.Contains(rest, "//") {
		return false
	}
	for _, c := range rest {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.ContainsRune("/-_.?=", c)) {
			return false
		}
	}
	return true
}
