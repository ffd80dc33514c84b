package model

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/templates"
)

// fit returns v made to decode into ref the way a strict decoder of the
// generated types decodes, and whether anything changed. It changes exactly
// what validate reports: a value of the wrong kind or format becomes the
// nearest value of the documented type (a date without an offset gains
// "Z", "true" becomes true, text that is not base64 is encoded, a
// placeholder such as "datetime-value" becomes the zero value), a single
// value where a collection is documented becomes a one-element array, and a
// member the type does not have is dropped. Control members ("@odata.type",
// "x@odata.bind") and nulls stay. v itself is never modified.
//
// The fitted body is what an Example function sends and what the test
// double serves: the documented call, in the form the model can express.
func (b *builder) fit(v *parser.JSONValue, ref TypeRef, depth int) (*parser.JSONValue, bool) {
	if v == nil || v.Kind == parser.JSONNull || depth > 64 || ref.IsZero() || ref.Primitive == Untyped && !ref.Collection {
		return v, false
	}
	if ref.Collection {
		elem := ref
		elem.Collection = false
		if v.Kind != parser.JSONArray {
			e, _ := b.fit(v, elem, depth+1)
			return &parser.JSONValue{Kind: parser.JSONArray, Elems: []*parser.JSONValue{e}, Line: v.Line, Col: v.Col}, true
		}
		var out *parser.JSONValue
		for i, e := range v.Elems {
			f, changed := b.fit(e, elem, depth+1)
			if !changed {
				continue
			}
			if out == nil {
				c := *v
				c.Elems = append([]*parser.JSONValue(nil), v.Elems...)
				out = &c
			}
			out.Elems[i] = f
		}
		if out == nil {
			return v, false
		}
		return out, true
	}
	if t := ref.Named; t != nil {
		if t.Kind == Enum {
			if v.Kind == parser.JSONString {
				return v, false
			}
			return stringValue(v, string(v.Encode())), true
		}
		if v.Kind != parser.JSONObject {
			return &parser.JSONValue{Kind: parser.JSONObject, Line: v.Line, Col: v.Col}, true
		}
		return b.fitObject(v, t, depth)
	}
	if checkPrimitive(v, ref.Primitive) == "" {
		return v, false
	}
	return coerce(v, ref.Primitive), true
}

func (b *builder) fitObject(v *parser.JSONValue, t *Type, depth int) (*parser.JSONValue, bool) {
	actual := t
	if h := hint(v); h != "" && t.Polymorphic() {
		if tf := b.types[strings.ToLower(h)]; tf != nil && tf.resolved != nil && derivesFrom(tf.resolved, t) {
			actual = tf.resolved
		}
	}
	changed := false
	open := actual.KeepsUndeclared()
	members := make([]parser.JSONMember, 0, len(v.Members))
	for _, m := range v.Members {
		if strings.Contains(m.Key, "@") {
			members = append(members, m)
			continue
		}
		p := findProperty(actual, m.Key)
		if p == nil {
			if open {
				// The type keeps what it does not declare (MembersField).
				members = append(members, m)
				continue
			}
			changed = true // example-unknown-property: the type cannot carry it
			continue
		}
		if p.Type.Primitive == Stream && p.Type.Named == nil {
			changed = true // example-invalid-value: no struct field holds stream content
			continue
		}
		f, c := b.fit(m.Value, p.Type, depth+1)
		if c {
			changed = true
			m.Value = f
		}
		members = append(members, m)
	}
	if !changed {
		return v, false
	}
	out := *v
	out.Members = members
	return &out, true
}

func stringValue(at *parser.JSONValue, s string) *parser.JSONValue {
	return &parser.JSONValue{Kind: parser.JSONString, String: s, Line: at.Line, Col: at.Col}
}

func numberValue(at *parser.JSONValue, n string) *parser.JSONValue {
	return &parser.JSONValue{Kind: parser.JSONNumber, Number: n, Line: at.Line, Col: at.Col}
}

// valueText is the value as text: a string's content, else its JSON.
func valueText(v *parser.JSONValue) string {
	if v.Kind == parser.JSONString {
		return v.String
	}
	return string(v.Encode())
}

// coerce returns the nearest value of p to v, which checkPrimitive rejects.
func coerce(v *parser.JSONValue, p Primitive) *parser.JSONValue {
	s := strings.TrimSpace(valueText(v))
	switch p {
	case Boolean:
		b := false
		switch strings.ToLower(s) {
		case "true", "1", "yes":
			b = true
		}
		return &parser.JSONValue{Kind: parser.JSONBool, Bool: b, Line: v.Line, Col: v.Col}
	case Byte, SByte, Int16, Int32, Int64, Single, Double, Decimal:
		candidate := numberValue(v, s)
		if v.Kind == parser.JSONBool {
			candidate.Number = "0"
			if v.Bool {
				candidate.Number = "1"
			}
		}
		if checkPrimitive(candidate, p) == "" {
			return candidate
		}
		if p == Single {
			if f, err := strconv.ParseFloat(s, 32); err == nil {
				// The float32 nearest to the documented number, as it is sent.
				return numberValue(v, strconv.FormatFloat(f, 'g', -1, 32))
			}
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && f == float64(int64(f)) {
			candidate.Number = strconv.FormatInt(int64(f), 10)
			if checkPrimitive(candidate, p) == "" {
				return candidate
			}
		}
		return numberValue(v, "0")
	case DateTimeOffset:
		return stringValue(v, fitDateTime(s))
	case Date:
		var d templates.Date
		if len(s) >= 10 && d.UnmarshalText([]byte(s[:10])) == nil {
			return stringValue(v, s[:10])
		}
		return stringValue(v, "0001-01-01")
	case TimeOfDay:
		if t, ok := parseLoose(s); ok {
			return stringValue(v, t.Format("15:04:05"))
		}
		return stringValue(v, "00:00:00")
	case Duration:
		return stringValue(v, "PT0S")
	case Binary:
		for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
			if raw, err := enc.DecodeString(s); err == nil {
				return stringValue(v, base64.StdEncoding.EncodeToString(raw))
			}
		}
		return stringValue(v, base64.StdEncoding.EncodeToString([]byte(s)))
	}
	// The other primitives (String, Guid, ...) are JSON strings.
	return stringValue(v, s)
}

// fitDateTime reads s as a date and time the way a reader of the docs
// would (without an offset it is UTC; stray spaces after colons go), and
// gives RFC 3339; what it cannot read becomes the zero time.
func fitDateTime(s string) string {
	if t, ok := parseLoose(s); ok {
		return t.Format(time.RFC3339Nano)
	}
	return "0001-01-01T00:00:00Z"
}

func parseLoose(s string) (time.Time, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ": ", ":")
	for _, layout := range []string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05.999999999",
		"2006-01-02T15:04:05.999999999Z0700",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05.999999999Z07:00",
		"2006-01-02 15:04:05.999999999",
		"2006-01-02",
		"15:04:05.999999999",
		"15:04",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
