package parser

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/docgen-dev/docgen/diag"
)

// Include is a DocFX include, "[!INCLUDE [label](path)]": the docs build
// replaces the line with the file at path (a permissions table, a code
// snippet, a national-cloud note). docgen never reads the file; the
// include is kept so that -lint can check its path, and it is not a link.
type Include struct {
	Pos   diag.Pos `json:"pos"`
	Label string   `json:"label,omitempty"`
	Dest  string   `json:"dest"`
	// Section is the level-2 heading above the include; "" for the intro.
	Section string `json:"section,omitempty"`
}

// includeMarker is what precedes the link of an include, compared without
// case and without the spaces the docs sometimes put before "[".
const includeMarker = "[!include"

// includes finds the includes among the inline children of n (a paragraph
// or a table cell): a link whose preceding text ends with "[!INCLUDE" and
// whose following text starts with "]". goldmark reads the inner
// "[label](path)" as a link and the brackets around it as text. The
// includes are recorded on the page and removed from links, which
// holds the links inlineTo collected from n in document order.
func (st *state) includes(n ast.Node, links []Link) []Link {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		l, ok := c.(*ast.Link)
		if !ok || !st.startsWithClose(c.NextSibling()) {
			continue
		}
		start, ok := st.markerStart(c.PreviousSibling())
		if !ok {
			continue
		}
		dest := string(l.Destination)
		var text string
		for i, x := range links {
			if x.Dest == dest {
				text = x.Text
				links = slices.Delete(links, i, i+1)
				break
			}
		}
		st.page.Includes = append(st.page.Includes, Include{Pos: st.pos(start), Label: strings.TrimSpace(text), Dest: dest, Section: st.section})
	}
	return links
}

// markerStart returns the offset of the "[!INCLUDE" that the text nodes
// ending at n end with, spaces after it allowed (goldmark splits
// "[!INCLUDE " into "[" and "!INCLUDE "). Only the text of n's own line
// counts.
func (st *state) markerStart(n ast.Node) (int, bool) {
	var v []byte
	first := 0 // the offset of v[0]
	for ; n != nil && len(v) < 2*len(includeMarker); n = n.PreviousSibling() {
		t, ok := n.(*ast.Text)
		if !ok || t.SoftLineBreak() || t.HardLineBreak() {
			break // a line break ends the line before the link's
		}
		v = append(slices.Clip(t.Segment.Value(st.src)), v...)
		first = t.Segment.Start
	}
	v = bytes.TrimRight(v, " \t")
	if len(v) < len(includeMarker) || !strings.EqualFold(string(v[len(v)-len(includeMarker):]), includeMarker) {
		return 0, false
	}
	return first + len(v) - len(includeMarker), true
}

// startsWithClose reports whether n is text starting with "]", spaces
// before it allowed.
func (st *state) startsWithClose(n ast.Node) bool {
	t, ok := n.(*ast.Text)
	if !ok {
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(t.Segment.Value(st.src), " \t"), []byte("]"))
}

// onlyIncludes reports whether the text of a block, as inlineTo renders
// it, is nothing but includes (and spaces): the snippet lines of a tab of
// code samples, which a "---" right below turns into a setext heading.
func onlyIncludes(text []byte) bool {
	s := strings.TrimSpace(string(text))
	if s == "" {
		return false
	}
	for s != "" {
		if len(s) < len(includeMarker) || !strings.EqualFold(s[:len(includeMarker)], includeMarker) {
			return false
		}
		// The rendered text is "[!INCLUDE label]": skip to the "]" that
		// closes it.
		i := strings.IndexByte(s, ']')
		if i < 0 {
			return false
		}
		s = strings.TrimSpace(s[i+1:])
	}
	return true
}
