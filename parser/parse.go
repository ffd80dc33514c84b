package parser

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/docgen-dev/docgen/diag"
)

// DefaultMaxJSONDepth bounds the nesting of example and annotation JSON.
const DefaultMaxJSONDepth = 256

// Parser parses pages. It holds no per-page state: one Parser may be used by
// several goroutines at once.
type Parser struct {
	md goldmark.Markdown
	// MaxJSONDepth bounds JSON nesting; deeper bodies are reported and
	// dropped. Zero or less means DefaultMaxJSONDepth.
	MaxJSONDepth int
	// Limits bound page size, nesting and inline cost; they are checked
	// before goldmark runs (see limits.go).
	Limits
}

// New returns a Parser using goldmark with the GFM table extension.
func New() *Parser {
	return &Parser{
		md:           goldmark.New(goldmark.WithExtensions(extension.Table)),
		MaxJSONDepth: DefaultMaxJSONDepth,
	}
}

// Parse parses one page. It never panics: an internal failure becomes an
// "internal-error" diagnostic on the returned page. The page keeps no
// reference to src, which the caller may reuse once Parse returns.
func (p *Parser) Parse(path string, src []byte) (page *Page) {
	page = &Page{Path: path}
	defer func() {
		if r := recover(); r != nil {
			page = &Page{Path: path}
			page.Diags.Errorf(diag.Pos{File: path}, "internal-error", "internal error while parsing page: %v\n%s", r, firstFrames(debug.Stack()))
		}
	}()
	st := &state{p: p, page: page, path: path}
	st.run(src)
	return page
}

func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, "\n")
}

// state is the work of one Parse call.
type state struct {
	p     *Parser
	page  *Page
	path  string
	src   []byte
	lines []int // byte offset of the start of each line

	section    string // text of the current level-2 heading
	subsection string // text of the current level-3+ heading
	// annotated are request examples inside the HTTP request section.
	annotated []*CodeBlock
	// quiet suppresses diagnostics while a block is read a second time.
	quiet bool
	// scratch is the buffer inlineBytes reuses.
	scratch bytes.Buffer
	// blanked is the copy of the page frontMatter blanked, if any; run
	// returns it to bodies.
	blanked *[]byte
}

// bodies recycles the page copies frontMatter blanks: goldmark reads them
// only while run parses, and pages keep nothing but copied strings.
var bodies sync.Pool // of *[]byte

// borrowBody returns a buffer of n bytes from bodies.
func borrowBody(n int) *[]byte {
	if b, ok := bodies.Get().(*[]byte); ok && cap(*b) >= n {
		*b = (*b)[:n]
		return b
	}
	b := make([]byte, n)
	return &b
}

// normalize strips a UTF-8 byte order mark and turns CRLF and bare CR line
// endings into LF, so that line numbers match what editors show.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

func (st *state) pos(off int) diag.Pos {
	i, _ := slices.BinarySearch(st.lines, off+1) // the first line starting after off
	i--
	if i < 0 {
		i = 0
	}
	return diag.Pos{File: st.path, Line: i + 1, Col: off - st.lines[i] + 1}
}

func (st *state) lineStart(line int) diag.Pos {
	return diag.Pos{File: st.path, Line: line, Col: 1}
}

