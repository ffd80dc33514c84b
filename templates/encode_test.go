package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// The encoding tests compare encodePoly with encoding/json: with json.Marshal
// on values without Refs, and with the old Ref encoding (a MarshalJSON that
// returns json.Marshal of the value held) on values with Refs, built twice
// from the same random choices, once with each kind of Ref.

type (
	// EncTestClass is the class of the encoding test hierarchy.
	EncTestClass interface{ encTest() }
	// encNewRef is a Ref as the emitter writes them.
	encNewRef struct{ EncTestClass }
	// encOldRef is a Ref as the emitter wrote them before encodePoly.
	encOldRef struct{ EncTestClass }
	// encThing is the base type of the hierarchy; R is its Ref type.
	encThing[R any] struct {
		ODataType *string         `json:"@odata.type,omitzero"`
		Name      *string         `json:"name,omitempty"`
		Text      string          `json:"text"`
		Num       float64         `json:"num,omitempty"`
		Small     float32         `json:"small,omitzero"`
		Count     int8            `json:"count"`
		Big       uint64          `json:"big,omitempty"`
		When      *time.Time      `json:"when,omitempty"`
		Day       Date            `json:"day,omitzero"`
		Until     *Duration       `json:"until,omitempty"`
		Raw       json.RawMessage `json:"raw,omitempty"`
		Bytes     []byte          `json:"bytes"`
		Any       any             `json:"any,omitempty"`
		Map       map[string]R    `json:"map,omitempty"`
		Kids      []R             `json:"kids"`
		Best      R               `json:"best,omitzero"`
		Ptr       *R              `json:"ptr,omitempty"`
		Pair      [2]R            `json:"pair,omitzero"`
	}
	// encSub derives from encThing and shadows its name.
	encSub[R any] struct {
		encThing[R]
		Extra *bool  `json:"extra"`
		Name  string `json:"name"`
	}
)

func (*encThing[R]) encTest() {}

func (r *encNewRef) UnmarshalJSON(b []byte) error {
	v, err := decodePoly(b, func() EncTestClass { return new(encThing[encNewRef]) })
	r.EncTestClass = v
	return err
}

func (r encNewRef) MarshalJSON() ([]byte, error) { return encodePoly(r.EncTestClass) }

func (r *encOldRef) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		r.EncTestClass = nil
		return nil
	}
	v := new(encThing[encOldRef])
	r.EncTestClass = v
	return json.Unmarshal(b, v)
}

func (r encOldRef) MarshalJSON() ([]byte, error) { return json.Marshal(r.EncTestClass) }

// encStrings are strings that exercise escaping.
var encStrings = []string{"", "plain", `q"b\s`, "<a href='x'>&amp;</a>", "\x00\x01\b\f\n\r\t\x1f\x7f",
	"é ü 日本", "\u2028\u2029", "bad \xff\xfe utf8 \xe2\x80", "emoji 😀"}

// encFloats are floats that exercise encoding/json's float formats.
var encFloats = []float64{0, 1, -1.5, 1e-7, 1e21, 123456789, 1e20, 0.000001, 3.4e38, 1e-300, math.SmallestNonzeroFloat64}

