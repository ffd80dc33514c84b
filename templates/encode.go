package templates

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// This file holds polyEncoder, which encodes a polymorphic value and
// everything inside it in time linear in the size of its JSON.
//
// encoding/json validates and compacts the output of every MarshalJSON
// method it calls. When the MarshalJSON method of each Ref encoded its value
// with json.Marshal, the output of a Ref nested d levels deep was scanned
// again at each of the d levels above it. polyEncoder instead encodes the
// outermost Ref's whole value itself, writing nested Refs' values directly
// instead of calling their MarshalJSON, so that only the outermost output is
// scanned again (by the encoding/json call that reached the outermost Ref).
//
// Its output is byte for byte what json.Marshal of the value gives: struct
// members in encoding/json's order and with its omitempty and omitzero
// rules, strings escaped as json.Marshal escapes them (including <, > and &
// and U+2028 and U+2029), floats formatted as encoding/json formats them,
// []byte as base64, and the MarshalJSON and MarshalText methods of leaves
// such as time.Time and the value types of values.go called as
// encoding/json calls them. It hands every other type (maps, arrays,
// json.Number, interfaces with methods, structs with ",string" fields) to
// json.Marshal, and when anything fails it encodes the value again with
// json.Marshal, so that errors are exactly those of json.Marshal.

// polyEncodeMaxDepth is the deepest nesting of Go values (pointers,
// interfaces, Refs, structs and slices) that polyEncoder follows. It stops
// cycles of pointers, which would otherwise recurse without end.
const polyEncodeMaxDepth = 5 * polyMaxDepth

// errPolyEncodeDepth is the error for values nested deeper than
// polyEncodeMaxDepth.
var errPolyEncodeDepth = errors.New("graph: value nested too deeply to encode as JSON (or cyclic)")

// encodePoly encodes v, the value a Ref holds, as json.Marshal(v) does. The
// generated Ref types' MarshalJSON methods call it; a nil v is JSON null.
func encodePoly(v any) ([]byte, error) {
	return encodeWith(v, nil)
}

// encodeWith is encodePoly with the URLs of Binds given by resolve (see
// polyEncoder).
func encodeWith(v any, resolve func(Reference) (string, error)) ([]byte, error) {
	b, err := encodeOnce(v, resolve)
	if err != nil && err != errPolyEncodeDepth && !isBindError(err) {
		// Let encoding/json find the error again and report it its way.
		return json.Marshal(v)
	}
	return b, err
}

// encodeOnce is encodeWith without asking json.Marshal again on an error.
func encodeOnce(v any, resolve func(Reference) (string, error)) ([]byte, error) {
	if v == nil {
		return []byte("null"), nil
	}
	rv := reflect.ValueOf(v)
	e := polyEncoder{resolve: resolve}
	b, err := e.value(make([]byte, 0, polyEncodeBufSize), rv, polyEncPlanOf(rv.Type()))
	if err != nil {
		return nil, err
	}
	return b, nil
}

// encodeBody encodes the request body v as encodeWith does, but calls
// each MarshalJSON method once (a failing one's error is the result), and
// leaves <, > and & unescaped, as a json.Encoder with SetEscapeHTML(false)
// does.
func encodeBody(v any, resolve func(Reference) (string, error)) ([]byte, error) {
	b, err := encodeOnce(v, resolve)
	if err == errPolyEncode {
		return json.Marshal(v) // for encoding/json's error
	}
	if err != nil {
		return nil, err
	}
	return polyUnescapeHTML(b), nil
}

