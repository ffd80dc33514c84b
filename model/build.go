package model

import (
	"cmp"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
)

// DefaultNamespace is assumed for pages without a "Namespace:" line.
const DefaultNamespace = "microsoft.graph"

// Options tune Build.
type Options struct {
	// Reserved are identifiers the generated package already declares (the
	// client runtime); no type may take them.
	Reserved []string
	// Names are the names an earlier run gave (its names file); they are
	// kept for the types and operations that still exist.
	Names []NameEntry
	// TypesDone, if set, is called once the model's types are final
	// (named, resolved and sorted, as Model.Types will hold them), before
	// the operations are resolved, so that a caller can render them while
	// Build completes the model on its goroutine. Build changes no Type
	// after the call, and the callback must not change them either.
	TypesDone func(types []*Type)
}

// builder is the state of one Build call.
type builder struct {
	opts  Options
	pages []*parser.Page
	types map[string]*typeFacts
	ops   []*opFacts
	diags diag.List
	// getTypes maps a GET path shape to the type it returns, for update
	// operations whose body type no other evidence names.
	getTypes map[string]rawRef
	// collTypes maps a GET path shape to the element type of the
	// collection it returns: the type a POST to that collection creates.
	collTypes map[string]rawRef
	summary   map[string]*PageSummary
	origins   map[string]int
	// lock holds the names of an earlier run.
	lock lockIndex
	// unmatched are the examples that fit no request line of their page.
	unmatched []exPair
	// merged are the operations merged into another page's.
	merged []mergedOp
	// pageTypes maps a resource page's name ("bookcopy") to the key of the
	// type it defines.
	pageTypes map[string]string
	// methodRows maps an API page's name ("book-list") to the row of a
	// resource page's Methods table that links it (see collectMethods).
	methodRows map[string]methodRow
	// sortedTypeKeys caches sortedKeys.
	sortedTypeKeys []string
	// enumsByMembers indexes the enums for enumFromText (see indexEnums;
	// nil before resolveTypes).
	enumsByMembers map[string][]string
	// pageOps are the operations collectOperations made of each page, in
	// the order of ops.
	pageOps map[*parser.Page][]*opFacts
	// resourceWords and baseNames cache resourceWord and operationName,
	// which prepareNames computes for the pages that have operations.
	resourceWords map[*parser.Page]string
	baseNames     map[*parser.Page]string
	// derived holds the keys of the types pages name as a base type, for
	// walkExamples (see markBases).
	derived map[string]bool
	// derivedLists are the types resource pages list as their derived
	// types, in page order (see applyDerivedLists).
	derivedLists []derivedListed
}

// pass is one step of Build.
type pass struct {
	name string
	run  func(b *builder, m *Model)
}