// buildEnc returns a random encThing or encSub, wrapped by wrap, whose
// first kid nests depth-1 levels further. Built with the same r state, the
// two Ref kinds give the same JSON.
func buildEnc[R any](r *rand.Rand, depth int, wrap func(EncTestClass) R) R {
	str := func() string { return encStrings[r.IntN(len(encStrings))] }
	var th encThing[R]
	if r.IntN(2) == 0 {
		s := str()
		th.Name = &s
	}
	th.Text = str()
	th.Num = encFloats[r.IntN(len(encFloats))]
	th.Small = float32(encFloats[r.IntN(len(encFloats))])
	th.Count = int8(r.IntN(256) - 128)
	th.Big = r.Uint64() >> r.IntN(64)
	if r.IntN(2) == 0 {
		w := time.Date(2021, 7, 1, 9, 30, r.IntN(60), r.IntN(3)*500, time.FixedZone("x", 3600*r.IntN(3)))
		th.When = &w
	}
	if r.IntN(2) == 0 {
		th.Day = Date{Year: 1990 + r.IntN(30), Month: time.April, Day: 1}
	}
	switch r.IntN(3) {
	case 0:
		th.Raw = json.RawMessage(" { \"k\" : [1, 2, \"<&>\u2028\"] }\n")
	case 1:
		th.Raw = json.RawMessage{}
	}
	switch r.IntN(3) {
	case 0:
		th.Bytes = []byte(str())
	case 1:
		th.Bytes = []byte{}
	}
	switch r.IntN(4) {
	case 0:
		th.Any = map[string]any{"z": 1, "a": []any{str(), 2.5, nil, true}}
	case 1:
		th.Any = str()
	case 2:
		th.Any = wrap(nil)
	}
	leaf := func() R {
		if r.IntN(3) == 0 {
			return wrap(nil)
		}
		s := str()
		return wrap(&encThing[R]{Name: &s, Kids: []R{}})
	}
	if r.IntN(2) == 0 {
		th.Map = map[string]R{str(): leaf(), "b": leaf()}
	}
	if depth > 1 {
		th.Kids = append(th.Kids, buildEnc(r, depth-1, wrap))
	}
	for range r.IntN(3) {
		th.Kids = append(th.Kids, leaf())
	}
	if r.IntN(2) == 0 {
		th.Best = leaf()
	}
	if r.IntN(2) == 0 {
		l := leaf()
		th.Ptr = &l
	}
	if r.IntN(2) == 0 {
		th.Pair = [2]R{leaf(), leaf()}
	}
	if r.IntN(2) == 0 {
		return wrap(&th)
	}
	sub := &encSub[R]{encThing: th, Name: str()}
	if r.IntN(2) == 0 {
		b := r.IntN(2) == 0
		sub.Extra = &b
	}
	return wrap(sub)
}

// TestEncodePolyMatchesOldRefs compares the new Refs' encoding with the old
// ones' on random trees of depth 1, 2 and 1,000.
func TestEncodePolyMatchesOldRefs(t *testing.T) {
	for _, depth := range []int{1, 2, 1000} {
		for seed := range uint64(20) {
			if depth == 1000 && seed >= 1 {
				break
			}
			newer := buildEnc(rand.New(rand.NewPCG(seed, 1)), depth, func(c EncTestClass) encNewRef { return encNewRef{c} })
			older := buildEnc(rand.New(rand.NewPCG(seed, 1)), depth, func(c EncTestClass) encOldRef { return encOldRef{c} })
			got, err1 := json.Marshal(newer)
			want, err2 := json.Marshal(older)
			if err1 != nil || err2 != nil {
				t.Fatalf("depth %d seed %d: %v, %v", depth, seed, err1, err2)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("depth %d seed %d: encodings differ at byte %d:\n%.300s\n%.300s",
					depth, seed, commonPrefix(got, want), got[commonPrefix(got, want):], want[commonPrefix(got, want):])
			}
			if got2, _ := encodePoly(newer.EncTestClass); !bytes.Equal(got2, want) {
				t.Fatalf("depth %d seed %d: encodePoly differs from json.Marshal", depth, seed)
			}
		}
	}
}

