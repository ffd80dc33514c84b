package emitter

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// cleanTextReference and wrapReference are the first, simpler versions of
// cleanText and wrap (range over runes, strings.Fields, a builder per
// line): the faster ones must give the same comments.
func cleanTextReference(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r == unicode.ReplacementChar, unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r),
			unicode.Is(unicode.Cf, r):
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

func wrapReference(text string) []string {
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

// TestCommentTextMatchesReference compares cleanText and wrap with the
// reference versions on strings drawn from the characters that matter to
// them: spaces of every kind, controls, invisible and bidi characters,
// invalid UTF-8, comment delimiters and long words.
func TestCommentTextMatchesReference(t *testing.T) {
	pieces := []string{"a", "word", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\x00", "\x7f", "\u0085", "\u00a0",
		"\u2028", "\u3000", "\ufeff", "\u202e", "\u200b", "\ufffd", "\xff", "\xe2\x80", "*/", "/*", "//", "/", "*",
		"+build", "é", "日本", strings.Repeat("x", 80), strings.Repeat("yz ", 30), "go:generate", "`code`"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		got, want := cleanText(s), cleanTextReference(s)
		if got != want {
			t.Fatalf("case %d: cleanText(%q) = %q, reference %q", n, s, got, want)
		}
		if gl, wl := wrap(got), wrapReference(want); !slices.Equal(gl, wl) {
			t.Fatalf("case %d: wrap(%q) = %q, reference %q", n, got, gl, wl)
		}
	}
}