func (st *state) run(src []byte) {
	// Limits first: nothing below, goldmark included, sees a page over them.
	if st.tooLarge(src) {
		return
	}
	src = normalize(src)
	st.src = src
	st.lines = make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		st.lines = append(st.lines, off)
	}
	body := st.frontMatter(src)
	if st.blanked != nil {
		defer bodies.Put(st.blanked)
	}
	if !st.checkLimits(body) {
		return
	}
	doc := st.p.md.Parser().Parse(text.NewReader(body))
	// Most blocks are the document's children; lists and quotes add some.
	blocks := make([]ast.Node, 0, doc.ChildCount()+8)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Heading, *ast.HTMLBlock, *ast.FencedCodeBlock, *ast.CodeBlock, *east.Table, *ast.Paragraph:
			blocks = append(blocks, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// Headings and tables are kept whole; size their slices once.
	var headings, tables int
	for _, n := range blocks {
		switch n.(type) {
		case *ast.Heading:
			headings++
		case *east.Table:
			tables++
		}
	}
	if headings > 0 {
		st.page.Headings = make([]Heading, 0, headings)
	}
	if tables > 0 {
		st.page.Tables = make([]*Table, 0, tables)
	}
	// Pages that annotate any example are read by their annotations only:
	// their unannotated blocks are left out on purpose. An "ignored"
	// annotation in the HTTP request section does not count: the Intune
	// pages, which annotate no example, put one on their request lines.
	loose := true
	section := ""
	for _, n := range blocks {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level <= 2 {
				var links []Link
				section = string(bytes.TrimSpace(st.inlineBytes(n, &links)))
			}
		case *ast.HTMLBlock:
			switch strings.ToLower(annotationBlockType(st.blockText(n))) {
			case "request", "response", "example", "samples":
				loose = false
			case "ignored":
				loose = loose && isHTTPRequestSection(section)
			}
		}
	}
	var lastReq = -1
	for i, n := range blocks {
		switch n := n.(type) {
		case *ast.Heading:
			st.heading(n)
		case *ast.Paragraph:
			st.paragraph(n)
		case *east.Table:
			st.table(n)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if !st.precededByAnnotation(blocks, i) {
				if a := st.unannotated(st.codeBlock(n)); loose && a != nil {
					st.page.Annotations = append(st.page.Annotations, a)
					lastReq = st.attach(a, lastReq)
				} else if isHTTPRequestSection(st.section) {
					st.templates(st.codeBlock(n), false)
				} else {
					st.looseTemplates(st.codeBlock(n))
				}
			}
		case *ast.HTMLBlock:
			a := st.annotation(n)
			if a == nil {
				continue
			}
			if i+1 < len(blocks) {
				switch b := blocks[i+1].(type) {
				case *ast.FencedCodeBlock, *ast.CodeBlock:
					a.Block = st.codeBlock(b)
				}
			}
			st.page.Annotations = append(st.page.Annotations, a)
			if a.Block != nil && a.BlockType == "request" {
				if isHTTPRequestSection(st.section) {
					// A request annotated in the HTTP request section is
					// the template when its URL is relative and the
					// section has no other request lines.
					st.annotated = append(st.annotated, a.Block)
				} else {
					st.looseTemplates(a.Block)
				}
			}
			lastReq = st.attach(a, lastReq)
		}
	}
	if len(st.page.Templates) == 0 {
		// The examples' own diagnostics were reported when they were
		// read as requests.
		st.quiet = true
		for _, cb := range st.annotated {
			st.templates(cb, true)
		}
		st.quiet = false
	}
}

// precededByAnnotation reports whether the code block at i follows an
// annotation that claims it (templates are then taken from the annotation
// handler, or ignored when the annotation says "request").
func (st *state) precededByAnnotation(blocks []ast.Node, i int) bool {
	if i == 0 {
		return false
	}
	h, ok := blocks[i-1].(*ast.HTMLBlock)
	if !ok {
		return false
	}
	raw := st.blockText(h)
	switch strings.ToLower(annotationBlockType(raw)) {
	case "request", "response", "resource":
		return true
	}
	return false
}

// isResponseSection reports whether s is the heading of the section that
// says what the operation returns ("Response", not "Example response").
func isResponseSection(s string) bool {
	return strings.EqualFold(strings.TrimSpace(s), "response")
}

// proseStatus matches a status code as the prose names it ("200 OK",
// "204 No Content"): three digits and a capitalised reason.
var proseStatus = regexp.MustCompile(`\b([1-5][0-9]{2}) +[A-Z]`)

// responseProse reads what a "Response" section's sentence says the
// operation returns: the first status code and the first link to a
// resource page after it, with whether a collection of it is returned.
// It returns nil for a sentence that says no "return" or names neither.
func responseProse(t string, links []Link, pos diag.Pos) *ResponseProse {
	lower := strings.ToLower(t)
	if !strings.Contains(lower, "return") {
		return nil
	}
	rp := &ResponseProse{Pos: pos}
	from := 0
	if m := proseStatus.FindStringSubmatchIndex(t); m != nil {
		rp.Status, _ = strconv.Atoi(t[m[2]:m[3]])
		from = m[1]
	}
	tried := 0
	for _, l := range links {
		if !resourceLink(l.Dest) || l.Text == "" {
			continue
		}
		// The sentence names its result among its first links; a hostile
		// paragraph of many links costs a few scans of its text, not one
		// per link.
		if tried++; tried > maxProseLinks {
			break
		}
		i := indexWord(t, from, l.Text)
		if i < 0 {
			continue
		}
		before := lower[from:i]
		after := strings.TrimLeft(lower[i+len(l.Text):], " `*_")
		rp.Type = &Link{Text: l.Text, Dest: l.Dest}
		rp.Collection = strings.Contains(before, "collection") || strings.Contains(before, "list of") || strings.Contains(before, "array of") || strings.HasPrefix(after, "collection")
		break
	}
	if rp.Status == 0 && rp.Type == nil {
		return nil
	}
	return rp
}

