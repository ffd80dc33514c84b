package emitter

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// goFile writes a Go source file of declarations directly in the layout
// gofmt gives it, for the files that hold the bulk of a package (models,
// enums, operations, the registry): rendering them through jennifer and
// go/format took a third of a run's CPU (docs/perf.md). The shapes it
// writes are few and regular, and it writes them as go/printer would:
//
//   - a top-level doc comment goes through go/doc/comment's parser and
//     printer, the pass go/printer applies to comments at column 1 that
//     end right above a declaration;
//   - the lines of a struct or const block that are not separated by a
//     comment or an embedded field form a run, whose names and types are
//     padded to the run's widest plus one space, as go/printer's
//     tabwriter aligns them;
//   - declarations are separated by one empty line, and the file ends
//     with the last one's closing line.
//
// Every generated file of the golden cases, the hostile-text tests, the
// fuzz targets and the Microsoft Graph corpus is checked to be go/format's
// own output (internal/gocheck.Formatted). Names come resolved from the
// model, literals from strconv.Quote and textLiteral, and comment text from
// cleanText, so docs text cannot become code here either.
type goFile struct {
	imports []string // sorted import paths
	body    bytes.Buffer
}

// reset empties f for the next file, keeping its buffer.
func (f *goFile) reset() {
	f.imports = f.imports[:0]
	f.body.Reset()
}

// use records that the file refers to the standard package path and
// returns the name it is referred to by.
func (f *goFile) use(path string) string {
	if i, found := slices.BinarySearch(f.imports, path); !found {
		f.imports = slices.Insert(f.imports, i, path)
	}
	return path[strings.LastIndexByte(path, '/')+1:]
}

// qual is the qualified identifier pkg.name, recording the import.
func (f *goFile) qual(path, name string) string { return f.use(path) + "." + name }

// bytes is the whole file of package pkg: header, package clause, imports
// and the declarations written so far.
func (f *goFile) bytes(pkg string) []byte {
	var out bytes.Buffer
	out.Grow(f.body.Len() + 256)
	out.WriteString(Header + "\n\npackage " + pkg + "\n")
	switch len(f.imports) {
	case 0:
	case 1:
		out.WriteString("\nimport \"" + f.imports[0] + "\"\n")
	default:
		out.WriteString("\nimport (\n")
		for _, p := range f.imports {
			out.WriteString("\t\"" + p + "\"\n")
		}
		out.WriteString(")\n")
	}
	if body := bytes.TrimRight(f.body.Bytes(), "\n"); len(body) > 0 {
		out.WriteByte('\n')
		out.Write(body)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

// line writes parts and a line break.
func (f *goFile) line(parts ...string) {
	for _, p := range parts {
		f.body.WriteString(p)
	}
	f.body.WriteByte('\n')
}

// end ends a declaration: the empty line before the next one.
func (f *goFile) end() { f.body.WriteByte('\n') }

// docComment writes the doc comment of a top-level declaration, whose
// lines (without comment markers) come from declDocLines or are the
// emitter's own sentences, formatted as go/printer formats doc comments.
func (f *goFile) docComment(lines ...string) {
	if len(lines) == 0 {
		return
	}
	for _, l := range gofmtDoc(lines) {
		f.line(l)
	}
}

// gofmtDoc is what go/printer makes of a doc comment written as "// "
// lines: the text, without the markers, parsed and printed by
// go/doc/comment, then written back as comment lines. Text that holds
// none of what go/doc/comment rewrites is written as it is (plainDoc).
func gofmtDoc(lines []string) []string {
	if plainDoc(lines) {
		res := make([]string, len(lines))
		for i, l := range lines {
			res[i] = commentLine(l)
		}
		return res
	}
	return formatDoc(lines)
}

// formatDoc is gofmtDoc through go/doc/comment (printDoc), whatever the
// text.
func formatDoc(lines []string) []string {
	var text strings.Builder
	for _, l := range lines {
		text.WriteString(l)
		text.WriteByte('\n')
	}
	out := printDoc(text.String())
	var res []string
	for len(out) > 0 {
		var l []byte
		l, out, _ = bytes.Cut(out, []byte("\n"))
		res = append(res, commentLine(string(l)))
	}
	return res
}

// plainDoc reports whether go/doc/comment would print the doc comment
// text of lines back as it is: no line is indented (a code block or a
// list), starts with "#" (a heading) or "[" (a link definition), or holds
// two backquotes or two single quotes in a row (made typographic quotes),
// and no line that stands alone between empty lines ends in a letter or
// digit, as an old-style heading must (declDocLines ends such lines with a
// full stop). Paragraphs of other lines are printed line for line.
// FuzzDoc and the corpus tests hold goFile's comments to go/format's
// output.
func plainDoc(lines []string) bool {
	for i, l := range lines {
		if l == "" {
			continue
		}
		switch l[0] {
		case ' ', '\t', '#', '[':
			return false
		}
		if strings.Contains(l, "``") || strings.Contains(l, "''") {
			return false
		}
		if i > 0 && lines[i-1] == "" && i+1 < len(lines) && lines[i+1] == "" {
			// Alone between empty lines: an old-style heading if, among
			// other things, it ends in a letter or digit.
			if r, _ := utf8.DecodeLastRuneInString(l); unicode.IsLetter(r) || unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

// commentLine writes a line of doc comment text as go/printer does.
func commentLine(l string) string {
	switch {
	case l == "":
		return "//"
	case l[0] == '\t':
		return "//" + l
	}
	return "// " + l
}

// row is a line of a struct or const block: its own comment lines, then
// the name, type and rest (a tag, or "= value"). A row without a name is
// an embedded field: its type alone.
type row struct {
	doc       []string // comment lines without markers
	name, typ string
	rest      string
}

// block writes rows as the lines of a struct or const block, aligned in
// runs as go/printer's tabwriter aligns them.
func (f *goFile) block(rows []row) {
	for start := 0; start < len(rows); {
		end := start + 1
		if rows[start].name != "" {
			for end < len(rows) && rows[end].name != "" && len(rows[end].doc) == 0 {
				end++
			}
		}
		nameW, typeW := 0, 0
		for _, r := range rows[start:end] {
			nameW = max(nameW, utf8.RuneCountInString(r.name))
			typeW = max(typeW, utf8.RuneCountInString(r.typ))
		}
		for _, r := range rows[start:end] {
			for _, l := range r.doc {
				f.line("\t", commentLine(l))
			}
			if r.name == "" {
				f.line("\t", r.typ)
				continue
			}
			f.body.WriteByte('\t')
			f.body.WriteString(r.name)
			pad(&f.body, nameW-utf8.RuneCountInString(r.name)+1)
			f.body.WriteString(r.typ)
			pad(&f.body, typeW-utf8.RuneCountInString(r.typ)+1)
			f.line(r.rest)
		}
		start = end
	}
}

// pad writes n spaces.
func pad(b *bytes.Buffer, n int) {
	const spaces = "                                                                "
	for n > len(spaces) {
		b.WriteString(spaces)
		n -= len(spaces)
	}
	b.WriteString(spaces[:n])
}
