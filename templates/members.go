package templates

import (
	"encoding/json"
	"reflect"
	"slices"
)

// Members holds the JSON members of an object that its type does not
// declare, by wire name. A response's unknown members are kept here when it
// is decoded and are written again when the value is encoded, so a GET →
// change → PATCH round trip loses nothing. It is also how a caller sends
// members the type cannot express: "x@odata.bind" references (Bind,
// BindAll) and an explicit JSON null that clears a property (Null).
//
// A declared field that is set wins over a member of the same name here;
// a declared field that is omitted (nil) lets the member here be sent,
// which is how Null clears a declared property.
type Members map[string]json.RawMessage

// Null makes the value send "name": null, which clears the property name
// (its JSON name, as the docs write it).
func (m *Members) Null(name string) {
	m.set(name, json.RawMessage("null"))
}

// Bind makes the value send "nav@odata.bind": url, which binds the
// single-valued navigation property nav to the entity at url.
func (m *Members) Bind(nav, url string) {
	m.set(nav+"@odata.bind", polyAppendString(nil, url))
}

// BindAll makes the value send "nav@odata.bind": [urls...], which binds the
// collection navigation property nav to the entities at urls (for example
// "members@odata.bind" when creating a group).
func (m *Members) BindAll(nav string, urls ...string) {
	b := []byte{'['}
	for i, u := range urls {
		if i > 0 {
			b = append(b, ',')
		}
		b = polyAppendString(b, u)
	}
	m.set(nav+"@odata.bind", append(b, ']'))
}

// Set makes the value send "name": the JSON encoding of v.
func (m *Members) Set(name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	m.set(name, b)
	return nil
}

func (m *Members) set(name string, raw json.RawMessage) {
	if *m == nil {
		*m = Members{}
	}
	(*m)[name] = raw
}

// polyMembersType is the type of the field that holds undeclared members.
var polyMembersType = reflect.TypeFor[Members]()

// polyMembersIndex returns the field index path of the Members field of the
// struct type t, found in t itself or, breadth first, through its embedded
// structs (not pointers); nil when t has none.
func polyMembersIndex(t reflect.Type) []int {
	type level struct {
		t     reflect.Type
		index []int
	}
	cur := []level{{t, nil}}
	for depth := 0; depth < 8 && len(cur) > 0; depth++ {
		var next []level
		for _, l := range cur {
			for i := range l.t.NumField() {
				sf := l.t.Field(i)
				idx := append(slices.Clip(l.index), i)
				if sf.Type == polyMembersType && sf.IsExported() && sf.Tag.Get("json") == "-" {
					return idx
				}
				if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
					next = append(next, level{sf.Type, idx})
				}
			}
		}
		cur = next
	}
	return nil
}