// commonPrefix returns the length of the common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// Types without Refs that exercise the rules of encoding/json.
type (
	encPtrMarshaler struct{ N int }
	encPtrText      struct{ N int }
	encValZero      struct{ N int }
	encPtrZero      struct{ N int }
	encEmbedded     struct {
		Inner  string `json:"inner"`
		Shadow int    `json:"shadow"`
	}
	// EncEmbedded is exported so that encodePoly encodes the structs
	// embedding a pointer to it itself.
	EncEmbedded struct {
		Inner string `json:"inner"`
	}
	encOther struct {
		Shadow int `json:"shadow"`
	}
	encAll struct {
		*encEmbedded
		encOther
		Shadow    string            `json:"shadow,omitempty"`
		HTMLName  int               `json:"a<b>&c"`
		Plain     int               // no tag
		Skipped   int               `json:"-"`
		Dash      int               `json:"-,"`
		hidden    int               // unexported fields are not encoded
		Quoted    int               `json:",string"`
		PM        encPtrMarshaler   `json:"pm"`
		PMs       []encPtrMarshaler `json:"pms"`
		PT        encPtrText        `json:"pt"`
		VZ        encValZero        `json:"vz,omitzero"`
		PZ        encPtrZero        `json:"pz,omitzero"`
		PZp       *encPtrZero       `json:"pzp,omitzero"`
		Time      time.Time         `json:"time,omitzero"`
		Map       map[string]int    `json:"map"`
		Arr       [3]int8           `json:"arr"`
		Num       json.Number       `json:"num,omitempty"`
		Iface     fmt.Stringer      `json:"iface"`
		Any       any               `json:"any"`
		Bytes     []byte            `json:"bytes,omitempty"`
		Floats    []float32         `json:"floats"`
		Empty     struct{}          `json:"empty,omitempty"`
		Raw       json.RawMessage   `json:"raw"`
		TimeOfDay *TimeOfDay        `json:"tod"`
		Uintptr   uintptr           `json:"uintptr,omitempty"`
	}
	// encNoQuoted is like encAll without what makes encodePoly hand the
	// whole struct to encoding/json (a ",string" field, an embedded
	// pointer to an unexported struct).
	encNoQuoted struct {
		*EncEmbedded
		encOther
		Shadow    string            `json:"shadow,omitempty"`
		HTMLName  int               `json:"a<b>&c"`
		Plain     int               // no tag
		Skipped   int               `json:"-"`
		Dash      int               `json:"-,"`
		hidden    int               // unexported fields are not encoded
		PM        encPtrMarshaler   `json:"pm"`
		PMs       []encPtrMarshaler `json:"pms"`
		PT        encPtrText        `json:"pt"`
		VZ        encValZero        `json:"vz,omitzero"`
		PZ        encPtrZero        `json:"pz,omitzero"`
		PZp       *encPtrZero       `json:"pzp,omitzero"`
		Time      time.Time         `json:"time,omitzero"`
		Map       map[string]int    `json:"map"`
		Arr       [3]int8           `json:"arr"`
		Num       json.Number       `json:"num,omitempty"`
		Iface     fmt.Stringer      `json:"iface"`
		Any       any               `json:"any"`
		Bytes     []byte            `json:"bytes,omitempty"`
		Floats    []float32         `json:"floats"`
		Empty     struct{}          `json:"empty,omitempty"`
		Raw       json.RawMessage   `json:"raw"`
		TimeOfDay *TimeOfDay        `json:"tod"`
		Uintptr   uintptr           `json:"uintptr,omitempty"`
		Iptr      *int              `json:"iptr,omitempty"`
	}
)

func (m *encPtrMarshaler) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(" { \"n\" : %d, \"s\": \"<\u2028>\" }", m.N)), nil
}
func (m *encPtrText) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("<%d>", m.N)), nil }
func (v encValZero) IsZero() bool                  { return v.N < 0 }
func (v *encPtrZero) IsZero() bool                 { return v.N > 5 }

