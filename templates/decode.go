package templates

import (
	"bytes"
	"cmp"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// This file holds polyDecoder, which decodes a polymorphic value and
// everything inside it in time linear in the size of its JSON.
//
// encoding/json calls the UnmarshalJSON method of every Ref it meets; when
// each of those decoded its value with encoding/json again, a Ref nested d
// levels deep was scanned about 4d times (encoding/json skips a value to
// find its end, then validates it again in Unmarshal, and decodePoly
// decoded it twice, once to find its @odata.type). polyDecoder instead
// decodes the outermost Ref's whole value itself: it fills Ref fields
// directly, without calling their UnmarshalJSON, and finds each object's
// @odata.type in a table that one pass over the input builds beforehand.
//
// It handles the Go shapes generated code uses (structs with json tags and
// embedded structs, pointers, slices, strings, bools, numbers, empty
// interfaces, json.Unmarshaler and encoding.TextUnmarshaler leaves such as
// time.Time, json.RawMessage and the value types of values.go, and Refs)
// exactly as encoding/json does, and hands any other type (maps, arrays,
// non-empty interfaces, json.Number, ",string" fields) to encoding/json.

// polyMaxDepth is the deepest nesting of arrays and objects accepted, the
// limit of encoding/json.
const polyMaxDepth = 10000

// polyRefProbeInput is what polyRefOf passes to the UnmarshalJSON method of
// a type shaped like a Ref to find out whether it is one: decodePoly answers
// it with a *polyRefProbe. It cannot be JSON, so encoding/json never passes
// it to an UnmarshalJSON method.
const polyRefProbeInput = "\x00docgen: Ref probe"

// polyRefProbe is the error decodePoly returns for polyRefProbeInput. It
// carries the function that creates the declared type of the Ref.
type polyRefProbe struct {
	newDefault func() any
}

func (*polyRefProbe) Error() string { return "graph: Ref probe" }

// polyObject records one JSON object of the input: the offset of its "{"
// and the offset of the opening quote of the value its @odata.type member
// has, 0 when the member is missing (or null) and -1 when a value of the
// member is neither a string nor null (encoding/json then fails to decode
// the member into a string, and decodePoly used the declared type).
type polyObject struct {
	start, typ int
}

// polyDecoder holds the state of one decoding.
type polyDecoder struct {
	data []byte
	off  int // offset of the next byte to read
	// objs has an entry for every object of data, in document order; next
	// is the first entry that may describe an object not yet reached.
	objs []polyObject
	next int
	// saved is the first error that does not stop decoding (a value of the
	// wrong type), reported at the end, as encoding/json does.
	saved error
	// ctxStruct and ctxFields say where decoding is, for errors: the struct
	// type holding the current field and the path of field names to it.
	ctxStruct reflect.Type
	ctxFields []string
	buf       []byte // scratch space for unquoted strings
	fold      []byte // scratch space for folded keys
}

// newPolyDecoder checks that data is one JSON value and records its
// objects. A syntax error is the *json.SyntaxError json.Unmarshal reports.
func newPolyDecoder(data []byte) (*polyDecoder, error) {
	objs, ok := polyScan(data)
	if !ok {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("graph: invalid JSON") // not reached: the two scanners agree
	}
	d := &polyDecoder{data: data, objs: objs}
	d.ws()
	return d, nil
}

// polyScan reports whether data is one JSON value, optionally surrounded by
// white space, nested at most polyMaxDepth deep, by the grammar
// encoding/json accepts; if it is, it returns a polyObject for each object.
// It uses a stack of its own, not recursion, so no input can overflow the
// goroutine stack.
func polyScan(data []byte) ([]polyObject, bool) {
	const (
		wantValue = iota
		afterValue
		wantKey
	)
	n := len(data)
	objs := make([]polyObject, 0, n/128+1)
	var stack []int // for each open container: -1 for an array, else its index in objs
	i := polySkipWS(data, 0)
	state := wantValue
	for {
		switch state {
		case wantValue:
			if i >= n {
				return nil, false
			}
			switch c := data[i]; c {
			case '{', '[':
				if len(stack) == polyMaxDepth {
					return nil, false
				}
				top, closer := -1, byte(']')
				if c == '{' {
					objs = append(objs, polyObject{start: i})
					top, closer = len(objs)-1, '}'
				}
				stack = append(stack, top)
				i = polySkipWS(data, i+1)
				switch {
				case i < n && data[i] == closer:
					stack = stack[:len(stack)-1]
					i++
					state = afterValue
				case c == '{':
					state = wantKey
				}
			case '"':
				end, _, ok := polyScanString(data, i)
				if !ok {
					return nil, false
				}
				i, state = end, afterValue
			case 't', 'f', 'n':
				lit := "null"
				switch c {
				case 't':
					lit = "true"
				case 'f':
					lit = "false"
				}
				if !bytes.HasPrefix(data[i:], []byte(lit)) {
					return nil, false
				}
				i, state = i+len(lit), afterValue
			default:
				end, ok := polyScanNumber(data, i)
				if !ok {
					return nil, false
				}
				i, state = end, afterValue
			}
		case afterValue:
			i = polySkipWS(data, i)
			if len(stack) == 0 {
				return objs, i == n
			}
			if i >= n {
				return nil, false
			}
			top := stack[len(stack)-1]
			switch c := data[i]; {
			case c == ',':
				i = polySkipWS(data, i+1)
				state = wantValue
				if top >= 0 {
					state = wantKey
				}
			case c == ']' && top < 0, c == '}' && top >= 0:
				stack = stack[:len(stack)-1]
				i++
			default:
				return nil, false
			}
		case wantKey:
			if i >= n || data[i] != '"' {
				return nil, false
			}
			end, plain, ok := polyScanString(data, i)
			if !ok {
				return nil, false
			}
			isType := polyIsODataType(data[i:end], plain)
			i = polySkipWS(data, end)
			if i >= n || data[i] != ':' {
				return nil, false
			}
			i = polySkipWS(data, i+1)
			if isType && i < n {
				o := &objs[stack[len(stack)-1]]
				switch data[i] {
				case '"':
					if o.typ >= 0 {
						o.typ = i // the last one wins
					}
				case 'n': // null leaves a string decoded earlier alone
				default:
					o.typ = -1
				}
			}
			state = wantValue
		}
	}
}

// polySkipWS returns the offset of the first byte at or after i that is not
// JSON white space.
func polySkipWS(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// polyScanString checks the string literal that starts at data[i] (a quote)
// and returns the offset just past it, and whether it is plain: printable
// ASCII without escapes, so that its content is its value.
func polyScanString(data []byte, i int) (end int, plain, ok bool) {
	plain = true
	for j := i + 1; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			return j + 1, plain, true
		case c == '\\':
			plain = false
			j++
			if j >= len(data) {
				return 0, false, false
			}
			switch data[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(data) {
					return 0, false, false
				}
				for _, h := range data[j+1 : j+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return 0, false, false
					}
				}
				j += 4
			default:
				return 0, false, false
			}
		case c < ' ':
			return 0, false, false
		case c >= utf8.RuneSelf:
			plain = false
		}
	}
	return 0, false, false
}

