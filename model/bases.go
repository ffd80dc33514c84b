package model

import (
	"iter"
	"strings"
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
