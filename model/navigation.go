package model

// What a navigation path returns by the relationship tables: the evidence
// of a resource page's "Relationships" table for a GET of one of its
// navigation properties ("GET /teams/{id}/channels/{id}/filesFolder" and
// channel's "filesFolder | driveItem" row).

import (
	"slices"
	"strings"
)

// fromRelationship is the evidence of a relationship table (see
// responseOf for the others).
const fromRelationship = "relationship table"

// fromProperty is the evidence of a property table, for a GET of a
// structural property's path.
const fromProperty = "property table"

// maxNavigationDepth bounds the segments navigation walks.
const maxNavigationDepth = 32

// navigation is what a path's last segment, a navigation property, returns
// by its owner's relationship table, and the types the path addresses
// before that property.
type navigation struct {
	said   *textResponse
	before []string
}

// navigationOf reads path as a walk over the API: the first segments
// address what a documented GET of them returns, each key segment
// ("{id}") one element of a collection, each property segment the type
// its owner's relationship table gives it. It returns, for a path whose
// last segment is a relationship of the type the path addresses before
// it, what that row says and the types addressed on the way; false for
// any other path (a function call, a cast, "$value", a property no table
// lists, a prefix nothing types).
func (b *builder) navigationOf(path string) (navigation, bool) {
	path, _, _ = strings.Cut(path, "?")
	segs := strings.Split(strings.Trim(path, "/"), "/")
	if len(segs) < 2 || len(segs) > maxNavigationDepth {
		return navigation{}, false
	}
	last := segs[len(segs)-1]
	if !plainSegment(last) || isPlaceholder(last) {
		return navigation{}, false
	}
	var before []string
	owner, ok := b.addressedBy(segs[:len(segs)-1], &before)
	if !ok || owner.collection {
		return navigation{}, false
	}
	from := fromRelationship
	p := b.relationship(owner.named, last)
	if p == nil {
		from, p = fromProperty, b.structural(owner.named, last)
	}
	if p == nil {
		return navigation{}, false
	}
	kind, ref := ResponseSingle, rawRef{named: p.table.ref.named, prim: p.table.ref.prim}
	switch {
	case ref.prim == Stream:
		// A stream property's GET answers with its bytes.
		kind, ref = ResponseStream, rawRef{}
	case p.table.ref.collection:
		kind = ResponseCollection
	}
	said := &textResponse{kind: kind, ref: ref, from: from, pos: p.table.pos}
	return navigation{said: said, before: before}, true
}

// structural returns the row of the property table of typeKey or one of
// its bases that names the property name (a GET of
// "/me/mailboxSettings/timeZone" answers with the timeZone property's
// value), when the row types it by a primitive or an enum (one value: a
// service answers {"value": ...}), a stream (the bytes) or a complex or
// entity type; nil otherwise.
func (b *builder) structural(typeKey, name string) *propFacts {
	p := b.tableRow(typeKey, name, false)
	if p == nil {
		return nil
	}
	switch r := p.table.ref; {
	case r.named != "":
		if t := b.types[r.named]; t == nil || t.kind == Enum && r.collection {
			return nil
		}
	case r.prim == "" || r.prim == Untyped || r.collection:
		return nil
	}
	return p
}

// tableRow returns the row of typeKey's (or a base's) relationship table,
// or property table, that names the property name, matched the way the
// service matches segments (case-insensitively) and typed by the table (a
// relationship row by a resource); nil when there is none.
func (b *builder) tableRow(typeKey, name string, relationship bool) *propFacts {
	for _, tf := range b.bases(typeKey) {
		if tf == nil {
			break
		}
		for _, p := range tf.props {
			if p.relationship == relationship && p.table != nil && (!relationship || p.table.ref.named != "") && strings.EqualFold(p.jsonName, name) {
				return p
			}
		}
	}
	return nil
}

// addressedBy returns the type segs address, a collection or one value,
// appending to before each type it finds on the way.
func (b *builder) addressedBy(segs []string, before *[]string) (rawRef, bool) {
	if len(segs) == 0 {
		return rawRef{}, false
	}
	last := segs[len(segs)-1]
	if !plainSegment(last) {
		return rawRef{}, false
	}
	at := shape("/" + strings.Join(segs, "/"))
	r, single := b.getTypes[at]
	c, coll := b.collTypes[at]
	if single || coll {
		if len(segs) > 1 {
			// The types addressed further up, whatever the walk finds.
			b.addressedBy(segs[:len(segs)-1], before)
		}
		if single {
			return b.addressed(r, false, before)
		}
		return b.addressed(c, true, before)
	}
	return b.walkedTo(segs, before)
}

// addressed is what addressedBy returns for a type found on the walk, r
// or a collection of it, when r is a resource; it appends r to before.
func (b *builder) addressed(r rawRef, coll bool, before *[]string) (rawRef, bool) {
	if r.named == "" || b.types[r.named] == nil || b.types[r.named].kind == Enum {
		return rawRef{}, false
	}
	if !slices.Contains(*before, r.named) {
		*before = append(*before, r.named)
	}
	return rawRef{named: r.named, collection: coll}, true
}

// walkedTo is what segs address by the steps before the last alone, the
// last selecting an element or following a relationship, whatever a GET
// of segs itself is documented to return.
func (b *builder) walkedTo(segs []string, before *[]string) (rawRef, bool) {
	if len(segs) < 2 {
		return rawRef{}, false
	}
	last := segs[len(segs)-1]
	parent, ok := b.addressedBy(segs[:len(segs)-1], before)
	if !ok {
		return rawRef{}, false
	}
	if isPlaceholder(last) {
		if !parent.collection {
			return rawRef{}, false
		}
		return rawRef{named: parent.named}, true
	}
	if parent.collection {
		return rawRef{}, false
	}
	p := b.relationship(parent.named, last)
	if p == nil {
		return rawRef{}, false
	}
	return b.addressed(p.table.ref, p.table.ref.collection, before)
}

