package emitter

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/model"
)

// TestParamTypeAndValue: a function argument typed by its table is a
// parameter of the Go type and is written by the runtime helper of that
// type; strings and enums go inside their documented quotes with
// pathLiteral, other parameters are path segments.
func TestParamTypeAndValue(t *testing.T) {
	enum := &model.Type{Name: "BookFormat", Kind: model.Enum}
	tests := []struct {
		p          model.PathParam
		typ, value string
	}{
		{model.PathParam{Name: "id"}, "string", "pathSegment(id)"},
		{model.PathParam{Name: "q", Quoted: true, Arg: "q"}, "string", "pathLiteral(q)"},
		{model.PathParam{Name: "q", Quoted: true, Arg: "q", Type: model.TypeRef{Primitive: model.String}}, "string", "pathLiteral(q)"},
		{model.PathParam{Name: "f", Quoted: true, Arg: "f", Type: model.TypeRef{Named: enum}}, "BookFormat", "pathLiteral(string(f))"},
		{model.PathParam{Name: "f", Arg: "f", Type: model.TypeRef{Named: enum}}, "BookFormat", "pathSegment(string(f))"},
		{model.PathParam{Name: "n", Arg: "n", Type: model.TypeRef{Primitive: model.Int32}}, "int32", "pathInt(int64(n))"},
		{model.PathParam{Name: "n", Arg: "n", Type: model.TypeRef{Primitive: model.Int64}}, "int64", "pathInt(n)"},
		{model.PathParam{Name: "b", Arg: "b", Quoted: true, Type: model.TypeRef{Primitive: model.Boolean}}, "bool", "pathBool(b)"},
		{model.PathParam{Name: "r", Arg: "r", Type: model.TypeRef{Primitive: model.Single}}, "float32", "pathFloat(float64(r), 32)"},
		{model.PathParam{Name: "r", Arg: "r", Type: model.TypeRef{Primitive: model.Double}}, "float64", "pathFloat(r, 64)"},
		{model.PathParam{Name: "t", Arg: "t", Type: model.TypeRef{Primitive: model.DateTimeOffset}}, "time.Time", "pathDateTime(t)"},
		{model.PathParam{Name: "d", Arg: "d", Type: model.TypeRef{Primitive: model.Date}}, "Date", "pathDate(d)"},
	}
	for _, tc := range tests {
		if got := fmt.Sprintf("%#v", paramType(&tc.p)); got != tc.typ {
			t.Errorf("paramType(%+v) = %s, want %s", tc.p, got, tc.typ)
		}
		if got := fmt.Sprintf("%#v", paramValue(&tc.p)); got != tc.value {
			t.Errorf("paramValue(%+v) = %s, want %s", tc.p, got, tc.value)
		}
	}
}

// TestArgLit: an example's value becomes a Go literal of the parameter's
// type only when the client would write it back as the example does.
func TestArgLit(t *testing.T) {
	enum := &model.Type{Name: "BookFormat", Kind: model.Enum}
	typed := func(p model.Primitive) *model.PathParam {
		return &model.PathParam{Name: "x", Type: model.TypeRef{Primitive: p}}
	}
	tests := []struct {
		p    *model.PathParam
		v    string
		want string // "" when not expressible
	}{
		{&model.PathParam{Name: "x"}, "it's", `"it's"`},
		{&model.PathParam{Name: "x", Type: model.TypeRef{Named: enum}}, "ebook", `"ebook"`},
		{typed(model.Int32), "640", "640"},
		{typed(model.Int32), "-3", "-3"},
		{typed(model.Int32), "040", ""},
		{typed(model.Int32), "99999999999", ""},
		{typed(model.Int16), "1.5", ""},
		{typed(model.Byte), "255", "255"},
		{typed(model.Byte), "-1", ""},
		{typed(model.Boolean), "true", "true"},
		{typed(model.Boolean), "True", ""},
		{typed(model.Double), "0.5", "0.5"},
		{typed(model.Double), "1e400", ""},
		{typed(model.DateTimeOffset), "2021-07-01T12:00:00Z", "time.Date(2021, 7, 1, 12, 0, 0, 0, time.UTC)"},
		{typed(model.DateTimeOffset), "2021-07-01T12:00:00.5+02:00", `time.Date(2021, 7, 1, 12, 0, 0, 500000000, time.FixedZone("", 7200))`},
		{typed(model.DateTimeOffset), "2021-07-01T12:00:00.0000000", ""},
		{typed(model.DateTimeOffset), "{startDateTime}", ""},
		{typed(model.Date), "2024-01-31", "pkg.Date{\n\tDay:   31,\n\tMonth: 1,\n\tYear:  2024,\n}"},
		{typed(model.Date), "2024-02-30", ""},
	}
	for _, tc := range tests {
		code, ok := argLit("pkg", tc.p, tc.v)
		switch {
		case tc.want == "" && ok:
			t.Errorf("argLit(%s, %q) = %#v, want none", argKind(tc.p), tc.v, code)
		case tc.want != "" && !ok:
			t.Errorf("argLit(%s, %q) = none, want %s", argKind(tc.p), tc.v, tc.want)
		case ok && fmt.Sprintf("%#v", code) != tc.want:
			t.Errorf("argLit(%s, %q) = %#v, want %s", argKind(tc.p), tc.v, code, tc.want)
		}
	}
}

// TestEnumValueResponse: a GET answered by an enum's value, as a GET of an
// enum property is ({"value": "manual"}), unwraps it like a primitive; an
// entity is decoded whole.
func TestEnumValueResponse(t *testing.T) {
	enum := &model.Type{Name: "BookFormat", Kind: model.Enum}
	book := &model.Type{Name: "Book", Kind: model.Complex}
	for _, c := range []struct {
		typ  *model.Type
		want string
	}{
		{enum, "doValue[BookFormat]"},
		{book, "doJSON[Book]"},
	} {
		op := &model.Operation{Name: "GetIt", Method: "GET", Path: "/it", Parts: []model.PathPart{{Literal: "/it"}},
			Response: model.ResponseSingle, ResponseType: model.TypeRef{Named: c.typ}}
		_, call := plainResult(op, nil)
		if got := fmt.Sprintf("%#v", call); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s response: %s, want %s", c.typ.Name, got, c.want)
		}
	}
}
