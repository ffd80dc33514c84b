package model

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/templates"
)

// This file holds the strict check of a documented request body: whether
// the generated client, given the documented body decoded into the
// operation's body type, sends that body again. The check is docs against
// client, not model against itself: every member the client would leave out
// or change is a loss, except a value the docs write as a placeholder
// ("datetime-value", "String (timestamp)"), which the client sends as the
// zero value of its type and which is listed as a fit.

// LossKind says why a documented member or value is not sent as documented.
type LossKind string

const (
	// LossPlaceholder is the one allowed change: the docs write a
	// placeholder where a value goes, and the client sends the type's zero
	// value instead.
	LossPlaceholder LossKind = "placeholder"
	// LossUnknown is a member the body's type does not declare.
	LossUnknown LossKind = "unknown member"
	// LossNull is an explicit null, which the client leaves out.
	LossNull LossKind = "null"
	// LossAnnotation is an instance annotation such as x@odata.bind that
	// the type has no field for.
	LossAnnotation LossKind = "annotation"
	// LossValue is a value of the wrong kind or form for its type, which
	// the client can only send converted.
	LossValue LossKind = "value"
	// LossStream is stream content inside a JSON body.
	LossStream LossKind = "stream"
)

// BodyLoss is one difference between a documented request body and what the
// client sends for it.
type BodyLoss struct {
	Kind LossKind
	// Path is where in the body, as dotted member names and indexes
	// ("members.0.id"); "" is the body itself.
	Path string
	// Line and Col are the value's position in the documented block.
	Line, Col int
}

func (l BodyLoss) String() string {
	p := l.Path
	if p == "" {
		p = "the body"
	}
	return fmt.Sprintf("%s (%s)", strconv.Quote(p), l.Kind)
}

// Strict reports whether losses hold nothing but placeholder fits.
func Strict(losses []BodyLoss) bool {
	for _, l := range losses {
		if l.Kind != LossPlaceholder {
			return false
		}
	}
	return true
}

// bodyLosses compares the documented body v, decoded as ref, with what the
// generated client sends for it, and returns each difference in document
// order, and the Go names of the body's own properties the docs set to
// null, which an Example sends with SetNull. It mirrors fit and the
// encoding of the generated types: struct fields are pointers, slices or
// json.RawMessage with omitempty or omitzero (a null is left out, except in
// an untyped field or by SetNull, which needs the body's own struct), every
// type but the made-up parameter structs carries @odata.type and keeps the
// members it does not declare (MembersField), x@odata.bind among them, and
// member names match in any case.
func (b *builder) bodyLosses(v *parser.JSONValue, ref TypeRef) ([]BodyLoss, []string) {
	var out []BodyLoss
	var nulls []string
	if t := ref.Named; t != nil && !ref.Collection && t.Kind != Enum && !t.Polymorphic() && t.KeepsUndeclared() && v != nil && v.Kind == parser.JSONObject {
		// Nulls of the body's own properties are sent with SetNull.
		for _, m := range v.Members {
			p := findProperty(t, m.Key)
			if m.Value.Kind == parser.JSONNull && p != nil && p.Type.Named == nil && !p.Type.Collection && (p.Type.Primitive == Stream || p.Type.Primitive == Untyped) {
				continue // no field (stream) or a json.RawMessage, which holds the null
			}
			if m.Value.Kind == parser.JSONNull && p != nil && !slices.Contains(nulls, p.Name) {
				nulls = append(nulls, p.Name)
			}
		}
	}
	b.lossesOf(v, ref, "", 0, nulls, &out)
	return out, nulls
}

func (b *builder) lossesOf(v *parser.JSONValue, ref TypeRef, path string, depth int, nulls []string, out *[]BodyLoss) {
	if v == nil || depth > maxBaseDepth*4 || ref.IsZero() || ref.Primitive == Untyped && !ref.Collection {
		return
	}
	loss := func(k LossKind) { *out = append(*out, BodyLoss{Kind: k, Path: path, Line: v.Line, Col: v.Col}) }
	if v.Kind == parser.JSONNull {
		loss(LossNull)
		return
	}
	if ref.Collection {
		if v.Kind != parser.JSONArray {
			loss(LossValue)
			return
		}
		elem := ref
		elem.Collection = false
		for i, e := range v.Elems {
			b.lossesOf(e, elem, joinPath(path, strconv.Itoa(i)), depth+1, nil, out)
		}
		return
	}
	if t := ref.Named; t != nil {
		switch {
		case t.Kind == Enum:
			if v.Kind != parser.JSONString {
				loss(LossValue)
			}
		case v.Kind != parser.JSONObject:
			loss(LossValue)
		default:
			b.objectLosses(v, t, path, depth, nulls, out)
		}
		return
	}
	if checkPrimitive(v, ref.Primitive) == "" {
		return
	}
	if placeholderFor(v, ref.Primitive) {
		loss(LossPlaceholder)
		return
	}
	loss(LossValue)
}

