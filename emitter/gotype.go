package emitter

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/spec"
)

// primitiveType is the Go type of an Edm primitive.
func primitiveType(p spec.Primitive) *jen.Statement {
	switch p {
	case spec.String, spec.GUID:
		return jen.String()
	case spec.Boolean:
		return jen.Bool()
	case spec.Byte:
		return jen.Uint8()
	case spec.SByte:
		return jen.Int8()
	case spec.Int16:
		return jen.Int16()
	case spec.Int32:
		return jen.Int32()
	case spec.Int64:
		return jen.Int64()
	case spec.Single:
		return jen.Float32()
	case spec.Double, spec.Decimal:
		return jen.Float64()
	case spec.DateTimeOffset:
		return jen.Qual("time", "Time")
	case spec.Date:
		return jen.Id("Date")
	case spec.TimeOfDay:
		return jen.Id("TimeOfDay")
	case spec.Duration:
		return jen.Id("Duration")
	case spec.Binary:
		return jen.Index().Byte()
	}
	return jen.Qual("encoding/json", "RawMessage")
}

// elemType is the Go type of one value of r, ignoring Collection. A type
// with subtypes is held by its Ref wrapper, which decodes by @odata.type.
func elemType(r spec.TypeRef) *jen.Statement {
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
func fieldType(r spec.TypeRef) *jen.Statement {
	if r.Collection {
		return jen.Index().Add(elemType(r))
	}
	if r.Named == nil && (r.Primitive == spec.Untyped || r.Primitive == spec.Binary || r.Primitive == "") {
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
func omitOption(r spec.TypeRef) string {
	if !r.Collection && r.Named != nil && !r.Named.Polymorphic() ||
		!r.Collection && r.Named == nil && r.Primitive != spec.Untyped && r.Primitive != spec.Binary && r.Primitive != "" {
		return ",omitempty"
	}
	return ",omitzero"
}
