package templates

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The types of the differential tests: every shape polyDecoder decodes
// itself, and some it leaves to encoding/json, without Refs.
type (
	diffInner struct {
		A    *string     `json:"a,omitempty"`
		B    int8        `json:"b"`
		List []diffInner `json:"list,omitzero"`
	}
	diffEmbedded struct {
		E      string `json:"e"`
		Shared string `json:"shared"`
		Twin   string `json:"twin"`
	}
	// DiffExported is embedded through a pointer.
	DiffExported struct {
		X      int `json:"x"`
		Shared string
		Twin   string `json:"twin"`
	}
	diffDoc struct {
		diffEmbedded
		*DiffExported
		ODataType *string `json:"@odata.type,omitzero"`
		Name      string
		NamePtr   *string `json:"namePtr"`
		Bool      bool
		BoolPtr   *bool
		I8        int8
		I16       int16
		I32       *int32
		I64       int64
		I         int
		U8        uint8
		U16       uint16
		U32       uint32
		U64       *uint64
		Uptr      uintptr
		F32       float32
		F64       *float64
		Strs      []string
		Ints      []int32
		Bytes     []byte
		Raw       json.RawMessage
		Raws      []json.RawMessage
		RawPtr    *json.RawMessage
		Time      time.Time
		TimePtr   *time.Time
		Date      Date
		DatePtr   *Date
		Dur       *Duration
		Tod       *TimeOfDay
		Enum      testUserType
		EnumPtr   *testUserType
		Inner     diffInner
		InnerPtr  *diffInner
		Inners    []diffInner
		InnerPtrs []*diffInner
		PtrPtr    **int
		Any       any
		Anys      []any
		Map       map[string]int
		Arr       [2]int
		Num       json.Number
		Ignored   string `json:"-"`
		Dash      string `json:"-,"`
		Kelvin    string `json:"k"`
		Uni       string `json:"ünï"`
		Stringer  fmt.Stringer
		hidden    string
	}
	// diffQuoted has a ",string" field, which makes polyDecoder leave the
	// whole struct to encoding/json.
	diffQuoted struct {
		N int  `json:"n,string"`
		M *int `json:"m"`
	}
)

// diffTargets returns new values of the types the differential tests decode
// into, by index.
func diffTargets() []func() any {
	return []func() any{
		func() any { return new(diffDoc) },
		func() any { return new([]diffDoc) },
		func() any { return new(any) },
		func() any { return new(int32) },
		func() any { return new(*string) },
		func() any { return new(time.Time) },
		func() any { return new(Date) },
		func() any { return new(*Date) },
		func() any { return new(json.RawMessage) },
		func() any { return new([]byte) },
		func() any { return new(diffQuoted) },
		func() any { return new(map[string]diffInner) },
		func() any { return new(float32) },
		func() any { return new(uint16) },
	}
}