// polyUnescapeHTML turns the escapes \u003c, \u003e and \u0026 of the JSON
// b back into <, > and &, in place.
func polyUnescapeHTML(b []byte) []byte {
	i := bytes.IndexByte(b, '\\')
	if i < 0 {
		return b
	}
	out := b[:i]
	for i < len(b) {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		if i+6 <= len(b) && b[i+1] == 'u' && b[i+2] == '0' && b[i+3] == '0' {
			switch string(b[i+4 : i+6]) {
			case "3c":
				out, i = append(out, '<'), i+6
				continue
			case "3e":
				out, i = append(out, '>'), i+6
				continue
			case "26":
				out, i = append(out, '&'), i+6
				continue
			}
		}
		out = append(out, c, b[i+1]) // an escape pair, such as \\
		i += 2
	}
	return out
}

// isBindError reports whether err is a bindError.
func isBindError(err error) bool {
	_, ok := err.(*bindError)
	return ok
}

// polyEncoder holds the state of one encoding.
type polyEncoder struct {
	depth int // the nesting of the value being encoded
	// resolve returns the URL a Reference of a Bind is sent as; nil
	// outside a request, where a Bind is an error.
	resolve func(Reference) (string, error)
}

// polyEncKind says how a type is encoded.
type polyEncKind uint8

const (
	polyEncBool          polyEncKind = iota
	polyEncInt                       // signed integer kinds
	polyEncUint                      // unsigned integer kinds
	polyEncFloat                     // float32 and float64; bits says which
	polyEncString                    // string kinds other than json.Number
	polyEncPointer                   // a pointer: elem is the plan of what it points to
	polyEncRef                       // a generated Ref type
	polyEncInterface                 // an interface type without MarshalJSON or MarshalText
	polyEncMarshaler                 // the type has MarshalJSON
	polyEncAddrMarshaler             // only the type's pointer has MarshalJSON
	polyEncText                      // the type has MarshalText
	polyEncAddrText                  // only the type's pointer has MarshalText
	polyEncStruct                    // a struct: fields
	polyEncSlice                     // a slice other than []byte: elem is the plan of its elements
	polyEncBytes                     // a slice of bytes, encoded as base64
	polyEncFallback                  // encoded by json.Marshal
	polyEncTime                      // time.Time, whose MarshalJSON output needs no check
)

// polyEncPlan is how to encode a Go type, worked out once per type.
type polyEncPlan struct {
	typ    reflect.Type
	kind   polyEncKind
	bits   int          // floats: 32 or 64
	elem   *polyEncPlan // pointers and slices
	fields []polyEncField
	// members is the index path of a struct's Members field, whose members
	// are written after the declared ones; nil when it has none. names
	// then maps each declared member name to its index in fields.
	members []int
	names   map[string]int
}

// polyEncField is one JSON member of a struct.
type polyEncField struct {
	key       []byte // the member name, quoted and escaped, and a colon
	index     []int  // field indexes from the struct, through embedded structs
	plan      *polyEncPlan
	omitEmpty bool
	// isZero says whether the field is omitted under omitzero; nil when the
	// field has no omitzero option.
	isZero func(reflect.Value) bool
}

// polyEncPlans caches the plans of the types encoded so far. Plans are
// complete and never change once stored.
var polyEncPlans sync.Map // reflect.Type -> *polyEncPlan

var (
	polyMarshalerType     = reflect.TypeFor[json.Marshaler]()
	polyTextMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	polyIsZeroerType      = reflect.TypeFor[interface{ IsZero() bool }]()
	polyTimeType          = reflect.TypeFor[time.Time]()
)

// polyEncPlanOf returns the encoding plan of t.
func polyEncPlanOf(t reflect.Type) *polyEncPlan {
	if p, ok := polyEncPlans.Load(t); ok {
		return p.(*polyEncPlan)
	}
	building := map[reflect.Type]*polyEncPlan{}
	p := polyEncBuild(t, building)
	// Store the plans only now that all of them, which may refer to each
	// other, are complete.
	for t, p := range building {
		polyEncPlans.LoadOrStore(t, p)
	}
	return p
}

