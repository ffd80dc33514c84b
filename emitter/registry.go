package emitter

import (
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/model"
)

// genRegistry writes newByODataType, which maps an @odata.type value to a
// new value of its generated type: the discriminator table behind
// polymorphic decoding, and a tool for tests that decode documented
// examples.
func genRegistry(f *goFile, types []*model.Type) {
	f.docComment("newByODataType returns a pointer to a new value of the type an",
		`@odata.type names (with or without "#", in any case), or nil.`)
	f.line("func newByODataType(name string) any {")
	str := f.use("strings")
	f.line("\tswitch ", str, ".ToLower(", str, `.TrimPrefix(name, "#")) {`)
	for _, t := range types {
		if t.Synthesized || t.FullName == "" || t.Kind == model.Enum {
			continue
		}
		f.line("\tcase ", strconv.Quote(strings.ToLower(t.FullName)), ":")
		f.line("\t\treturn new(", t.Name, ")")
	}
	f.line("\tdefault:")
	f.line("\t\treturn nil")
	f.line("\t}")
	f.line("}")
}
