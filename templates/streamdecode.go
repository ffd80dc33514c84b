package templates

import (
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
)

// streamDecode decodes the next JSON value of dec into what the non-nil
// pointer x points to, as dec.Decode(x) does, without holding the whole
// value's text in memory: json.Decoder.Decode reads a value into its
// buffer whole before decoding it, so a 500 MB entity took its 500 MB of
// text (in a buffer grown by doubling) on top of the decoded value.
//
// streamDecode walks objects and arrays token by token wherever the Go
// type is a struct, a slice (other than []byte) or a pointer to one, as
// polyPlanOf describes them, except for the elements of arrays: members
// are matched to fields as encoding/json matches them, members no field
// declares are kept in the struct's Members (each decoded whole, as a
// json.RawMessage) or, in a struct without one, skipped token by token,
// and slices grow element by element. Every other value (array elements
// that are not arrays, strings, numbers, maps, interfaces, Refs, types with
// an UnmarshalJSON or UnmarshalText method) is decoded whole, array
// elements that are structs by polyUnmarshal (which keeps their undeclared
// members) and the others with dec.Decode, so the decoder's buffer holds
// one such value at a time: a document whose bulk is one string, or one
// element of an array, still holds it twice, as text and decoded.
//
// As with encoding/json, a value of the wrong JSON kind for its field is
// skipped and the first such *json.UnmarshalTypeError is returned once the
// whole value has been decoded; any other error ends decoding at once,
// with x partly filled. An empty input gives io.EOF; an input that ends
// inside the value gives io.ErrUnexpectedEOF.
func streamDecode(dec *json.Decoder, x any) error {
	v := reflect.ValueOf(x)
	p := polyPlanOf(v.Type())
	if v.Kind() != reflect.Pointer || v.IsNil() || p.unmarshaler || p.text || !streamable(p.elem) {
		return dec.Decode(x)
	}
	s := &streamState{dec: dec}
	tok, err := s.token()
	if err != nil {
		return err // io.EOF for an empty input
	}
	err = s.tokenValue(v.Elem(), p.elem, tok)
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	if err == nil {
		err = s.saved
	}
	return err
}

// streamState is one streamDecode: its decoder, the first type error, and
// where decoding is, for the context of type errors.
type streamState struct {
	dec    *json.Decoder
	saved  error
	fields []string
	strct  string
	// depth is how many objects and arrays decoding is inside.
	depth int
}

// errStreamDepth is the error of an input nested deeper than
// polyMaxDepth, the limit encoding/json sets (which also applies to each
// value decoded by dec.Decode, counted from that value: so streamDecode
// accepts some inputs nested up to twice as deep as encoding/json does, and
// none deeper).
func errStreamDepth() error { return errors.New("exceeded max depth") }

// streamable reports whether values of p are walked token by token: a
// struct, a slice other than []byte, or a chain of pointers without
// UnmarshalJSON or UnmarshalText methods to one.
func streamable(p *polyPlan) bool {
	for p.kind == polyPointer {
		if p.unmarshaler || p.text {
			return false
		}
		p = p.elem
	}
	switch p.kind {
	case polyStruct:
		return true
	case polySlice:
		return p.typ.Elem().Kind() != reflect.Uint8
	}
	return false
}

// streamSliceElem reports whether p, which is streamable, is a slice or
// pointers to one.
func streamSliceElem(p *polyPlan) bool {
	for p.kind == polyPointer {
		p = p.elem
	}
	return p.kind == polySlice
}

// value decodes the next value into v, which can be set.
func (s *streamState) value(v reflect.Value, p *polyPlan) error {
	if !streamable(p) {
		return s.leaf(v)
	}
	tok, err := s.token()
	if err != nil {
		return err
	}
	return s.tokenValue(v, p, tok)
}

// tokenValue decodes the value that starts with tok into v, whose plan p
// is streamable.
func (s *streamState) tokenValue(v reflect.Value, p *polyPlan, tok json.Token) error {
	for p.kind == polyPointer {
		if tok == nil {
			v.SetZero()
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.New(p.typ.Elem()))
		}
		v, p = v.Elem(), p.elem
	}
	switch tok {
	case nil:
		if p.kind == polySlice {
			v.SetZero()
		}
		return nil
	case json.Delim('{'), json.Delim('['):
		s.depth++
		defer func() { s.depth-- }()
		if s.depth > polyMaxDepth {
			return errStreamDepth()
		}
	}
	switch tok {
	case json.Delim('{'):
		if p.kind != polyStruct {
			s.typeError("object", v.Type())
			return s.skipRest(s.depth - 1)
		}
		return s.object(v, p)
	case json.Delim('['):
		if p.kind != polySlice {
			s.typeError("array", v.Type())
			return s.skipRest(s.depth - 1)
		}
		return s.array(v, p)
	}
	what := "number"
	switch tok.(type) {
	case string:
		what = "string"
	case bool:
		what = "bool"
	}
	s.typeError(what, v.Type())
	return nil
}