// polyEncBuild works out the plan of t and of the types it holds, by the
// order of encoding/json's newTypeEncoder, recording each plan in building
// before filling it, so that recursive types end.
func polyEncBuild(t reflect.Type, building map[reflect.Type]*polyEncPlan) *polyEncPlan {
	if p, ok := polyEncPlans.Load(t); ok {
		return p.(*polyEncPlan)
	}
	if p, ok := building[t]; ok {
		return p
	}
	p := &polyEncPlan{typ: t}
	building[t] = p
	// A Ref, or a pointer to one, is encoded as the value it holds, which is
	// what its MarshalJSON method does.
	if polyRefOf(t) != nil {
		p.kind = polyEncRef
		return p
	}
	if t.Kind() == reflect.Pointer && polyRefOf(t.Elem()) != nil {
		p.kind = polyEncPointer
		p.elem = polyEncBuild(t.Elem(), building)
		return p
	}
	if t.Kind() == reflect.Interface && (t.Implements(polyMarshalerType) || t.Implements(polyTextMarshalerType)) {
		p.kind = polyEncFallback
		return p
	}
	if t == polyTimeType {
		p.kind = polyEncTime
		return p
	}
	switch pt := reflect.PointerTo(t); {
	case t.Kind() != reflect.Pointer && pt.Implements(polyMarshalerType) && !t.Implements(polyMarshalerType):
		p.kind = polyEncAddrMarshaler
		return p
	case t.Implements(polyMarshalerType):
		p.kind = polyEncMarshaler
		return p
	case t.Kind() != reflect.Pointer && pt.Implements(polyTextMarshalerType) && !t.Implements(polyTextMarshalerType):
		p.kind = polyEncAddrText
		return p
	case t.Implements(polyTextMarshalerType):
		p.kind = polyEncText
		return p
	}
	switch t.Kind() {
	case reflect.Bool:
		p.kind = polyEncBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind = polyEncInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.kind = polyEncUint
	case reflect.Float32, reflect.Float64:
		p.kind, p.bits = polyEncFloat, t.Bits()
	case reflect.String:
		p.kind = polyEncString
		if t == polyNumberType {
			p.kind = polyEncFallback
		}
	case reflect.Pointer:
		p.kind = polyEncPointer
		p.elem = polyEncBuild(t.Elem(), building)
	case reflect.Interface:
		p.kind = polyEncInterface
	case reflect.Slice:
		et := t.Elem()
		if et.Kind() == reflect.Uint8 {
			pe := reflect.PointerTo(et)
			if !pe.Implements(polyMarshalerType) && !pe.Implements(polyTextMarshalerType) {
				p.kind = polyEncBytes
				return p
			}
		}
		p.kind = polyEncSlice
		p.elem = polyEncBuild(et, building)
	case reflect.Struct:
		p.kind = polyEncStruct
		for _, f := range polyTypeFields(t) {
			if f.fallback {
				p.kind, p.fields = polyEncFallback, nil
				break
			}
			sf := t.FieldByIndex(f.index)
			_, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
			ef := polyEncField{
				key:       append(polyAppendString(nil, f.name), ':'),
				index:     f.index,
				plan:      polyEncBuild(f.typ, building),
				omitEmpty: polyHasOption(opts, "omitempty"),
			}
			if polyHasOption(opts, "omitzero") {
				ef.isZero = polyIsZeroFunc(f.typ)
			}
			p.fields = append(p.fields, ef)
		}
		if p.kind == polyEncStruct {
			if p.members = membersIndex(t); p.members != nil {
				p.names = make(map[string]int, len(p.fields))
				for i, f := range polyTypeFields(t) {
					p.names[f.name] = i
				}
			}
		}
	default: // maps, arrays and kinds JSON cannot hold
		p.kind = polyEncFallback
	}
	return p
}

