package emitter

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// textLit writes docs text as a Go string literal: a raw `...` literal when
// the text can be one (valid UTF-8 without backquotes, carriage returns or
// control characters other than newline and tab), which keeps documented
// JSON readable, else a quoted literal. Either way the text cannot leave
// the literal.
func textLit(s string) jen.Code { return jen.Op(textLiteral(s)) }

// textLiteral is the Go source of textLit's literal for s.
func textLiteral(s string) string {
	if utf8.ValidString(s) && !strings.ContainsAny(s, "`\r") && strings.Contains(s, "\n") {
		ok := true
		for _, r := range s {
			// Control, format (byte order mark, bidi) and replacement
			// characters make the literal quoted, where they are escaped.
			if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == utf8.RuneError || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Bidi_Control, r)) {
				ok = false
				break
			}
		}
		if ok {
			return "`" + s + "`"
		}
	}
	return strconv.Quote(s)
}