// TestEncodePolyMatchesJSON compares encodePoly with json.Marshal on values
// without Refs, addressable (through a pointer) and not.
func TestEncodePolyMatchesJSON(t *testing.T) {
	var page benchPage[concreteUser]
	if err := json.Unmarshal(userPage(3), &page); err != nil {
		t.Fatal(err)
	}
	// Bodies past polyEncodeDoubleFrom, where object doubles the buffer.
	var big benchPage[concreteUser]
	var deep concreteGroup
	if err := json.Unmarshal(userPage(40), &big); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(nestedGroups(30, 2), &deep); err != nil {
		t.Fatal(err)
	}
	zone := time.FixedZone("", -(7*3600 + 30*60))
	n := 3
	values := []any{
		page, page.Value[0], concreteGroup{}, big, deep,
		time.Time{}, time.Date(2021, 7, 1, 9, 30, 0, 123_400_000, zone), &[]time.Time{time.Unix(0, 1).In(zone)},
		struct{ T *time.Time }{}, struct {
			T time.Time `json:",omitzero"`
		}{},
		encAll{}, encAll{encEmbedded: &encEmbedded{Inner: "<in>", Shadow: 4}, Shadow: "s", Quoted: 5,
			PM: encPtrMarshaler{7}, PMs: []encPtrMarshaler{{1}, {2}}, PT: encPtrText{8}, VZ: encValZero{-1},
			PZ: encPtrZero{9}, PZp: &encPtrZero{1}, Time: time.Unix(1e9, 5).UTC(), Map: map[string]int{"z": 1, "a": 2, "<": 3},
			Arr: [3]int8{1, -2}, Num: "12.5e3", Iface: time.Second, Any: []any{map[string]any{"k": "\u2028"}, 1.5},
			Bytes: []byte("\x00\xff"), Floats: []float32{1e-7, 3.4e38, 0.1}, Raw: json.RawMessage("[ 1 ]"), TimeOfDay: &TimeOfDay{Hour: 8}},
		encNoQuoted{}, encNoQuoted{EncEmbedded: &EncEmbedded{Inner: "i"}, PM: encPtrMarshaler{1}, PT: encPtrText{2},
			VZ: encValZero{1}, PZ: encPtrZero{2}, PZp: &encPtrZero{9}, Any: encPtrMarshaler{3}, Iptr: &n},
		encNoQuoted{VZ: encValZero{-1}, PZ: encPtrZero{9}, PZp: &encPtrZero{1}},
		encNoQuoted{EncEmbedded: &EncEmbedded{Inner: "<in>"}, Shadow: "s", hidden: 1,
			PM: encPtrMarshaler{7}, PMs: []encPtrMarshaler{{1}, {2}}, PT: encPtrText{8}, VZ: encValZero{-1},
			PZ: encPtrZero{9}, PZp: &encPtrZero{1}, Time: time.Unix(1e9, 5).UTC(), Map: map[string]int{"z": 1, "a": 2, "<": 3},
			Arr: [3]int8{1, -2}, Num: "12.5e3", Iface: time.Second, Any: []any{map[string]any{"k": "\u2028"}, 1.5},
			Bytes: []byte("\x00\xff"), Floats: []float32{1e-7, 3.4e38, 0.1}, Raw: json.RawMessage("[ 1 ]"), TimeOfDay: &TimeOfDay{Hour: 8}},
		[]any{encPtrText{1}, &encPtrText{2}, encPtrMarshaler{3}, (*encPtrMarshaler)(nil), nil},
		&n, (*int)(nil), "a<b", []string(nil), []string{}, []byte(nil), 1e21, float32(1e-7),
	}
	for _, str := range encStrings {
		values = append(values, str, []byte(str), map[string]string{str: str})
	}
	for _, f := range encFloats {
		values = append(values, f, -f, float32(f))
	}
	for i, v := range values {
		for _, x := range []any{v, &v} {
			want, err := json.Marshal(x)
			if err != nil {
				t.Fatalf("%d (%T): %v", i, x, err)
			}
			got, err := encodePoly(x)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%d (%T): encodePoly = %s, %v\njson.Marshal = %s", i, x, got, err, want)
			}
		}
	}
}

// encFailing is a Marshaler that fails or writes invalid JSON.
type encFailing struct{ invalid bool }

func (f encFailing) MarshalJSON() ([]byte, error) {
	if f.invalid {
		return []byte("{"), nil
	}
	return nil, errors.New("no")
}

// TestEncodePolyErrors checks that encodePoly fails as json.Marshal does.
func TestEncodePolyErrors(t *testing.T) {
	for _, v := range []any{
		math.NaN(), []float64{1, math.Inf(1)}, encFailing{}, &struct{ F encFailing }{encFailing{invalid: true}},
		map[string]func(){"f": nil}, struct{ C chan int }{},
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), []time.Time{time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		_, want := json.Marshal(v)
		_, got := encodePoly(v)
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Errorf("%T: encodePoly error %v, json.Marshal error %v", v, got, want)
		}
	}
}

// TestEncodeBodyTimeError checks that a request body holding a time
// MarshalJSON rejects fails with MarshalJSON's own error, as a body holding
// any other failing Marshaler does.
func TestEncodeBodyTimeError(t *testing.T) {
	bad := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	_, want := bad.MarshalJSON()
	_, got := encodeBody(&struct{ T time.Time }{bad}, nil)
	if want == nil || got == nil || got.Error() != want.Error() {
		t.Errorf("encodeBody error %v, want %v", got, want)
	}
}

// TestEncodePolyDepth checks that a cycle of Refs is an error, not a crash,
// and that values as deep as the decoder accepts still encode.
func TestEncodePolyDepth(t *testing.T) {
	dog := &testDog{}
	dog.Best = testAnimalRef{dog}
	if _, err := json.Marshal(dog.Best); !errors.Is(err, errPolyEncodeDepth) {
		t.Errorf("cycle: got %v, want %v", err, errPolyEncodeDepth)
	}
	// The deepest nesting polyDecoder accepts: polyMaxDepth objects.
	const levels = polyMaxDepth / 2 // a dog object and its friends array per level
	data := strings.Repeat(`{"@odata.type":"#test.dog","friends":[`, levels-1) + `{}` + strings.Repeat(`]}`, levels-1)
	var ref testAnimalRef
	if err := json.Unmarshal([]byte(data), &ref); err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(ref)
	if err != nil || string(got) != data {
		t.Errorf("deep value: got %.100s..., %v", got, err)
	}
}