// passes are the steps of Build, in the order they run: each needs what the
// ones before it decided (the order is the contract, so it is written down
// here, once).
func passes() []pass {
	return []pass{
		{"prepare names: each API page's operation name and resource word", func(b *builder, _ *Model) { b.prepareNames() }},
		{"collect types: resource and enum pages, tables, JSON representations", func(b *builder, _ *Model) {
			for _, p := range b.pages {
				b.collectTypes(p)
			}
		}},
		{"read JSON representation values that name no type as strings", func(b *builder, _ *Model) { b.representationValues() }},
		{"collect operations: request lines, examples, responses", func(b *builder, _ *Model) {
			for _, p := range b.pages {
				b.collectOperations(p)
			}
		}},
		{"drop request lines with a query that address another page's resource", func(b *builder, _ *Model) { b.dropForeignQueries() }},
		{"merge operations that several pages document", func(b *builder, _ *Model) { b.mergeDuplicateOperations() }},
		{"attach examples that fit no request line of their page", func(b *builder, _ *Model) { b.attachUnmatched() }},
		{"let the response examples' @odata.context type what their annotations do not", func(b *builder, _ *Model) { b.applyContexts() }},
		{"let the relationship tables type the GETs of navigation properties", func(b *builder, _ *Model) { b.applyRelationships() }},
		{"report response bodies the operations drop", func(b *builder, _ *Model) { b.reportIgnoredBodies() }},
		{"resolve request bodies", func(b *builder, _ *Model) {
			for _, op := range b.ops {
				b.resolveBody(op)
			}
		}},
		{"give types the bases whose pages list them as derived types", func(b *builder, _ *Model) { b.applyDerivedLists() }},
		{"mark the types pages name as bases", func(b *builder, _ *Model) { b.markBases() }},
		{"walk examples for evidence of members and types", func(b *builder, _ *Model) {
			for _, op := range b.ops {
				b.walkExamples(op)
			}
		}},
		{"give types the bases examples imply", func(b *builder, _ *Model) { b.applyBaseCandidates() }},
		{"give entity types no evidence gives a base the base entity", func(b *builder, _ *Model) { b.applyEntityDefault() }},
		{"report how responses were decided and where the evidence conflicts", func(b *builder, _ *Model) { b.reportResponseEvidence() }},
		{"report request lines that conflict", func(b *builder, _ *Model) { b.reportPathConflicts() }},
		{"infer enums from descriptions and examples", func(b *builder, _ *Model) { b.inferEnums() }},
		{"name operations", func(b *builder, _ *Model) { b.nameOperations() }},
		{"resolve types", func(b *builder, m *Model) {
			b.resolveTypes(m)
			if b.opts.TypesDone != nil {
				b.opts.TypesDone(m.Types)
			}
		}},
		{"resolve operations", func(b *builder, m *Model) { b.resolveOperations(m) }},
		{"validate examples against the model", func(b *builder, _ *Model) { b.validateExamples() }},
		{"summarize pages", func(b *builder, m *Model) { b.summarize(m) }},
		{"base URL and names file", func(b *builder, m *Model) {
			m.BaseURL = b.baseURL()
			m.Names = nameEntries(m)
		}},
	}
}

// Build merges the facts of pages into a model, running passes in order.
// The result depends only on the pages' contents and paths, not on their
// order.
func Build(pages []*parser.Page, opts Options) *Model {
	b := newBuilder(pages, opts)
	m := &Model{}
	for _, p := range passes() {
		p.run(b, m)
	}
	b.diags.Sort()
	m.Diags = b.diags
	return m
}

// newBuilder returns the builder of pages before any pass has run.
func newBuilder(pages []*parser.Page, opts Options) *builder {
	b := &builder{
		opts:          opts,
		pages:         slices.Clone(pages),
		types:         map[string]*typeFacts{},
		getTypes:      map[string]rawRef{},
		collTypes:     map[string]rawRef{},
		summary:       map[string]*PageSummary{},
		origins:       map[string]int{},
		pageTypes:     map[string]string{},
		methodRows:    map[string]methodRow{},
		pageOps:       map[*parser.Page][]*opFacts{},
		lock:          newLockIndex(opts.Names),
		resourceWords: map[*parser.Page]string{},
		baseNames:     map[*parser.Page]string{},
	}
	slices.SortStableFunc(b.pages, func(x, y *parser.Page) int { return cmp.Compare(x.Path, y.Path) })
	for _, p := range b.pages {
		b.diags = append(b.diags, p.Diags...)
		b.summary[p.Path] = &PageSummary{Path: p.Path}
	}
	return b
}

func namespaceOf(p *parser.Page) string {
	if p.Namespace != "" {
		return p.Namespace
	}
	return DefaultNamespace
}

var (
	enumTitleRe     = regexp.MustCompile(`(?i)^\s*(\S+)\s+enum(?:eration)?(?:\s+type)?\s*$`)
	resourceTitleRe = regexp.MustCompile(`(?i)^\s*(\S+)\s+(?:resource|complex|entity)(?:\s+type)?\s*$`)
	valuesHeadingRe = regexp.MustCompile(`(?i)^\s*(\S+)\s+(?:values|enum(?:eration)?(?:\s+values)?|members)\s*$`)
)

