package model

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/templates"
)

// validateExamples checks every example body (strictly valid or repaired)
// against the resolved model, as a strict decoder of the generated types
// would: each value that would not decode is a docs error, reported with its
// position. The body fitted to the model (see fit) goes into the example
// when it differs from the documented one.
func (b *builder) validateExamples() {
	for _, of := range b.ops {
		op := of.resolved
		if op == nil || len(op.Examples) != len(of.examples) {
			continue
		}
		for i, ex := range of.examples {
			b.checkExample(op, op.Examples[i], ex)
		}
	}
}

// checkExample checks and fits the request and response bodies of one
// example of op.
func (b *builder) checkExample(op *Operation, e *Example, ex exPair) {
	if rb := ex.req.Body; rb != nil && rb.JSON != nil && op.Body != nil && !op.Body.Binary && !op.Body.Reference {
		e.RequestFitted = b.checkBody(rb.JSON, false, op.Body.Type, rb.Pos)
		e.RequestLosses, e.RequestNulls = b.bodyLosses(rb.JSON, op.Body.Type)
		b.reportLosses(op, e, rb.Pos)
	}
	r := ex.resp
	if r == nil || r.Body == nil || r.Body.JSON == nil {
		return
	}
	body, pos := r.Body.JSON, r.Body.Pos
	if pt := op.ResponseType; op.Response == ResponseSingle && pt.Named == nil && pt.Primitive != "" && pt.Primitive != Untyped && pt.Primitive != Stream {
		// The client decodes {"value": ...} into the primitive the
		// operation documents.
		if body.Member("value") != nil {
			e.ResponseFitted = b.checkBody(body, true, pt, pos)
		}
		return
	}
	// Each example is checked against the type its own annotation names,
	// which is what it documents, else the operation's.
	typ := e.ResponseType
	if typ.IsZero() && (op.Response == ResponseSingle || op.Response == ResponseCollection) {
		typ = op.ResponseType
		typ.Collection = op.Response == ResponseCollection
	}
	// The client decodes as the operation returns: an annotation that
	// does not say isCollection over a page the operation returns as a
	// collection (the Response prose says so) is a page.
	pageOfOp := op.Response == ResponseCollection && !typ.Collection && !r.IsCollection && body.Kind == parser.JSONObject &&
		body.Member("value") != nil && body.Member("value").Kind == parser.JSONArray
	listed := typ.Collection || r.IsCollection || pageOfOp
	if v := body.Member("value"); !listed && op.Response == ResponseCollection && r.Status < 300 && body.Kind == parser.JSONObject && (v == nil || v.Kind != parser.JSONArray) {
		// Stronger evidence (a relationship table, the prose) makes the
		// operation a collection; the example shows one object, which is
		// not fitted into a page.
		e.ResponseMismatch = "its documented response is one object, not a page ({\"value\": [...]}), while the operation returns a collection"
		return
	}
	switch {
	case typ.IsZero() || typ.Primitive != "":
	case listed:
		if body.Member("value") == nil {
			b.invalid(pos, body, "collection response has no \"value\" array")
			return
		}
		typ.Collection = true
		e.ResponseFitted = b.checkBody(body, true, typ, pos)
	default:
		e.ResponseFitted = b.checkBody(body, false, typ, pos)
	}
}

// checkBody reports what in a body would not decode as ref, and returns the
// body fitted to ref as compact JSON, or "" when it needs no change. With
// inValue, ref is the type of the body's "value" member (a collection
// page, a primitive result) rather than of the body.
func (b *builder) checkBody(body *parser.JSONValue, inValue bool, ref TypeRef, pos diag.Pos) string {
	v := body
	if inValue {
		v = body.Member("value")
	}
	b.validate(v, ref, pos, 0)
	f, changed := b.fit(v, ref, 0)
	if !changed {
		return ""
	}
	if inValue {
		f = withMember(body, "value", f)
	}
	return string(f.Encode())
}

// withMember returns a copy of the object v with the last member named key
// holding val.
func withMember(v *parser.JSONValue, key string, val *parser.JSONValue) *parser.JSONValue {
	out := *v
	out.Members = append([]parser.JSONMember(nil), v.Members...)
	for i := len(out.Members) - 1; i >= 0; i-- {
		if out.Members[i].Key == key {
			out.Members[i].Value = val
			break
		}
	}
	return &out
}

func (b *builder) invalid(base diag.Pos, v *parser.JSONValue, format string, args ...any) {
	b.diags.Warnf(base.Within(v.Line, v.Col), "example-invalid-value", format, args...)
}

