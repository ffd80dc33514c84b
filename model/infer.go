package model

import (
	"math/big"
	"regexp"
	"strings"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
)

var (
	dateTimeRe  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$`)
	dateRe      = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	timeOfDayRe = regexp.MustCompile(`^\d{2}:\d{2}:\d{2}(\.\d{1,12})?$`)
	durationRe  = regexp.MustCompile(`^-?P(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$`)
	guidRe      = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// stringPrim infers the Edm type of an example string value. Each
// expression runs only on strings of a length and first byte it can
// match, as most example strings are names and sentences
// (TestStringPrimGuards holds it to the expressions alone).
func stringPrim(s string) Primitive {
	if s == "" {
		return String
	}
	digit := '0' <= s[0] && s[0] <= '9'
	switch {
	case digit && len(s) >= len("2006-01-02T15:04") && dateTimeRe.MatchString(s):
		return DateTimeOffset
	case digit && len(s) == len("2006-01-02") && dateRe.MatchString(s):
		return Date
	case digit && len(s) >= len("15:04:05") && timeOfDayRe.MatchString(s):
		return TimeOfDay
	case (s[0] == 'P' || s[0] == '-') && len(s) > 2 && durationRe.MatchString(s) && !strings.HasSuffix(s, "T"):
		return Duration
	case len(s) == len("00000000-0000-0000-0000-000000000000") && guidRe.MatchString(s):
		return GUID
	}
	return String
}

// numberPrim infers the Edm type of a number literal: integers that fit 32
// bits are Int32, larger ones Int64, anything else Double.
func numberPrim(lit string) Primitive {
	if strings.ContainsAny(lit, ".eE") {
		return Double
	}
	n, ok := new(big.Int).SetString(lit, 10)
	switch {
	case !ok:
		return Double
	case n.IsInt64() && n.Int64() >= -1<<31 && n.Int64() < 1<<31:
		return Int32
	case n.IsInt64():
		return Int64
	}
	return Double
}

// jsonKind is the JSON kind a type reference encodes as.
func (r rawRef) jsonKind(b *builder) string {
	if r.collection {
		return "array"
	}
	switch r.prim {
	case "":
		if tf := b.types[r.named]; tf != nil && tf.kind == Enum {
			return "string"
		}
		return "object"
	case Boolean:
		return "boolean"
	case Byte, SByte, Int16, Int32, Int64, Single, Double, Decimal:
		return "number"
	case Untyped:
		return "any"
	}
	return "string"
}

// walkExamples adds what an operation's examples show to the types they
// name.
func (b *builder) walkExamples(op *opFacts) {
	// An example body of a type unrelated to the one the path addresses
	// (body-type-path) is no evidence for that type: walked, it would
	// make its type derive from the addressed one.
	unrelated := op.pathConflict != nil && op.body != nil && op.body.ref.named == op.pathConflict.addressed
	for _, ex := range op.examples {
		if rb := ex.req.Body; rb != nil && rb.JSON != nil && op.body != nil && op.body.ref.named != "" && !unrelated {
			b.walkObject(rb.JSON, op.body.ref.named, rb.Pos)
		}
		if success(ex.resp) == nil || ex.resp.Body == nil || ex.resp.Body.JSON == nil || op.respRef.named == "" {
			continue
		}
		v, pos := ex.resp.Body.JSON, ex.resp.Body.Pos
		switch op.respKind {
		case ResponseCollection:
			if arr := v.Member("value"); arr != nil && arr.Kind == parser.JSONArray {
				for _, e := range arr.Elems {
					b.walkObject(e, op.respRef.named, pos)
				}
			} else if v.Kind == parser.JSONArray {
				for _, e := range v.Elems {
					b.walkObject(e, op.respRef.named, pos)
				}
			}
		case ResponseSingle:
			b.walkObject(v, op.respRef.named, pos)
		}
	}
}

// knownRef is the strongest statement of a property's type made by tables
// or the JSON representation, looking through base types.
func (b *builder) knownRef(typeKey, name string) (rawRef, bool) {
	for _, tf := range b.bases(typeKey) {
		if tf == nil {
			break
		}
		if p := tf.byName[name]; p != nil {
			for _, e := range []*evidence{p.table, p.params, p.rep} {
				if e != nil {
					return e.ref, true
				}
			}
			return rawRef{}, false
		}
	}
	return rawRef{}, false
}

// owner returns the type an example member of a typeKey value is evidence
// for: the nearest of typeKey and its bases whose table, parameter table
// or JSON representation declares name, else typeKey itself. Members that
// only examples show stay with the type the value is: they never go to a
// base because an example of another subtype showed them there.
func (b *builder) owner(typeKey, name string) *typeFacts {
	if k := b.declarer(typeKey, name); k != nil {
		return k
	}
	return b.types[typeKey]
}

// declarer returns the nearest of typeKey and its bases that declares
// name by a stronger source than examples, or nil.
func (b *builder) declarer(typeKey, name string) *typeFacts {
	for _, tf := range b.bases(typeKey) {
		if tf == nil {
			break
		}
		if p := tf.byName[name]; p != nil && p.declared() {
			return tf
		}
	}
	return nil
}

// markBases fills derived with the types that pages name as a base type.
// (Bases that examples imply are known only after the examples are
// walked: applyBaseCandidates.)
func (b *builder) markBases() {
	b.derived = map[string]bool{}
	for _, k := range b.sortedKeys() {
		if tf := b.types[k]; tf.base != "" {
			b.derived[tf.base] = true
		}
	}
}

// walkObject records the members of an example object as evidence for the
// type it is (its @odata.type hint, else expected).
func (b *builder) walkObject(v *parser.JSONValue, expected string, base diag.Pos) {
	b.walkDepth(v, expected, base, 0)
}

func (b *builder) walkDepth(v *parser.JSONValue, expected string, base diag.Pos, depth int) {
	if v == nil || depth > 64 {
		return
	}
	tf := b.types[expected]
	if v.Kind != parser.JSONObject {
		if tf != nil && v.Kind == parser.JSONString {
			tf.stringValues++
		}
		return
	}
	h := hint(v)
	if h != "" {
		pos := base.Within(v.Line, v.Col)
		sub := b.typ(h, 1, pos)
		if tf != nil && sub != tf && tf.kind != Enum && !tf.synthesized && !sub.synthesized && sub.base == "" && sub.baseCandidate == "" && !b.derives(tf.key, sub.key) {
			// A value of another type where tf is expected: evidence that
			// it derives from tf, used if nothing else names its base.
			sub.baseCandidate, sub.baseCandidatePos = tf.key, pos
		}
		tf = sub
	}
	if tf == nil {
		return
	}
	tf.objectValues++
	// A value without @odata.type where a type with subtypes is expected
	// may be of any of them: its members are evidence for no type, unless
	// the expected type or its bases declare them.
	untyped := h == "" && b.derived[tf.key]
	for _, m := range v.Members {
		if strings.Contains(m.Key, "@") || m.Key == "" {
			continue
		}
		pos := base.Within(m.Line, m.Col)
		key := b.propertyKey(tf.key, m.Key)
		if untyped && b.declarer(tf.key, key) == nil {
			if tf.untyped == nil {
				tf.untyped = map[string]bool{}
			}
			if !tf.untyped[key] {
				tf.untyped[key] = true
				b.diags.Warnf(pos, "example-member-untyped", "example member %s of a value without @odata.type where %s or a type derived from it is expected: neither %s nor its base types declare it, so it is evidence for no type and not added", quote(key), tf.bestSpelling(), tf.bestSpelling())
			}
			continue
		}
		known, _ := b.knownRef(tf.key, key)
		ref, ok := b.valueRef(m.Value, known, base, depth)
		owner := b.owner(tf.key, key)
		p := owner.prop(key, pos)
		if p.exampleKinds == nil {
			p.exampleKinds = map[string]diag.Pos{}
		}
		if m.Value.Kind != parser.JSONNull {
			k := m.Value.Kind.String()
			if m.Value.Kind == parser.JSONNumber {
				switch numberPrim(m.Value.Number) {
				case Double:
					k = "non-integer number"
				case Int64:
					k = "64-bit integer"
				}
			}
			if _, seen := p.exampleKinds[k]; !seen {
				p.exampleKinds[k] = pos
			}
		}
		if m.Value.Kind == parser.JSONArray && p.arrays == nil {
			p.arrays = &pos
		}
		if !ok {
			continue
		}
		if p.example == nil {
			p.example = &evidence{ref: ref, pos: pos, source: FromExample}
		} else {
			p.example.ref = mergeRefs(p.example.ref, ref)
		}
	}
}

// valueRef infers the type of an example value. known is what tables say,
// used to type nested objects that carry no hint.
func (b *builder) valueRef(v *parser.JSONValue, known rawRef, base diag.Pos, depth int) (rawRef, bool) {
	switch v.Kind {
	case parser.JSONNull:
		return rawRef{}, false
	case parser.JSONBool:
		return rawRef{prim: Boolean}, true
	case parser.JSONNumber:
		return rawRef{prim: numberPrim(v.Number)}, true
	case parser.JSONString:
		if known.named != "" {
			b.walkDepth(v, known.named, base, depth+1)
		}
		return rawRef{prim: stringPrim(v.String)}, true
	case parser.JSONObject:
		if h := hint(v); h != "" {
			b.walkDepth(v, strings.ToLower(h), base, depth+1)
			return rawRef{named: strings.ToLower(h)}, true
		}
		if known.named != "" {
			b.walkDepth(v, known.named, base, depth+1)
			return rawRef{named: known.named}, true
		}
		return rawRef{prim: Untyped}, true
	case parser.JSONArray:
		var out rawRef
		for _, e := range v.Elems {
			elemKnown := known
			elemKnown.collection = false
			r, ok := b.valueRef(e, elemKnown, base, depth+1)
			if ok {
				out = mergeRefs(out, r)
			}
		}
		out.collection = true
		return out, true
	}
	return rawRef{}, false
}

// mergeRefs combines two example observations of one property.
func mergeRefs(a, c rawRef) rawRef {
	coll := a.collection || c.collection
	a.collection, c.collection = false, false
	var out rawRef
	switch {
	case a.zero():
		out = c
	case c.zero() || a == c:
		out = a
	case isNumber(a.prim) && isNumber(c.prim):
		if a.prim == Double || c.prim == Double {
			out = rawRef{prim: Double}
		} else {
			out = rawRef{prim: Int64}
		}
	case isStringy(a.prim) && isStringy(c.prim):
		out = rawRef{prim: String}
	default:
		out = a
	}
	out.collection = coll
	return out
}

func isNumber(p Primitive) bool {
	switch p {
	case Byte, SByte, Int16, Int32, Int64, Single, Double, Decimal:
		return true
	}
	return false
}

func isStringy(p Primitive) bool {
	switch p {
	case String, DateTimeOffset, Date, TimeOfDay, Duration, GUID, Binary:
		return true
	}
	return false
}

// derives reports whether the type key derives from base (or is it).
func (b *builder) derives(key, base string) bool {
	for k := range b.bases(key) {
		if k == base {
			return true
		}
	}
	return false
}

// applyBaseCandidates gives types that no page gives a base the base their
// examples imply.
func (b *builder) applyBaseCandidates() {
	for _, k := range b.sortedKeys() {
		tf := b.types[k]
		if tf.base != "" || tf.baseCandidate == "" || tf.kind == Enum {
			continue
		}
		tf.base, tf.basePos = tf.baseCandidate, tf.baseCandidatePos
		b.diags.Warnf(tf.baseCandidatePos, "base-from-example", "%s appears where %s is expected and no page names its base type; it is made to derive from %s",
			tf.bestSpelling(), b.types[tf.baseCandidate].bestSpelling(), b.types[tf.baseCandidate].bestSpelling())
	}
}

// propertyKey is the name under which an example member is recorded: an
// existing property of the type or its bases that matches it exactly or,
// as encoding/json matches keys, case-insensitively; else the member name.
func (b *builder) propertyKey(typeKey, name string) string {
	fold := ""
	for _, tf := range b.bases(typeKey) {
		if tf == nil {
			break
		}
		if tf.byName[name] != nil {
			return name
		}
		if fold == "" {
			for _, p := range tf.props {
				if strings.EqualFold(p.jsonName, name) {
					fold = p.jsonName
					break
				}
			}
		}
	}
	if fold != "" {
		return fold
	}
	return name
}