func (b *builder) objectLosses(v *parser.JSONValue, t *Type, path string, depth int, nulls []string, out *[]BodyLoss) {
	actual := t
	if h := hint(v); h != "" && t.Polymorphic() {
		if tf := b.types[strings.ToLower(h)]; tf != nil && tf.resolved != nil && derivesFrom(tf.resolved, t) {
			actual = tf.resolved
		}
	}
	open := actual.KeepsUndeclared()
	for _, m := range v.Members {
		at := joinPath(path, m.Key)
		loss := func(k LossKind) {
			*out = append(*out, BodyLoss{Kind: k, Path: at, Line: m.Value.Line, Col: m.Value.Col})
		}
		if strings.EqualFold(m.Key, "@odata.type") {
			if !open {
				loss(LossAnnotation)
			}
			continue
		}
		p := findProperty(actual, m.Key)
		switch {
		case p == nil && open:
			// Kept as it is, in the MembersField.
		case p != nil && m.Value.Kind == parser.JSONNull && slices.Contains(nulls, p.Name):
			// Sent with SetNull.
		case p == nil && strings.Contains(m.Key, "@"):
			loss(LossAnnotation)
		case p == nil:
			loss(LossUnknown)
		case p.Type.Primitive == Stream && p.Type.Named == nil:
			loss(LossStream)
		case m.Value.Kind == parser.JSONNull && p.Type.Primitive == Untyped && !p.Type.Collection && p.Type.Named == nil:
			// A json.RawMessage field holds the null and sends it.
		default:
			b.lossesOf(m.Value, p.Type, at, depth+1, nil, out)
		}
	}
}

func joinPath(path, seg string) string {
	if path == "" {
		return seg
	}
	return path + "." + seg
}

// placeholderFor reports whether v, which checkPrimitive rejects as p, is a
// placeholder the docs write for a value of p rather than a value in the
// wrong form: a string that cannot be read as p at all ("datetime-value",
// "Int32", "String (timestamp)"), which fit turns into p's zero value.
func placeholderFor(v *parser.JSONValue, p Primitive) bool {
	if v.Kind != parser.JSONString {
		return false
	}
	s := strings.TrimSpace(v.String)
	switch p {
	case Boolean:
		switch strings.ToLower(s) {
		case "true", "false", "1", "0", "yes", "no":
			return false
		}
		return true
	case Byte, SByte, Int16, Int32, Int64, Single, Double, Decimal:
		_, err := strconv.ParseFloat(s, 64)
		return err != nil
	case DateTimeOffset, TimeOfDay:
		_, ok := parseLoose(s)
		return !ok
	case Date:
		var d templates.Date
		return len(s) < 10 || d.UnmarshalText([]byte(s[:10])) != nil
	case Duration:
		return true // coerce gives PT0S for any text that is not a duration
	case Binary:
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
			if _, err := enc.DecodeString(s); err == nil {
				return false
			}
		}
		return true
	}
	return false
}

// reportLosses reports an example whose body the client cannot send as
// documented, at its first loss, naming up to five of them; placeholder
// fits are left to example-invalid-value, which reports each.
func (b *builder) reportLosses(op *Operation, e *Example, base diag.Pos) {
	var lost []BodyLoss
	for _, l := range e.RequestLosses {
		if l.Kind != LossPlaceholder {
			lost = append(lost, l)
		}
	}
	if len(lost) == 0 {
		return
	}
	const shown = 5
	var names []string
	for _, l := range lost[:min(len(lost), shown)] {
		names = append(names, l.String())
	}
	more := ""
	if len(lost) > shown {
		more = fmt.Sprintf(" and %d more", len(lost)-shown)
	}
	b.diags.Warnf(base.Within(lost[0].Line, lost[0].Col), "example-not-as-documented",
		"request example %s of %s cannot be sent as documented, so no Example function is generated for it: the client leaves out or changes %s%s",
		strconv.Quote(e.Name), op.Name, strings.Join(names, ", "), more)
}