// indexWord returns the index of the first occurrence of w in t at or
// after from that is not inside a longer word, or -1: a link "[re](...)"
// is not found in "response".
func indexWord(t string, from int, w string) int {
	for from <= len(t) {
		i := strings.Index(t[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(w)
		if (i == 0 || !isWordByte(t[i-1])) && (end == len(t) || !isWordByte(t[end])) {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// maxProseLinks is how many resource links of a Response sentence
// responseProse looks for in its text.
const maxProseLinks = 8

// resourceLink reports whether dest is a link to a resource page
// ("../resources/user.md").
func resourceLink(dest string) bool {
	dest, _, _ = strings.Cut(dest, "#")
	return strings.HasSuffix(strings.ToLower(dest), ".md") && strings.Contains(dest, "resources/") && !strings.Contains(dest, "://")
}

func isHTTPRequestSection(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "http request")
}

// frontMatter reads a leading "---" YAML block and returns the source with
// that block blanked out (newlines kept, so that offsets stay the same).
func (st *state) frontMatter(src []byte) []byte {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	if !bytes.Equal(bytes.TrimRight(first, " \t"), []byte("---")) || len(first) == len(src) {
		return src
	}
	open := len(first) + 1
	end, closeEnd := -1, -1
	for i := open; i <= len(src); {
		j := bytes.IndexByte(src[i:], '\n')
		lineEnd := len(src)
		if j >= 0 {
			lineEnd = i + j
		}
		if bytes.Equal(bytes.TrimRight(src[i:lineEnd], " \t"), []byte("---")) {
			end, closeEnd = i, lineEnd
			break
		}
		if j < 0 {
			break
		}
		i = lineEnd + 1
	}
	if end < 0 {
		st.page.Diags.Warnf(st.lineStart(1), "front-matter", "front matter is not closed by a --- line")
		return src
	}
	fm := &st.page.FrontMatter
	fm.Pos = st.lineStart(1)
	for i, line := range strings.Split(string(src[open:end]), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, " ") {
			continue
		}
		v = unquoteYAML(strings.TrimSpace(v))
		switch strings.TrimSpace(k) {
		case "title":
			fm.Title = v
		case "description":
			fm.Description = v
		case "doc_type":
			fm.DocType = v
		}
		_ = i
	}
	st.blanked = borrowBody(len(src))
	out := *st.blanked
	copy(out, src)
	for i := 0; i < closeEnd && i < len(out); i++ {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	return out
}

func unquoteYAML(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		v = v[1 : len(v)-1]
	}
	return v
}

// sectionRe matches the headings of the docs' standard sections; at level
// 3 and below they still start a section (some pages nest them).
var sectionRe = regexp.MustCompile(`(?i)^(http request|path parameters|(optional )?query parameters|(optional )?request headers|request body|response|properties|relationships|json representation|methods|function parameters|parameters)\s*$`)

func (st *state) heading(n *ast.Heading) {
	var links []Link
	t := string(bytes.TrimSpace(st.inlineBytes(n, &links)))
	pos := st.nodePos(n)
	st.page.Headings = append(st.page.Headings, Heading{Pos: pos, Level: n.Level, Text: t})
	if len(links) == 1 && strings.HasPrefix(links[0].Dest, "#tab/") {
		// "# [HTTP](#tab/http)": a tab of code samples, not a section.
		return
	}
	if n.Level == 2 && onlyIncludes([]byte(t)) {
		// The snippet includes of the last tab with the "---" that ends
		// the tabs right below them, no blank line between: goldmark
		// reads a setext heading, the docs mean includes and a rule.
		st.page.Headings = st.page.Headings[:len(st.page.Headings)-1]
		st.includes(n, links)
		return
	}
	switch {
	case n.Level == 1:
		if st.page.Title == "" {
			st.page.Title, st.page.TitlePos = t, pos
		}
		st.section, st.subsection = "", ""
	case n.Level == 2, sectionRe.MatchString(t) && !strings.HasPrefix(strings.ToLower(st.section), "example"):
		st.section, st.subsection = t, ""
	default:
		st.subsection = t
	}
}

func (st *state) paragraph(n *ast.Paragraph) {
	var links []Link
	// The text is only looked at, never kept: it stays in the scratch
	// buffer.
	t := bytes.TrimSpace(st.inlineBytes(n, &links))
	pos := st.nodePos(n)
	links = st.includes(n, links)
	for _, l := range links {
		st.page.Links = append(st.page.Links, PageLink{Pos: pos, Section: st.section, Link: l})
	}
	st.intro(n, t, pos)
	st.queryOptions(t)
	if st.page.ResponseProse == nil && isResponseSection(st.section) {
		st.page.ResponseProse = responseProse(string(t), links, pos)
	}
	if st.page.InheritsFrom == "" {
		if base, ok := inheritsFrom(t, links, st.section == ""); ok {
			st.page.InheritsFrom = base
			st.page.InheritsFromPos = pos
		}
	}
	if st.page.Namespace != "" {
		return
	}
	rest, ok := bytes.CutPrefix(t, []byte("Namespace:"))
	if !ok {
		return
	}
	ns := strings.Fields(string(rest))
	if len(ns) == 0 {
		return
	}
	st.page.Namespace = strings.Trim(ns[0], "`*")
	st.page.NamespacePos = st.nodePos(n)
}

// intro keeps the first top-level paragraph between the title and the
// first section as the page's description.
func (st *state) intro(n *ast.Paragraph, t []byte, pos diag.Pos) {
	if st.page.Intro != "" || st.page.Title == "" || st.section != "" || st.subsection != "" {
		return
	}
	if n.Parent() == nil || n.Parent().Kind() != ast.KindDocument {
		return // a note in a quote or a list item
	}
	if len(t) == 0 || bytes.HasPrefix(t, []byte("Namespace:")) || bytes.HasPrefix(t, []byte("Inherits from")) || bytes.Contains(t, []byte("[!INCLUDE")) || bytes.HasPrefix(t, []byte("[!")) {
		return
	}
	st.page.Intro, st.page.IntroPos = strings.Join(strings.Fields(string(t)), " "), pos
}

// odataOption returns the spelling of the system query option whose
// lower-cased name is lower.
func odataOption(lower string) (string, bool) {
	switch lower {
	case "$count", "$expand", "$filter", "$format", "$orderby", "$search", "$select", "$skip", "$top":
		return lower, true
	case "$deltatoken":
		return "$deltaToken", true
	case "$skiptoken":
		return "$skipToken", true
	}
	return "", false
}

// queryOptions collects the system query options a paragraph of the
// "Optional query parameters" section names, unless the paragraph says
// they are not supported.
func (st *state) queryOptions(t []byte) {
	if !strings.Contains(strings.ToLower(st.section), "query parameters") {
		return
	}
	lower := bytes.ToLower(t)
	if bytes.Contains(lower, []byte("not support")) {
		return
	}
	for i := 0; i < len(lower); i++ {
		if lower[i] != '$' {
			continue
		}
		j := i + 1
		for j < len(lower) && 'a' <= lower[j] && lower[j] <= 'z' {
			j++
		}
		if name, ok := odataOption(string(lower[i:j])); ok && !slices.Contains(st.page.QueryOptions, name) {
			st.page.QueryOptions = append(st.page.QueryOptions, name)
		}
		i = j - 1
	}
}

// inheritsFrom reads the base type a paragraph names: "Inherits from
// [entity](entity.md)." at its start, or, in the page's intro, a sentence
// such as "This resource type inherits from [itemFacet](itemfacet.md)." or
// "Represents a user. Inherits from [directoryObject](...)": the link that
// follows "inherits from " right away.
func inheritsFrom(t []byte, links []Link, intro bool) (string, bool) {
	if len(links) == 0 {
		return "", false
	}
	if bytes.HasPrefix(t, []byte("Inherits from")) {
		return strings.Trim(strings.TrimSpace(links[0].Text), "`*"), true
	}
	if !intro {
		return "", false
	}
	const phrase = "inherits from "
	lower := bytes.ToLower(t)
	i := bytes.Index(lower, []byte(phrase))
	if i < 0 {
		return "", false
	}
	rest := string(bytes.TrimLeft(t[i+len(phrase):], " *`"))
	for _, l := range links {
		name := strings.Trim(strings.TrimSpace(l.Text), "`*")
		if name != "" && strings.HasPrefix(rest, name) {
			return name, true
		}
	}
	return "", false
}

// nodePos returns the position of the first byte a block or inline node
// covers.
func (st *state) nodePos(n ast.Node) diag.Pos {
	if off, ok := firstOffset(n); ok {
		return st.pos(off)
	}
	return diag.Pos{File: st.path}
}

func firstOffset(n ast.Node) (int, bool) {
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start, true
		}
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := firstOffset(c); ok {
			return off, true
		}
	}
	return 0, false
}

// inlineBytes renders the inline content of n as plain text, collecting
// links. The result is only valid until the next call.
func (st *state) inlineBytes(n ast.Node, links *[]Link) []byte {
	st.scratch.Reset()
	st.inlineTo(&st.scratch, n, links)
	return st.scratch.Bytes()
}

func (st *state) inlineTo(b *bytes.Buffer, n ast.Node, links *[]Link) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(st.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.Link:
			// The link's text is written in place and read back.
			start := b.Len()
			st.inlineTo(b, c, nil)
			if links != nil {
				*links = append(*links, Link{Text: string(b.Bytes()[start:]), Dest: string(c.Destination)})
			}
		case *ast.AutoLink:
			b.Write(c.URL(st.src))
		case *ast.RawHTML:
			b.WriteByte(' ')
		default:
			st.inlineTo(b, c, links)
		}
	}
}

