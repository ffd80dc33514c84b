package model

import "iter"

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
