package model

import (
	"strings"
)

// Primitive is an Edm primitive type name without the "Edm." prefix.
type Primitive string

// The primitives docgen maps to Go types. Untyped stands for JSON whose
// type the docs do not state; it is kept as raw JSON.
const (
	String         Primitive = "String"
	Boolean        Primitive = "Boolean"
	Byte           Primitive = "Byte"
	SByte          Primitive = "SByte"
	Int16          Primitive = "Int16"
	Int32          Primitive = "Int32"
	Int64          Primitive = "Int64"
	Single         Primitive = "Single"
	Double         Primitive = "Double"
	Decimal        Primitive = "Decimal"
	DateTimeOffset Primitive = "DateTimeOffset"
	Date           Primitive = "Date"
	TimeOfDay      Primitive = "TimeOfDay"
	Duration       Primitive = "Duration"
	GUID           Primitive = "Guid"
	Binary         Primitive = "Binary"
	Stream         Primitive = "Stream"
	Untyped        Primitive = "Untyped"
)

// synonyms maps the lower-cased spellings the docs use to Edm primitives.
var synonyms = map[string]Primitive{
	"string": String, "str": String, "text": String, "url": String, "uri": String, "email": String,
	"boolean": Boolean, "bool": Boolean,
	"byte": Byte, "sbyte": SByte,
	"int16": Int16, "short": Int16,
	"int": Int32, "int32": Int32, "integer": Int32, "number": Int32,
	"int64": Int64, "long": Int64, "bigint": Int64,
	"single": Single, "float": Single,
	"double": Double, "decimal": Decimal,
	"datetimeoffset": DateTimeOffset, "datetime": DateTimeOffset, "timestamp": DateTimeOffset, "date time": DateTimeOffset, "date-time": DateTimeOffset,
	"date":      Date,
	"timeofday": TimeOfDay, "time": TimeOfDay, "time of day": TimeOfDay,
	"duration": Duration, "timespan": Duration,
	"guid": GUID, "uuid": GUID,
	"binary": Binary, "base64": Binary, "byte[]": Binary, "base64binary": Binary,
	"stream": Stream,
	"object": Untyped, "json": Untyped, "any": Untyped, "untyped": Untyped, "dynamic": Untyped,
}

// rawRef is a type reference before names are resolved: either a primitive
// or the lower-cased full name of a named type.
type rawRef struct {
	prim       Primitive
	named      string // lower-cased full OData name
	collection bool
}

func (r rawRef) zero() bool { return r.prim == "" && r.named == "" }

// collectionOf returns the element of "Collection(elem)" (any case, white
// space allowed before the parenthesis, no line break inside), as the
// regular expression (?i)^collection\s*\((.*)\)$ would.
func collectionOf(t string) (elem string, ok bool) {
	const word = "collection"
	if len(t) < len(word)+2 || !strings.EqualFold(t[:len(word)], word) {
		return "", false
	}
	rest := strings.TrimLeft(t[len(word):], " \t\n\f\r")
	if len(rest) < 2 || rest[0] != '(' || rest[len(rest)-1] != ')' {
		return "", false
	}
	elem = rest[1 : len(rest)-1]
	if strings.IndexByte(elem, '\n') >= 0 {
		return "", false
	}
	return elem, true
}

// parseTypeText normalises the text of a table's Type cell or a JSON
// representation placeholder: "Int32", "int", "String collection",
// "Collection(microsoft.graph.user)", "[user](user.md) collection",
// "String (timestamp)", "Edm.Duration". ns is the namespace of the page,
// used to qualify bare names. ok is false when the text names no type.
func parseTypeText(text, ns string) (r rawRef, ok bool) {
	t := strings.TrimSpace(text)
	t = strings.Trim(t, "`*_ ")
	if t == "" {
		return r, false
	}
	// A Type cell that runs on into its description ("educationOutcome
	// collection. Holds grades, ...") states its type before the first
	// sentence break; "itemAnalytics resource" names the resource.
	if head, _, found := strings.Cut(t, ". "); found && !strings.ContainsAny(head, " ,") || found && strings.HasSuffix(strings.ToLower(head), " collection") && strings.Count(head, " ") == 1 {
		t = strings.Trim(head, "`*_ ")
	}
	if head, found := strings.CutSuffix(t, " resource"); found && !strings.Contains(head, " ") {
		t = head
	}
	if elem, ok := collectionOf(t); ok {
		r, ok = parseTypeText(elem, ns)
		r.collection = true
		return r, ok
	}
	lower := strings.ToLower(t)
	coll := false
	for _, suf := range []string{" collection", "collection", "[]", " array"} {
		if strings.HasSuffix(lower, suf) && len(lower) > len(suf) {
			t = strings.TrimSpace(t[:len(t)-len(suf)])
			lower = strings.ToLower(t)
			coll = true
			break
		}
	}
	if rest, found := strings.CutPrefix(lower, "collection of "); found {
		t = strings.TrimSpace(t[len(t)-len(rest):])
		lower = rest
		coll = true
	}
	// "String (timestamp)", "Int32 (read-only)": the parenthesised note may
	// carry the real type.
	if i := strings.IndexByte(t, '('); i > 0 && strings.HasSuffix(t, ")") {
		head := strings.TrimSpace(t[:i])
		note := strings.ToLower(strings.TrimSpace(t[i+1 : len(t)-1]))
		if p, found := synonyms[note]; found && strings.EqualFold(head, "string") {
			return rawRef{prim: p, collection: coll}, true
		}
		t, lower = head, strings.ToLower(head)
	}
	edm := strings.HasPrefix(lower, "edm.")
	lower = strings.TrimPrefix(lower, "edm.")
	if p, found := synonyms[lower]; found {
		return rawRef{prim: p, collection: coll}, true
	}
	if edm {
		return r, false
	}
	if !isQualified(t) {
		return r, false
	}
	full := t
	if !strings.Contains(t, ".") {
		full = ns + "." + t
	}
	return rawRef{named: strings.ToLower(full), collection: coll}, true
}

// oDataTypeName cleans an "@odata.type" value: "#microsoft.graph.user" →
// "microsoft.graph.user", "Collection(microsoft.graph.user)" → the element
// type with collection set.
func oDataTypeName(v string) (name string, collection bool) {
	v = strings.TrimPrefix(strings.TrimSpace(v), "#")
	if elem, ok := collectionOf(v); ok {
		v, collection = strings.TrimSpace(elem), true
	}
	v = strings.TrimPrefix(v, "#")
	return v, collection
}

// isQualified reports whether t is a dotted name: identifiers of ASCII
// letters, digits and underscores, not starting with a digit, joined by
// single dots ("user", "microsoft.graph.user").
func isQualified(t string) bool {
	start := true
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '.':
			if start {
				return false // leading or doubled dot
			}
			start = true
		case c == '_' || isASCIILetter(c):
			start = false
		case isASCIIDigit(c):
			if start {
				return false
			}
		default:
			return false
		}
	}
	return !start // not empty, no trailing dot
}

// String is the type as diagnostics name it: the full OData name, or the
// primitive's name.
func (r rawRef) String() string {
	if r.named != "" || r.prim == "" {
		return r.named
	}
	return string(r.prim)
}

// localName is the last dotted part of a qualified name
// ("microsoft.graph.user" → "user").
func localName(full string) string {
	return full[strings.LastIndexByte(full, '.')+1:]
}