// collectTypes reads the type facts of a resource or enum page.
func (b *builder) collectTypes(p *parser.Page) {
	ns := namespaceOf(p)
	var owner *typeFacts
	for _, r := range p.Resources {
		name, _ := oDataTypeName(r.ODataType)
		if name == "" {
			continue
		}
		tf := b.typ(name, 0, r.Pos)
		tf.definedBy(p.Path)
		if !tf.defined || homePage(p.Path, name) && !homePage(tf.page, name) {
			// The type's own page (user.md) describes it, not another page
			// that also defines it (intune-devices-user.md).
			tf.defined, tf.pos, tf.page = true, r.Pos, p.Path
			tf.desc = pageDescription(p)
		}
		if r.KeyProperty != "" {
			tf.kind = Entity
			if tf.keyProperty == "" {
				tf.keyProperty = r.KeyProperty
			}
		}
		tf.open = tf.open || r.OpenType
		if r.BaseType != "" {
			base, _ := oDataTypeName(r.BaseType)
			if base != "" && !strings.EqualFold(base, name) {
				b.typ(base, 1, r.Pos)
				tf.base, tf.basePos = strings.ToLower(base), r.Pos
			}
		}
		if owner == nil {
			owner = tf
		}
		if r.Body != nil && r.Body.JSON != nil && r.Body.JSON.Kind == parser.JSONObject {
			b.collectRepresentation(tf, r.Body, ns)
		}
	}
	var propTables, enumTables []*parser.Table
	for _, t := range p.Tables {
		switch t.Kind {
		case parser.TableMethods:
			b.collectMethods(p, t)
		case parser.TableProperties, parser.TableRelationships:
			propTables = append(propTables, t)
		case parser.TableEnumMembers:
			enumTables = append(enumTables, t)
		}
	}
	isAPI := len(p.Templates) > 0 || len(p.Requests) > 0
	if owner == nil && len(propTables) > 0 && !isAPI {
		if m := resourceTitleRe.FindStringSubmatch(p.Title); m != nil {
			owner = b.typ(ns+"."+m[1], 0, p.TitlePos)
			owner.definedBy(p.Path)
			if !owner.defined {
				owner.defined, owner.page, owner.desc = true, p.Path, pageDescription(p)
			}
			b.diags.Warnf(p.TitlePos, "resource-no-annotation", "resource page has no usable resource annotation; type %s named from the title", m[1])
		}
	}
	if owner != nil && owner.base == "" && p.InheritsFrom != "" && isQualified(p.InheritsFrom) {
		base := p.InheritsFrom
		if !strings.Contains(base, ".") {
			base = ns + "." + base
		}
		if !strings.EqualFold(base, owner.key) {
			b.typ(base, 2, p.InheritsFromPos)
			owner.base, owner.basePos = strings.ToLower(base), p.InheritsFromPos
			b.diags.Warnf(p.InheritsFromPos, "base-from-text", "the resource annotation names no baseType; base type %s taken from the \"Inherits from\" line", base)
		}
	}
	if owner != nil {
		if _, ok := b.pageTypes[linkKey(p.Path)]; !ok {
			b.pageTypes[linkKey(p.Path)] = owner.key
		}
		for _, t := range propTables {
			b.collectTable(owner, t, ns)
		}
		b.collectDerivedLists(p, owner, ns)
	}
	for _, t := range enumTables {
		s := b.summary[p.Path]
		s.EnumTables++
		if b.collectEnum(p, t, ns) {
			s.EnumTablesUsed++
		}
	}
}