// polyScanNumber checks the number literal that starts at data[i] and
// returns the offset just past it.
func polyScanNumber(data []byte, i int) (int, bool) {
	n := len(data)
	digits := func(i int) int {
		for i < n && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		return i
	}
	if i < n && data[i] == '-' {
		i++
	}
	switch {
	case i < n && data[i] == '0':
		i++
	case i < n && '1' <= data[i] && data[i] <= '9':
		i = digits(i + 1)
	default:
		return 0, false
	}
	if i < n && data[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < n && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < n && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return 0, false
		}
		i = j
	}
	return i, true
}

// polyIsODataType reports whether the object key lit (a checked string
// literal) names the member decodePoly reads the type from: "@odata.type",
// or a key encoding/json matches to it (the same after unescaping and case
// folding).
func polyIsODataType(lit []byte, plain bool) bool {
	const name = "@odata.type"
	key := lit[1 : len(lit)-1]
	if !plain {
		key = polyFoldName(nil, polyUnquote(nil, key))
	}
	// A plain key is ASCII, which polyFoldName would only turn to upper
	// case, so comparing with ASCII case folding is comparing foldings.
	if len(key) != len(name) {
		return false
	}
	for i, c := range key {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != name[i] {
			return false
		}
	}
	return true
}

