package model

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/diag"
)

// goTypeName is the Go name of a full OData name: the local name, prefixed
// with the sub-namespace below microsoft.graph ("microsoft.graph.callRecords.session"
// → "CallRecordsSession").
func goTypeName(full string) string {
	i := strings.LastIndexByte(full, '.')
	if i < 0 {
		return GoName(full)
	}
	ns, local := full[:i], full[i+1:]
	prefix := ""
	switch {
	case strings.EqualFold(ns, DefaultNamespace):
	case len(ns) > len(DefaultNamespace) && strings.EqualFold(ns[:len(DefaultNamespace)+1], DefaultNamespace+"."):
		prefix = GoName(ns[len(DefaultNamespace)+1:])
	default:
		prefix = GoName(ns[strings.LastIndexByte(ns, '.')+1:])
	}
	return prefix + GoName(local)
}

// sortedKeys returns the keys of all types, sorted. The slice is cached
// until a type is added (types are never removed) and shared: callers must
// not modify it.
func (b *builder) sortedKeys() []string {
	if len(b.sortedTypeKeys) == len(b.types) {
		return b.sortedTypeKeys
	}
	keys := make([]string, 0, len(b.types))
	for k := range b.types {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b.sortedTypeKeys = keys
	return keys
}

// resolveTypes turns type facts into model types: names, kinds, bases,
// members and properties.
func (b *builder) resolveTypes(m *Model) {
	keys := b.sortedKeys()
	names := newNamer(b.opts.Reserved...)
	// Documented types first, so that made-up types never take their names;
	// among them, when two full names give one Go name, the one in the
	// outermost namespace with the plainest spelling keeps it, whatever
	// other pages exist.
	// Names an earlier run gave come first of all.
	byClaim := slices.Clone(keys)
	locked := func(k string) int {
		if _, ok := b.lock.typeName(k); ok || b.types[k].nameLocked {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(byClaim, func(x, y string) int {
		return cmp.Or(cmp.Compare(locked(x), locked(y)), cmp.Compare(strings.Count(x, "."), strings.Count(y, ".")), cmp.Compare(punct(x), punct(y)), cmp.Compare(x, y))
	})
	for _, synth := range []bool{false, true} {
		for _, k := range byClaim {
			tf := b.types[k]
			if tf.synthesized != synth {
				continue
			}
			t := &Type{Kind: tf.kind, Description: tf.desc, Pos: tf.pos, Synthesized: tf.synthesized, Open: tf.open, Defined: tf.defined}
			if tf.synthesized {
				t.Name = names.unique(tf.goName)
			} else {
				t.FullName = tf.bestSpelling()
				name, ok := b.lock.typeName(k)
				if !ok {
					name = goTypeName(t.FullName)
				}
				t.Name = names.unique(name)
				if !tf.defined {
					b.undefinedKind(tf, t)
				}
			}
			tf.resolved = t
			m.Types = append(m.Types, t)
		}
	}
	for _, k := range keys {
		b.resolveBase(b.types[k])
	}
	for _, k := range keys {
		tf := b.types[k]
		t := tf.resolved
		if t.Kind == Complex && t.Base != nil && isEntity(t.Base) {
			t.Kind = Entity
		}
		if t.Kind == Enum {
			for _, mem := range tf.members {
				mem.Name = names.unique(t.Name + GoName(mem.Value))
				t.Members = append(t.Members, mem)
			}
			if len(tf.props) > 0 {
				b.diags.Warnf(t.Pos, "enum-properties", "%s is an enum but examples or tables give it properties; they are ignored", t.FullName)
			}
		}
	}
	for _, t := range m.Types {
		if t.Base != nil {
			t.Base.Subtypes = append(t.Base.Subtypes, t)
		}
	}
	for _, t := range m.Types {
		slices.SortFunc(t.Subtypes, func(x, y *Type) int { return cmp.Compare(x.Name, y.Name) })
	}
	for _, k := range keys {
		if t := b.types[k].resolved; t.Polymorphic() {
			t.ClassName = names.unique(t.Name + "Class")
			t.RefName = names.unique(t.Name + "Ref")
			t.AsName = "As" + t.Name
		}
	}
	// Each type's properties depend on facts that no longer change and on
	// the names given above: they are resolved concurrently, and their
	// diagnostics joined in key order.
	b.indexEnums() // before enumFromText reads it from several goroutines
	diags := make([]diag.List, len(keys))
	parallelFor(len(keys), func(i int) { b.resolveProperties(b.types[keys[i]], &diags[i]) })
	for _, d := range diags {
		b.diags = append(b.diags, d...)
	}
	slices.SortFunc(m.Types, func(x, y *Type) int { return cmp.Compare(x.Name, y.Name) })
}

func isEntity(t *Type) bool {
	for a := range t.Lineage() {
		if a.Kind == Entity {
			return true
		}
	}
	return false
}

// undefinedKind decides the kind of a type no page defines: a type whose
// example values are all strings is an enum without known members.
func (b *builder) undefinedKind(tf *typeFacts, t *Type) {
	if len(tf.props) == 0 && tf.stringValues > 0 && tf.objectValues == 0 {
		tf.kind, t.Kind = Enum, Enum
	}
	kind := t.Kind.String()
	if t.Kind == Enum && len(tf.members) == 0 {
		kind = "a string type (an enum without known members)"
	}
	b.diags.Warnf(tf.pos, "type-undefined", "type %s has no resource or enum page; it is generated as %s from the evidence of examples and tables", t.FullName, kind)
}

func (b *builder) resolveBase(tf *typeFacts) {
	if tf.base == "" {
		return
	}
	seen := map[string]bool{tf.key: true}
	depth := 0
	for k := tf.base; k != ""; k = b.types[k].base {
		if depth++; depth >= maxBaseDepth {
			b.diags.Warnf(tf.basePos, "base-too-deep", "base types of %s nest more than %d deep; base type dropped", tf.resolved.FullName, maxBaseDepth-1)
			tf.base = ""
			return
		}
		if seen[k] {
			b.diags.Warnf(tf.basePos, "base-cycle", "base types of %s form a cycle; base type dropped", tf.resolved.FullName)
			tf.base = ""
			return
		}
		seen[k] = true
		if b.types[k] == nil {
			break
		}
	}
	base := b.types[tf.base].resolved
	if base.Kind == Enum {
		b.diags.Warnf(tf.basePos, "base-enum", "base type %s of %s is an enum; base type dropped", base.FullName, tf.resolved.FullName)
		tf.base = ""
		return
	}
	tf.resolved.Base = base
}

// ancestorProps returns the properties the bases of tf declare, by JSON
// name (the nearest base's), and the Go names their fields and embedded
// types take.
func (b *builder) ancestorProps(tf *typeFacts) (jsonNames map[string]*propFacts, goNames []string) {
	jsonNames = map[string]*propFacts{}
	for _, a := range b.bases(tf.base) {
		if a == nil {
			break
		}
		goNames = append(goNames, a.resolved.Name)
		for _, p := range a.props {
			if !keeps(a, p) {
				continue
			}
			if jsonNames[p.jsonName] == nil {
				jsonNames[p.jsonName] = p
			}
			goNames = append(goNames, GoName(p.jsonName))
		}
	}
	return jsonNames, goNames
}

// keeps reports whether the property p of tf becomes a field: not OData
// control information (the discriminator has its own field), a name a
// struct tag can carry, and, on a type whose page has a property table,
// declared by a stronger source than examples.
func keeps(tf *typeFacts, p *propFacts) bool {
	return !controlInfo(p) && validJSONName(p.jsonName) && !exampleOnly(tf, p)
}

// controlInfo reports whether p is OData control information that is no
// field of its own: "@odata.type" (the discriminator has its own field),
// and any other "@odata." member that no property table lists (examples'
// "@odata.context" and "@odata.etag" travel in the Extra field). A table
// row such as resourceData's "@odata.id" is a property with that wire name.
func controlInfo(p *propFacts) bool {
	if !strings.HasPrefix(p.jsonName, "@odata.") {
		return false
	}
	return strings.EqualFold(p.jsonName, "@odata.type") || p.table == nil
}

// exampleOnly reports whether p is a member that only examples show on a
// type whose page has a property table: the table is the whole truth about
// the type's own members, so p is not added.
func exampleOnly(tf *typeFacts, p *propFacts) bool {
	return tf.propTable && !tf.synthesized && !p.declared()
}

// shadows reports whether p, a row of tf's own table, is kept although a
// base declares a property of its name (inherited): the base's is no row of
// a table, or its table states a type that p's cannot be (where p's table
// says String and the base's an enum or a date, the base's refines it, and
// the property stays the base's).
func (b *builder) shadows(p, inherited *propFacts) bool {
	if !p.inTable {
		return false
	}
	if !inherited.inTable {
		return true
	}
	if p.table == nil || inherited.table == nil {
		return p.table != nil
	}
	own, base := p.table.ref, inherited.table.ref
	if own == base {
		return false
	}
	_, refined := b.refines(own, base)
	return !refined
}

func (b *builder) resolveProperties(tf *typeFacts, diags *diag.List) {
	t := tf.resolved
	if t.Kind == Enum {
		return
	}
	inherited, reserved := b.ancestorProps(tf)
	// Field names must not collide with the discriminator field or the
	// As methods of the hierarchy.
	hard := []string{ODataTypeField, MembersField}
	for a := range t.Lineage() {
		if a.AsName != "" {
			hard = append(hard, a.AsName)
		}
		if a != t {
			hard = append(hard, a.Name) // the embedded field
		}
	}
	reserved = append(reserved, hard...)
	fields := newNamer(reserved...)
	// A field that shadows a base's takes the base's Go name when nothing
	// but the base's properties holds it: own holds the names of tf's
	// fields, hard the others.
	own, hardSet := map[string]bool{}, map[string]bool{}
	for _, n := range hard {
		hardSet[n] = true
	}
	// Table rows keep their order; properties only the representation or
	// examples know come after, in the order first seen.
	props := slices.Clone(tf.props)
	rank := func(p *propFacts) int {
		switch {
		case p.table != nil || p.params != nil:
			return 0
		case p.rep != nil:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(props, func(x, y *propFacts) int { return cmp.Compare(rank(x), rank(y)) })
	for _, p := range props {
		if controlInfo(p) {
			continue
		}
		if !validJSONName(p.jsonName) {
			diags.Warnf(p.pos, "property-name", "property name %s of %s cannot be carried by a struct tag; skipped", quote(p.jsonName), t.FullName)
			continue
		}
		if exampleOnly(tf, p) {
			diags.Warnf(p.pos, "property-example-only", "property %s of %s is only in examples; the property table of its page does not list it, so it is not added", p.jsonName, t.FullName)
			continue
		}
		shadow := false
		if a := inherited[p.jsonName]; a != nil {
			if !b.shadows(p, a) {
				continue // inherited
			}
			shadow = true
		}
		prop := &Property{JSONName: p.jsonName, Relationship: p.relationship, Pos: p.pos}
		if !undocumented(p.desc) {
			prop.Description = p.desc
		}
		prop.Type, prop.Source = b.propertyType(tf, p, diags)
		switch prop.Source {
		case FromJSONRep:
			diags.Warnf(p.pos, "property-from-json-representation", "property %s of %s is only in the JSON representation, not in the property table; added", p.jsonName, t.FullName)
		case FromExample:
			if !tf.synthesized && tf.defined {
				diags.Warnf(p.pos, "property-from-example", "property %s of %s is only in examples, not on its resource page; added", p.jsonName, t.FullName)
			}
		}
		if name := GoName(p.jsonName); shadow && !own[name] && !hardSet[name] {
			prop.Name = name
			fields.used[name] = true
		} else {
			prop.Name = fields.unique(name)
		}
		own[prop.Name] = true
		if shadow {
			diags.Warnf(p.pos, "property-shadows-base", "property %s of %s, a row of its table, is also a property of a base type that %s; %s keeps its own", p.jsonName, t.FullName, b.baseStatement(inherited[p.jsonName]), t.FullName)
		}
		t.Properties = append(t.Properties, prop)
	}
}

// baseStatement says how a base type's property differs from a table row
// of the same name, for property-shadows-base.
func (b *builder) baseStatement(p *propFacts) string {
	switch {
	case p.inTable && p.table != nil:
		return "its table gives the type " + b.refText(p.table.ref)
	case p.inTable:
		return "its table gives no readable type"
	case p.params != nil:
		return "a parameter table declares"
	}
	return "only the JSON representation declares"
}

// validJSONName reports whether name can be written in a json struct tag,
// by the rule encoding/json applies: letters, digits and a set of
// punctuation, no quotes, backslashes or commas.
func validJSONName(name string) bool {
	if name == "" || name == "-" {
		return false
	}
	for _, r := range name {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return true
}

// propertyType applies the evidence ranking to one property.
func (b *builder) propertyType(tf *typeFacts, p *propFacts, diags *diag.List) (TypeRef, Source) {
	name := tf.resolved.FullName + "." + p.jsonName
	if tf.synthesized {
		name = tf.resolved.Name + "." + p.jsonName
	}
	var chosen *evidence
	for _, e := range []*evidence{p.table, p.params, p.rep, p.example} {
		if e != nil && (!e.ref.zero() || e.ref.collection) {
			chosen = e
			break
		}
	}
	if chosen == nil {
		if len(p.exampleKinds) == 0 && p.example == nil && p.pos.Line > 0 {
			diags.Warnf(p.pos, "type-unknown", "property %s: no source states its type (examples show only null); kept as raw JSON", name)
		}
		if p.inTable {
			// A table row without a readable type is still the table's.
			return TypeRef{Primitive: Untyped}, FromTable
		}
		return TypeRef{Primitive: Untyped}, FromExample
	}
	ref := chosen.ref
	if ref.zero() {
		ref.prim = Untyped
	}
	// A weaker source may refine a stronger one without contradicting it.
	if chosen != p.rep && p.rep != nil {
		if refined, ok := b.refines(ref, p.rep.ref); ok {
			diags.Warnf(chosen.pos, "type-refined", "property %s: %s says %s, the JSON representation says %s; using %s", name, chosen.source, b.refText(ref), b.refText(p.rep.ref), b.refText(refined))
			ref = refined
		} else if k1, k2 := ref.jsonKindNoColl(b), p.rep.ref.jsonKindNoColl(b); k1 != k2 && k1 != "any" && k2 != "any" {
			diags.Warnf(p.rep.pos, "type-conflict", "property %s: %s says %s, the JSON representation says %s; the %s wins", name, chosen.source, b.refText(ref), b.refText(p.rep.ref), chosen.source)
		}
	}
	if !ref.collection {
		var shows *evidence
		switch {
		case p.rep != nil && p.rep.ref.collection && chosen != p.rep:
			shows = p.rep
		case p.arrays != nil:
			shows = &evidence{pos: *p.arrays, source: FromExample}
		}
		if shows != nil {
			diags.Warnf(shows.pos, "collection-from-"+string(shows.source), "property %s: %s says %s, but the %s shows an array; made a collection", name, chosen.source, b.refText(ref), shows.source)
			ref.collection = true
		}
	}
	if ref.prim == String && !ref.collection {
		if enum := b.enumFromText(p.desc); enum != "" {
			diags.Warnf(chosen.pos, "type-from-text", "property %s: %s says String, its description lists the values of enum %s; using the enum", name, chosen.source, b.types[enum].resolved.FullName)
			ref = rawRef{named: enum}
		}
	}
	// Example values of the wrong JSON kind are docs errors.
	want := ref.jsonKindNoColl(b)
	for _, k := range sortedKinds(p.exampleKinds) {
		got := k
		if ref.collection {
			if k != "array" {
				diags.Warnf(p.exampleKinds[k], "example-type-mismatch", "property %s is %s but an example gives a %s", name, b.refText(ref), k)
			}
			continue
		}
		if want == "number" {
			switch {
			case got == "non-integer number" && (ref.prim == Double || ref.prim == Single || ref.prim == Decimal),
				got == "64-bit integer" && ref.prim != Int32 && ref.prim != Int16 && ref.prim != Byte && ref.prim != SByte:
				got = "number"
			}
		}
		if want != "any" && got != want {
			diags.Warnf(p.exampleKinds[k], "example-type-mismatch", "property %s is %s but an example gives a %s", name, b.refText(ref), got)
		}
	}
	return b.resolveRef(ref), chosen.source
}

func sortedKinds(m map[string]diag.Pos) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func (r rawRef) jsonKindNoColl(b *builder) string {
	r.collection = false
	return r.jsonKind(b)
}

// refines returns the refinement of strong by weak when weak is a more
// specific type of the same JSON kind: String → DateTimeOffset, an enum...
func (b *builder) refines(strong, weak rawRef) (rawRef, bool) {
	if strong.prim != String || weak.collection && !strong.collection {
		if !(strong.prim == String && weak.collection) {
			return strong, false
		}
	}
	out := weak
	out.collection = strong.collection || weak.collection
	switch {
	case weak.prim != "" && weak.prim != String && isStringy(weak.prim):
		return out, true
	case weak.named != "" && b.types[weak.named] != nil && b.types[weak.named].kind == Enum && !b.types[weak.named].stringType:
		return out, true
	}
	return strong, false
}

func (b *builder) refText(r rawRef) string {
	s := "Edm." + string(r.prim)
	if r.named != "" {
		s = b.types[r.named].resolved.FullName
		if s == "" {
			s = b.types[r.named].resolved.Name
		}
	}
	if r.collection {
		return "Collection(" + s + ")"
	}
	return s
}

func (b *builder) resolveRef(r rawRef) TypeRef {
	out := TypeRef{Primitive: r.prim, Collection: r.collection}
	if r.named != "" {
		out.Primitive = ""
		out.Named = b.types[r.named].resolved
	}
	if out.IsZero() {
		out.Primitive = Untyped
	}
	return out
}

var possibleRe = regexp.MustCompile("(?i)possible values (?:are|include)[:\\s]*(.*)")
var valueTokenRe = regexp.MustCompile("`([^`]+)`|([A-Za-z][A-Za-z0-9]*)")

// mayListValues is a quick test for possibleRe: false when desc, all
// ASCII, does not hold "possible values" in any case. (Text with other
// characters goes to the regular expression, whose case folding also
// matches the likes of "ſ".) Most descriptions list no values, and the
// unanchored, case-insensitive expression is slow to say so.
func mayListValues(desc string) bool {
	const phrase = "possible values"
	for i := 0; i < len(desc); i++ {
		c := desc[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if c|0x20 == phrase[0] && i+len(phrase) <= len(desc) && strings.EqualFold(desc[i:i+len(phrase)], phrase) {
			return true
		}
	}
	return false
}

// enumFromText returns the key of the only enum whose members are exactly
// the values a "Possible values are ..." sentence lists.
func (b *builder) enumFromText(desc string) string {
	if !mayListValues(desc) {
		return ""
	}
	m := possibleRe.FindStringSubmatch(desc)
	if m == nil {
		return ""
	}
	list := m[1]
	if i := strings.Index(list, "."); i >= 0 && !strings.Contains(list[:i], "`") {
		list = list[:i]
	}
	var vals []string
	for _, t := range valueTokenRe.FindAllStringSubmatch(list, -1) {
		v := t[1] + t[2]
		if strings.EqualFold(v, "and") || strings.EqualFold(v, "or") {
			continue
		}
		vals = append(vals, strings.ToLower(v))
	}
	if len(vals) < 2 {
		return ""
	}
	slices.Sort(vals)
	vals = slices.Compact(vals)
	if keys := b.enumsByMembers[strings.Join(vals, "\x00")]; len(keys) == 1 {
		return keys[0]
	}
	return "" // none, or ambiguous
}

// indexEnums fills enumsByMembers: the keys of the enums, by their member
// values in lower case, sorted and joined with NUL. Kinds and members are
// set while pages are collected, so the index, built by resolveTypes
// before it resolves properties (enumFromText only reads it, from several
// goroutines), stays valid; without it, every property whose description
// lists values scanned all types.
func (b *builder) indexEnums() {
	b.enumsByMembers = map[string][]string{}
	for _, k := range b.sortedKeys() {
		if tf := b.types[k]; tf.kind == Enum {
			joined := strings.Join(tf.lowerMembers(), "\x00")
			b.enumsByMembers[joined] = append(b.enumsByMembers[joined], k)
		}
	}
}

// lowerMembers returns the enum's member values in lower case, sorted. The
// slice is cached until a member is added (members are never removed).
func (tf *typeFacts) lowerMembers() []string {
	if len(tf.lowerMemberValues) != len(tf.members) {
		ms := make([]string, 0, len(tf.members))
		for _, mem := range tf.members {
			ms = append(ms, strings.ToLower(mem.Value))
		}
		slices.Sort(ms)
		tf.lowerMemberValues = ms
	}
	return tf.lowerMemberValues
}

// punct counts the characters of a name that are not letters, digits or
// dots.
func punct(s string) int {
	n := 0
	for _, r := range s {
		if r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
