package emitter

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/spec"
)

// genRegistry writes newByODataType, which maps an @odata.type value to a
// new value of its generated type: the discriminator table behind
// polymorphic decoding, and a tool for tests that decode documented
// examples.
func genRegistry(f *jen.File, m *spec.Model) {
	var cases []jen.Code
	for _, t := range m.Types {
		if t.Synthesized || t.FullName == "" || t.Kind == spec.Enum {
			continue
		}
		cases = append(cases, jen.Case(jen.Lit(strings.ToLower(t.FullName))).Return(jen.New(jen.Id(t.Name))))
	}
	cases = append(cases, jen.Default().Return(jen.Nil()))
	f.Comment("newByODataType returns a pointer to a new value of the type an")
	f.Comment("@odata.type names (with or without \"#\", in any case), or nil.")
	f.Func().Id("newByODataType").Params(jen.Id("name").String()).Any().Block(
		jen.Switch(jen.Qual("strings", "ToLower").Call(jen.Qual("strings", "TrimPrefix").Call(jen.Id("name"), jen.Lit("#")))).Block(cases...),
	)
}
