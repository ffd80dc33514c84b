package spec

import (
	"math/rand/v2"
	"regexp"
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

// TestReplaceBracesMatchesRegexp compares replaceBraces with the regular
// expression it replaced.
func TestReplaceBracesMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`\{[^{}]*\}`)
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("{}{}/ab(')=é")
	inputs := []string{"", "{", "}", "{}", "/users/{id}/x", "{{a}}", "{a{b}c}", "a}{b", "/f(x={x},y='{y}')", "{a}{b}"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		for _, repl := range []string{"{}", ""} {
			if got, want := replaceBraces(s, repl), re.ReplaceAllString(s, repl); got != want {
				t.Fatalf("replaceBraces(%q, %q) = %q, want %q", s, repl, got, want)
			}
		}
	}
}

// TestMayListValues checks that mayListValues is false only where
// possibleRe finds nothing.
func TestMayListValues(t *testing.T) {
	for _, s := range []string{"", "Possible values are: `a`, `b`.", "POSSIBLE VALUES ARE a, b", "possible Values include x",
		"The possible values:", "posſible values are a, b", "possible  values are", "impossible values are a, b",
		"No values here.", "Possible value is a", "possible values"} {
		if !mayListValues(s) && possibleRe.MatchString(s) {
			t.Errorf("mayListValues(%q) = false, but possibleRe matches", s)
		}
	}
	if mayListValues("The name of the widget.") {
		t.Error("mayListValues is true for a plain ASCII description")
	}
}

// TestCollectionOfMatchesRegexp compares collectionOf with the regular
// expression it replaced.
func TestCollectionOfMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`(?i)^collection\s*\((.*)\)$`)
	rng := rand.New(rand.NewPCG(7, 8))
	parts := []string{"collection", "Collection", "COLLECTION", "colection", "(", ")", " ", "\t", "\n", "x", "microsoft.graph.user", "é", "\v"}
	inputs := []string{"", "Collection()", "Collection(a)", "collection (a)", "Collection(a\nb)", "Collection(a))", "Collection((a)", "Collection\v(a)"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		elem, ok := collectionOf(s)
		m := re.FindStringSubmatch(s)
		if ok != (m != nil) || ok && elem != m[1] {
			t.Fatalf("collectionOf(%q) = %q, %v; the expression gives %q", s, elem, ok, m)
		}
	}
}