// blockText concatenates the raw lines of a block node.
func (st *state) blockText(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	size := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Stop - seg.Start
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		size += h.ClosureLine.Stop - h.ClosureLine.Start
	}
	b.Grow(size)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(st.src))
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		b.Write(h.ClosureLine.Value(st.src))
	}
	return b.String()
}

func (st *state) codeBlock(n ast.Node) *CodeBlock {
	cb := &CodeBlock{Text: st.blockText(n)}
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		cb.Info = strings.TrimSpace(string(f.Info.Segment.Value(st.src)))
		cb.Pos = st.pos(f.Info.Segment.Start)
		cb.Pos.Line = min(cb.Pos.Line+1, len(st.lines))
		cb.Pos.Col = 1
	}
	if l := n.Lines(); l.Len() > 0 {
		cb.Pos = st.pos(l.At(0).Start)
		cb.Pos.Col = 1
	} else if cb.Pos.Line == 0 {
		cb.Pos = st.nodePos(n)
	}
	return cb
}

func (st *state) warnf(pos diag.Pos, code, format string, args ...any) {
	if st.quiet {
		return
	}
	if pos.Line > len(st.lines) {
		// A position computed past an unterminated block: the last line.
		pos.Line, pos.Col = len(st.lines), 1
	}
	st.page.Diags.Warnf(pos, code, format, args...)
}