// polyFoldName appends the case folding of in to dst, as encoding/json
// folds names: ASCII letters to upper case, other runes to the smallest
// rune of their fold set. Two names match case-insensitively when their
// foldings are equal.
func polyFoldName(dst, in []byte) []byte {
	for i := 0; i < len(in); {
		if c := in[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(in[i:])
		for {
			r2 := unicode.SimpleFold(r)
			if r2 <= r {
				r = r2
				break
			}
			r = r2
		}
		dst = utf8.AppendRune(dst, r)
		i += n
	}
	return dst
}

// polyUnquote appends the value of a checked string literal's content s
// (without its quotes) to dst, as encoding/json unquotes: escapes decoded,
// a \u escape of a lone or mismatched surrogate and each byte of invalid
// UTF-8 replaced by U+FFFD.
func polyUnquote(dst, s []byte) []byte {
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case c == '\\':
			switch e := s[r+1]; e {
			case 'b':
				dst = append(dst, '\b')
			case 'f':
				dst = append(dst, '\f')
			case 'n':
				dst = append(dst, '\n')
			case 'r':
				dst = append(dst, '\r')
			case 't':
				dst = append(dst, '\t')
			case 'u':
				rr := polyHex4(s[r+2:])
				r += 6
				if utf16.IsSurrogate(rr) {
					if r+6 <= len(s) && s[r] == '\\' && s[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, polyHex4(s[r+2:])); dec != unicode.ReplacementChar {
							r += 6
							dst = utf8.AppendRune(dst, dec)
							continue
						}
					}
					rr = unicode.ReplacementChar
				}
				dst = utf8.AppendRune(dst, rr)
				continue
			default: // '"', '\\', '/'
				dst = append(dst, e)
			}
			r += 2
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			dst = utf8.AppendRune(dst, rr)
			r += size
		}
	}
	return dst
}

// polyHex4 decodes the four hex digits at the start of s, which has been
// checked to hold them.
func polyHex4(s []byte) rune {
	var r rune
	for _, c := range s[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c <= 'F':
			c -= 'A' - 10
		default:
			c -= 'a' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// ws skips white space.
func (d *polyDecoder) ws() {
	d.off = polySkipWS(d.data, d.off)
}

// skip moves past the value at d.off.
func (d *polyDecoder) skip() {
	data, i := d.data, d.off
	switch data[i] {
	case '"':
		d.off = d.stringEnd(i)
		return
	case '{', '[':
	default:
		d.off = d.literalEnd(i)
		return
	}
	depth := 0
	for {
		switch data[i] {
		case '"':
			i = d.stringEnd(i)
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				d.off = i + 1
				return
			}
		}
		i++
	}
}

// stringEnd returns the offset just past the string literal at data[i].
func (d *polyDecoder) stringEnd(i int) int {
	data := d.data
	j := i + 1
	for {
		q := bytes.IndexByte(data[j:], '"') + j
		k := q
		for data[k-1] == '\\' {
			k--
		}
		if (q-k)%2 == 0 { // not escaped
			return q + 1
		}
		j = q + 1
	}
}

// literalEnd returns the offset just past the number, true, false or null
// at data[i].
func (d *polyDecoder) literalEnd(i int) int {
	for i < len(d.data) {
		switch c := d.data[i]; {
		case '0' <= c && c <= '9', 'a' <= c && c <= 'z', c == '-', c == '+', c == '.', c == 'E':
			i++
		default:
			return i
		}
	}
	return i
}

// str reads the string literal at d.off and returns its value, which is
// valid until the next call (it may be in d.buf, or in the input).
func (d *polyDecoder) str() []byte {
	data := d.data
	i := d.off + 1
	for i < len(data) {
		c := data[i]
		if c == '"' {
			s := data[d.off+1 : i]
			d.off = i + 1
			return s
		}
		if c == '\\' || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	end := d.stringEnd(d.off)
	s := data[d.off+1 : end-1]
	d.off = end
	if bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) {
		return s
	}
	d.buf = polyUnquote(d.buf[:0], s)
	return d.buf
}

// saveTypeError records that a JSON value of the kind what could not be
// stored in a value of type t, after off bytes of input.
func (d *polyDecoder) saveTypeError(what string, t reflect.Type, off int) {
	if d.saved == nil {
		d.saved = d.withContext(&json.UnmarshalTypeError{Value: what, Type: t, Offset: int64(off)})
	}
}

// withContext adds to a type error the struct and field path decoding is
// in, as encoding/json does.
func (d *polyDecoder) withContext(err error) error {
	te, ok := err.(*json.UnmarshalTypeError)
	if !ok || (d.ctxStruct == nil && len(d.ctxFields) == 0) {
		return err
	}
	if te.Struct == "" && d.ctxStruct != nil {
		te.Struct = d.ctxStruct.Name()
	}
	fields := d.ctxFields
	if te.Field != "" {
		fields = append(fields[:len(fields):len(fields)], te.Field)
	}
	te.Field = strings.Join(fields, ".")
	return err
}

// result returns what a decoding that ended with err reports.
func (d *polyDecoder) result(err error) error {
	if err != nil {
		return d.withContext(err)
	}
	return d.saved
}

// polyUnmarshal decodes data into v, which must be a non-nil pointer, as
// json.Unmarshal does, but in time linear in len(data) even when v holds
// nested Refs.
func polyUnmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &json.InvalidUnmarshalError{Type: reflect.TypeOf(v)}
	}
	d, err := newPolyDecoder(data)
	if err != nil {
		return err
	}
	return d.result(d.top(rv))
}

