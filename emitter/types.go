package emitter

import (
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/model"
)

// genStruct writes the struct of a complex or entity type. The base type is
// embedded, so its fields are promoted and encoded inline.
func genStruct(f *goFile, t *model.Type) {
	summary := t.Name + " is the " + t.FullName + " " + t.Kind.String() + " type."
	desc := t.Description
	if t.Synthesized {
		summary, desc = t.Name+" "+t.Description, ""
	}
	var rows []row
	if t.Base != nil {
		rows = append(rows, row{typ: t.Base.Name})
	} else if !t.Synthesized {
		rows = append(rows, row{
			doc:  []string{"ODataType is the @odata.type discriminator: the concrete type of the value."},
			name: model.ODataTypeField, typ: "*string", rest: structTag("@odata.type,omitzero"),
		})
	}
	for _, p := range t.Properties {
		if p.Type.Primitive == model.Stream && p.Type.Named == nil {
			// Stream properties are content reached by their own URL,
			// never part of a JSON payload.
			continue
		}
		rows = append(rows, row{
			doc:  docLines(p.Description),
			name: p.Name, typ: f.fieldType(p.Type), rest: structTag(p.JSONName + omitOption(p.Type)),
		})
	}
	f.docComment(withPublished(declDocLines(summary, desc, source(t.Pos.File)), t.Pos.File)...)
	if len(rows) == 0 {
		f.line("type ", t.Name, " struct{}")
	} else {
		f.line("type ", t.Name, " struct {")
		f.block(rows)
		f.line("}")
	}
	f.end()
	if t.Polymorphic() {
		genClass(f, t)
	}
}

// structTag is the tag `json:"<value>"`, quoted as jennifer quotes tags:
// as a raw string when it can be one.
func structTag(value string) string {
	tag := "json:" + strconv.Quote(value)
	if strconv.CanBackquote(tag) {
		return "`" + tag + "`"
	}
	return strconv.Quote(tag)
}

// genClass writes the interface a polymorphic type and its subtypes
// implement, and the Ref wrapper that decodes a value of the hierarchy into
// the type its @odata.type names.
func genClass(f *goFile, t *model.Type) {
	name, class, ref, as := t.Name, t.ClassName, t.RefName, t.AsName
	f.docComment(class + " is implemented by *" + name + " and by every type derived from it.")
	f.line("type ", class, " interface {")
	f.line("\t", as, "() *", name)
	f.line("}")
	f.end()
	f.docComment(as + " returns v as its base type " + name + "; types derived from " + name + " inherit it.")
	f.line("func (v *", name, ") ", as, "() *", name, " {")
	f.line("\treturn v")
	f.line("}")
	f.end()
	f.docComment(ref+" holds a value of type "+name+" or of a type derived from it. It decodes",
		`JSON into the type the "@odata.type" discriminator names.`)
	f.line("type ", ref, " struct {")
	f.line("\t", class)
	f.line("}")
	f.end()
	f.line("func (r ", ref, ") unwrap() ", class, " {")
	f.line("\treturn r.", class)
	f.line("}")
	f.end()
	f.docComment("UnmarshalJSON decodes into the type named by @odata.type.")
	f.line("func (r *", ref, ") UnmarshalJSON(b []byte) error {")
	f.line("\tv, err := decodePoly(b, func() ", class, " {")
	f.line("\t\treturn new(", name, ")")
	f.line("\t})")
	f.line("\tr.", class, " = v")
	f.line("\treturn err")
	f.line("}")
	f.end()
	f.docComment("MarshalJSON encodes the value held.")
	f.line("func (r ", ref, ") MarshalJSON() ([]byte, error) {")
	f.line("\treturn encodePoly(r.", class, ")")
	f.line("}")
	f.end()
}

// genEnum writes an enum as a named string type with a constant per member.
func genEnum(f *goFile, t *model.Type) {
	f.docComment(withPublished(declDocLines(t.Name+" is the "+t.FullName+" enum type.", t.Description, source(t.Pos.File)), t.Pos.File)...)
	f.line("type ", t.Name, " string")
	f.end()
	if len(t.Members) == 0 {
		return
	}
	rows := make([]row, len(t.Members))
	for i, m := range t.Members {
		rows[i] = row{doc: docLines(m.Description), name: m.Name, typ: t.Name, rest: "= " + strconv.Quote(m.Value)}
	}
	f.docComment("Values of " + t.Name + ".")
	f.line("const (")
	f.block(rows)
	f.line(")")
	f.end()
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
