// Package model is docgen's API model: the facts of every page, merged into
// types, enums, properties, operations and diagnostics. It is the only
// contract between the parser and the emitter: every node carries its
// resolved Go name, its description and the position of the docs text it
// came from.
//
// # Evidence ranking
//
// A property's type is taken from the strongest source that states it:
//
//  1. the property or relationship table of the resource page,
//  2. the resource's JSON representation,
//  3. the documented request and response examples.
//
// Type names in tables are normalised first: Edm synonyms (int, Integer →
// Int32; Timestamp → DateTimeOffset; ...), markdown links, namespace-qualified
// names, "X collection" and "Collection(X)". A weaker source may refine a
// stronger one without contradicting it: a table's "String" becomes
// DateTimeOffset, Duration or an enum when the JSON representation says so,
// and a property becomes a collection when a weaker source shows an array.
// Every refinement and every conflict is reported as a diagnostic; the
// stronger source wins conflicts. Properties seen only in the JSON
// representation or only in examples are added, with their provenance.
package model