// top decodes the value at d.off into what the pointer x points to, as
// json.Unmarshal(data, x) does; x itself cannot be set.
func (d *polyDecoder) top(x reflect.Value) error {
	p := polyPlanOf(x.Type())
	c := d.data[d.off]
	switch {
	case p.unmarshaler:
		return d.unmarshalJSON(x)
	case p.text && c != 'n':
		return d.unmarshalText(x, p.typ, c)
	}
	return d.valueOf(x.Elem(), p.elem, p.typ)
}

// poly returns a new value of the type the object at d.off names by its
// @odata.type when that type is assignable to iface, else a new value of
// the declared type (newDefault's), decoded from the value at d.off.
func (d *polyDecoder) poly(iface reflect.Type, newDefault func() any) (reflect.Value, error) {
	x := d.pick(iface)
	if !x.IsValid() {
		x = reflect.ValueOf(newDefault())
	}
	return x, d.top(x)
}

// pick returns a new value of the type the object at d.off names, when
// there is one that is a pointer assignable to iface.
func (d *polyDecoder) pick(iface reflect.Type) reflect.Value {
	o := d.off
	if d.data[o] != '{' {
		return reflect.Value{}
	}
	for d.next < len(d.objs) && d.objs[d.next].start < o {
		d.next++
	}
	if d.next == len(d.objs) || d.objs[d.next].start != o || d.objs[d.next].typ <= 0 {
		return reflect.Value{}
	}
	save := d.off
	d.off = d.objs[d.next].typ
	name := d.str()
	d.off = save
	if len(name) == 0 {
		return reflect.Value{}
	}
	x := reflect.ValueOf(newByODataType(string(name)))
	if x.Kind() != reflect.Pointer || x.IsNil() || !x.Type().AssignableTo(iface) {
		return reflect.Value{}
	}
	return x
}

// value decodes the value at d.off into v, which can be set, following
// encoding/json's rules for its type.
func (d *polyDecoder) value(v reflect.Value, p *polyPlan) error {
	return d.valueOf(v, p, p.typ)
}

// valueOf is value for a v that encoding/json reached from a value of type
// orig through pointers, which its errors for TextUnmarshalers name.
func (d *polyDecoder) valueOf(v reflect.Value, p *polyPlan, orig reflect.Type) error {
	c := d.data[d.off]
	for p.kind == polyPointer {
		if c == 'n' {
			d.off += len("null")
			v.SetZero()
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.New(p.typ.Elem()))
		}
		switch {
		case p.unmarshaler:
			return d.unmarshalJSON(v)
		case p.text:
			return d.unmarshalText(v, orig, c)
		}
		v, p = v.Elem(), p.elem
	}
	switch p.kind {
	case polyRef:
		field := v.Field(0)
		if c == 'n' {
			d.off += len("null")
			field.SetZero()
			return nil
		}
		x, err := d.poly(p.ref.iface, p.ref.newDefault)
		if err != nil {
			return err
		}
		field.Set(x)
		return nil
	case polyUnmarshaler:
		return d.unmarshalJSON(v.Addr())
	case polyText:
		if c != 'n' {
			return d.unmarshalText(v.Addr(), orig, c)
		}
	case polyFallback:
		return d.fallback(v)
	case polyInterface:
		if !v.IsNil() && v.Elem().Kind() == reflect.Pointer && !v.Elem().IsNil() {
			return d.fallback(v) // encoding/json decodes into what it points to
		}
		if c == '{' || c == '[' {
			v.Set(reflect.ValueOf(d.any()))
			return nil
		}
	}
	switch c {
	case '{':
		return d.object(v, p)
	case '[':
		return d.array(v, p)
	}
	d.literal(v, c)
	return nil
}

// unmarshalJSON passes the value at d.off to the UnmarshalJSON method of
// the pointer pv.
func (d *polyDecoder) unmarshalJSON(pv reflect.Value) error {
	start := d.off
	d.skip()
	return pv.Interface().(json.Unmarshaler).UnmarshalJSON(d.data[start:d.off])
}