// polyIsZeroFunc returns the omitzero test of encoding/json for a field of
// type t: its IsZero method if it has one, else reflect's IsZero.
func polyIsZeroFunc(t reflect.Type) func(reflect.Value) bool {
	switch {
	case t.Kind() == reflect.Interface && t.Implements(polyIsZeroerType):
		return func(v reflect.Value) bool {
			return v.IsNil() || (v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil()) ||
				v.Interface().(interface{ IsZero() bool }).IsZero()
		}
	case t.Kind() == reflect.Pointer && t.Implements(polyIsZeroerType):
		return func(v reflect.Value) bool {
			return v.IsNil() || v.Interface().(interface{ IsZero() bool }).IsZero()
		}
	case t.Implements(polyIsZeroerType):
		return func(v reflect.Value) bool {
			return v.Interface().(interface{ IsZero() bool }).IsZero()
		}
	case reflect.PointerTo(t).Implements(polyIsZeroerType):
		return func(v reflect.Value) bool {
			if !v.CanAddr() {
				v2 := reflect.New(v.Type()).Elem()
				v2.Set(v)
				v = v2
			}
			return v.Addr().Interface().(interface{ IsZero() bool }).IsZero()
		}
	}
	return reflect.Value.IsZero
}

// polyIsEmpty is encoding/json's omitempty test.
func polyIsEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// errPolyEncode stops the fast path; encodePoly then asks json.Marshal.
var errPolyEncode = errors.New("graph: value not encodable")

// value appends the JSON of v, whose plan is p, to dst.
func (e *polyEncoder) value(dst []byte, v reflect.Value, p *polyEncPlan) ([]byte, error) {
	switch p.kind {
	case polyEncBool:
		return strconv.AppendBool(dst, v.Bool()), nil
	case polyEncInt:
		return strconv.AppendInt(dst, v.Int(), 10), nil
	case polyEncUint:
		return strconv.AppendUint(dst, v.Uint(), 10), nil
	case polyEncFloat:
		return polyAppendFloat(dst, v.Float(), p.bits)
	case polyEncString:
		return polyAppendString(dst, v.String()), nil
	case polyEncMarshaler:
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return append(dst, "null"...), nil
		}
		return polyAppendMarshaler(dst, polyMethodValue(v).(json.Marshaler))
	case polyEncAddrMarshaler:
		if !v.CanAddr() {
			return e.fallback(dst, v)
		}
		return polyAppendMarshaler(dst, v.Addr().Interface().(json.Marshaler))
	case polyEncText:
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return append(dst, "null"...), nil
		}
		return polyAppendText(dst, polyMethodValue(v).(encoding.TextMarshaler))
	case polyEncAddrText:
		if !v.CanAddr() {
			return e.fallback(dst, v)
		}
		return polyAppendText(dst, v.Addr().Interface().(encoding.TextMarshaler))
	case polyEncBytes:
		if v.IsNil() {
			return append(dst, "null"...), nil
		}
		b := v.Bytes()
		dst = append(dst, '"')
		dst = base64.StdEncoding.AppendEncode(dst, b)
		return append(dst, '"'), nil
	case polyEncFallback:
		return e.fallback(dst, v)
	case polyEncTime:
		return polyAppendTime(dst, v)
	}
	// The kinds that nest.
	if e.depth++; e.depth > polyEncodeMaxDepth {
		return nil, errPolyEncodeDepth
	}
	dst, err := e.nested(dst, v, p)
	e.depth--
	return dst, err
}

// nested appends the JSON of v, whose plan p is of a kind that nests.
func (e *polyEncoder) nested(dst []byte, v reflect.Value, p *polyEncPlan) ([]byte, error) {
	switch p.kind {
	case polyEncPointer:
		if v.IsNil() {
			return append(dst, "null"...), nil
		}
		return e.value(dst, v.Elem(), p.elem)
	case polyEncRef, polyEncInterface:
		if p.kind == polyEncRef {
			v = v.Field(0)
		}
		if v.IsNil() {
			return append(dst, "null"...), nil
		}
		held := v.Elem()
		return e.value(dst, held, polyEncPlanOf(held.Type()))
	case polyEncSlice:
		if v.IsNil() {
			return append(dst, "null"...), nil
		}
		dst = append(dst, '[')
		var err error
		for i := range v.Len() {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = e.value(dst, v.Index(i), p.elem); err != nil {
				return nil, err
			}
		}
		return append(dst, ']'), nil
	case polyEncStruct:
		return e.object(dst, v, p)
	}
	return nil, errPolyEncode // not reached: every kind is handled above
}

