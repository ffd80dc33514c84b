package emitter

import (
	"go/doc/comment"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// commentWidth is where doc comment lines are wrapped.
const commentWidth = 76

// cleanText makes docs text safe and tidy for a // comment: control,
// invisible and bidi-control characters are dropped (NUL, a byte order mark
// and invalid UTF-8 would not even compile), whitespace collapsed, and the
// sequences that could end a comment or start a directive ("*/", "/*",
// "//") are broken up, as is "+build", which go vet reports as a misplaced
// build constraint when wrapping puts it at the start of a comment line.
//
// doc writes every line as "// " and the text, so no line of a doc comment
// can become a directive: "//go:generate", "//line" and "//export" need the
// text right after the slashes, and text starting "go:generate" is
// written "// go:generate", which Go reads as prose.
func cleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a separator is pending: written before the next rune
	emit := func(r rune) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				space = true
			case c < 0x20 || c == 0x7f:
				// dropped: control characters
			default:
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == unicode.ReplacementChar, unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r),
			unicode.Is(unicode.Cf, r):
			// dropped
		case unicode.IsSpace(r):
			space = true
		default:
			emit(r)
		}
	}
	t := b.String()
	for _, pair := range [][2]string{{"*/", "* /"}, {"/*", "/ *"}, {"//", "/ /"}, {"+build", "+ build"}} {
		for strings.Contains(t, pair[0]) {
			t = strings.ReplaceAll(t, pair[0], pair[1])
		}
	}
	return t
}

// wrap splits text, words separated by single spaces as cleanText gives
// them, into lines of at most commentWidth bytes where it can. The lines
// are substrings of text.
func wrap(text string) []string {
	var lines []string
	start := 0 // the line being built is text[start:end]
	end := -1  // -1: the line is empty
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], ' ')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		if j > i { // the word text[i:j]
			if end >= 0 && end-start+1+(j-i) > commentWidth {
				lines = append(lines, text[start:end])
				end = -1
			}
			if end < 0 {
				start = i
			}
			end = j
		}
		i = j + 1
	}
	if end >= 0 {
		lines = append(lines, text[start:end])
	}
	return lines
}

// docLines wraps paragraphs into the lines of a comment, without comment
// markers: empty paragraphs are skipped and paragraphs are separated by an
// empty line. No line holds a line break (cleanText drops them).
func docLines(paragraphs ...string) []string {
	return joinParagraphs(wrapParagraphs(paragraphs))
}

// wrapParagraphs wraps each paragraph, leaving out those with no text.
func wrapParagraphs(paragraphs []string) [][]string {
	var out [][]string
	for _, p := range paragraphs {
		if lines := wrap(cleanText(p)); len(lines) > 0 {
			out = append(out, lines)
		}
	}
	return out
}

// joinParagraphs puts an empty line between paragraphs.
func joinParagraphs(paras [][]string) []string {
	var out []string
	for _, lines := range paras {
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, lines...)
	}
	return out
}

// declDoc renders declDocLines(paragraphs) as the doc comment of a
// top-level declaration in jennifer code (the Example functions), to be
// added to the file as an item of its own right before the declaration.
// jennifer separates file items by a line break, so the comment ends on the
// line above the declaration's first token, at column 1: where go/format
// takes it for a doc comment and formats it as gofmt would (a heading line
// becomes "# Heading"). Written in the declaration's own statement, the
// declaration would follow a space, and go/format would leave the comment
// to a second gofmt run to change.
func declDoc(paragraphs ...string) jen.Code { return docComment(declDocLines(paragraphs...)) }

// docComment is the doc comment of a top-level declaration made of lines
// (without comment markers), to be added as a file item of its own right
// before the declaration, as declDoc says; jen.Null() when there are no
// lines. Each line is written "// " and its text, or "//" and a tab-led
// line, so none can become a directive.
func docComment(lines []string) jen.Code {
	if len(lines) == 0 {
		return jen.Null()
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(commentLine(l))
	}
	return jen.Comment(b.String())
}

// commentLine writes a line of comment text as go/printer does.
func commentLine(l string) string {
	switch {
	case l == "":
		return "//"
	case l[0] == '\t':
		return "//" + l
	}
	return "// " + l
}

// declDocLines wraps paragraphs into the lines (without comment markers)
// of the doc comment of a top-level declaration, which gofmt formats
// further (docComment, declDoc).
//
// A paragraph between two others that is one line ending in a letter or
// digit ("Not yet documented", "Sync status of the tenant") would read to
// gofmt as an old-style section heading and become "# Not yet
// documented"; such a paragraph gets a full stop, so that it stays text.
func declDocLines(paragraphs ...string) []string {
	paras := wrapParagraphs(paragraphs)
	for i := 1; i < len(paras)-1; i++ {
		if len(paras[i]) == 1 {
			if r, _ := utf8.DecodeLastRuneInString(paras[i][0]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				paras[i] = []string{paras[i][0] + "."}
			}
		}
	}
	return settleQuotes(joinParagraphs(paras))
}

// settleQuotes formats the lines of a doc comment that hold two backquotes
// or two single quotes in a row as go/printer does (go/doc/comment
// rewrites them as typographic quotes) until that no longer changes them:
// a run such as "```````" changes again on each of the first gofmt runs,
// so the one pass go/format makes (jennifer's Render) would leave a
// file that gofmt still changes. Other lines are left to that pass.
func settleQuotes(lines []string) []string {
	text := strings.Join(lines, "\n") + "\n"
	if !strings.Contains(text, "``") && !strings.Contains(text, "''") {
		return lines
	}
	for range 16 {
		next := string(printDoc(text))
		if next == text {
			break
		}
		text = next
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// printDoc is the pass go/printer makes over a doc comment: its text
// (lines ending in a newline, without comment markers) parsed and printed
// by go/doc/comment.
func printDoc(text string) []byte {
	var p comment.Parser
	var pr comment.Printer
	return pr.Comment(p.Parse(text))
}
