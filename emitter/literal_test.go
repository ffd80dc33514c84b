package emitter

import (
	"fmt"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestTextLit checks that docs text becomes a literal that parses and
// holds exactly the text, raw only when that is safe.
func TestTextLit(t *testing.T) {
	tests := []struct {
		in  string
		raw bool
	}{
		{"{\n  \"a\": 1\n}", true},
		{"one line", false},
		{"has `backquote`\n", false},
		{"carriage\r\nreturn", false},
		{"bom \ufeff inside\n", false},
		{"bidi \u202e override\n", false},
		{"nul \x00\n", false},
		{"bad utf8 \xff\n", false},
		{"*/ //go:generate rm\n\"quoted\"\n", true},
		{"text\n//go:generate touch pwned\n", false},
		{"text\n  \t//go:build ignore\n", false},
		{"a\n//line x.go:1\n", false},
		{"a\n// +build ignore\n", false},
		{"a\n//export F\n", false},
		{"a\n// just a comment\n", false},
		{"//go:generate on the first line\nstays after the backquote\n", true},
		{"a\n/ / no comment\n", true},
	}
	for _, tt := range tests {
		f := jen.NewFile("x")
		f.Var().Id("v").Op("=").Add(textLit(tt.in))
		src := fmt.Sprintf("%#v", f)
		if _, err := parser.ParseFile(token.NewFileSet(), "x.go", src, 0); err != nil {
			t.Errorf("%q: output does not parse: %v\n%s", tt.in, err, src)
			continue
		}
		lit := strings.TrimSpace(src[strings.Index(src, "= ")+2:])
		if raw := strings.HasPrefix(lit, "`"); raw != tt.raw {
			t.Errorf("%q: raw literal = %v, want %v", tt.in, raw, tt.raw)
		}
		got, err := strconv.Unquote(lit)
		if err != nil || got != tt.in {
			t.Errorf("%q: literal %s unquotes to %q, %v", tt.in, lit, got, err)
		}
	}
}
