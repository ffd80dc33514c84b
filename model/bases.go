package model

import (
	"iter"
	"strings"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
)

// maxBaseDepth bounds every walk up a chain of base types. Facts are walked
// before resolveBase has broken cycles and dropped chains deeper than
// this, so no walk may trust a chain to end.
const maxBaseDepth = 64

// bases yields the key of a type and of each of its bases, nearest first,
// with their facts: at most maxBaseDepth of them, and a key no facts are
// known for ends the chain, yielded with nil facts.
func (b *builder) bases(key string) iter.Seq2[string, *typeFacts] {
	return func(yield func(string, *typeFacts) bool) {
		for depth := 0; key != "" && depth < maxBaseDepth; depth++ {
			tf := b.types[key]
			if !yield(key, tf) || tf == nil {
				return
			}
			key = tf.base
		}
	}
}

// Lineage yields t and each of its bases, nearest first (at most
// maxBaseDepth of them; Build leaves no longer chain nor any cycle).
func (t *Type) Lineage() iter.Seq[*Type] {
	return func(yield func(*Type) bool) {
		for depth := 0; t != nil && depth < maxBaseDepth; depth++ {
			if !yield(t) {
				return
			}
			t = t.Base
		}
	}
}

// entityKey is the key of the type every entity type of the Graph derives
// from when nothing names another base.
const entityKey = DefaultNamespace + ".entity"

// applyEntityDefault gives each entity type (its resource annotation names
// a keyProperty) that no page, text or example gives a base the base
// entity, when a page defines entity as an entity type with the same key:
// the Graph's entity types all derive from it, and their pages often do
// not say so. Complex types (no key) never get it. Each is reported at the
// annotation that names the key (base-entity-default).
func (b *builder) applyEntityDefault() {
	entity := b.types[entityKey]
	if entity == nil || !entity.defined || entity.kind != Entity || entity.keyProperty == "" || entity.base != "" {
		return
	}
	for _, k := range b.sortedKeys() {
		tf := b.types[k]
		if tf == entity || tf.base != "" || tf.kind != Entity || !tf.defined || tf.synthesized || !strings.EqualFold(tf.keyProperty, entity.keyProperty) {
			continue
		}
		tf.base, tf.basePos = entityKey, tf.pos
		b.diags.Warnf(tf.pos, "base-entity-default", "entity type %s (key %s) names no base type; it derives from %s, whose key it has", tf.bestSpelling(), tf.keyProperty, entity.bestSpelling())
	}
}

// derivedListed is one type a resource page lists in its "Derived types"
// section.
type derivedListed struct {
	base string // key of the page's type
	link parser.Link
	ns   string
	pos  diag.Pos
}

// isDerivedTypesHeading reports whether a heading is "Derived types".
func isDerivedTypesHeading(h string) bool {
	return strings.EqualFold(strings.Trim(strings.TrimSpace(h), "*`: "), "derived types")
}

// collectDerivedLists records the links of the "Derived types" section of
// owner's page: the rows of its tables and the links of its paragraphs.
func (b *builder) collectDerivedLists(p *parser.Page, owner *typeFacts, ns string) {
	for _, t := range p.Tables {
		if !isDerivedTypesHeading(t.Section) {
			continue
		}
		for _, r := range t.Rows {
			if len(r.Cells) > 0 && len(r.Cells[0].Links) > 0 {
				b.derivedLists = append(b.derivedLists, derivedListed{base: owner.key, link: r.Cells[0].Links[0], ns: ns, pos: r.Pos})
			}
		}
	}
	for _, l := range p.Links {
		if isDerivedTypesHeading(l.Section) {
			b.derivedLists = append(b.derivedLists, derivedListed{base: owner.key, link: l.Link, ns: ns, pos: l.Pos})
		}
	}
}

// applyDerivedLists gives each type a base's page lists as derived, that
// no annotation or "Inherits from" line gives a base, that base
// (base-from-derived-list, at the row or link). The listed type is the
// type of the linked page, else the type the link text names; a type no
// page defines is not made up.
func (b *builder) applyDerivedLists() {
	for _, d := range b.derivedLists {
		key, ok := b.pageTypes[linkKey(d.link.Dest)]
		if !ok {
			name := strings.Trim(strings.TrimSpace(d.link.Text), "*`")
			if !isQualified(name) {
				continue
			}
			if !strings.Contains(name, ".") {
				name = d.ns + "." + name
			}
			key = strings.ToLower(name)
		}
		sub := b.types[key]
		if sub == nil || !sub.defined || sub.synthesized || sub.kind == Enum || sub.base != "" || key == d.base || b.derives(d.base, key) {
			continue
		}
		base := b.types[d.base]
		if base.kind == Enum {
			continue
		}
		sub.base, sub.basePos = d.base, d.pos
		b.diags.Warnf(d.pos, "base-from-derived-list", "%s names no base type; the page of %s lists it among its derived types, so it derives from it", sub.bestSpelling(), base.bestSpelling())
	}
}
