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
// control characters other than newline and tab, and no line that would
// start with "//"), which keeps documented JSON readable, else a quoted
// literal. Either way the text cannot leave the literal, and no line of the
// file it lands in can start a directive: go generate scans every line of a
// .go file for "//go:generate", string literals included, so a raw literal
// holding a line "//go:generate rm -rf ~" would be a command.
func textLit(s string) jen.Code { return jen.Op(textLiteral(s)) }

// textLiteral is the Go source of textLit's literal for s.
func textLiteral(s string) string {
	if utf8.ValidString(s) && !strings.ContainsAny(s, "`\r") && strings.Contains(s, "\n") && !startsCommentLine(s) {
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

// startsCommentLine reports whether a line of s after its first, once its
// leading spaces and tabs are dropped, starts with "//": where s written as
// a raw literal would put a line that reads as a comment or a directive
// ("//go:generate", "//go:build", "//line", "//export") to the tools that
// scan Go files line by line. The first line follows the literal's opening
// backquote, so it cannot.
func startsCommentLine(s string) bool {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return false
		}
		s = s[i+1:]
		if strings.HasPrefix(strings.TrimLeft(s, " \t"), "//") {
			return true
		}
	}
}
