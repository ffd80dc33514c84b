package templates

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"unsafe"
)

// Members holds what a JSON object carries beyond the members its Go type
// declares, and what a caller adds to a request body that the declared
// fields cannot express:
//
//   - undeclared members: every member of a response the type does not
//     declare (an extension's properties, an open type's dynamic members,
//     a property the reference does not list) is kept by the client's
//     decoder, and written back after the declared members by its encoder,
//     so that a GET, a change and a PATCH of the value loses nothing;
//   - explicit nulls (SetNull), which a nil pointer cannot send, since
//     nil fields are omitted;
//   - "x@odata.bind" members (Bind), which point a relationship at
//     existing resources when an entity is created or updated.
//
// Every generated struct type holds one, as the field Extra of the root of
// its hierarchy (promoted into derived types). The field is invisible to
// encoding/json: only the client's own decoding and encoding, that of the
// request methods and of Unmarshal and Marshal, fills and writes it;
// json.Marshal and json.Unmarshal of a struct ignore it (those of a
// polymorphic value's Ref wrapper do not, since the wrapper decodes and
// encodes with the client's runtime).
//
// On encoding, the declared members come first, in the order of their
// fields, then the members held here in sorted order of their names. A
// member held here that has the name of a declared member is written only
// when the declared field is omitted (nil or empty), so that a field set
// after SetNull wins. The zero Members holds nothing and is ready to use;
// copying a struct shares its Members' contents.
type Members struct {
	// raw holds the undeclared members and the explicit nulls, by JSON name.
	raw map[string]json.RawMessage
	// binds holds the references of Bind, by the member name
	// ("members@odata.bind").
	binds map[string]memberBind
}

// memberBind is one "x@odata.bind" member: the references it sends, as a
// JSON array when list is set, else as one URL.
type memberBind struct {
	refs []Reference
	list bool
}

// Get returns the undeclared member name (its JSON text), and whether it is
// held.
func (m *Members) Get(name string) (json.RawMessage, bool) {
	v, ok := m.raw[name]
	return v, ok
}

// Set holds the member name with the JSON encoding of value (a
// json.RawMessage is taken as it is, and must be valid JSON); it replaces
// any member of that name held before.
func (m *Members) Set(name string, value any) error {
	var b []byte
	switch v := value.(type) {
	case json.RawMessage:
		if !json.Valid(v) {
			return fmt.Errorf("graph: member %q: the value is not valid JSON", name)
		}
		b = polyAppendCompact(nil, v)
	default:
		var err error
		if b, err = Marshal(value); err != nil {
			return fmt.Errorf("graph: member %q: %w", name, err)
		}
	}
	m.set(name, b)
	return nil
}

// set holds the member name with the valid JSON b.
func (m *Members) set(name string, b []byte) {
	if m.raw == nil {
		m.raw = make(map[string]json.RawMessage)
	}
	m.raw[name] = b
}

// Delete drops the member name, and the bind of that name (such as
// "members@odata.bind"), if they are held.
func (m *Members) Delete(name string) {
	delete(m.raw, name)
	delete(m.binds, name)
}