// diffCases are inputs for the differential tests and seeds for the fuzz
// target.
var diffCases = []string{
	`{}`, `null`, ` {"Name":"x"} `, `[]`, `[{}, null, {"name":"y"}]`,
	// names: exact first, then case-insensitively; duplicates, the last wins
	`{"name":"a","NAME":"b"}`, `{"Name":"a","name":"b"}`, `{"namePTR":"p","NamePtr":"q"}`,
	`{"SHARED":"folded","shared":"exact"}`, `{"Shared":"exact-upper"}`, `{"twin":"hidden by the tie"}`,
	`{"x":1,"X":2}`, `{"e":"embedded","E":"again"}`, `{"\u212a":"kelvin","K":"k"}`, `{"ÜNÏ":"unicode fold"}`,
	`{"\u0041ny":[1,"2",{"3":null}]}`, `{"unknown":{"deep":[1,2,{"x":"y"}]},"Name":"kept"}`,
	`{"Ignored":"no","-":"dash","hidden":"no"}`,
	// null
	`{"NamePtr":null,"Name":null,"Bool":null,"Strs":null,"Raw":null,"RawPtr":null,"Time":null,"TimePtr":null,` +
		`"Date":null,"DatePtr":null,"Any":null,"Map":null,"Inner":null,"InnerPtr":null,"PtrPtr":null,"Bytes":null}`,
	`{"NamePtr":"x","NamePtr":null}`, `{"Strs":["a","b"],"Strs":null}`, `{"Strs":["a","b","c"],"Strs":["z"]}`,
	`{"Inners":[{"a":"1","b":1},{"b":2,"list":[{"b":3}]}],"Inners":[{"b":9}]}`,
	`{"Inners":[{"b":1},{"a":"old"}],"Inners":[{"b":2}],"Inners":[{"b":3},{"b":4}]}`, // reuses the backing array
	`{"InnerPtr":{"a":"x"},"InnerPtr":{"b":2}}`, `{"Strs":[],"Ints":[]}`,
	// numbers
	`{"I8":127,"I16":-32768,"I32":2147483647,"I64":-9223372036854775808,"I":0,"U8":255,"U16":65535,` +
		`"U32":4294967295,"U64":18446744073709551615,"Uptr":1,"F32":3.4028234e38,"F64":-0}`,
	`{"I8":128}`, `{"I8":-129,"U8":-1,"U16":1.5,"I":1e3,"F32":3.5e38,"F64":1e400,"I64":9223372036854775808}`,
	`{"F32":16777217,"F64":123456789012345,"U64":-0,"I":-0,"F32":-0}`,
	`{"Any":1e999}`, `{"Anys":[1e999,2]}`, `{"Num":12.5e3}`, `{"Num":"nope"}`, `{"Num":"12"}`,
	// strings
	`{"Name":"a\"b\\c\/d\b\f\n\r\tz\u00e9\u20ac"}`, `{"Name":"\ud83d\ude00 pair"}`, `{"Name":"\ud83d lone"}`,
	`{"Name":"\ude00\ud83d reversed"}`, `{"Name":"\ud83d\u0041 then A"}`, "{\"Name\":\"bad \xff\xfe utf8\"}",
	"{\"Name\":\"trunc \xe2\x82\"}", "{\"N\xffme\":\"bad key\"}", `{"Bytes":"aGVsbG8="}`, `{"Bytes":"not base64!"}`,
	`{"Bytes":[1,2,3]}`, `{"Bytes":"aGVs\nbG8="}`,
	// mismatches
	`{"Name":1}`, `{"Bool":"true"}`, `{"I32":"1"}`, `{"Strs":"a"}`, `{"Strs":[1,"b",true]}`, `{"Inner":[1]}`,
	`{"Inner":"x"}`, `{"Inner":{"b":"x","list":[{"b":{}}]}}`, `{"Date":5}`, `{"DatePtr":true}`, `{"Date":{}}`,
	`{"Date":[]}`, `{"Date":"2024-13-01"}`, `{"Date":"2024-02-29","Tod":"08:30:00","Dur":"P1DT2H"}`,
	`{"Time":"2021-07-01T09:30:00Z","TimePtr":"2021-07-01T09:30:00.5+02:00"}`, `{"Time":5}`, `{"TimePtr":"yesterday"}`,
	`{"Enum":"member","EnumPtr":"guest","Enum":3}`, `{"Map":{"a":1,"b":"x"}}`, `{"Arr":[1,2,3]}`, `{"Arr":[1]}`,
	`{"Stringer":{}}`, `{"Stringer":null}`, `{"Raw":{"a" : [1, 2]},"Raws":[1,"x",null,{}],"RawPtr":  true }`,
	`{"PtrPtr":5}`, `{"@odata.type":"#x","@ODATA.TYPE":"#y"}`, `{"x":1,"Shared":"via pointer"}`,
	`{"n":"12","m":3}`, `{"n":12}`, `{"a":{"b":1},"c":{"a":"x","b":"y"}}`,
	`"2024-02-29"`, `"x"`, `12`, `-7`, `70000`, `1.5`, `true`, `"aGk="`, `[1,2]`,
	// syntax errors and depth
	``, ` `, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[1 2]`, `{"a" 1}`, `01`, `1.`, `-`, `1e`, `.5`, `+1`,
	`tru`, `nul`, `"\x"`, `"\u12"`, "\"ctl \x01\"", `{"a":1}}`, `{} {}`, `[`, `"`, `{"a":1 "b":2}`,
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000), strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	`{"Any":` + strings.Repeat(`{"a":`, 9999) + `1` + strings.Repeat(`}`, 9999) + `}`,
	`{"Any":` + strings.Repeat(`{"a":`, 10000) + `1` + strings.Repeat(`}`, 10000) + `}`,
}