// validate checks one value against the type it decodes into.
func (b *builder) validate(v *parser.JSONValue, ref TypeRef, base diag.Pos, depth int) {
	if v == nil || v.Kind == parser.JSONNull || depth > 64 || ref.IsZero() || ref.Primitive == Untyped && !ref.Collection {
		return
	}
	if ref.Collection {
		if v.Kind != parser.JSONArray {
			b.invalid(base, v, "example gives a %s where %s is documented", v.Kind, ref)
			return
		}
		elem := ref
		elem.Collection = false
		for _, e := range v.Elems {
			b.validate(e, elem, base, depth+1)
		}
		return
	}
	if t := ref.Named; t != nil {
		if t.Kind == Enum {
			if v.Kind != parser.JSONString {
				b.invalid(base, v, "example gives a %s where enum %s is documented", v.Kind, t.FullName)
			}
			return
		}
		if v.Kind != parser.JSONObject {
			b.invalid(base, v, "example gives a %s where an object of type %s is documented", v.Kind, t.FullName)
			return
		}
		b.validateObject(v, t, base, depth)
		return
	}
	if msg := checkPrimitive(v, ref.Primitive); msg != "" {
		b.invalid(base, v, "example value %s: %s", shortValue(v), msg)
	}
}

func (b *builder) validateObject(v *parser.JSONValue, t *Type, base diag.Pos, depth int) {
	actual := t
	if h := hint(v); h != "" && t.Polymorphic() {
		if tf := b.types[strings.ToLower(h)]; tf != nil && tf.resolved != nil && derivesFrom(tf.resolved, t) {
			actual = tf.resolved
		}
	}
	for _, m := range v.Members {
		if strings.Contains(m.Key, "@") {
			continue
		}
		p := findProperty(actual, m.Key)
		if p == nil {
			b.diags.Warnf(base.Within(m.Line, m.Col), "example-unknown-property", "example property %q is not a property of %s or its base types", m.Key, actual.FullName)
			continue
		}
		if p.JSONName != m.Key {
			b.diags.Warnf(base.Within(m.Line, m.Col), "example-property-case", "example property %q is spelled %q on %s; it decodes, but re-encodes with the documented case", m.Key, p.JSONName, actual.FullName)
		}
		if p.Type.Primitive == Stream && p.Type.Named == nil {
			// The struct has no field for it: stream content is read and
			// written at the property's own URL.
			b.invalid(base, m.Value, "example property %q of %s is Edm.Stream: its content is read and written at its own URL, never inside a JSON body", m.Key, actual.FullName)
			continue
		}
		b.validate(m.Value, p.Type, base, depth+1)
	}
}

func derivesFrom(t, base *Type) bool {
	for a := range t.Lineage() {
		if a == base {
			return true
		}
	}
	return false
}

// findProperty finds a property in t or its bases the way encoding/json
// matches keys: exactly, else case-insensitively.
func findProperty(t *Type, key string) *Property {
	var fold *Property
	for a := range t.Lineage() {
		for _, p := range a.Properties {
			if p.JSONName == key {
				return p
			}
			if fold == nil && strings.EqualFold(p.JSONName, key) {
				fold = p
			}
		}
	}
	return fold
}

// checkPrimitive says why v does not decode as p, or "".
func checkPrimitive(v *parser.JSONValue, p Primitive) string {
	k := parser.JSONString
	switch p {
	case Boolean:
		k = parser.JSONBool
	case Byte, SByte, Int16, Int32, Int64, Single, Double, Decimal:
		k = parser.JSONNumber
	}
	if v.Kind != k {
		return "a " + v.Kind.String() + " where Edm." + string(p) + " is documented"
	}
	var err error
	switch p {
	case Byte:
		_, err = strconv.ParseUint(v.Number, 10, 8)
	case SByte:
		_, err = strconv.ParseInt(v.Number, 10, 8)
	case Int16:
		_, err = strconv.ParseInt(v.Number, 10, 16)
	case Int32:
		_, err = strconv.ParseInt(v.Number, 10, 32)
	case Int64:
		_, err = strconv.ParseInt(v.Number, 10, 64)
	case Single:
		var f float64
		if f, err = strconv.ParseFloat(v.Number, 32); err == nil && !sameSingle(f, v.Number) {
			return "more digits than Edm.Single holds (it is sent as " + strconv.FormatFloat(f, 'g', -1, 32) + ")"
		}
	case Double, Decimal:
		_, err = strconv.ParseFloat(v.Number, 64)
	case DateTimeOffset:
		_, err = time.Parse(time.RFC3339Nano, v.String)
	case Date:
		var d templates.Date
		err = d.UnmarshalText([]byte(v.String))
	case TimeOfDay:
		var t templates.TimeOfDay
		err = t.UnmarshalText([]byte(v.String))
	case Duration:
		_, err = templates.ParseDuration(v.String)
	case Binary:
		_, err = base64.StdEncoding.DecodeString(v.String)
	}
	if err != nil {
		return "not a valid Edm." + string(p) + " value"
	}
	return ""
}

// sameSingle reports whether f, a number read as a float32, re-encodes
// as the number lit says: encoding/json writes a float32 with the fewest
// digits that read back as the same float32, so 4.2 stays 4.2 but
// 4.666666666666667 becomes 4.6666665.
func sameSingle(f float64, lit string) bool {
	orig, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		return false
	}
	re, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', -1, 32), 64)
	return re == orig
}

func shortValue(v *parser.JSONValue) string {
	s := string(v.Encode())
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return s
}
