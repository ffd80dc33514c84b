package parser

// This file holds the limits checked on a page before goldmark and the JSON
// parser see it. goldmark is correct but not linear on every input: block
// quotes and list items nested on one line ("> > > ..." or "1. 1. 1. ...")
// cost time quadratic in the nesting, and a few inline patterns (unclosed
// link destinations "[a](b[a](b...", mismatched emphasis "*a_ *a_ ...",
// runs of "[](" or "\``", unclosed link titles in reference definitions)
// cost time quadratic in the length of their paragraph: 200 KB of either
// takes goldmark 5 to 16 seconds. docgen cannot interrupt goldmark, so
// instead every page passes cheap checks, linear in its size, before
// goldmark runs:
//
//   - its size must be at most MaxPageBytes ("page-too-large");
//   - no line may sit deeper than MaxNesting block quotes and list items,
//     counting the markers on the line and the list items open above it by
//     indentation ("markdown-too-deep");
//   - a table may have at most MaxTableCells cells ("markdown-too-complex"):
//     goldmark pads every row to the columns of the delimiter row, so a
//     12 KB page of 2,000 columns and 2,000 one-byte rows makes 4 million
//     cells (a gigabyte, ten seconds), and 100 KB would exhaust memory;
//   - the inline cost estimate, the sum over paragraphs, headings and table
//     cells of their length times the number of inline delimiters they hold
//     ([ ] ( ) * _ ` < \ ! ~ &), must be at most MaxInlineCost
//     ("markdown-too-complex"). Every quadratic pattern above costs goldmark
//     at most about a nanosecond per unit of this estimate.
//
// The estimate is first taken over runs of non-blank lines, code blocks
// included, which errs on the high side; only a page over the limit then
// gets the exact estimate, over the paragraphs, headings and table cells of
// a goldmark parse without inline parsers (linear once nesting is bounded),
// so that a large example in a code block or a long table never counts.
//
// A page over a limit is reported with a warning and contributes nothing.
// With the default limits a page costs goldmark at most about a second,
// whatever its content. Among the 11,289 pages of the Microsoft Graph
// reference, the largest estimate is 1.3e8, an eighth of the default limit,
// the deepest nesting is 2 and the most table cells on a page 4,558.
//
// JSON is bounded separately: ParseJSON's repair step keeps its own stack
// and rejects nesting deeper than Parser.MaxJSONDepth before gjson reads the
// text, so no recursive or per-level code (gjson, model's walks of example
// values, encoding/json) ever sees deeper JSON.

import (
	"bytes"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/docgen-dev/docgen/diag"
)

// Defaults of Limits.
const (
	// DefaultMaxPageBytes is the default of Limits.MaxPageBytes; it equals
	// the pipeline's default.
	DefaultMaxPageBytes = 16 << 20
	// DefaultMaxNesting is the default of Limits.MaxNesting.
	DefaultMaxNesting = 32
	// DefaultMaxInlineCost is the default of Limits.MaxInlineCost.
	DefaultMaxInlineCost = 1 << 30
	// DefaultMaxTableCells is the default of Limits.MaxTableCells.
	DefaultMaxTableCells = 1 << 16
)

// Limits bound the work one page may cost. A zero field means its default.
type Limits struct {
	// MaxPageBytes bounds the size of a page in bytes.
	MaxPageBytes int
	// MaxNesting bounds the nesting of block quotes and list items.
	MaxNesting int
	// MaxInlineCost bounds the inline cost estimate described above.
	MaxInlineCost int64
	// MaxTableCells bounds the cells of the tables of a page, counted as
	// goldmark makes them: every row has the columns of the delimiter row.
	MaxTableCells int
}

func (l Limits) maxPageBytes() int {
	if l.MaxPageBytes <= 0 {
		return DefaultMaxPageBytes
	}
	return l.MaxPageBytes
}

func (l Limits) maxNesting() int {
	if l.MaxNesting <= 0 {
		return DefaultMaxNesting
	}
	return l.MaxNesting
}

func (l Limits) maxTableCells() int {
	if l.MaxTableCells <= 0 {
		return DefaultMaxTableCells
	}
	return l.MaxTableCells
}

func (l Limits) maxInlineCost() int64 {
	if l.MaxInlineCost <= 0 {
		return DefaultMaxInlineCost
	}
	return l.MaxInlineCost
}

// jsonDepth is the nesting limit every ParseJSON call of the parser uses:
// MaxJSONDepth, or DefaultMaxJSONDepth when it is not positive (ParseJSON
// itself would take 10000, deeper than model's recursive walks should see).
func (p *Parser) jsonDepth() int {
	if p.MaxJSONDepth <= 0 {
		return DefaultMaxJSONDepth
	}
	return p.MaxJSONDepth
}

// tooLarge reports, as a diagnostic on the page, whether src is over the
// size limit. It runs before anything else looks at src.
func (st *state) tooLarge(src []byte) bool {
	limit := st.p.maxPageBytes()
	if len(src) <= limit {
		return false
	}
	st.page.Diags.Warnf(diag.Pos{File: st.path}, "page-too-large", "page is %d bytes, over the limit of %d; skipped", len(src), limit)
	return true
}