// unmarshalText decodes the value at d.off, which starts with c and is not
// null, with the UnmarshalText method of the pointer pv; a value that is not
// a string is a type error for orig, the type decoding started with.
func (d *polyDecoder) unmarshalText(pv reflect.Value, orig reflect.Type, c byte) error {
	switch c {
	case '"':
		return pv.Interface().(encoding.TextUnmarshaler).UnmarshalText(d.str())
	case '{', '[':
		start := d.off
		d.skip()
		what := "array"
		if c == '{' {
			what = "object"
		}
		d.saveTypeError(what, orig, start+1)
	default:
		d.off = d.literalEnd(d.off)
		what := "number"
		if c == 't' || c == 'f' {
			what = "bool"
		}
		d.saveTypeError(what, orig, d.off)
	}
	return nil
}

// fallback decodes the value at d.off into v with encoding/json, for types
// polyDecoder leaves to it.
func (d *polyDecoder) fallback(v reflect.Value) error {
	start := d.off
	d.skip()
	err := json.Unmarshal(d.data[start:d.off], v.Addr().Interface())
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		te.Offset += int64(start)
		if d.saved == nil {
			d.saved = d.withContext(te)
		}
		return nil
	}
	return err
}

// object decodes the object at d.off into v.
func (d *polyDecoder) object(v reflect.Value, p *polyPlan) error {
	if p.kind != polyStruct {
		start := d.off
		d.skip()
		d.saveTypeError("object", v.Type(), start+1)
		return nil
	}
	d.off++
	d.ws()
	if d.data[d.off] == '}' {
		d.off++
		return nil
	}
	baseFields, baseStruct := len(d.ctxFields), d.ctxStruct
	for {
		key := d.str()
		f := p.fields.exact[string(key)]
		if f == nil {
			d.fold = polyFoldName(d.fold[:0], key)
			f = p.fields.folded[string(d.fold)]
		}
		d.ws()
		d.off++ // ':'
		d.ws()
		switch {
		case f == nil && p.members != nil:
			name := string(key)
			start := d.off
			d.skip()
			membersAt(v, p.members).set(name, bytes.Clone(d.data[start:d.off]))
		case f == nil:
			d.skip()
		default:
			sub := v
			for i, ind := range f.index {
				if sub.Kind() == reflect.Pointer {
					if sub.IsNil() {
						sub.Set(reflect.New(sub.Type().Elem()))
					}
					sub = sub.Elem()
				}
				if i < len(f.index)-1 {
					d.ctxFields = append(d.ctxFields, f.path[i])
				}
				sub = sub.Field(ind)
			}
			d.ctxStruct = p.typ
			d.ctxFields = append(d.ctxFields, f.name)
			if err := d.value(sub, f.plan); err != nil {
				return err
			}
			d.ctxFields, d.ctxStruct = d.ctxFields[:baseFields], baseStruct
		}
		d.ws()
		if d.data[d.off] == ',' {
			d.off++
			d.ws()
			continue
		}
		d.off++ // '}'
		return nil
	}
}

// array decodes the array at d.off into v, reusing v's elements and
// capacity as encoding/json does.
func (d *polyDecoder) array(v reflect.Value, p *polyPlan) error {
	if p.kind != polySlice {
		start := d.off
		d.skip()
		d.saveTypeError("array", v.Type(), start+1)
		return nil
	}
	d.off++
	d.ws()
	i := 0
	if d.data[d.off] != ']' {
		for {
			if i >= v.Cap() {
				v.Grow(1)
			}
			if i >= v.Len() {
				v.SetLen(i + 1)
			}
			if err := d.value(v.Index(i), p.elem); err != nil {
				return err
			}
			i++
			d.ws()
			if d.data[d.off] != ',' {
				break
			}
			d.off++
			d.ws()
		}
	}
	d.off++ // ']'
	if i < v.Len() {
		v.SetLen(i)
	}
	if i == 0 {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	return nil
}

// literal decodes the string, number, true, false or null at d.off, which
// starts with c, into v.
func (d *polyDecoder) literal(v reflect.Value, c byte) {
	switch c {
	case 'n':
		d.off += len("null")
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			v.SetZero()
		}
	case 't', 'f':
		b := c == 't'
		d.off += len("false")
		if b {
			d.off--
		}
		switch v.Kind() {
		case reflect.Bool:
			v.SetBool(b)
		case reflect.Interface:
			v.Set(reflect.ValueOf(b))
		default:
			d.saveTypeError("bool", v.Type(), d.off)
		}
	case '"':
		s := d.str()
		switch v.Kind() {
		case reflect.String:
			v.SetString(string(s))
		case reflect.Interface:
			v.Set(reflect.ValueOf(string(s)))
		case reflect.Slice:
			if v.Type().Elem().Kind() != reflect.Uint8 {
				d.saveTypeError("string", v.Type(), d.off)
				break
			}
			b := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
			n, err := base64.StdEncoding.Decode(b, s)
			if err != nil {
				if d.saved == nil {
					d.saved = d.withContext(err)
				}
				break
			}
			v.SetBytes(b[:n])
		default:
			d.saveTypeError("string", v.Type(), d.off)
		}
	default:
		start := d.off
		d.off = d.literalEnd(start)
		d.number(v, d.data[start:d.off])
	}
}

