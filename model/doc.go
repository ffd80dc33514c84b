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
// representation are added, with their provenance.
//
// An operation's response is taken, strongest first, from its success
// response example (annotation, then the body's @odata.type; unannotated
// and unpaired examples included), the page's Response prose, and the
// Methods table of a resource page that links the page (responses.go;
// README "How responses are decided"). Weaker evidence that disagrees is
// response-prose-conflict or response-table-conflict; a GET with none is
// response-unknown.
//
// # Whose evidence
//
// A member seen in an example is evidence about the type its value's
// @odata.type names, else the type the operation returns or takes; it goes
// to a base type only when the base's table or JSON representation
// declares it. A value without @odata.type where a type with subtypes is
// expected may be of any of them: its members that the type and its bases
// do not declare are evidence for no type (example-member-untyped). A
// page's property table is the whole truth about its type's own members:
// members only examples show are added only to types without a property
// table (property-from-example), and reported and left out elsewhere
// (property-example-only; each example holding one reports
// example-unknown-property). A table row is never dropped because a base
// has a member of its name: where the base declares it only in its JSON
// representation or with a type the row's cannot be, the row is kept on its
// own type, under the same Go name, and shadows the base's field
// (property-shadows-base); where both tables state one type, or the base's
// refines the row's (String to an enum), the property is the base's.
//
// # Files
//
// Build runs the passes listed in build.go (passes), in that order. The
// files follow them by concern:
//
//   - collecting facts: build.go (pages, resource and enum tables), facts.go,
//     typeref.go (type names in tables), operations.go (request lines and
//     examples), from_example.go (operations only an example shows);
//   - evidence from examples: infer.go, enum_infer.go;
//   - operations: merge_ops.go (duplicates, stray examples), bodies.go
//     (what a request sends), responses.go (what it returns), resolve_ops.go;
//   - types: resolve.go, bases.go (walking base chains);
//   - naming, all of it: naming.go (identifier rules and initialisms),
//     naming_operations.go (operation and parameter names),
//     names_lock.go (the names file);
//   - descriptions: describe.go (doc text and published pages);
//   - examples checked against the model: validate.go, fit.go;
//   - subsets and lint: subset.go, lint.go; parallel.go runs work on every core.
//
// The model's own types are in model.go.
package model
