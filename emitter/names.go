package emitter

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/spec"
)

// NamesFile is the file that records the names docgen gave.
const NamesFile = "names.go"

// genNames writes names.go: one comment line per type and operation name,
// which the next run reads to keep every name stable as pages are added.
func genNames(f *jen.File, m *spec.Model) {
	f.Comment("docgen keeps the Go names it gave in this file: on the next run, a")
	f.Comment("type or operation listed here keeps its name even if new pages would")
	f.Comment("otherwise claim it. Delete a line to let docgen name it afresh.")
	f.Comment("")
	for _, line := range spec.FormatNames(m.Names) {
		// FormatNames quotes keys with strconv.QuoteToASCII and names are
		// identifiers, so a line can neither end the comment nor become a
		// directive.
		f.Comment(line[len("// "):])
	}
}