// checkLimits scans the normalized page (LF line ends) for nesting and
// inline cost over the limits, reporting the first excess found. It
// returns false when the page must not be parsed.
func (st *state) checkLimits(src []byte) bool {
	maxNest, maxCost, maxCells := st.p.maxNesting(), st.p.maxInlineCost(), st.p.maxTableCells()
	var (
		stack      []int // columns of the list markers open by indentation
		delims     int64 // inline delimiters in the current paragraph
		paraLen    int64 // bytes of the current paragraph
		cost       int64 // the estimate so far
		cols, rows int   // of the table in the current paragraph, if any
		tableLine  int   // the line of its delimiter row
		cells      int   // the table cells so far
		lineNumber = 0
	)
	// The estimate of a page is at most the square of its size (a run's
	// delimiters are at most its length, and the runs' lengths sum to at
	// most the page's, newlines included): a page small enough for that to
	// be within the limit needs no delimiter count.
	n := int64(len(src)) + 1
	countDelimiters := satMul(n, n) > maxCost
	flush := func() {
		if paraLen == 0 {
			return
		}
		cost = satAdd(cost, satMul(delims, paraLen))
		cells = int(satAdd(int64(cells), satMul(int64(cols), int64(rows)+1)))
		delims, paraLen, cols, rows = 0, 0, 0, 0
	}
	for off := 0; off < len(src); {
		lineNumber++
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := src[off:end]
		off = end + 1
		if isBlankLine(line) {
			flush()
			if cost > maxCost {
				break
			}
			continue
		}
		// A delimiter row after a run's first line may start a table,
		// even inside another one (a heading may have ended it); rows are
		// counted with the most columns seen. goldmark may decide
		// otherwise: this errs on the large side.
		if c := delimiterColumns(line); c > 0 && paraLen > 0 {
			cells = int(satAdd(int64(cells), satMul(int64(cols), int64(rows)+1)))
			cols, rows, tableLine = max(cols, c), 0, lineNumber
		} else if cols > 0 {
			rows++
		}
		if cols > 0 && satMul(int64(cols), int64(rows)+1) > int64(maxCells-cells) {
			st.page.Diags.Warnf(st.lineStart(tableLine), "markdown-too-complex",
				"tables have more than %d cells (every row has the %d columns of this delimiter row); page skipped", maxCells, cols)
			return false
		}
		paraLen += int64(len(line)) + 1
		if countDelimiters {
			delims += int64(countDelims(line))
		}
		if d := lineNesting(line, &stack); d > maxNest {
			st.page.Diags.Warnf(st.lineStart(lineNumber), "markdown-too-deep",
				"block quotes and list items nest %d deep here, over the limit of %d; page skipped", d, maxNest)
			return false
		}
	}
	flush()
	if cost <= maxCost {
		return true
	}
	// Over the limit by the line estimate: take the exact one.
	if c, off := blockCost(src, maxCost); c > maxCost {
		st.page.Diags.Warnf(st.pos(off), "markdown-too-complex",
			"inline markup is too dense to parse in bounded time (cost estimate over %d; the worst paragraph starts here); page skipped", maxCost)
		return false
	}
	return true
}

// blockParser is goldmark's block parser with the table extension's
// paragraph transformer but without inline parsers and the link reference
// definition transformer (itself quadratic on some inputs): it finds
// paragraphs, headings and table cells in linear time once nesting is
// bounded.
var blockParser = sync.OnceValue(func() gmparser.Parser {
	return gmparser.NewParser(
		gmparser.WithBlockParsers(gmparser.DefaultBlockParsers()...),
		gmparser.WithParagraphTransformers(util.Prioritized(extension.NewTableParagraphTransformer(), 200)),
	)
})

