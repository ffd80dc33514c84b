package emitter

import (
	"bytes"
	"go/format"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestGoFileIsFormatted writes random struct and const blocks (names and
// types of random widths, non-ASCII letters, runs broken by comments and
// embedded fields) and random import sets with goFile, and checks that
// gofmt leaves every file as it is.
func TestGoFileIsFormatted(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ident := func() string {
		letters := []string{"a", "B", "x", "Z", "é", "Ω", "ß"}
		var b strings.Builder
		b.WriteString("F")
		for range rng.IntN(24) {
			b.WriteString(letters[rng.IntN(len(letters))])
		}
		return b.String()
	}
	imports := []string{"context", "encoding/json", "io", "iter", "strings", "time"}
	for i := range 300 {
		var f goFile
		var rows []row
		for j := range rng.IntN(12) {
			r := row{name: ident() + strings.Repeat("q", j), typ: "*" + ident(), rest: structTag(ident() + ",omitempty")}
			switch rng.IntN(5) {
			case 0:
				r.doc = docLines("A field; " + ident())
			case 1:
				if j == 0 {
					r = row{typ: ident()} // an embedded base type
				}
			}
			rows = append(rows, r)
		}
		for range rng.IntN(3) {
			f.use(imports[rng.IntN(len(imports))])
		}
		f.docComment(declDocLines("T is a type.", "Values: "+ident())...)
		if len(rows) == 0 {
			f.line("type T struct{}")
		} else {
			f.line("type T struct {")
			f.block(rows)
			f.line("}")
		}
		f.end()
		var consts []row
		for range rng.IntN(6) {
			c := row{name: ident(), typ: "T" + ident(), rest: "= \"v\""}
			if rng.IntN(3) == 0 {
				c.doc = docLines("A value.")
			}
			consts = append(consts, c)
		}
		if len(consts) > 0 {
			f.line("const (")
			f.block(consts)
			f.line(")")
			f.end()
		}
		src := f.bytes("p")
		got, err := format.Source(src)
		if err != nil {
			t.Fatalf("case %d does not parse: %v\n%s", i, err, src)
		}
		if !bytes.Equal(got, src) {
			t.Fatalf("case %d: gofmt changes the file:\n--- written\n%s\n--- gofmt\n%s", i, src, got)
		}
	}
}

// TestGoFileEmpty: a file without declarations is its package clause.
func TestGoFileEmpty(t *testing.T) {
	var f goFile
	if got, want := string(f.bytes("p")), Header+"\n\npackage p\n"; got != want {
		t.Errorf("empty file = %q, want %q", got, want)
	}
	f.use("time")
	if got, want := string(f.bytes("p")), Header+"\n\npackage p\n\nimport \"time\"\n"; got != want {
		t.Errorf("file with an import = %q, want %q", got, want)
	}
}

// TestPlainDoc: whenever plainDoc lets gofmtDoc write lines as they are,
// go/doc/comment prints them the same, on docLines of random texts made
// of the pieces go/doc/comment reacts to (headings, lists, link
// definitions, URLs, doc links, quotes, indentation) and on hand-picked
// paragraph layouts.
func TestPlainDoc(t *testing.T) {
	pieces := []string{"word", "Word", " ", ". ", "# ", "#", "- ", "1. ", "[x]: http://e.com", "[x]: e.com", "[x]: mailto:a@b", "[Name]", "[x]",
		"https://example.com/a", "``", "''", "`", "'", "\"", ":", "(", ")", "Heading", "\t", "é", "*", "_", "<a>"}
	rng := rand.New(rand.NewPCG(5, 6))
	plain := 0
	for range 20000 {
		var paras []string
		for range 1 + rng.IntN(4) {
			var b strings.Builder
			n := rng.IntN(30)
			if rng.IntN(4) == 0 {
				n = 1 // a paragraph of one piece: a heading or a definition alone
			}
			for range n {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			paras = append(paras, b.String())
		}
		lines := declDocLines(paras...)
		if len(lines) == 0 || !plainDoc(lines) {
			continue
		}
		plain++
		if got, want := gofmtDoc(lines), formatDoc(lines); !slices.Equal(got, want) {
			t.Fatalf("gofmtDoc(%q) = %q, go/doc/comment gives %q", lines, got, want)
		}
	}
	// Hand-picked layouts, and lines go/doc/comment does rewrite (not all
	// of them survive cleanText, but plainDoc must not rely on it).
	for _, lines := range [][]string{
		{"One line."},
		{"A summary.", "", "Middle", "", "Last paragraph."},
		{"A summary.", "", "Middle paragraph.", "", "Last paragraph."},
		{"A summary.", "", "Two", "lines.", "", "End"},
		{"See [Client] and https://example.com/x."},
		{"[x]: http://example.com"},
		{"A summary.", "", "Middle Heading", "", "Last paragraph."},
		{"Say ``hi''."},
		{"\tcode"},
		{" indented"},
	} {
		if plainDoc(lines) && !slices.Equal(gofmtDoc(lines), formatDoc(lines)) {
			t.Errorf("plainDoc(%q) = true, but go/doc/comment prints it as %q", lines, formatDoc(lines))
		}
	}
	if plain < 1000 {
		t.Errorf("only %d texts took the plain path; the test checks too little", plain)
	}
}
