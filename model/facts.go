package model

import (
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/diag"
)

// typeFacts gathers what all pages say about one named type, keyed by its
// lower-cased full name (the docs are not consistent about case).
type typeFacts struct {
	key string
	// spellings maps each spelling of the full name to the best rank it was
	// seen with (0: resource or enum page, 1: annotation or hint, 2: other).
	spellings map[string]int
	kind      TypeKind
	defined   bool // a resource or enum page defines it
	pos       diag.Pos
	hasPos    bool
	base      string // key of the base type
	basePos   diag.Pos
	open      bool
	// keyProperty is the key its resource annotation names.
	keyProperty string
	// propTable marks a type whose page has a property table: the table
	// is the whole truth about its own members, and members only examples
	// show are not added (property-example-only).
	propTable bool
	desc      string
	page      string
	// pages are all the pages that define or extend the type, in order.
	pages []string

	props       []*propFacts
	byName      map[string]*propFacts
	members     []*EnumMember
	memberSeen  map[string]bool
	synthesized bool
	// fromText marks an enum whose members inferEnums took from property
	// descriptions.
	fromText bool
	// stringType marks a type inferEnums made a string type for want of
	// any other evidence; it never refines a property the docs call String.
	stringType bool
	goName     string // fixed name for synthesized types
	goSuffix   string // what goName adds to its operation's name
	nameLocked bool   // goName is the names file's

	// stringValues and objectValues count the example values expected to
	// be of this type, which tell an undocumented enum from a struct.
	stringValues, objectValues int
	// untyped are the members of example values without @odata.type,
	// expected as this type while types derive from it, that no table or
	// representation of it or its bases declares; each is reported once
	// (example-member-untyped).
	untyped map[string]bool
	// baseCandidate is the type an example used this type in place of.
	baseCandidate    string
	baseCandidatePos diag.Pos
	resolved         *Type

	// lowerMemberValues caches lowerMembers.
	lowerMemberValues []string
}

// propFacts gathers the evidence for one property.
type propFacts struct {
	jsonName     string
	pos          diag.Pos
	relationship bool
	// inTable marks a row of the type's property or relationship table
	// (with or without a readable type).
	inTable bool
	desc    string
	table   *evidence
	rep     *evidence
	example *evidence
	params  *evidence
	// kinds are the JSON kinds example values showed, for mismatch checks.
	exampleKinds map[string]diag.Pos
	arrays       *diag.Pos // first example showing an array
}

// declared reports whether a stronger source than examples states the
// property: a table row, a parameter table or the JSON representation.
func (p *propFacts) declared() bool {
	return p.inTable || p.table != nil || p.params != nil || p.rep != nil
}

// evidence is one source's statement of a property type.
type evidence struct {
	ref    rawRef
	pos    diag.Pos
	source Source
	text   string
	// object marks a JSON representation placeholder that is an object
	// (or an array of objects): the type it names is not a string type.
	object bool
	// link is the destination of the page link in a table's type cell.
	link string
}

func (b *builder) typ(name string, rank int, pos diag.Pos) *typeFacts {
	name = strings.TrimSpace(name)
	key := strings.ToLower(name)
	tf := b.types[key]
	if tf == nil {
		tf = &typeFacts{key: key, spellings: map[string]int{}, byName: map[string]*propFacts{}, memberSeen: map[string]bool{}}
		b.types[key] = tf
	}
	if r, ok := tf.spellings[name]; !ok || rank < r {
		tf.spellings[name] = rank
	}
	if !tf.hasPos || (rank == 0 && !tf.defined) {
		tf.pos, tf.hasPos = pos, true
	}
	return tf
}

// definedBy records that page p contributes a definition of tf.
func (tf *typeFacts) definedBy(p string) {
	if !slices.Contains(tf.pages, p) {
		tf.pages = append(tf.pages, p)
	}
}

func (tf *typeFacts) prop(name string, pos diag.Pos) *propFacts {
	p := tf.byName[name]
	if p == nil {
		p = &propFacts{jsonName: name, pos: pos}
		tf.byName[name] = p
		tf.props = append(tf.props, p)
	}
	return p
}

// bestSpelling picks the full name to show: the best rank, then a spelling
// with capitals (docs sometimes lower-case whole names), then the smallest.
func (tf *typeFacts) bestSpelling() string {
	best, bestRank := "", 1<<30
	for s, r := range tf.spellings {
		better := r < bestRank ||
			r == bestRank && hasUpper(s) && !hasUpper(best) ||
			r == bestRank && hasUpper(s) == hasUpper(best) && s < best
		if better {
			best, bestRank = s, r
		}
	}
	return best
}

func hasUpper(s string) bool { return strings.ToLower(s) != s }