func quoteShort(s string) string {
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return fmt.Sprintf("%q", s)
}

// unannotated reads a code block without an annotation as a request or
// response example when it sits in an example section under a "Request" or
// "Response" heading and its first line is a request line or an HTTP status
// line (the Intune pages carry no annotations). It returns the annotation
// the block would have had, named after the page file and the block's line
// so that the name is stable, or nil.
func (st *state) unannotated(cb *CodeBlock) *Annotation {
	if !strings.HasPrefix(strings.ToLower(st.section), "example") {
		return nil
	}
	sub := strings.ToLower(strings.TrimSpace(st.subsection))
	first := strings.TrimSpace(splitMessage(cb.Text).first)
	bt := ""
	switch {
	case strings.HasSuffix(sub, "request") && first != "":
		m, rest, ok := strings.Cut(first, " ")
		if !ok || !methods[m] || strings.TrimSpace(rest) == "" {
			return nil
		}
		bt = "request"
	case strings.HasSuffix(sub, "response") && statusLine.MatchString(first):
		bt = "response"
	default:
		return nil
	}
	stem := path.Base(st.path)
	stem = strings.TrimSuffix(stem, path.Ext(stem))
	name := fmt.Sprintf("%s_%s_l%d", stem, bt, cb.Pos.Line)
	return &Annotation{Pos: cb.Pos, BlockType: bt, Name: name, Section: st.section, Block: cb}
}