// object appends the JSON object of the struct v.
func (e *polyEncoder) object(dst []byte, v reflect.Value, p *polyEncPlan) ([]byte, error) {
	if cap(dst) >= polyEncodeDoubleFrom && cap(dst)-len(dst) < polyEncodeBufSize {
		// A large body: double the buffer here rather than let append grow
		// it by a quarter at a time, which copies and allocates four times
		// the body's size by its end.
		dst = slices.Grow(dst, cap(dst))
	}
	dst = append(dst, '{')
	first := true
	var extra *Members
	var written []bool // which declared members were written, when extra holds some
	if p.members != nil {
		if !v.CanAddr() && v.CanInterface() {
			// A struct held by value in an interface: copy it to read its
			// Members in place.
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			v = c
		}
		if extra = membersAt(v, p.members); extra != nil && !extra.empty() {
			written = make([]bool, len(p.fields))
		} else {
			extra = nil
		}
	}
fields:
	for i := range p.fields {
		f := &p.fields[i]
		fv := v
		for _, x := range f.index {
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue fields // encoding/json skips fields of nil embedded pointers
				}
				fv = fv.Elem()
			}
			fv = fv.Field(x)
		}
		if f.omitEmpty && polyIsEmpty(fv) || f.isZero != nil && f.isZero(fv) {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		if written != nil {
			written[i] = true
		}
		dst = append(dst, f.key...)
		var err error
		if dst, err = e.value(dst, fv, f.plan); err != nil {
			return nil, err
		}
	}
	if extra != nil {
		var err error
		if dst, err = e.members(dst, extra, p, written, first); err != nil {
			return nil, err
		}
	}
	return append(dst, '}'), nil
}

// bindError is an error of encoding a Bind, which encodePoly reports as
// it is instead of asking json.Marshal.
type bindError struct{ err error }

func (b *bindError) Error() string { return b.err.Error() }
func (b *bindError) Unwrap() error { return b.err }

