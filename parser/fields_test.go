package parser

import (
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/randtext"
)

// TestJoinFields: joinFields is strings.Join(strings.Fields(s), " "), for
// ASCII and Unicode spaces and invalid UTF-8 alike.
func TestJoinFields(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\u00a0", "\u2003", "\u0085", "a", "bc", "é", "\xff", "\xe2\x80", "|", "`"}
	cases := randtext.Texts(1, pieces, 11, 2000,
		"", " ", "a", " a ", "a  b", "\ta\nb\r\n", "a\u00a0b\u2003c\u0085", "\xff \xfe\xff", "é  ü\u3000", "`String`  | *x*")
	for _, s := range cases {
		want := strings.Join(strings.Fields(s), " ")
		if got := joinFields([]byte(s)); got != want {
			t.Fatalf("joinFields(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzJoinFields(f *testing.F) {
	f.Add("a \u00a0 b")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := joinFields([]byte(s)), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("joinFields(%q) = %q, want %q", s, got, want)
		}
	})
}
