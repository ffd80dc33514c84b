package diag

import (
	"slices"
	"strings"
	"sync"
)

// Code is one entry of the catalog of diagnostic codes: its name (the
// stable code shown in brackets), the severity every diagnostic with that
// code has, and a one-line meaning.
//
// The severities follow one rule: Error when the output is or may be wrong
// (input skipped or dropped, the run failed), Warning when docgen chose
// between conflicting evidence or guessed, Info when it repaired or
// inferred something safely.
type Code struct {
	Name     string
	Severity Severity
	Meaning  string
}

// codes is the catalog, in name order. TestCatalog checks that every code
// raised in the source is here, that every entry is raised somewhere, and
// that the manual of cmd/docgen lists them all.
func codes() []Code {
	return []Code{
		{"annotation-blocktype", Error, "an annotation has an unknown blockType; it is ignored"},
		{"annotation-field", Warning, "an annotation field has the wrong JSON type; it is ignored"},
		{"annotation-field-null", Info, "an annotation field is null; it is read as absent"},
		{"annotation-json", Error, "an annotation's JSON cannot be read even with repairs; the annotation is skipped"},
		{"annotation-no-block", Error, "an annotation is not followed by a code block; it is ignored"},
		{"annotation-repaired", Info, "an annotation's JSON was repaired (comments, trailing commas, quotes) and read"},
		{"annotation-unterminated", Error, "an HTML comment is not closed with -->; what follows may be lost"},
		{"base-cycle", Error, "base types form a cycle; the base type is dropped"},
		{"base-entity-default", Info, "an entity type names no base type; it derives from entity, whose key it has"},
		{"base-enum", Error, "a base type is an enum; the base type is dropped"},
		{"base-from-derived-list", Info, "no annotation or text names a type's base type; it is taken from the derived types its base's page lists"},
		{"base-from-example", Warning, "no page names a type's base type; it is guessed from where examples use it"},
		{"base-from-text", Info, "the annotation names no baseType; it is taken from the page text"},
		{"base-too-deep", Error, "base types nest more than 64 deep; the base type is dropped"},
		{"body-type", Warning, "a request body type is unknown and the example is not an object; the body is sent as given"},
		{"body-type-conflict", Warning, "request examples send unrelated types; the body is typed by the first"},
		{"body-type-inferred", Info, "a request body names no type; it is inferred from the example"},
		{"body-type-path", Warning, "a request example sends a type unrelated to the one its path addresses; the body is typed by the path"},
		{"collection-from-example", Warning, "a property's source says single but an example shows an array; made a collection"},
		{"collection-from-json-representation", Warning, "a property's table says single but the JSON representation shows an array; made a collection"},
		{"enum-duplicate", Info, "an enum lists a member twice; it is generated once"},
		{"enum-empty", Warning, "an enum member table has no members"},
		{"enum-from-heading", Info, "an enum member table names no enum; the enum is taken from the page's heading"},
		{"enum-from-text", Info, "a type has no enum table; its members are taken from a property's description"},
		{"enum-name", Error, "an enum member table has no enum name; it is skipped"},
		{"enum-properties", Warning, "an enum is given properties by examples or tables; they are ignored"},
		{"example-body-ignored", Warning, "a request example sends a body with a method that takes none; the body is left out"},
		{"example-inexpressible", Info, "a request example cannot become an Example function; none is generated for it"},
		{"example-invalid-value", Warning, "an example value does not fit the documented type; it is dropped from the example"},
		{"example-json", Warning, "an example body is not valid JSON, or is suspect; it was repaired or dropped"},
		{"example-member-untyped", Warning, "an example value without @odata.type where a base type is expected has a member no table of the base declares; it is evidence for no type"},
		{"example-no-template", Warning, "a request example fits no request line of any page; it documents no operation"},
		{"example-not-as-documented", Warning, "a request example's body cannot be sent as documented (a member its type lacks, a null, an annotation, a value in the wrong form); no Example function is generated for it"},
		{"example-other-page", Warning, "a request example fits a request line of another page; it is taken as documenting that one"},
		{"example-property-case", Info, "an example spells a property in another case; it decodes, and re-encodes with the documented case"},
		{"example-type-mismatch", Warning, "an example gives a property a type other than the documented one"},
		{"example-unknown-property", Warning, "an example has a property its type does not document"},
		{"example-value-wrapper", Warning, "a single-entity response example wraps its object in \"value\"; it is read as the object itself"},
		{"front-matter", Error, "the front matter is not closed by a --- line; the page may be misread"},
		{"http-method-case", Info, "an HTTP method is not upper case; it is read as upper case"},
		{"http-request-line", Error, "a request example has no readable request line; it is not used"},
		{"http-status-line", Error, "a response example has no readable HTTP status line; it is not used"},
		{"internal-error", Error, "docgen failed while parsing a page; the page is skipped (a bug in docgen)"},
		{"json-too-deep", Error, "an example body nests too deep to read; it is not used"},
		{"lint-broken-link", Warning, "(-lint) a link points to a page that is not among the inputs"},
		{"lint-broken-include", Warning, "(-lint) an [!INCLUDE] names a file missing from an includes folder among the inputs"},
		{"lint-response-no-page", Warning, "(-lint) an operation returns a type no resource or enum page defines"},
		{"markdown-too-complex", Error, "a page's tables or inline markup are too large to parse in bounded time; the page is skipped"},
		{"markdown-too-deep", Error, "a page's block quotes or lists nest too deep; the page is skipped"},
		{"operation-duplicate", Info, "two pages document the same operation; they are merged"},
		{"operation-from-example", Warning, "an example documents an alternate request line no page states; an operation is made for it"},
		{"operation-name", Warning, "an operation's name is claimed by another page; this one is renamed"},
		{"operation-no-response", Error, "an operation has no response example; it is generated as returning nothing"},
		{"operation-no-template", Error, "a page has request examples but no request line; no operation is generated"},
		{"page-too-large", Error, "a page is over -max-page-bytes; it is skipped"},
		{"property-example-only", Warning, "a property is only in examples of a type whose page has a property table; it is not added"},
		{"property-from-example", Info, "a property is only in examples of a type whose page has no property table; it is added"},
		{"property-from-json-representation", Info, "a property is only in the JSON representation, not in the table; it is added"},
		{"property-name", Error, "a property name cannot be used in Go or a struct tag; it is skipped"},
		{"property-shadows-base", Warning, "a table row names a property a base type declares from weaker evidence or with another type; the type keeps its own"},
		{"read", Error, "a page cannot be read, or is not a regular file; it is skipped"},
		{"representation-value", Info, "a JSON representation value names no type any page or table names; it is read as a String example value"},
		{"request-no-response", Info, "a request example has no response example"},
		{"request-other-resource", Warning, "a GET request line with a query addresses a resource other pages document with an unrelated type; no operation of its page is made of it"},
		{"resource-no-annotation", Warning, "a resource page has no usable annotation; the type is named from the title"},
		{"resource-no-type", Error, "a resource annotation has no @odata.type; it is not used"},
		{"response-body-ignored", Warning, "an operation is generated as returning nothing although one of its response examples shows a body"},
		{"response-context-conflict", Warning, "a response example's @odata.context names another result than its annotation; the annotation wins"},
		{"response-from-text", Info, "an operation's response is taken from its page's Response prose, a resource page's Methods table or a relationship table, its examples showing none"},
		{"response-prose-conflict", Warning, "a response example and the page's Response prose name different results; the example wins"},
		{"response-relationship-conflict", Warning, "a relationship or property table names another result for a GET of a property than its other evidence; the table wins only over a type the path addresses before the property"},
		{"response-table-conflict", Warning, "a resource page's Methods table names another result than the operation's stronger evidence; the stronger wins"},
		{"response-type", Warning, "a response's type cannot be told; the response is kept as raw JSON"},
		{"response-unknown", Warning, "a GET operation's docs show no response example and name no result; it is generated as returning nothing"},
		{"template-literal-arg", Info, "a request line passes a literal value or docs placeholder to a function; it is taken as a parameter"},
		{"template-literal-id", Info, "a request line names literal ids; they are taken as parameters"},
		{"template-outside-section", Warning, "a page has no \"HTTP request\" section; request lines are taken from other code blocks"},
		{"template-placeholder", Info, "a request line writes a parameter as <name>; it is taken as {name}"},
		{"template-unclosed-call", Warning, "a request line leaves a function call unclosed; it is closed at the end of its segment"},
		{"type-conflict", Warning, "a property's table and JSON representation disagree; the stronger source wins"},
		{"type-from-text", Warning, "a property's table says String but its description lists an enum's values; the enum is used"},
		{"type-refined", Info, "a weaker source refines a property's type without contradicting it; the refinement is used"},
		{"type-text", Warning, "a property's stated type cannot be read; it is kept as raw JSON"},
		{"type-undefined", Warning, "a type has no resource or enum page; it is generated from examples and tables"},
		{"type-unknown", Info, "no source states a property's type (examples show only null); it is kept as raw JSON"},
	}
}

// catalog indexes codes by name; it is built once and read only.
var catalog = sync.OnceValue(func() map[string]Code {
	m := map[string]Code{}
	for _, c := range codes() {
		m[c.Name] = c
	}
	return m
})

// Codes returns the catalog of diagnostic codes in name order; the caller
// may change the slice.
func Codes() []Code {
	c := codes()
	slices.SortFunc(c, func(a, b Code) int { return strings.Compare(a.Name, b.Name) })
	return c
}

// Lookup returns the catalog entry of the code name.
func Lookup(name string) (Code, bool) {
	c, ok := catalog()[name]
	return c, ok
}

// SeverityOf returns the catalog's severity of code, or def when the
// catalog lacks it.
func SeverityOf(code string, def Severity) Severity {
	if c, ok := Lookup(code); ok {
		return c.Severity
	}
	return def
}