// number decodes the number literal item, which ends at d.off, into v.
func (d *polyDecoder) number(v reflect.Value, item []byte) {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := polySmallInt(item)
		if !ok {
			var err error
			n, err = strconv.ParseInt(string(item), 10, 64)
			ok = err == nil
		}
		if !ok || v.OverflowInt(n) {
			d.saveTypeError("number "+string(item), v.Type(), d.off)
			return
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, ok := polySmallInt(item)
		if !ok || item[0] == '-' {
			u, err := strconv.ParseUint(string(item), 10, 64)
			if err != nil || v.OverflowUint(u) {
				d.saveTypeError("number "+string(item), v.Type(), d.off)
				return
			}
			v.SetUint(u)
			return
		}
		if v.OverflowUint(uint64(n)) {
			d.saveTypeError("number "+string(item), v.Type(), d.off)
			return
		}
		v.SetUint(uint64(n))
	case reflect.Float32, reflect.Float64:
		f, ok := polySmallFloat(item)
		if !ok {
			var err error
			f, err = strconv.ParseFloat(string(item), v.Type().Bits())
			ok = err == nil
		}
		if !ok || v.OverflowFloat(f) {
			d.saveTypeError("number "+string(item), v.Type(), d.off)
			return
		}
		v.SetFloat(f)
	case reflect.Interface:
		if f, ok := d.float(item); ok {
			v.Set(reflect.ValueOf(f))
		}
	default:
		d.saveTypeError("number", v.Type(), d.off)
	}
}

// float converts a number literal that ends at d.off for an empty
// interface, recording a type error when it is out of range.
func (d *polyDecoder) float(item []byte) (float64, bool) {
	if f, ok := polySmallFloat(item); ok {
		return f, true
	}
	f, err := strconv.ParseFloat(string(item), 64)
	if err != nil {
		d.saveTypeError("number "+string(item), reflect.TypeFor[float64](), d.off+1)
		return 0, false
	}
	return f, true
}

// polySmallInt converts an integer literal of at most 18 digits, which
// cannot overflow an int64, without allocating.
func polySmallInt(item []byte) (int64, bool) {
	digits := item
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if len(digits) < len(item) {
		n = -n
	}
	return n, true
}

// polySmallFloat converts an integer literal of at most 15 digits, which a
// float64 holds exactly (so rounding it to a float32 rounds once, as
// strconv.ParseFloat does), without allocating.
func polySmallFloat(item []byte) (float64, bool) {
	n, ok := polySmallInt(item)
	if !ok || len(item) > 16 || len(item) == 16 && item[0] != '-' {
		return 0, false
	}
	if item[0] == '-' {
		return -float64(-n), true // -0 stays negative, as ParseFloat has it
	}
	return float64(n), true
}

// any decodes the value at d.off as encoding/json decodes into an empty
// interface: map[string]any, []any, string, float64, bool or nil.
func (d *polyDecoder) any() any {
	switch c := d.data[d.off]; c {
	case '{':
		m := make(map[string]any)
		d.off++
		d.ws()
		if d.data[d.off] == '}' {
			d.off++
			return m
		}
		for {
			key := string(d.str())
			d.ws()
			d.off++ // ':'
			d.ws()
			m[key] = d.any()
			d.ws()
			if d.data[d.off] == ',' {
				d.off++
				d.ws()
				continue
			}
			d.off++
			return m
		}
	case '[':
		a := make([]any, 0)
		d.off++
		d.ws()
		if d.data[d.off] == ']' {
			d.off++
			return a
		}
		for {
			a = append(a, d.any())
			d.ws()
			if d.data[d.off] == ',' {
				d.off++
				d.ws()
				continue
			}
			d.off++
			return a
		}
	case '"':
		return string(d.str())
	case 't':
		d.off += len("true")
		return true
	case 'f':
		d.off += len("false")
		return false
	case 'n':
		d.off += len("null")
		return nil
	default:
		start := d.off
		d.off = d.literalEnd(start)
		if f, ok := d.float(d.data[start:d.off]); ok {
			return f
		}
		return nil
	}
}