// relationship returns the row of the relationship table of typeKey or
// one of its bases that names the navigation property name, matched the
// way the service matches segments (case-insensitively), when the row
// types it by a resource; nil otherwise.
func (b *builder) relationship(typeKey, name string) *propFacts {
	p := b.tableRow(typeKey, name, true)
	if p == nil {
		return nil
	}
	if t := b.types[p.table.ref.named]; t == nil || t.kind == Enum {
		return nil
	}
	return p
}

// plainSegment reports whether a path segment is a placeholder or a
// property name: not a function call, a cast, an item path or a "$value".
func plainSegment(s string) bool {
	return s != "" && !strings.ContainsAny(s, "():$.=',")
}

// isPlaceholder reports whether a path segment is a docs placeholder such
// as "{id}" or "{user-id}".
func isPlaceholder(s string) bool {
	return strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}")
}

// applyRelationships lets the relationship tables speak for the GET
// operations of navigation paths, once every page's GETs are known. A
// table row decides what such an operation returns when no other evidence
// names a result, and overrules an example, prose or Methods table only
// when that evidence names a type the path addresses before the property
// ("GET /teams/{id}/channels/{id}/filesFolder" answered with a team: the
// page's example was copied from its parent's). reportRelationship
// reports each overruling, and where the table merely disagrees, the
// evidence standing.
func (b *builder) applyRelationships() {
	for _, op := range b.ops {
		if op.method != "GET" || contentPath(op.tmpl.Path) {
			continue
		}
		nav, ok := b.navigationOf(op.tmpl.Path)
		if !ok {
			continue
		}
		op.rel = nav.said
		was := &textResponse{kind: op.respKind, ref: op.respRef, from: op.respFrom}
		switch {
		case op.respKind == ResponseStream:
			continue
		case op.respFrom == fromExample && op.respKind == ResponseSingle && valueListedBy(nav.said, op.resp, op.respRef):
			// The annotation only omits "isCollection", as valueListed
			// says: the example decides, the table adds the kind.
			op.respKind = ResponseCollection
			b.retype(op, was)
			continue
		case op.respKind == ResponseNone && op.respFrom == "",
			op.respRef.named == "" && op.respRef.prim == Untyped && op.respKind == nav.said.kind:
			// No evidence names a result.
		case op.respRef.named != "" && op.respRef.named != nav.said.ref.named && slices.Contains(nav.before, op.respRef.named),
			op.respKind == ResponseSingle && nav.said.kind == ResponseCollection && op.respRef.named == nav.said.ref.named:
			// A type copied from a parent's page, or one value of the
			// type where the table says the property is a collection
			// (tables omit "collection" far more often than they add
			// it: the converse stands).
			op.overruled = was
		default:
			continue
		}
		op.respKind, op.respRef, op.respFrom = nav.said.kind, nav.said.ref, nav.said.from
		b.retype(op, was)
	}
}

// retype moves op's path in the index of what GETs return from the type
// its weaker evidence named to the one the relationship table gives.
func (b *builder) retype(op *opFacts, was *textResponse) {
	if op.tmpl.Query != "" {
		return
	}
	at := shape(op.tmpl.Path)
	if was.ref.named != "" {
		types := b.getTypes
		if was.kind == ResponseCollection {
			types = b.collTypes
		}
		if r, ok := types[at]; ok && r == was.ref {
			delete(types, at)
		}
	}
	types := b.getTypes
	if op.respKind == ResponseCollection {
		types = b.collTypes
	}
	if _, ok := types[at]; !ok {
		types[at] = op.respRef
	}
}

// lastSegment is the last step of a path, its query aside.
func lastSegment(path string) string {
	path, _, _ = strings.Cut(path, "?")
	path = strings.TrimRight(path, "/")
	return path[strings.LastIndexByte(path, '/')+1:]
}

// reportRelationship says where a relationship table disagrees with the
// evidence that decided what op returns: another kind, or a type neither
// derived from nor a base of the decided one.
//
// It also reports each operation whose weaker evidence the table overruled.
func (b *builder) reportRelationship(op *opFacts) {
	if o := op.overruled; o != nil && o.ref == op.rel.ref {
		b.diags.Warnf(op.tmpl.Pos, "response-relationship-conflict", "GET %s: its %s says one %s, but %s is a collection by the %s at %s; it returns %s", op.tmpl.Path, o.from, o, lastSegment(op.tmpl.Path), op.rel.from, op.rel.pos, op.rel)
		return
	}
	if o := op.overruled; o != nil {
		b.diags.Warnf(op.tmpl.Pos, "response-relationship-conflict", "GET %s: its %s says %s, a type the path addresses before %s; it returns %s, as the %s at %s says", op.tmpl.Path, o.from, o, lastSegment(op.tmpl.Path), op.rel, op.rel.from, op.rel.pos)
		return
	}
	if op.rel == nil || op.respFrom == op.rel.from || op.respFrom == "" || !b.conflicts(op, op.rel) {
		return
	}
	b.diags.Warnf(op.rel.pos, "response-relationship-conflict", "GET %s returns %s, as its %s says, but the %s of %s says %s", op.tmpl.Path, op.decided(), op.respFrom, op.rel.from, op.rel.pos.File, op.rel)
}
