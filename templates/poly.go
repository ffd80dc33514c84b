package templates

import (
	"iter"
	"reflect"
)

// decodePoly decodes one value of a polymorphic type: the type its
// "@odata.type" names when that type implements T, else the value def
// returns (the declared base type). JSON null gives the zero T.
//
// The Ref types' UnmarshalJSON methods call it. It decodes b and everything
// inside it with polyDecoder (decode.go), which fills nested Refs itself,
// so that decoding takes time linear in len(b) however deeply Refs nest.
// Any error gives the zero T.
func decodePoly[T any](b []byte, def func() T) (T, error) {
	var zero T
	if len(b) > 0 && b[0] == 0 && string(b) == polyRefProbeInput {
		return zero, &polyRefProbe{newDefault: func() any { return def() }}
	}
	d, err := newPolyDecoder(b)
	if err != nil {
		return zero, err
	}
	if d.data[d.off] == 'n' { // null
		return zero, nil
	}
	x, err := d.poly(reflect.TypeFor[T](), func() any { return def() })
	if err = d.result(err); err != nil {
		return zero, err
	}
	return x.Interface().(T), nil
}

// unwrapper is implemented by the generated Ref types, which hold a value of
// a polymorphic type for JSON decoding.
type unwrapper[T any] interface {
	unwrap() T
}

// unwrapSeq turns a sequence of Ref wrappers into their values.
func unwrapSeq[W unwrapper[T], T any](seq iter.Seq2[W, error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for w, err := range seq {
			var v T
			if err == nil {
				v = w.unwrap()
			}
			if !yield(v, err) {
				return
			}
		}
	}
}

// unwrapOne returns the value a Ref holds, for single-entity responses.
func unwrapOne[W unwrapper[T], T any](w *W, err error) (T, error) {
	var zero T
	if err != nil || w == nil {
		return zero, err
	}
	return (*w).unwrap(), nil
}
