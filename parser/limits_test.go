package parser

import (
	"strings"
	"testing"
	"time"
)

// codes returns the diagnostic codes of a parsed page.
func codes(p *Page) []string {
	var out []string
	for _, d := range p.Diags {
		out = append(out, d.Code)
	}
	return out
}

func hasCode(p *Page, code string) bool {
	for _, d := range p.Diags {
		if d.Code == code {
			return true
		}
	}
	return false
}

// TestLimitsReject checks that pages goldmark would take seconds on are
// rejected, fast, with the limit's diagnostic, and that the page then holds
// no facts.
func TestLimitsReject(t *testing.T) {
	R := strings.Repeat
	indented := func(depth int) string {
		var b strings.Builder
		for i := range depth {
			b.WriteString(R("  ", i) + "- x\n")
		}
		return b.String()
	}
	tests := []struct {
		name, src, code string
		line            int
	}{
		{"list markers on one line", R("- ", 100_000) + "x\n", "markdown-too-deep", 1},
		{"ordered markers", "# T\n\n" + R("1. ", 70_000), "markdown-too-deep", 3},
		{"paren markers", R("1) ", 70_000), "markdown-too-deep", 1},
		{"tab-separated markers", R("-\t", 100_000) + "a", "markdown-too-deep", 1},
		{"block quotes", R(">", 200_000), "markdown-too-deep", 1},
		{"quotes and lists", R("> - ", 50_000), "markdown-too-deep", 1},
		{"nested by indentation", indented(40), "markdown-too-deep", 33},
		{"unclosed link destinations", R("[a](b", 40_000), "markdown-too-complex", 1},
		{"unclosed angle destinations", R("[a](<b", 40_000), "markdown-too-complex", 1},
		{"link openers", R("[a](", 50_000), "markdown-too-complex", 1},
		{"mismatched emphasis", R("*a_ ", 40_000), "markdown-too-complex", 1},
		{"empty links", R("[](", 40_000), "markdown-too-complex", 1},
		{"escaped backticks", R("\\``", 40_000), "markdown-too-complex", 1},
		{"nested brackets", R("[", 40_000) + "a" + R("]", 40_000), "markdown-too-complex", 1},
		{"reference titles", "# T\n\n" + R("[a]: b '\n", 40_000), "markdown-too-complex", 3},
		{"bracket emphasis", R("[*_a", 50_000), "markdown-too-complex", 1},
		{"wide table of short rows", R("|a", 2_000) + "|\n" + R("|-", 2_000) + "|\n" + R("x\n", 2_000), "markdown-too-complex", 2},
		{"wide table after a small one", "|a|\n|-|\nx\n# h\n" + R("|a", 2_000) + "|\n" + R("|-", 2_000) + "|\n" + R("x\n", 2_000), "markdown-too-complex", 6},
		{"wide table in a quote", "> " + R("|a", 2_000) + "|\n> " + R("|-", 2_000) + "|\n" + R("> x\n", 2_000), "markdown-too-complex", 2},
		{"definition swallowing a table header", "[a]:\n|h|\n|-|\n" + R("*a_ *a_\n", 20_000), "markdown-too-complex", 1},
	}
	p := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			pg := p.Parse("x.md", []byte(tt.src))
			if d := time.Since(start); d > slowdown*2*time.Second {
				t.Errorf("took %v", d)
			}
			if !hasCode(pg, tt.code) {
				t.Fatalf("diagnostics %v, want %s", codes(pg), tt.code)
			}
			for _, d := range pg.Diags {
				if d.Code == tt.code && d.Pos.Line != tt.line {
					t.Errorf("%s at line %d, want %d", tt.code, d.Pos.Line, tt.line)
				}
			}
			if len(pg.Headings)+len(pg.Tables)+len(pg.Annotations)+len(pg.Links) > 0 {
				t.Errorf("a rejected page has facts")
			}
		})
	}
}

// TestLimitsAccept checks pages near the limits and pages the line estimate
// overrates, which must be parsed as usual.
func TestLimitsAccept(t *testing.T) {
	R := strings.Repeat
	tests := []struct{ name, src string }{
		{"32 markers", R("- ", 32) + "x\n"},
		{"thematic break", R("* ", 100_000) + "\n"},
		{"dense code block", "# T\n\n```\n" + R("[a](b", 40_000) + "\n```\n"},
		{"deep JSON in a code block", "# T\n\n```json\n" + R("[", 1_000_000) + "\n```\n"},
		{"sibling lists", R("- a\n  - b\n    - c\n- d\n", 10_000)},
		{"many links", R("See [a](b.md) and [c](d.md).\n\n", 20_000)},
		{"wide table", "| a | b |\n|---|---|\n" + R("| [x](y.md) | `z` |\n", 5_000)},
		{"dense table cells", "| a | b |\n|---|---|\n" + R("| *a_ *a_ | [a](b |\n", 20_000)},
	}
	p := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			pg := p.Parse("x.md", []byte(tt.src))
			if d := time.Since(start); d > slowdown*5*time.Second {
				t.Errorf("took %v", d)
			}
			for _, c := range codes(pg) {
				switch c {
				case "markdown-too-deep", "markdown-too-complex", "page-too-large", "internal-error":
					t.Errorf("unexpected %s", c)
				}
			}
		})
	}
	pg := p.Parse("x.md", []byte(R("- ", 33)+"x\n"))
	if !hasCode(pg, "markdown-too-deep") {
		t.Errorf("33 markers: diagnostics %v, want markdown-too-deep", codes(pg))
	}
}

