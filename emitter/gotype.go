package emitter

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/model"
)

// primitiveGo names the Go type of an Edm primitive: name alone (a
// predeclared type, []byte or a type of the runtime) when path is empty,
// else the type name of the standard package path.
func primitiveGo(p model.Primitive) (path, name string) {
	switch p {
	case model.String, model.GUID:
		return "", "string"
	case model.Boolean:
		return "", "bool"
	case model.Byte:
		return "", "uint8"
	case model.SByte:
		return "", "int8"
	case model.Int16:
		return "", "int16"
	case model.Int32:
		return "", "int32"
	case model.Int64:
		return "", "int64"
	case model.Single:
		return "", "float32"
	case model.Double, model.Decimal:
		return "", "float64"
	case model.DateTimeOffset:
		return "time", "Time"
	case model.Date:
		return "", string(rtDate)
	case model.TimeOfDay:
		return "", string(rtTimeOfDay)
	case model.Duration:
		return "", string(rtDuration)
	case model.Binary:
		return "", "[]byte"
	}
	return "encoding/json", "RawMessage"
}

// primitiveType is primitiveGo's type as jennifer code.
func primitiveType(p model.Primitive) *jen.Statement {
	path, name := primitiveGo(p)
	switch {
	case path != "":
		return jen.Qual(path, name)
	case name == "[]byte":
		return jen.Index().Byte()
	}
	return jen.Id(name)
}

// elemType is the Go type of one value of r, ignoring Collection. A type
// with subtypes is held by its Ref wrapper, which decodes by @odata.type.
func elemType(r model.TypeRef) *jen.Statement {
	if r.Named != nil {
		if r.Named.Polymorphic() {
			return jen.Id(r.Named.RefName)
		}
		return jen.Id(r.Named.Name)
	}
	return primitiveType(r.Primitive)
}

// fieldType is the Go type of a struct field: collections are slices and
// single values are pointers, so that an unset property is omitted while
// an explicit false, 0 or "" is still sent. Values that are already
// nil-able (raw JSON, binary) stay as they are.
func fieldType(r model.TypeRef) *jen.Statement {
	if r.Collection {
		return jen.Index().Add(elemType(r))
	}
	if r.Named == nil && (r.Primitive == model.Untyped || r.Primitive == model.Binary || r.Primitive == "") {
		return elemType(r)
	}
	if r.Named.Polymorphic() {
		return elemType(r) // a Ref is nil-able through its interface
	}
	return jen.Op("*").Add(elemType(r))
}

// omitOption is the json tag option that leaves an unset field out: nil
// pointers by omitempty (omitzero would also drop a pointer to the zero
// time, whose IsZero reports true), slices and wrappers by omitzero, which
// keeps an explicitly empty collection.
func omitOption(r model.TypeRef) string {
	if !r.Collection && r.Named != nil && !r.Named.Polymorphic() ||
		!r.Collection && r.Named == nil && r.Primitive != model.Untyped && r.Primitive != model.Binary && r.Primitive != "" {
		return ",omitempty"
	}
	return ",omitzero"
}