// collectTable reads a property or relationship table.
func (b *builder) collectTable(tf *typeFacts, t *parser.Table, ns string) {
	typeCol, descCol := column(t.Header, "type"), column(t.Header, "description")
	if t.Kind == parser.TableProperties {
		tf.propTable = true
	}
	if typeCol < 0 {
		typeCol = 1
	}
	for _, row := range t.Rows {
		if len(row.Cells) == 0 {
			continue
		}
		name := propertyName(row.Cells[0].Text)
		if name == "" {
			if t := strings.TrimSpace(row.Cells[0].Text); t != "" {
				b.diags.Warnf(row.Pos, "property-name", "property name %s of %s is not a usable name; row skipped", quote(t), tf.bestSpelling())
			}
			continue
		}
		p := tf.prop(name, row.Pos)
		p.inTable = true
		p.relationship = p.relationship || t.Kind == parser.TableRelationships
		if descCol >= 0 && descCol < len(row.Cells) && p.desc == "" {
			p.desc = row.Cells[descCol].Text
		}
		if typeCol >= len(row.Cells) {
			continue
		}
		cell := row.Cells[typeCol]
		ref, ok := parseTypeText(cell.Text, ns)
		if !ok {
			b.diags.Warnf(row.Pos, "type-text", "property %s of %s: cannot read type %s; kept as raw JSON", name, tf.bestSpelling(), quote(cell.Text))
			continue
		}
		if ref.named != "" {
			b.typ(displayName(cell.Text, ref.named), 2, row.Pos)
		}
		if p.table == nil {
			p.table = &evidence{ref: ref, pos: row.Pos, source: FromTable, text: cell.Text}
			for _, l := range cell.Links {
				if l.Dest != "" {
					p.table.link = l.Dest
					break
				}
			}
		}
	}
}

// displayName recovers the spelling of a named type from the cell text.
func displayName(text, key string) string {
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '(' || r == ')' || r == '`' || r == '[' || r == ']' }) {
		if strings.HasSuffix(key, strings.ToLower(f)) && len(f) > 0 {
			return key[:len(key)-len(f)] + f
		}
	}
	return key
}

// propertyName cleans a property cell: "**id**", "`id`", "id (deprecated)".
func propertyName(s string) string {
	s = strings.TrimSpace(strings.Trim(s, "*`_ "))
	if i := strings.IndexAny(s, " \t("); i >= 0 {
		s = s[:i]
	}
	s = strings.Trim(s, "*`_ ")
	if s == "" || strings.ContainsAny(s, "\"\\,`") {
		return ""
	}
	return s
}

func column(header []string, name string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i
		}
	}
	return -1
}

// collectRepresentation reads the JSON representation of a resource.
func (b *builder) collectRepresentation(tf *typeFacts, body *parser.Body, ns string) {
	for _, m := range body.JSON.Members {
		if strings.HasPrefix(m.Key, "@") || strings.Contains(m.Key, "@odata.") {
			continue
		}
		pos := body.Pos.Within(m.Line, m.Col)
		p := tf.prop(m.Key, pos)
		ref, ok := b.placeholderRef(m.Value, ns, pos)
		if ok && p.rep == nil {
			v := m.Value
			if v.Kind == parser.JSONArray && len(v.Elems) > 0 {
				v = v.Elems[0]
			}
			p.rep = &evidence{ref: ref, pos: pos, source: FromJSONRep, object: v.Kind == parser.JSONObject}
			if v.Kind == parser.JSONString {
				p.rep.text = v.String
			}
		}
	}
}

// namesTypeExplicitly reports whether a JSON representation placeholder
// names a type in a form no example value takes: qualified with the
// microsoft.graph namespace, or a Collection(...).
func namesTypeExplicitly(placeholder string) bool {
	l := strings.ToLower(placeholder)
	return strings.Contains(l, strings.ToLower(DefaultNamespace)+".") || strings.Contains(l, "collection(")
}

// representationValues decides, once every resource page is read, what a
// JSON representation placeholder that is a bare name means: the type of
// that name when a page, table or annotation names it ("resourceReference"),
// else an example value ("succeeded", "red", "true"), read as a String
// (representation-value) instead of making up a type no page defines.
func (b *builder) representationValues() {
	for _, k := range b.sortedKeys() {
		tf := b.types[k]
		for _, p := range tf.props {
			e := p.rep
			if e == nil || e.object || e.ref.named == "" || e.text == "" || namesTypeExplicitly(e.text) {
				continue
			}
			if b.types[e.ref.named] != nil {
				b.typ(displayName(e.text, e.ref.named), 2, e.pos)
				continue
			}
			e.ref = rawRef{prim: String, collection: e.ref.collection}
			b.diags.Warnf(e.pos, "representation-value", "the JSON representation gives property %s of %s the value %s, which names no type any page or table names; read as a String example value", p.jsonName, tf.bestSpelling(), quote(e.text))
		}
	}
}