// TestLimitsConfigurable checks the Limits fields and their defaults.
func TestLimitsConfigurable(t *testing.T) {
	p := New()
	p.MaxPageBytes = 100
	pg := p.Parse("x.md", []byte(strings.Repeat("a", 101)))
	if !hasCode(pg, "page-too-large") || pg.Diags[0].Pos.Line != 0 {
		t.Errorf("101 bytes over MaxPageBytes 100: %v", pg.Diags)
	}
	if pg := p.Parse("x.md", []byte(strings.Repeat("a", 100))); hasCode(pg, "page-too-large") {
		t.Errorf("100 bytes rejected")
	}
	p = New()
	p.MaxNesting = 3
	if pg := p.Parse("x.md", []byte("- - - x\n")); hasCode(pg, "markdown-too-deep") {
		t.Errorf("3 deep rejected with MaxNesting 3")
	}
	if pg := p.Parse("x.md", []byte("- - - - x\n")); !hasCode(pg, "markdown-too-deep") {
		t.Errorf("4 deep accepted with MaxNesting 3")
	}
	p = New()
	p.MaxInlineCost = 1000
	if pg := p.Parse("x.md", []byte(strings.Repeat("[a](b) ", 20))); !hasCode(pg, "markdown-too-complex") {
		t.Errorf("cost over MaxInlineCost 1000 accepted")
	}
	// Pages are counted only when their size squared may exceed the
	// limit: one just over it is still caught.
	p.MaxInlineCost = 100*100 - 1
	if pg := p.Parse("x.md", []byte(strings.Repeat("[", 100))); !hasCode(pg, "markdown-too-complex") {
		t.Errorf("100 delimiters in a 100-byte paragraph accepted with MaxInlineCost %d", p.MaxInlineCost)
	}
	p.MaxInlineCost = 101 * 101
	if pg := p.Parse("x.md", []byte(strings.Repeat("[", 100))); hasCode(pg, "markdown-too-complex") {
		t.Errorf("100 delimiters in a 100-byte paragraph rejected with MaxInlineCost %d", p.MaxInlineCost)
	}
	var l Limits
	if l.maxPageBytes() != DefaultMaxPageBytes || l.maxNesting() != DefaultMaxNesting || l.maxInlineCost() != DefaultMaxInlineCost || l.maxTableCells() != DefaultMaxTableCells {
		t.Errorf("zero Limits do not mean the defaults")
	}
	p = New()
	p.MaxTableCells = 6
	if pg := p.Parse("x.md", []byte("|a|b|\n|-|-|\n|c|d|\n|e|f|\n")); hasCode(pg, "markdown-too-complex") {
		t.Errorf("6 cells rejected with MaxTableCells 6")
	}
	if pg := p.Parse("x.md", []byte("|a|b|\n|-|-|\n|c|d|\n|e|f|\n|g|h|\n")); !hasCode(pg, "markdown-too-complex") {
		t.Errorf("8 cells accepted with MaxTableCells 6")
	}
	p = New()
	p.MaxJSONDepth = 0
	if p.jsonDepth() != DefaultMaxJSONDepth {
		t.Errorf("MaxJSONDepth 0 gives depth %d, want %d", p.jsonDepth(), DefaultMaxJSONDepth)
	}
}

// TestDeepJSONBody checks that example and annotation JSON nested past the
// limit is reported and dropped, whatever MaxJSONDepth says, in linear
// time.
func TestDeepJSONBody(t *testing.T) {
	deep := strings.Repeat("[", 10_000_000)
	src := "# T\n\n## Response\n\n<!-- {\"blockType\": \"response\"} -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + deep + "\n```\n" +
		"<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\", \"a\": " + strings.Repeat("{\"a\":", 1000) + "1" + strings.Repeat("}", 1000) + "} -->\n```json\n{}\n```\n"
	for _, depth := range []int{0, 256, 5} {
		p := New()
		p.MaxJSONDepth = depth
		start := time.Now()
		pg := p.Parse("x.md", []byte(src))
		if d := time.Since(start); d > slowdown*5*time.Second {
			t.Errorf("depth %d: took %v", depth, d)
		}
		if !hasCode(pg, "json-too-deep") || !hasCode(pg, "annotation-json") {
			t.Errorf("depth %d: diagnostics %v, want json-too-deep and annotation-json", depth, codes(pg))
		}
		if len(pg.Responses) != 1 || pg.Responses[0].Body == nil || pg.Responses[0].Body.JSON != nil {
			t.Errorf("depth %d: the deep body is not dropped", depth)
		}
	}
}

// TestCountDelims checks the bit-set countDelims byte by byte against the
// list of delimiters it stands for.
func TestCountDelims(t *testing.T) {
	const delims = "[]()*_`<\\!~&"
	for c := range 256 {
		want := 0
		if c < 128 && strings.IndexByte(delims, byte(c)) >= 0 {
			want = 1
		}
		if got := countDelims([]byte{byte(c)}); got != want {
			t.Errorf("countDelims(%q) = %d, want %d", byte(c), got, want)
		}
	}
	if got := countDelims([]byte("a [link](x) *b* `c` é ~~d~~ &amp; \\ !")); got != 15 {
		t.Errorf("countDelims of a mixed line = %d, want 15", got)
	}
}
