package templates

import (
	"bytes"
	"encoding/json"
	"iter"
)

// decodePoly decodes one value of a polymorphic type: the type its
// "@odata.type" names when that type implements T, else the value def
// returns (the declared base type). JSON null gives the zero T.
func decodePoly[T any](b []byte, def func() T) (T, error) {
	var zero T
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return zero, nil
	}
	var probe struct {
		Type string `json:"@odata.type"`
	}
	v := def()
	if json.Unmarshal(b, &probe) == nil && probe.Type != "" {
		if x, ok := newByODataType(probe.Type).(T); ok {
			v = x
		}
	}
	if err := json.Unmarshal(b, any(v)); err != nil {
		return zero, err
	}
	return v, nil
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