// placeholderRef reads a JSON representation value: "String",
// "String (timestamp)", {"@odata.type": "x"}, [ ... ], true, 1024.
func (b *builder) placeholderRef(v *parser.JSONValue, ns string, pos diag.Pos) (rawRef, bool) {
	switch v.Kind {
	case parser.JSONString:
		if r, ok := parseTypeText(v.String, ns); ok {
			if r.named != "" && namesTypeExplicitly(v.String) {
				b.typ(displayName(v.String, r.named), 2, pos)
			}
			// A bare name ("channelMembershipType", "succeeded") makes a
			// type only if another source names it: see
			// representationValues.
			return r, true
		}
		return rawRef{prim: String}, true
	case parser.JSONBool:
		return rawRef{prim: Boolean}, true
	case parser.JSONNumber:
		return rawRef{prim: numberPrim(v.Number)}, true
	case parser.JSONObject:
		if t := v.Member("@odata.type"); t != nil && t.Kind == parser.JSONString {
			name, coll := oDataTypeName(t.String)
			if r, ok := parseTypeText(name, ns); ok {
				if r.named != "" {
					b.typ(displayName(name, r.named), 1, pos)
				}
				r.collection = r.collection || coll
				return r, true
			}
		}
		return rawRef{prim: Untyped}, true
	case parser.JSONArray:
		if len(v.Elems) == 0 {
			return rawRef{}, false
		}
		r, ok := b.placeholderRef(v.Elems[0], ns, pos)
		r.collection = true
		return r, ok
	}
	return rawRef{}, false
}

// collectEnum reads an enum member table. It reports whether the table
// gave an enum at least one member.
func (b *builder) collectEnum(p *parser.Page, t *parser.Table, ns string) bool {
	name := ""
	section := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' ' // headings may hold no-break spaces
		}
		return r
	}, t.Section)
	if m := valuesHeadingRe.FindStringSubmatch(section); m != nil && !strings.EqualFold(m[1], "enum") {
		name = m[1]
	} else if m := enumTitleRe.FindStringSubmatch(p.Title); m != nil {
		name = m[1]
	} else if h := enumFromHeading(section); h != "" && isEnumPage(p) {
		name = h
		b.diags.Warnf(t.Pos, "enum-from-heading", "member table under heading %s names no \"values\"; taken as the members of enum %s", quote(t.Section), h)
	}
	name = strings.Trim(name, "`*")
	if name == "" || !isQualified(name) {
		b.diags.Warnf(t.Pos, "enum-name", "enum member table without an enum name (section %s); skipped", quote(t.Section))
		return false
	}
	full := name
	if !strings.Contains(name, ".") {
		full = ns + "." + name
	}
	tf := b.typ(full, 0, t.Pos)
	tf.definedBy(p.Path)
	tf.kind = Enum
	if !tf.defined {
		tf.defined, tf.page = true, p.Path
		tf.desc = pageDescription(p)
		if enumTitleRe.MatchString(p.Title) == false {
			tf.desc = ""
		}
	}
	descCol := column(t.Header, "description")
	added := false // this table gave a member
	for _, row := range t.Rows {
		if len(row.Cells) == 0 {
			continue
		}
		v := strings.Trim(strings.TrimSpace(row.Cells[0].Text), "`*")
		if v == "" {
			continue
		}
		if tf.memberSeen[v] {
			b.diags.Warnf(row.Pos, "enum-duplicate", "enum %s lists member %s twice", name, quote(v))
			continue
		}
		tf.memberSeen[v] = true
		m := &EnumMember{Value: v, Pos: row.Pos}
		if descCol >= 0 && descCol < len(row.Cells) && !undocumented(row.Cells[descCol].Text) {
			m.Description = row.Cells[descCol].Text
		}
		tf.members = append(tf.members, m)
		added = true
	}
	if len(tf.members) == 0 {
		b.diags.Warnf(t.Pos, "enum-empty", "enum member table of %s has no members", name)
	}
	return added || len(tf.members) > 0
}

// quote writes docs text for a diagnostic: cut short, quoted, with control
// characters escaped so that none reaches a terminal.
func quote(s string) string {
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return strconv.Quote(s)
}

func pageBase(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}
