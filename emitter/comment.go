package emitter

import (
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
)

// commentWidth is where doc comment lines are wrapped.
const commentWidth = 76

// cleanText makes docs text safe and tidy for a // comment: control,
// invisible and bidi-control characters are dropped (NUL, a byte order mark
// and invalid UTF-8 would not even compile), whitespace collapsed, and the
// sequences that could end a comment or start a directive ("*/", "/*",
// "//") are broken up, as is "+build", which go vet reports as a misplaced
// build constraint when wrapping puts it at the start of a comment line.
//
// doc writes every line as "// " and the text, so no line of a doc comment
// can become a directive: "//go:generate", "//line" and "//export" need the
// text right after the slashes, and text starting "go:generate" is
// written "// go:generate", which Go reads as prose.
func cleanText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r == unicode.ReplacementChar, unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r),
			unicode.Is(unicode.Cf, r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	t := strings.Join(strings.Fields(b.String()), " ")
	for _, pair := range [][2]string{{"*/", "* /"}, {"/*", "/ *"}, {"//", "/ /"}, {"+build", "+ build"}} {
		for strings.Contains(t, pair[0]) {
			t = strings.ReplaceAll(t, pair[0], pair[1])
		}
	}
	return t
}

// wrap splits text into lines of at most commentWidth bytes where it can.
func wrap(text string) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(text) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > commentWidth {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// doc renders paragraphs as // comment lines; empty paragraphs are skipped
// and paragraphs are separated by a "//" line.
func doc(paragraphs ...string) jen.Code {
	var codes []jen.Code
	for _, p := range paragraphs {
		lines := wrap(cleanText(p))
		if len(lines) == 0 {
			continue
		}
		if len(codes) > 0 {
			codes = append(codes, jen.Comment(""), jen.Line())
		}
		for _, l := range lines {
			codes = append(codes, jen.Comment(l), jen.Line())
		}
	}
	return jen.Null().Add(codes...)
}
