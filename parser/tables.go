package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"

	east "github.com/yuin/goldmark/extension/ast"
)

func (st *state) table(n *east.Table) {
	t := &Table{Pos: st.nodePos(n), Section: st.section}
	if st.subsection != "" {
		t.Section = st.subsection
	}
	// Rows and cells are allocated at their final size (goldmark puts the
	// header first, then the rows), and stay nil when there are none.
	if rows := n.ChildCount() - 1; rows > 0 {
		t.Rows = make([]Row, 0, rows)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		var cells []Cell
		if k := c.ChildCount(); k > 0 {
			cells = make([]Cell, 0, k)
		}
		pos := st.nodePos(c)
		if pos.Line == 0 {
			pos = t.Pos
		}
		pos.Col = 1
		for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
			var links []Link
			txt := joinFields(st.inlineBytes(cell, &links))
			links = st.includes(cell, links)
			if len(links) == 0 {
				links = nil
			}
			cells = append(cells, Cell{Text: txt, Links: links})
		}
		switch c.(type) {
		case *east.TableHeader:
			for _, cell := range cells {
				t.Header = append(t.Header, cell.Text)
			}
		case *east.TableRow:
			t.Rows = append(t.Rows, Row{Pos: pos, Cells: cells})
		}
	}
	if t.Pos.Line == 0 && len(t.Rows) > 0 {
		t.Pos = t.Rows[0].Pos
	}
	t.Kind = classify(st.section, st.subsection, t.Header)
	st.page.Tables = append(st.page.Tables, t)
}

// classify decides what a table holds from its first header cell and the
// sections it sits in.
func classify(section, subsection string, header []string) TableKind {
	if len(header) == 0 {
		return TableOther
	}
	first := strings.ToLower(strings.Trim(header[0], " *"))
	sec := strings.ToLower(section)
	sub := strings.ToLower(subsection)
	if (instanceAttributes(sec) || instanceAttributes(sub)) && (strings.HasPrefix(first, "property") || strings.HasPrefix(first, "name") || strings.HasPrefix(first, "attribute")) {
		// "@microsoft.graph.downloadUrl" and the like: annotations that
		// the service writes or reads on an instance, members of its JSON
		// object that clients send and read like properties, whatever
		// the header says ("Property", "Property name").
		return TableProperties
	}
	if derivedTypes(sec) || derivedTypes(sub) {
		// "Derived types": a list of the types that derive from the
		// page's type ("Type | Description"), not its properties.
		return TableOther
	}
	if strings.HasSuffix(sub, " property values") {
		// The values of one property ("Roles property values"), not an
		// enum type.
		return TableOther
	}
	switch {
	case (first == "member" || first == "members" || first == "enum member") && strings.HasPrefix(sec, "properties") && sub == "":
		// A member table right in the Properties section lists the values
		// of one String property, not an enum type.
		return TableOther
	case first == "member" || first == "members" || first == "enum member" || first == "value" && strings.HasSuffix(sub, "values"):
		return TableEnumMembers
	case first == "method" || first == "methods":
		return TableMethods
	case first == "relationship" || first == "relationships":
		return TableRelationships
	case first == "property" || first == "properties":
		if strings.HasPrefix(sec, "relationship") {
			return TableRelationships
		}
		switch {
		case strings.Contains(sec, "request body"):
			return TableRequestBody
		case strings.Contains(sec, "query parameter"):
			return TableQueryParams
		case strings.Contains(sec, "parameter"):
			return TablePathParams
		}
		return TableProperties
	case first == "header" || first == "headers" || first == "request header":
		return TableHeaders
	case (first == "value" || first == "values") && (strings.HasPrefix(sec, "properties") || strings.HasPrefix(sec, "relationship")):
		// A value table in a Properties section ("Group visibility
		// options": Value | Description) explains the values of a
		// property; its rows are no properties.
		return TableOther
	}
	switch {
	case strings.Contains(sec, "path parameter"):
		return TablePathParams
	case strings.Contains(sec, "query parameter"):
		return TableQueryParams
	case strings.Contains(sec, "header"):
		return TableHeaders
	case strings.Contains(sec, "request body"):
		return TableRequestBody
	case strings.HasPrefix(sec, "function parameters") || strings.HasPrefix(sec, "parameters"):
		return TablePathParams
	case strings.HasPrefix(sec, "relationship") && hasTypeColumn(header):
		return TableRelationships
	case strings.HasPrefix(sec, "properties") && hasTypeColumn(header):
		// A table of a Properties section that does not say "Property"
		// is a property table only with a Type column: "Scenario | Has
		// reviewers?" or "Pre-set constant | Color" tables explain, and
		// their rows are no properties.
		return TableProperties
	case strings.HasPrefix(sec, "relationship") || strings.HasPrefix(sec, "properties"):
		return TableOther
	case sec == "members" || strings.HasPrefix(sec, "members ") || strings.HasSuffix(sub, "values"):
		return TableEnumMembers
	}
	return TableOther
}

// derivedTypes reports whether a heading is "Derived types".
func derivedTypes(heading string) bool {
	return strings.Trim(heading, "*`: ") == "derived types"
}

// hasTypeColumn reports whether a header has a "Type" cell.
func hasTypeColumn(header []string) bool {
	for _, h := range header {
		if strings.EqualFold(strings.Trim(h, " *`"), "type") {
			return true
		}
	}
	return false
}

// instanceAttributes reports whether a heading names the instance
// attributes (or instance annotations) of a resource.
func instanceAttributes(heading string) bool {
	return strings.HasPrefix(heading, "instance attributes") || strings.HasPrefix(heading, "instance annotations")
}

// joinFields returns strings.Join(strings.Fields(string(b)), " "): the
// words of b separated by single spaces. It compacts b in place, so the
// result is the only allocation.
func joinFields(b []byte) string {
	w := 0
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(b) {
			r, size := rune(b[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRune(b[j:])
			}
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if w > 0 {
			b[w] = ' '
			w++
		}
		w += copy(b[w:], b[i:j])
		i = j
	}
	return string(b[:w])
}