// members appends the members m holds, in sorted order of their names,
// after the declared members of p (first says none was written), leaving
// out those of a declared member's name that was written.
func (e *polyEncoder) members(dst []byte, m *Members, p *polyEncPlan, written []bool, first bool) ([]byte, error) {
	for _, name := range m.Names() {
		if i, ok := p.names[name]; ok && written[i] {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = append(polyAppendString(dst, name), ':')
		b, ok := m.binds[name]
		if !ok {
			dst = polyAppendCompact(dst, m.raw[name])
			continue
		}
		if e.resolve == nil {
			return nil, &bindError{errBindNeedsClient}
		}
		if b.list {
			dst = append(dst, '[')
		}
		for i, r := range b.refs {
			u, err := e.resolve(r)
			if err != nil {
				return nil, &bindError{fmt.Errorf("graph: %s: %w", name, err)}
			}
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = polyAppendString(dst, u)
		}
		if b.list {
			dst = append(dst, ']')
		}
	}
	return dst, nil
}

// polyMethodValue returns v, or a pointer to v when v is addressable and
// not a pointer, to call v's methods on. The pointer has all of v's methods
// and, unlike v itself, is put in an interface without a copy to the heap.
func polyMethodValue(v reflect.Value) any {
	if v.Kind() != reflect.Pointer && v.CanAddr() {
		return v.Addr().Interface()
	}
	return v.Interface()
}

// polyEncodeBufSize is the capacity encodePoly starts its output with, about
// the size of one documented entity, to spare the small reallocations.
const polyEncodeBufSize = 1024

// polyEncodeDoubleFrom is the capacity from which object doubles the output
// buffer when less than polyEncodeBufSize of it is left. Below it, append's
// own growth (doubling up to a few hundred bytes, then less) is left alone,
// so that a small body is not copied into a buffer twice its size.
const polyEncodeDoubleFrom = 2 << 10

// fallback appends json.Marshal's encoding of v, giving json.Marshal v's
// address when v is addressable, so that it sees v as encoding/json would
// in place.
func (e *polyEncoder) fallback(dst []byte, v reflect.Value) ([]byte, error) {
	var x any
	switch {
	case v.Kind() == reflect.Interface:
		// Keep the interface type, which json.Marshal of the value held
		// would lose.
		pv := reflect.New(v.Type())
		pv.Elem().Set(v)
		x = pv.Interface()
	case v.CanAddr():
		x = v.Addr().Interface()
	default:
		x = v.Interface()
	}
	b, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	return append(dst, b...), nil
}

// polyAppendMarshaler appends the output of m's MarshalJSON method,
// compacted and escaped as encoding/json does.
func polyAppendMarshaler(dst []byte, m json.Marshaler) ([]byte, error) {
	b, err := m.MarshalJSON()
	if err != nil {
		return nil, err
	}
	if !json.Valid(b) {
		return nil, errPolyEncode
	}
	return polyAppendCompact(dst, b), nil
}

// polyAppendTime appends the time.Time v as its MarshalJSON method does,
// without the check and compaction that output of other methods gets: it
// is a quoted RFC 3339 time, which needs neither. A time MarshalJSON
// rejects gets MarshalJSON's error.
func polyAppendTime(dst []byte, v reflect.Value) ([]byte, error) {
	var t time.Time
	if v.CanAddr() {
		t = *v.Addr().Interface().(*time.Time)
	} else {
		t = v.Interface().(time.Time)
	}
	if b, err := t.AppendText(append(dst, '"')); err == nil {
		return append(b, '"'), nil
	}
	_, err := t.MarshalJSON()
	return nil, err
}

// polyAppendText appends the output of m's MarshalText method as a JSON
// string.
func polyAppendText(dst []byte, m encoding.TextMarshaler) ([]byte, error) {
	b, err := m.MarshalText()
	if err != nil {
		return nil, err
	}
	return polyAppendString(dst, b), nil
}

// polyAppendCompact appends the valid JSON src without insignificant white
// space, with <, >, &, U+2028 and U+2029 escaped, as encoding/json does with
// the output of MarshalJSON methods.
func polyAppendCompact(dst, src []byte) []byte {
	const hex = "0123456789abcdef"
	inString, escaped := false, false
	start := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '<' || c == '>' || c == '&':
			dst = append(dst, src[start:i]...)
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			start = i + 1
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
			dst = append(dst, src[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[src[i+2]&0xF])
			i += 2
			start = i + 1
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			dst = append(dst, src[start:i]...)
			start = i + 1
		}
	}
	return append(dst, src[start:]...)
}

// polyAppendFloat appends f as encoding/json formats a float of the given
// bits; NaN and the infinities are errors.
func polyAppendFloat(dst []byte, f float64, bits int) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, errPolyEncode
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	dst = strconv.AppendFloat(dst, f, format, -1, bits)
	if format == 'e' {
		// Clean up e-09 to e-9.
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, nil
}

// polyAppendString appends s as a JSON string, escaped as json.Marshal
// escapes strings: the short escapes \" \\ \b \f \n \r \t, \u00XX for other
// control characters and for <, > and &, \ufffd for invalid UTF-8, and
// \u2028 and \u2029.
func polyAppendString[S string | []byte](dst []byte, s S) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		n := min(len(s)-i, utf8.UTFMax)
		c, size := utf8.DecodeRune([]byte(s[i : i+n]))
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
