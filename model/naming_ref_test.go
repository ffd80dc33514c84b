package model

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/docgen-dev/docgen/internal/randtext"
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

// runes splits s into one-character strings, for randtext.Texts.
func runes(s string) []string { return strings.Split(s, "") }

func TestNamingMatchesReference(t *testing.T) {
	inputs := randtext.Texts(3, runes("aAbBiIdDuUrRlLhHtTpPsSxX019 _-.:/{}()é€ЖK\u00a0\u200bıİſ"), 15, 20000,
		"", "HTTPServer", "applicationsId", "user: delta", "IDS", "iOS", "URLValue", "ID", "odataNextLink",
		"x509Certificate", "B2C_1A_Test", "windows10XCertificateProfile", "ÄpfelAPI", "APIs", "aPI")
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
	inputs := randtext.Texts(5, runes("{}{}/ab(')=é"), 11, 20000,
		"", "{", "}", "{}", "/users/{id}/x", "{{a}}", "{a{b}c}", "a}{b", "/f(x={x},y='{y}')", "{a}{b}")
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
	parts := []string{"collection", "Collection", "COLLECTION", "colection", "(", ")", " ", "\t", "\n", "x", "microsoft.graph.user", "é", "\v"}
	inputs := randtext.Texts(7, parts, 5, 20000,
		"", "Collection()", "Collection(a)", "collection (a)", "Collection(a\nb)", "Collection(a))", "Collection((a)", "Collection\v(a)")
	for _, s := range inputs {
		elem, ok := collectionOf(s)
		m := re.FindStringSubmatch(s)
		if ok != (m != nil) || ok && elem != m[1] {
			t.Fatalf("collectionOf(%q) = %q, %v; the expression gives %q", s, elem, ok, m)
		}
	}
}

// stringPrimReference is stringPrim without the guards on length and first
// byte: the expressions alone.
func stringPrimReference(s string) Primitive {
	switch {
	case dateTimeRe.MatchString(s):
		return DateTimeOffset
	case dateRe.MatchString(s):
		return Date
	case timeOfDayRe.MatchString(s):
		return TimeOfDay
	case len(s) > 2 && durationRe.MatchString(s) && s != "P" && !strings.HasSuffix(s, "T"):
		return Duration
	case guidRe.MatchString(s):
		return GUID
	}
	return String
}

func TestStringPrimGuards(t *testing.T) {
	// Random strings are rarely dates: the parts are whole fields, so that
	// about half of the texts have the shapes the expressions look for.
	parts := []string{"2021", "-", "07", "T", "t", " ", ":", "12", "30", ".5", "Z", "+01:00", "P", "1", "Y", "M", "D", "H", "S", "W",
		"aB3d5f7e", "-0a1B", "0a1b2c3d4e5f", "x", "é", "\xff", "0"}
	inputs := randtext.Texts(7, parts, 10, 20000, "", "P", "PT", "-P1D", "2021-07-01", "2021-07-01T12:30:00Z", "12:30:00.5",
		"00000000-0000-0000-0000-000000000000", "P1Y2M3DT4H5M6S", "-", "1")
	for _, s := range inputs {
		if got, want := stringPrim(s), stringPrimReference(s); got != want {
			t.Fatalf("stringPrim(%q) = %s, the expressions give %s", s, got, want)
		}
	}
}

// matchesReference is matches as it was written first, splitting both
// paths.
func matchesReference(tmpl, example string) bool {
	ts := strings.Split(strings.Trim(tmpl, "/"), "/")
	es := strings.Split(strings.Trim(example, "/"), "/")
	if len(ts) != len(es) {
		return false
	}
	for i := range ts {
		if strings.Contains(ts[i], "{") {
			lit := replaceBraces(ts[i], "")
			if before, _, ok := strings.Cut(lit, "("); ok && !strings.HasPrefix(strings.ToLower(es[i]), strings.ToLower(before)) {
				return false
			}
			continue
		}
		if strings.EqualFold(ts[i], es[i]) {
			continue
		}
		tn, _, tok := strings.Cut(ts[i], "(")
		en, _, eok := strings.Cut(es[i], "(")
		if !tok || !eok || !strings.EqualFold(tn, en) {
			return false
		}
	}
	return true
}

func TestMatchesReference(t *testing.T) {
	parts := []string{"/", "/", "users", "Users", "{id}", "{", "}", "(", ")", "f(x='{x}')", "F(", "range(address='A1')", "a", "İ", "i", "'", "="}
	paths := randtext.Texts(11, parts, 8, 20000, "", "/", "/users/{id}", "/users/1", "/me/f(x='1')", "/me/F(a)")
	rng := rand.New(rand.NewPCG(12, 13))
	fill := strings.NewReplacer("{id}", "42", "{", "", "}", "", "users", "USERS", "f(x='", "F(y='", "(a", "(b")
	matched := 0
	for i := range 40000 {
		tmpl, ex := paths[rng.IntN(len(paths))], paths[rng.IntN(len(paths))]
		if i%2 == 0 {
			// An example written from the template: placeholders filled,
			// case changed, function arguments replaced.
			ex = fill.Replace(tmpl)
		}
		got, want := matches(tmpl, ex), matchesReference(tmpl, ex)
		if got != want {
			t.Fatalf("matches(%q, %q) = %v, the reference says %v", tmpl, ex, got, want)
		}
		if got {
			matched++
		}
	}
	if matched < 1000 {
		t.Errorf("only %d pairs matched; the test checks too little", matched)
	}
}