// checkSame decodes data with json.Unmarshal and polyUnmarshal into new
// values from target, twice over (the second time into the values the
// first left, as with duplicate members), and reports any difference in
// the values or the errors.
func checkSame(t *testing.T, target func() any, inputs ...[]byte) {
	t.Helper()
	want, got := target(), target()
	for _, data := range inputs {
		werr := json.Unmarshal(data, want)
		gerr := polyUnmarshal(data, got)
		if msg := diffErrors(gerr, werr); msg != "" {
			t.Fatalf("%T from %q: %s", want, data, msg)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%T from %q:\ngot  %+v\nwant %+v", want, data, got, want)
		}
		gb, gmerr := json.Marshal(got)
		wb, wmerr := json.Marshal(want)
		if string(gb) != string(wb) || (gmerr == nil) != (wmerr == nil) {
			t.Fatalf("%T from %q: encodes as\n%s\nwant\n%s", want, data, gb, wb)
		}
	}
}

// diffErrors describes how got differs from want, the error of
// encoding/json: in text, and in offset for syntax and type errors.
func diffErrors(got, want error) string {
	if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
		return fmt.Sprintf("error %v, want %v", got, want)
	}
	var gt, wt *json.UnmarshalTypeError
	if errors.As(got, &gt) && errors.As(want, &wt) && gt.Offset != wt.Offset {
		return fmt.Sprintf("error %v at offset %d, want %d", got, gt.Offset, wt.Offset)
	}
	var gs, ws *json.SyntaxError
	if errors.As(got, &gs) && errors.As(want, &ws) && gs.Offset != ws.Offset {
		return fmt.Sprintf("syntax error %v at offset %d, want %d", got, gs.Offset, ws.Offset)
	}
	return ""
}

// TestPolyUnmarshalMatchesEncodingJSON compares polyUnmarshal with
// json.Unmarshal on every case and target, decoding each case once and then
// once more into what it left.
func TestPolyUnmarshalMatchesEncodingJSON(t *testing.T) {
	for _, target := range diffTargets() {
		for _, c := range diffCases {
			checkSame(t, target, []byte(c), []byte(c))
		}
		for i := 1; i < len(diffCases); i++ {
			checkSame(t, target, []byte(diffCases[i-1]), []byte(diffCases[i]))
		}
	}
}

// FuzzDecodeMatchesEncodingJSON compares polyUnmarshal with json.Unmarshal
// on arbitrary input decoded twice into a value of one of the diffTargets
// types.
func FuzzDecodeMatchesEncodingJSON(f *testing.F) {
	for i, c := range diffCases {
		if len(c) < 1000 {
			f.Add([]byte(c), []byte(diffCases[(i+1)%len(diffCases)]), uint8(i))
		}
	}
	targets := diffTargets()
	f.Fuzz(func(t *testing.T, first, second []byte, which uint8) {
		checkSame(t, targets[int(which)%len(targets)], first, second)
	})
}

// TestPolyUnmarshalConcurrent decodes a type no other test uses from many
// goroutines at once, so that they build and cache its plan concurrently
// (run with -race).
func TestPolyUnmarshalConcurrent(t *testing.T) {
	type node struct {
		Name  string `json:"name"`
		Nodes []node `json:"nodes"`
		Next  *node  `json:"next"`
		Refs  []testAnimalRef
	}
	data := []byte(`{"name":"a","nodes":[{"name":"b","next":{"name":"c"}}],"Refs":[{"@odata.type":"#test.dog","name":"d"}]}`)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			var got node
			if err := polyUnmarshal(data, &got); err != nil {
				errs <- err
				return
			}
			if len(got.Nodes) != 1 || got.Nodes[0].Next == nil || got.Nodes[0].Next.Name != "c" || len(got.Refs) != 1 {
				errs <- fmt.Errorf("decoded %+v", got)
				return
			}
			if dog, ok := got.Refs[0].TestAnimalClass.(*testDog); !ok || *dog.Name != "d" {
				errs <- fmt.Errorf("Refs[0] = %#v, want a *testDog", got.Refs[0].TestAnimalClass)
				return
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
