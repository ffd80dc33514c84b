package emitter

import (
	"bytes"

	"github.com/docgen-dev/docgen/model"
)

// NamesFile is the file that records the names docgen gave.
const NamesFile = "names.go"

// genNames writes names.go: one comment line per type and operation name,
// which the next run reads to keep every name stable as pages are added.
//
// The file is comments after a package clause, which gofmt leaves as they
// are, so it is written as text rather than through jennifer and
// go/format (for beta, 1.3 MB that would otherwise be parsed and printed
// on every run); TestNamesFileIsFormatted holds it to gofmt's output.
func genNames(pkg string, m *model.Model) []byte {
	var buf bytes.Buffer
	buf.WriteString(Header + "\n\npackage " + pkg + "\n\n")
	buf.WriteString("// docgen keeps the Go names it gave in this file: on the next run, a\n")
	buf.WriteString("// type, operation or body struct listed here keeps its name even if new\n")
	buf.WriteString("// pages would otherwise claim it. Delete a line to let docgen name it\n")
	buf.WriteString("// afresh.\n")
	buf.WriteString("//\n")
	for _, line := range model.FormatNames(m.Names) {
		// FormatNames quotes keys with strconv.QuoteToASCII and names are
		// identifiers, so a line can neither end the comment nor become a
		// directive.
		buf.WriteString(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}