// FuzzEncodePoly decodes JSON into Ref-free and Ref-holding types and checks
// that encodePoly encodes what it decoded as json.Marshal and the old Refs
// do.
func FuzzEncodePoly(f *testing.F) {
	f.Add([]byte(`{"name":"<x>","kids":[{"num":1e-9,"best":{"text":"\u2028"}}],"any":{"b":[1,"\ud800"]}}`))
	f.Add([]byte(`{"map":{"z":null,"a":{"bytes":"AAE="}},"pair":[null,{"day":"2020-01-02"}],"raw":[1 , 2]}`))
	f.Add(userPage(2))
	f.Add(nestedGroups(3, 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		var plain struct {
			Any   any `json:"any"`
			Page  benchPage[concreteUser]
			Group concreteGroup    `json:"group"`
			Map   map[string]any   `json:"map"`
			Num   json.Number      `json:"num,omitempty"`
			Strs  []string         `json:"strs"`
			F32   []float32        `json:"f32"`
			Raw   json.RawMessage  `json:"raw"`
			Kids  []map[string]any `json:"kids"`
		}
		if json.Unmarshal(data, &plain) == nil {
			want, err1 := json.Marshal(&plain)
			got, err2 := encodePoly(&plain)
			if (err1 == nil) != (err2 == nil) || !bytes.Equal(got, want) {
				t.Fatalf("plain: encodePoly = %s, %v\njson.Marshal = %s, %v", got, err2, want, err1)
			}
		}
		var newer encNewRef
		var older encOldRef
		if json.Unmarshal(data, &newer) != nil || json.Unmarshal(data, &older) != nil {
			return
		}
		want, err1 := json.Marshal(older)
		got, err2 := json.Marshal(newer)
		if (err1 == nil) != (err2 == nil) || !bytes.Equal(got, want) {
			t.Fatalf("refs: new = %s, %v\nold = %s, %v", got, err2, want, err1)
		}
	})
}

// allocatedBytes returns the bytes f allocates on the heap.
func allocatedBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestEncodePolyLinear checks that the memory encoding nested Refs takes
// grows linearly with their depth (it grew quadratically when every Ref
// called json.Marshal), and that encodePoly allocates no more often than
// json.Marshal does for the same data in concrete types.
func TestEncodePolyLinear(t *testing.T) {
	sizes := map[int]uint64{}
	for _, depth := range []int{100, 1000} {
		var ref testDirectoryObjectRef
		if err := json.Unmarshal(nestedGroups(depth, 1), &ref); err != nil {
			t.Fatal(err)
		}
		sizes[depth] = allocatedBytes(func() {
			if _, err := json.Marshal(ref); err != nil {
				t.Fatal(err)
			}
		})
	}
	if r := float64(sizes[1000]) / float64(sizes[100]); r > 20 { // 10 when linear, 100 when quadratic
		t.Errorf("encoding 1000 levels allocates %.1f times what 100 levels do (%d, %d bytes)", r, sizes[1000], sizes[100])
	}
	var s strings.Builder
	writeUser(&s, 1)
	var ref testDirectoryObjectRef
	var concrete concreteUser
	if json.Unmarshal([]byte(s.String()), &ref) != nil || json.Unmarshal([]byte(s.String()), &concrete) != nil {
		t.Fatal("decoding the user failed")
	}
	// AllocsPerRun counts the allocations of the whole process, so those of
	// goroutines earlier tests left behind (HTTP connections closing) land
	// on whichever side runs beside them, and a collection empties
	// encoding/json's buffer pool, which both sides use. Noise only adds
	// allocations: each side's count is its least of five, taken with the
	// collector off.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	leastAllocs := func(f func()) float64 {
		least := testing.AllocsPerRun(20, f)
		for range 4 {
			least = min(least, testing.AllocsPerRun(20, f))
		}
		return least
	}
	direct := leastAllocs(func() { _, _ = encodePoly(ref.TestDirectoryObjectClass) })
	floor := leastAllocs(func() { _, _ = json.Marshal(&concrete) })
	if direct > floor {
		t.Errorf("encodePoly allocates %v times per user, json.Marshal of the concrete user %v", direct, floor)
	}
}
