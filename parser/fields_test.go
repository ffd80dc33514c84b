package parser

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestJoinFields: joinFields is strings.Join(strings.Fields(s), " "), for
// ASCII and Unicode spaces and invalid UTF-8 alike.
func TestJoinFields(t *testing.T) {
	cases := []string{"", " ", "a", " a ", "a  b", "\ta\nb\r\n", "a\u00a0b\u2003c\u0085", "\xff \xfe\xff", "é  ü\u3000", "`String`  | *x*"}
	pieces := []string{" ", "\t", "\n", "\u00a0", "\u2003", "\u0085", "a", "bc", "é", "\xff", "\xe2\x80", "|", "`"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
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
