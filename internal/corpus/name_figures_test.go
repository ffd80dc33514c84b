package corpus

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/docgen-dev/docgen/model"
)

// TestOperationNameFigures logs, for v1.0 and beta generated without a
// names file, the figures issue 16 asks of operation names: names with an
// article (A, An or The as a word), names with a glued word (a word that
// is the lower-cased spelling of a type or property name the docs write in
// camelCase, as "Chatmessage" for chatMessage), names over 45 characters,
// methods on Client and the median name length. It fails only when a
// figure cannot be computed; the figures are the record.
func TestOperationNameFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped under -short")
	}
	for _, v := range []string{"v1.0", "beta"} {
		t.Run(v, func(t *testing.T) {
			_, m := buildCorpus(t, filepath.Join(corpusRoot, v), nil)
			f := nameFigures(m)
			if f.methods == 0 {
				t.Fatal("no operations")
			}
			t.Logf("%s: methods on Client %d (alternate paths %d), names with articles %d, glued words %d, over 45 characters %d, median length %d",
				v, f.methods, f.alternates, f.articles, f.glued, f.long, f.median)
			for _, ex := range f.examples {
				t.Logf("  %s", ex)
			}
		})
	}
}

type figures struct {
	methods, alternates, articles, glued, long, median int
	examples                                           []string
}

func nameFigures(m *model.Model) figures {
	glued := map[string]bool{}
	addName := func(n string) {
		if len(camelWords(n)) >= 2 {
			glued[strings.ToLower(n)] = true
		}
	}
	for _, t := range m.Types {
		if t.Synthesized {
			continue
		}
		addName(t.FullName[strings.LastIndexByte(t.FullName, '.')+1:])
		for _, p := range t.Properties {
			addName(p.JSONName)
		}
	}
	var f figures
	var lens []int
	seen := map[string]bool{}
	note := func(kind, name string) {
		if !seen[kind] {
			seen[kind] = true
			f.examples = append(f.examples, kind+": "+name)
		}
	}
	for _, o := range m.Operations {
		f.methods++
		if o.AlternateOf != "" {
			f.alternates++
		}
		lens = append(lens, len(o.Name))
		if len(o.Name) > 45 {
			f.long++
			note("long", o.Name)
		}
		ws := camelWords(o.Name)
		if slices.ContainsFunc(ws, func(w string) bool { return w == "A" || w == "An" || w == "The" }) {
			f.articles++
			note("article", o.Name)
		}
		if slices.ContainsFunc(ws, func(w string) bool { return glued[strings.ToLower(w)] }) {
			f.glued++
			note("glued", o.Name)
		}
	}
	slices.Sort(lens)
	if len(lens) > 0 {
		f.median = lens[len(lens)/2]
	}
	return f
}

// camelWords splits a camelCase or PascalCase name into its words:
// "GetAUser" → Get, A, User; "chatMessage" → chat, Message; "GetHTTPLog"
// → Get, HTTP, Log.
func camelWords(s string) []string {
	rs := []rune(s)
	var out []string
	start := 0
	for i := 1; i < len(rs); i++ {
		up, prevUp := unicode.IsUpper(rs[i]), unicode.IsUpper(rs[i-1])
		nextLow := i+1 < len(rs) && unicode.IsLower(rs[i+1])
		if up && (!prevUp || nextLow) || unicode.IsDigit(rs[i]) != unicode.IsDigit(rs[i-1]) {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

func TestCamelWords(t *testing.T) {
	for in, want := range map[string]string{
		"GetAUser":                  "Get A User",
		"chatMessage":               "chat Message",
		"GetHTTPLog":                "Get HTTP Log",
		"ListChatmessageHostedCont": "List Chatmessage Hosted Cont",
		"ViaMeDrive2":               "Via Me Drive 2",
	} {
		if got := strings.Join(camelWords(in), " "); got != want {
			t.Errorf("camelWords(%q) = %q, want %q", in, got, want)
		}
	}
}