// Names returns the names of the members held (undeclared members,
// explicit nulls and binds), sorted.
func (m *Members) Names() []string {
	names := make([]string, 0, len(m.raw)+len(m.binds))
	for k := range m.raw {
		names = append(names, k)
	}
	for k := range m.binds {
		if _, ok := m.raw[k]; !ok {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	return names
}

// Len returns how many members are held.
func (m *Members) Len() int { return len(m.Names()) }

// empty reports whether m holds nothing to encode.
func (m *Members) empty() bool { return len(m.raw) == 0 && len(m.binds) == 0 }

// membersType is the type of the holder, which decoding and encoding look
// for in every struct.
var membersType = reflect.TypeFor[Members]()

// membersIndex returns the index path, through embedded structs (not
// pointers), of the Members field of the struct type t, or nil when it has
// none. The least deeply embedded one wins.
func membersIndex(t reflect.Type) []int {
	type queued struct {
		typ   reflect.Type
		index []int
	}
	level := []queued{{typ: t}}
	for depth := 0; len(level) > 0 && depth < 64; depth++ {
		var next []queued
		for _, q := range level {
			for i := range q.typ.NumField() {
				sf := q.typ.Field(i)
				index := append(q.index[:len(q.index):len(q.index)], i)
				switch {
				case sf.Type == membersType && sf.IsExported():
					return index
				case sf.Anonymous && sf.Type.Kind() == reflect.Struct:
					next = append(next, queued{typ: sf.Type, index: index})
				}
			}
		}
		level = next
	}
	return nil
}

// membersAt returns the Members of the struct v at index, or nil when v
// is not addressable. It goes through unsafe.Pointer because the path may
// cross an unexported embedded struct, through which reflect gives no
// usable pointer; the field is a Members by membersIndex's check.
func membersAt(v reflect.Value, index []int) *Members {
	if !v.CanAddr() {
		return nil
	}
	return (*Members)(unsafe.Pointer(v.FieldByIndex(index).UnsafeAddr()))
}

// Unmarshal decodes the JSON data into the value v points to, as
// json.Unmarshal does, except that the members of an object that its
// struct type does not declare are kept in the struct's Extra field (see
// Members) instead of being dropped: the client decodes every response
// this way.
func Unmarshal(data []byte, v any) error { return polyUnmarshal(data, v) }

// Marshal returns the JSON encoding of v, as json.Marshal does, except
// that the members held in the Extra field of each struct (see Members)
// are written after its declared members. A value holding a Bind cannot
// be encoded here, since its URLs depend on the Client that sends it: pass
// it to a request method instead.
func Marshal(v any) ([]byte, error) { return encodePoly(v) }

// errBindNeedsClient is the error of encoding a Bind outside a request.
var errBindNeedsClient = errors.New("graph: an @odata.bind member is sent only by a Client's request methods, which know the service root")

// memberField finds the field of *s that field points to, searching s's
// fields and those of its embedded structs, and returns its JSON member
// name and s's Members.
func memberField[S, F any](s *S, field *F, what string) (name string, m *Members, ft reflect.Type, err error) {
	if s == nil || field == nil {
		return "", nil, nil, fmt.Errorf("graph: %s: nil struct or field pointer", what)
	}
	v := reflect.ValueOf(s).Elem()
	t := v.Type()
	if t.Kind() != reflect.Struct {
		return "", nil, nil, fmt.Errorf("graph: %s: %s is not a struct type", what, t)
	}
	mi := membersIndex(t)
	if mi == nil {
		return "", nil, nil, fmt.Errorf("graph: %s: %s has no Members field", what, t)
	}
	target := reflect.ValueOf(field).Pointer()
	ft = reflect.TypeFor[F]()
	for _, f := range polyStructFields(t) {
		fv := v.FieldByIndex(f.index)
		if fv.Type() == ft && fv.Addr().Pointer() == target {
			return f.name, membersAt(v, mi), ft, nil
		}
	}
	return "", nil, nil, fmt.Errorf("graph: %s: the pointer is not to a JSON member of the %s it is given with", what, t)
}

// polyStructFieldsCache caches polyStructFields.
var polyStructFieldsCache sync.Map // reflect.Type -> []polyField

// polyStructFields returns the JSON members of the struct type t (see
// polyTypeFields) that are reached without going through pointers.
func polyStructFields(t reflect.Type) []polyField {
	if fs, ok := polyStructFieldsCache.Load(t); ok {
		return fs.([]polyField)
	}
	var out []polyField
	for _, f := range polyTypeFields(t) {
		if !polyPointerOnPath(t, f.index) {
			out = append(out, f)
		}
	}
	polyStructFieldsCache.LoadOrStore(t, out)
	return out
}

// polyPointerOnPath reports whether reaching the field at index from t
// goes through an embedded pointer.
func polyPointerOnPath(t reflect.Type, index []int) bool {
	for _, i := range index[:len(index)-1] {
		t = t.Field(i).Type
		if t.Kind() == reflect.Pointer {
			return true
		}
	}
	return false
}

// SetNull makes the request body s send its member field as JSON null,
// which clears the property on the service (a nil field is omitted
// instead). field must point to a field of *s, such as
//
//	err := SetNull(&u, &u.JobTitle) // {"jobTitle": null}
//
// so that the compiler checks the member's name; a pointer to anything
// else is an error. Setting the field afterwards sends its value instead.
func SetNull[S, F any](s *S, field *F) error {
	name, m, _, err := memberField(s, field, "SetNull")
	if err != nil {
		return err
	}
	m.set(name, []byte("null"))
	return nil
}

// Bind makes the request body s send the member "<name>@odata.bind" for
// the relationship field points to, a field of *s: the URLs of refs under
// the service root of the Client that sends it (see Reference), as a JSON
// array when the field is a collection, else as one URL, which needs
// exactly one reference. For instance, creating a group with members:
//
//	err := Bind(&g, &g.Members, RefTo("directoryObjects", id1), RefTo("directoryObjects", id2))
//
// sends "members@odata.bind": ["https://graph.microsoft.com/v1.0/directoryObjects/<id1>", ...].
// A pointer to anything but a field of *s, a zero Reference, or other
// than one reference for a single-valued field is an error. Binding the
// same field again replaces its references.
func Bind[S, F any](s *S, field *F, refs ...Reference) error {
	name, m, ft, err := memberField(s, field, "Bind")
	if err != nil {
		return err
	}
	list := ft.Kind() == reflect.Slice
	if !list && len(refs) != 1 {
		return fmt.Errorf("graph: Bind: %s is single-valued: it takes one reference, not %d", name, len(refs))
	}
	for i, r := range refs {
		if !r.byURL && len(r.segments) == 0 {
			return fmt.Errorf("graph: Bind: reference %d of %s names no resource: make it with RefTo or RefURL", i+1, name)
		}
	}
	if m.binds == nil {
		m.binds = make(map[string]memberBind)
	}
	m.binds[name+"@odata.bind"] = memberBind{refs: slices.Clone(refs), list: list}
	return nil
}
