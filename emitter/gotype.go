package emitter

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/spec"
)

// primitiveGo names the Go type of an Edm primitive: name alone (a
// predeclared type, []byte or a type of the runtime) when path is empty,
// else the type name of the standard package path.
func primitiveGo(p spec.Primitive) (path, name string) {
	switch p {
	case spec.String, spec.GUID:
		return "", "string"
	case spec.Boolean:
		return "", "bool"
	case spec.Byte:
		return "", "uint8"
	case spec.SByte:
		return "", "int8"
	case spec.Int16:
		return "", "int16"
	case spec.Int32:
		return "", "int32"
	case spec.Int64:
		return "", "int64"
	case spec.Single:
		return "", "float32"
	case spec.Double, spec.Decimal:
		return "", "float64"
	case spec.DateTimeOffset:
		return "time", "Time"
	case spec.Date:
		return "", "Date"
	case spec.TimeOfDay:
		return "", "TimeOfDay"
	case spec.Duration:
		return "", "Duration"
	case spec.Binary:
		return "", "[]byte"
	}
	return "encoding/json", "RawMessage"
}

// primitiveType is primitiveGo's type as jennifer code.
func primitiveType(p spec.Primitive) jen.Code {
	path, name := primitiveGo(p)
	if path == "" {
		return jen.Id(name)
	}
	return jen.Qual(path, name)
}

// primitive is primitiveGo's type as written in f.
func (f *goFile) primitive(p spec.Primitive) string {
	path, name := primitiveGo(p)
	if path == "" {
		return name
	}
	return f.qual(path, name)
}

// elemType is the Go type of one value of r, ignoring Collection. A type
// with subtypes is held by its Ref wrapper, which decodes by @odata.type.
func (f *goFile) elemType(r spec.TypeRef) string {
	if r.Named != nil {
		if r.Named.Polymorphic() {
			return r.Named.RefName
		}
		return r.Named.Name
	}
	return f.primitive(r.Primitive)
}

// fieldType is the Go type of a struct field: collections are slices and
// single values are pointers, so that an unset property is omitted while
// an explicit false, 0 or "" is still sent. Values that are already
// nil-able (raw JSON, binary) stay as they are.
func (f *goFile) fieldType(r spec.TypeRef) string {
	if r.Collection {
		return "[]" + f.elemType(r)
	}
	if r.Named == nil && (r.Primitive == spec.Untyped || r.Primitive == spec.Binary || r.Primitive == "") {
		return f.elemType(r)
	}
	if r.Named.Polymorphic() {
		return f.elemType(r) // a Ref is nil-able through its interface
	}
	return "*" + f.elemType(r)
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
