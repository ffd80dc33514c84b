package emitter

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/model"
)

// genRegistry adds newByODataType, which maps an @odata.type value to a
// new value of its generated type: the discriminator table behind
// polymorphic decoding, and a tool for tests that decode documented
// examples.
func genRegistry(f *jen.File, types []*model.Type) {
	var cases []jen.Code
	for _, t := range types {
		if t.Synthesized || t.FullName == "" || t.Kind == model.Enum {
			continue
		}
		cases = append(cases, jen.Case(jen.Lit(strings.ToLower(t.FullName))).Block(jen.Return(jen.New(jen.Id(t.Name)))))
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Nil())))
	decl(f, []string{"newByODataType returns a pointer to a new value of the type an",
		`@odata.type names (with or without "#", in any case), or nil.`},
		jen.Func().Add(rtNewByODataType.id()).Params(jen.Id("name").String()).Any().Block(
			jen.Switch(jen.Qual("strings", "ToLower").Call(jen.Qual("strings", "TrimPrefix").Call(jen.Id("name"), jen.Lit("#")))).Block(cases...),
		))
}
