package spec

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// wordsReference and titleWordReference are the first versions of words
// and titleWord (a slice of runes, strings.ToLower and ToUpper per word):
// the byte-wise ones must split and capitalise the same way.
func wordsReference(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			flush()
			continue
		}
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			switch {
			case unicode.IsLower(prev) && unicode.IsUpper(r):
				flush()
			case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]) && rs[i+1] <= unicode.MaxASCII:
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

func titleWordReference(w string) string {
	if v, ok := initialisms[strings.ToLower(w)]; ok {
		if w == strings.ToUpper(w) {
			return w
		}
		return v
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

func TestNamingMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("aAbBiIdDuUrRlLhHtTpPsSxX019 _-.:/{}()é€ЖK\u00a0\u200bıİſ")
	inputs := []string{"", "HTTPServer", "applicationsId", "user: delta", "IDS", "iOS", "URLValue", "ID", "odataNextLink",
		"x509Certificate", "B2C_1A_Test", "windows10XCertificateProfile", "ÄpfelAPI", "APIs", "aPI"}
	for range 20000 {
		n := rng.IntN(16)
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		got, want := words(s), wordsReference(s)
		if !slices.Equal(got, want) {
			t.Fatalf("words(%q) = %q, want %q", s, got, want)
		}
		for _, w := range want {
			if got, want := titleWord(w), titleWordReference(w); got != want {
				t.Fatalf("titleWord(%q) = %q, want %q", w, got, want)
			}
		}
	}
}