// blockCost returns the inline cost estimate of the paragraphs, headings
// and table cells of src, stopping early once it is over limit, and the
// offset of the costliest block.
//
// goldmark parses the inline content of each table cell on its own, so a
// table costs the sum of its cells. One exception: the full parse first
// takes link reference definitions off the start of a paragraph, and a
// definition may swallow what this parse reads as the table's header, in
// which case the full parse keeps the rest as one paragraph. So a table
// whose paragraph starts with "[" costs as that whole paragraph.
func blockCost(src []byte, limit int64) (cost int64, worstOff int) {
	doc := blockParser().Parse(text.NewReader(src))
	var worst int64
	add := func(c int64, off int) {
		if c > worst {
			worst, worstOff = c, off
		}
		cost = satAdd(cost, c)
	}
	segsCost := func(lines *text.Segments) int64 {
		var k, l int64
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			v := seg.Value(src)
			k += int64(countDelims(v))
			l += int64(len(v)) + 1
		}
		return satMul(k, l)
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if cost > limit {
			return ast.WalkStop, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				add(segsCost(lines), lines.At(0).Start)
			}
			return ast.WalkSkipChildren, nil
		case east.KindTable:
			start := n.Pos()
			if start >= 0 && start < len(src) && bytes.HasPrefix(bytes.TrimLeft(src[start:], " \t"), []byte("[")) {
				end := len(src)
				if last := n.LastChild(); last != nil && last.Pos() >= start && last.Pos() < len(src) {
					if i := bytes.IndexByte(src[last.Pos():], '\n'); i >= 0 {
						end = last.Pos() + i
					}
				}
				para := src[start:end]
				add(satMul(int64(countDelims(para)), int64(len(para))), start)
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		case east.KindTableCell:
			if lines := n.Lines(); lines.Len() > 0 {
				add(segsCost(lines), lines.At(0).Start)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return cost, worstOff
}

// delimiterColumns returns the number of columns of line as a table
// delimiter row ("|---|:-:|"), or 0 when it cannot be one: it must hold a
// dash and nothing but dashes, bars, colons and white space once block
// quote markers are skipped. Columns are counted as goldmark counts them:
// the parts between bars, blank first and last parts left out.
func delimiterColumns(line []byte) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '>') {
		i++
	}
	t := line[i:]
	dash := false
	for _, c := range t {
		switch c {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return 0
		}
	}
	if !dash {
		return 0
	}
	parts := bytes.Split(t, []byte("|"))
	if isBlankLine(parts[0]) {
		parts = parts[1:]
	}
	if len(parts) > 0 && isBlankLine(parts[len(parts)-1]) {
		parts = parts[:len(parts)-1]
	}
	return max(len(parts), 1)
}

func isBlankLine(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// countDelims counts the bytes of line that can start or end inline
// markup whose matching goldmark searches for.
func countDelims(line []byte) int {
	n := 0
	for _, c := range line {
		n += int(delimTable[c] - '0')
	}
	return n
}

// delimTable holds '1' at the bytes countDelims counts ("[]()*_`<\\!~&")
// and '0' elsewhere: one load per byte instead of a dozen comparisons.
const delimTable = "" +
	"0000000000000000000000000000000001000010111000000000000000001000" +
	"0000000000000000000000000001110110000000000000000000000000000010" +
	"0000000000000000000000000000000000000000000000000000000000000000" +
	"0000000000000000000000000000000000000000000000000000000000000000"

// lineNesting returns how deep line sits in block quotes and list items:
// the markers at its start ("> - 1. x" is 3 deep), plus the list items open
// above it by indentation. stack holds the columns of the list markers that
// start lines, innermost last; a list marker at column c closes the items
// at column c or right of it. The estimate errs on the deep side: lazy
// continuation lines, blank lines and code blocks never close items, and
// list markers in code blocks count.
func lineNesting(line []byte, stack *[]int) int {
	if isThematicBreak(line) {
		return 0 // "* * * *" is a rule, not nested lists
	}
	i, col, quotes, markers, first := 0, 0, 0, 0, -1
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			if line[i] == '\t' {
				col += 4 - col%4
			} else {
				col++
			}
			i++
		}
		if i >= len(line) {
			break
		}
		if line[i] == '>' {
			quotes++
			i++
			col++
			continue
		}
		n := listMarker(line[i:])
		if n == 0 {
			break
		}
		if markers == 0 && quotes == 0 {
			first = col
		}
		markers++
		i += n
		col += n
	}
	if first < 0 {
		return quotes + markers
	}
	s := *stack
	for len(s) > 0 && s[len(s)-1] >= first {
		s = s[:len(s)-1]
	}
	s = append(s, first)
	*stack = s
	return quotes + len(s) + markers - 1
}

// listMarker returns the length of the list marker at the start of b ("-",
// "+", "*", or up to nine digits and "." or ")"), which must be followed by
// white space or the end of the line, or 0.
func listMarker(b []byte) int {
	n := 0
	switch {
	case len(b) > 0 && (b[0] == '-' || b[0] == '+' || b[0] == '*'):
		n = 1
	default:
		for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || b[n] != '.' && b[n] != ')' {
			return 0
		}
		n++
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' {
		return 0
	}
	return n
}

// isThematicBreak reports whether line is three or more of one of - * _
// with only spaces and tabs between them.
func isThematicBreak(line []byte) bool {
	var mark byte
	n := 0
	for _, c := range line {
		switch c {
		case ' ', '\t':
		case '-', '*', '_':
			if mark != 0 && c != mark {
				return false
			}
			mark = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// satMul and satAdd compute a*b and a+b for non-negative a and b, stopping
// at the largest int64 instead of overflowing.
func satMul(a, b int64) int64 {
	const maxInt64 = 1<<63 - 1
	if a != 0 && b > maxInt64/a {
		return maxInt64
	}
	return a * b
}

func satAdd(a, b int64) int64 {
	const maxInt64 = 1<<63 - 1
	if a > maxInt64-b {
		return maxInt64
	}
	return a + b
}