// polyPlanKind says how a type is decoded.
type polyPlanKind uint8

const (
	polyScalar      polyPlanKind = iota // string, bool or number kinds
	polyPointer                         // a pointer: elem is the plan of what it points to
	polyRef                             // a generated Ref type
	polyUnmarshaler                     // a named type whose pointer has UnmarshalJSON
	polyText                            // a named type whose pointer has UnmarshalText
	polyStruct                          // a struct: fields
	polySlice                           // a slice: elem is the plan of its elements
	polyInterface                       // an empty interface
	polyFallback                        // decoded by encoding/json
)

// polyPlan is how to decode a Go type, worked out once per type.
type polyPlan struct {
	typ  reflect.Type
	kind polyPlanKind
	elem *polyPlan // pointers and slices
	// unmarshaler and text say, for a pointer, that it has UnmarshalJSON
	// or UnmarshalText, which encoding/json calls before looking further.
	unmarshaler, text bool
	fields            *polyFields
	ref               *polyRefPlan
	// members is the index path of a struct's Members field, which keeps
	// the members no field declares; nil when it has none (they are then
	// skipped, as encoding/json skips them).
	members []int
}

// polyRefPlan is how to decode a Ref: which interface its field has and
// how to create its declared type.
type polyRefPlan struct {
	iface      reflect.Type
	newDefault func() any
}

// polyFields are the JSON members of a struct type, found by encoding/json's
// rules for embedded structs and tags.
type polyFields struct {
	exact  map[string]*polyField // by name
	folded map[string]*polyField // by polyFoldName of the name
}

// polyField is one JSON member of a struct.
type polyField struct {
	name  string
	tag   bool  // whether name comes from a tag
	index []int // field indexes from the struct, through embedded structs
	path  []string
	typ   reflect.Type
	plan  *polyPlan
	// fallback marks a field polyDecoder does not decode (",string"), or an
	// embedded field it cannot set, for which the whole struct is left to
	// encoding/json.
	fallback bool
}

// polyPlans caches the plans of the types decoded so far. Plans are
// complete and never change once stored.
var polyPlans sync.Map // reflect.Type -> *polyPlan

var (
	polyUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	polyTextType        = reflect.TypeFor[encoding.TextUnmarshaler]()
	polyNumberType      = reflect.TypeFor[json.Number]()
)

// polyPlanOf returns the plan of t.
func polyPlanOf(t reflect.Type) *polyPlan {
	if p, ok := polyPlans.Load(t); ok {
		return p.(*polyPlan)
	}
	building := map[reflect.Type]*polyPlan{}
	p := polyBuild(t, building)
	// Store the plans only now that all of them, which may refer to each
	// other, are complete.
	for t, p := range building {
		polyPlans.LoadOrStore(t, p)
	}
	return p
}

// polyBuild works out the plan of t and of the types it holds, recording
// each in building before filling it, so that recursive types end.
func polyBuild(t reflect.Type, building map[reflect.Type]*polyPlan) *polyPlan {
	if p, ok := polyPlans.Load(t); ok {
		return p.(*polyPlan)
	}
	if p, ok := building[t]; ok {
		return p
	}
	p := &polyPlan{typ: t}
	building[t] = p
	if t.Kind() == reflect.Pointer {
		p.kind = polyPointer
		p.elem = polyBuild(t.Elem(), building)
		// A pointer to a Ref is decoded as the Ref is, not by its
		// UnmarshalJSON.
		if t.NumMethod() > 0 && p.elem.kind != polyRef {
			p.unmarshaler = t.Implements(polyUnmarshalerType)
			p.text = !p.unmarshaler && t.Implements(polyTextType)
		}
		return p
	}
	if ref := polyRefOf(t); ref != nil {
		p.kind, p.ref = polyRef, ref
		return p
	}
	if t.Name() != "" {
		switch pt := reflect.PointerTo(t); {
		case pt.Implements(polyUnmarshalerType):
			p.kind = polyUnmarshaler
			return p
		case pt.Implements(polyTextType):
			p.kind = polyText
			return p
		}
	}
	switch t.Kind() {
	case reflect.Struct:
		fields := polyTypeFields(t)
		exact := make(map[string]*polyField, len(fields))
		folded := make(map[string]*polyField, len(fields))
		p.kind = polyStruct
		for i := range fields {
			f := &fields[i]
			if f.fallback {
				p.kind = polyFallback
				break
			}
			f.plan = polyBuild(f.typ, building)
			exact[f.name] = f
			if k := string(polyFoldName(nil, []byte(f.name))); folded[k] == nil {
				folded[k] = f // the first one wins, as in encoding/json
			}
		}
		p.fields = &polyFields{exact: exact, folded: folded}
		p.members = membersIndex(t)
	case reflect.Slice:
		p.kind = polySlice
		p.elem = polyBuild(t.Elem(), building)
	case reflect.String:
		if t == polyNumberType {
			p.kind = polyFallback
		}
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
	case reflect.Interface:
		p.kind = polyFallback
		if t.NumMethod() == 0 {
			p.kind = polyInterface
		}
	default: // maps, arrays and kinds JSON cannot hold
		p.kind = polyFallback
	}
	return p
}