// object decodes the members of an object, whose "{" has been read, into
// the struct v.
func (s *streamState) object(v reflect.Value, p *polyPlan) error {
	baseFields, baseStruct := len(s.fields), s.strct
	var fold []byte
	for s.dec.More() {
		tok, err := s.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		f := p.fields.exact[key]
		if f == nil {
			fold = polyFoldName(fold[:0], []byte(key))
			f = p.fields.folded[string(fold)]
		}
		if f == nil && p.members != nil {
			var raw json.RawMessage
			if err := s.dec.Decode(&raw); err != nil {
				return err
			}
			membersAt(v, p.members).set(key, raw)
			continue
		}
		if f == nil {
			if err := s.skip(); err != nil {
				return err
			}
			continue
		}
		sub := v
		for i, ind := range f.index {
			if sub.Kind() == reflect.Pointer {
				if sub.IsNil() {
					sub.Set(reflect.New(sub.Type().Elem()))
				}
				sub = sub.Elem()
			}
			if i < len(f.index)-1 {
				s.fields = append(s.fields, f.path[i]) // as encoding/json names embedded structs
			}
			sub = sub.Field(ind)
		}
		s.strct = p.typ.Name()
		s.fields = append(s.fields, f.name)
		if err := s.value(sub, f.plan); err != nil {
			return err
		}
		s.fields, s.strct = s.fields[:baseFields], baseStruct
	}
	_, err := s.dec.Token() // '}'
	return err
}

// array decodes the elements of an array, whose "[" has been read, into
// the slice v, reusing its elements and capacity as encoding/json does.
//
// Elements that are arrays are walked in turn; any other element is
// decoded whole (one element's text in memory at a time), by polyUnmarshal
// when it is a struct, so that its undeclared members are kept, else with
// dec.Decode, which allocates far less than walking it token by token: the garbage of
// a token walk for every element made the collector let the heap grow to
// 1.8 times the size of a 500 MB entity. The slice's capacity doubles as it
// grows (reflect's Grow, like append, grows large slices by a quarter),
// which leaves one old backing array's worth of garbage instead of four.
func (s *streamState) array(v reflect.Value, p *polyPlan) error {
	walk := streamable(p.elem) && streamSliceElem(p.elem)
	structs := streamable(p.elem) && !walk
	i := 0
	for s.dec.More() {
		if i >= v.Cap() {
			grown := reflect.MakeSlice(v.Type(), v.Len(), max(2*v.Cap(), 4))
			reflect.Copy(grown, v)
			v.Set(grown)
		}
		if i >= v.Len() {
			v.SetLen(i + 1)
		}
		var err error
		switch {
		case walk:
			err = s.value(v.Index(i), p.elem)
		case structs:
			err = s.structLeaf(v.Index(i))
		default:
			err = s.leaf(v.Index(i))
		}
		if err != nil {
			return err
		}
		i++
	}
	if _, err := s.dec.Token(); err != nil { // ']'
		return err
	}
	if i < v.Len() {
		v.SetLen(i)
	}
	if i == 0 {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	return nil
}

// leaf decodes the next value into v with the decoder, keeping a type
// error for the end.
func (s *streamState) leaf(v reflect.Value) error {
	return s.leafWith(v, s.dec.Decode)
}

// structLeaf is leaf for a struct (or pointers to one): it reads the value
// whole and decodes it with polyUnmarshal, which keeps the members the
// struct does not declare.
func (s *streamState) structLeaf(v reflect.Value) error {
	return s.leafWith(v, func(x any) error {
		var raw json.RawMessage
		if err := s.dec.Decode(&raw); err != nil {
			return err
		}
		return polyUnmarshal(raw, x)
	})
}

// leafWith is leaf with decode in place of the decoder's Decode method.
func (s *streamState) leafWith(v reflect.Value, decode func(any) error) error {
	start := s.dec.InputOffset()
	err := decode(v.Addr().Interface())
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	if s.saved == nil {
		if te.Type == v.Addr().Type() {
			// encoding/json names the type of the pointer it was given,
			// which here is the field's address, not a type of the input.
			te.Type = v.Type()
		}
		te.Offset += start
		if len(s.fields) > 0 {
			path := strings.Join(s.fields, ".")
			if te.Field != "" {
				path += "." + te.Field
			}
			te.Field = path
		}
		if te.Struct == "" {
			te.Struct = s.strct
		}
		s.saved = te
	}
	return nil
}

// typeError records that a JSON value of the kind what cannot be stored
// in a value of type t.
func (s *streamState) typeError(what string, t reflect.Type) {
	if s.saved == nil {
		s.saved = &json.UnmarshalTypeError{Value: what, Type: t, Offset: s.dec.InputOffset(),
			Struct: s.strct, Field: strings.Join(s.fields, ".")}
	}
}

// token reads the next token. A number that does not fit a float64 (which
// json.Decoder.Token converts it to, with a type error once it has read
// it) is returned as the number 0: only its kind matters here.
func (s *streamState) token() (json.Token, error) {
	tok, err := s.dec.Token()
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return float64(0), nil
	}
	return tok, err
}

// skip reads past the next value.
func (s *streamState) skip() error {
	tok, err := s.token()
	if err != nil {
		return err
	}
	if tok == json.Delim('{') || tok == json.Delim('[') {
		return s.skipRest(s.depth)
	}
	return nil
}

// skipRest reads past the rest of an object or array whose opening
// delimiter has been read, inside outer other objects and arrays.
func (s *streamState) skipRest(outer int) error {
	for depth := 1; depth > 0; {
		tok, err := s.token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
			if outer+depth > polyMaxDepth {
				return errStreamDepth()
			}
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}