// polyRefOf returns the Ref plan of t when t is a generated Ref type: a
// struct that only embeds an exported interface, whose UnmarshalJSON calls
// decodePoly (which answers polyRefProbeInput with the declared type).
func polyRefOf(t reflect.Type) (ref *polyRefPlan) {
	if t.Kind() != reflect.Struct || t.NumField() != 1 {
		return nil
	}
	f := t.Field(0)
	if !f.Anonymous || !f.IsExported() || f.Type.Kind() != reflect.Interface ||
		!reflect.PointerTo(t).Implements(polyUnmarshalerType) {
		return nil
	}
	defer func() {
		if recover() != nil { // an UnmarshalJSON of some other kind
			ref = nil
		}
	}()
	err := reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON([]byte(polyRefProbeInput))
	if probe, ok := err.(*polyRefProbe); ok {
		return &polyRefPlan{iface: f.Type, newDefault: probe.newDefault}
	}
	return nil
}

// polyTypeFields returns the JSON members of the struct type t by the rules
// of encoding/json: exported fields and the fields of embedded structs,
// named by their tag or Go name; of fields with the same name the least
// deeply embedded wins, a tagged one winning a tie, and a tie of equals
// hides them all.
func polyTypeFields(t reflect.Type) []polyField {
	type queued struct {
		typ   reflect.Type
		index []int
		path  []string
	}
	var fields []polyField
	current, next := []queued{}, []queued{{typ: t}}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, q := range current {
			if visited[q.typ] {
				continue
			}
			visited[q.typ] = true
			for i := range q.typ.NumField() {
				sf := q.typ.Field(i)
				if sf.Anonymous {
					et := sf.Type
					if et.Kind() == reflect.Pointer {
						et = et.Elem()
					}
					if !sf.IsExported() && et.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !polyValidTag(name) {
					name = ""
				}
				index := append(q.index[:len(q.index):len(q.index)], i)
				path := append(q.path[:len(q.path):len(q.path)], sf.Name)
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					f := polyField{name: name, tag: name != "", index: index, path: path, typ: sf.Type}
					if name == "" {
						f.name = sf.Name
					}
					// encoding/json decodes ",string" fields its own way,
					// and cannot set an unexported embedded struct.
					f.fallback = polyHasOption(opts, "string") || !sf.IsExported() ||
						polyUnexportedPointerOnPath(t, index)
					fields = append(fields, f)
					if count[q.typ] > 1 {
						// A second copy, so that the tie below hides both.
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, queued{typ: ft, index: index, path: path})
				}
			}
		}
	}
	slices.SortFunc(fields, func(a, b polyField) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tag != b.tag {
			if a.tag {
				return -1
			}
			return +1
		}
		return slices.Compare(a.index, b.index)
	})
	out := fields[:0]
	for advance, i := 0, 0; i < len(fields); i += advance {
		fi := fields[i]
		for advance = 1; i+advance < len(fields) && fields[i+advance].name == fi.name; advance++ {
		}
		if advance > 1 && len(fi.index) == len(fields[i+1].index) && fi.tag == fields[i+1].tag {
			continue // equals hide each other
		}
		out = append(out, fi)
	}
	slices.SortFunc(out, func(a, b polyField) int { return slices.Compare(a.index, b.index) })
	return out
}

// polyUnexportedPointerOnPath reports whether reaching the field at index
// from t goes through an embedded pointer to an unexported struct, which
// encoding/json cannot allocate.
func polyUnexportedPointerOnPath(t reflect.Type, index []int) bool {
	for _, i := range index[:len(index)-1] {
		sf := t.Field(i)
		t = sf.Type
		if t.Kind() == reflect.Pointer {
			if !sf.IsExported() {
				return true
			}
			t = t.Elem()
		}
	}
	return false
}

// polyHasOption reports whether the comma-separated tag options opts
// include name.
func polyHasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// polyValidTag reports whether encoding/json accepts s as a member name in
// a tag.
func polyValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}
